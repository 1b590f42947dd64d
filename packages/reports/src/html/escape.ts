/** The one escaper of the HTML report: every text that comes from data goes through it, in text and in attributes. */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
