/**
 * Excel's rules for sheet names: at most 31 characters, none of `[ ] : * ? / \`, no apostrophe at either
 * end, not «History», unique regardless of case.
 */
const MAX_LENGTH = 31;

export class SheetNames {
  private readonly taken = new Set<string>(['history']);

  /** A valid, unused name as close to `wanted` as the rules allow. */
  claim(wanted: string): string {
    const base = cleanSheetName(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

export function cleanSheetName(wanted: string): string {
  const cleaned = wanted
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = [...cleaned].length > MAX_LENGTH ? `${[...cleaned].slice(0, MAX_LENGTH - 1).join('').trimEnd()}…` : cleaned;
  return cut === '' ? 'Лист' : cut;
}
