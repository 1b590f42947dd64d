/**
 * The one safe way in for documents read into memory: size cap → encoding check → byte-level safety scan
 * (DOCTYPE, giant values, truncation) → decode → parse. Nothing reaches a parser before the checks pass.
 */
import { decodeXml, detectXmlEncoding, type XmlEncoding } from './encoding.js';
import { formatError } from './format-error.js';
import { XmlNode } from './node.js';
import { assertXmlSafe, type XmlSafetyLimits } from './safety.js';
import { parseXmlTree } from './tree.js';

/** In-memory documents (УПД, notifications) are small; VAT sections of gigabytes go through the streaming reader. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

export interface LoadXmlOptions {
  file?: string | undefined;
  maxDocumentBytes?: number;
  limits?: Partial<XmlSafetyLimits>;
}

export interface LoadedXml {
  root: XmlNode;
  encoding: XmlEncoding;
}

export function loadXml(bytes: Uint8Array, options: LoadXmlOptions = {}): LoadedXml {
  const file = options.file;
  const maxBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (bytes.length > maxBytes) {
    throw formatError({
      code: 'XML_LIMIT_EXCEEDED',
      file,
      message: `The file has ${bytes.length} bytes; documents read into memory are limited to ${maxBytes}`,
      messageRu: `файл слишком велик для этого вида документа (${bytes.length} байт, предел ${maxBytes})`,
      extra: { bytes: bytes.length, limit: maxBytes },
    });
  }
  const { encoding } = detectXmlEncoding(bytes, { file });
  assertXmlSafe(bytes, { file, encoding, ...(options.limits === undefined ? {} : { limits: options.limits }) });
  const { text } = decodeXml(bytes, { file });
  return { root: new XmlNode(parseXmlTree(text, file), file), encoding };
}
