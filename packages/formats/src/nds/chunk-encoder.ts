/**
 * Text → bytes for the streaming writer, which encodes megabytes per chunk: windows-1251 by a 64 Ki-entry table
 * (one array read per character; the table is the inverse of the platform decoder, as in xml/encoding), UTF-8 by
 * Node's native encoder. A character windows-1251 cannot hold is handed to `encodeXml`, which reports it as
 * XML_WRITE_INVALID — never a silent "?".
 */
import { encodeXml, type XmlEncoding } from '../xml/encoding.js';

let table: Uint8Array | undefined;

function windows1251Table(): Uint8Array {
  const bytes = new Uint8Array(128).map((_, index) => 0x80 + index);
  const text = new TextDecoder('windows-1251').decode(bytes);
  const result = new Uint8Array(65536);
  for (let index = 0; index < 128; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0xfffd) result[code] = 0x80 + index;
  }
  return result;
}

export function encodeChunk(text: string, encoding: XmlEncoding): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  table ??= windows1251Table();
  const lookup = table;
  const out = Buffer.allocUnsafe(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      out[index] = code;
      continue;
    }
    const byte = lookup[code] as number;
    if (byte === 0) return encodeXml(text, encoding);
    out[index] = byte;
  }
  return out;
}
