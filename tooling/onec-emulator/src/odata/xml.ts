/** Escaping for the hand-written XML documents (Atom, CSDL, errors). */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const NS_ATOM = 'http://www.w3.org/2005/Atom';
export const NS_DATA = 'http://schemas.microsoft.com/ado/2007/08/dataservices';
export const NS_METADATA = 'http://schemas.microsoft.com/ado/2007/08/dataservices/metadata';
