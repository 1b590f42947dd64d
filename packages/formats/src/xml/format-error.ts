/**
 * One error type for every broken input file: a SledopytError whose details say where the problem is
 * (file, line/column when known, the element/attribute path), so that a user can open the file and fix it.
 */
import { SledopytError } from '@sledopyt/core';

export const FORMAT_ERROR_CODES = [
  /** DOCTYPE or ENTITY declarations: refused (entity expansion bombs, external entities). */
  'XML_DOCTYPE_FORBIDDEN',
  /** The declared or detected encoding is neither windows-1251 nor UTF-8. */
  'XML_ENCODING_UNSUPPORTED',
  /** The bytes do not match the declared encoding (e.g. UTF-8 bytes declared windows-1251). */
  'XML_ENCODING_MISMATCH',
  /** The file ends before the document does. */
  'XML_TRUNCATED',
  /** Not well-formed XML. */
  'XML_MALFORMED',
  /** A size or depth limit of the safe reader was exceeded (e.g. a 50 MB attribute value). */
  'XML_LIMIT_EXCEEDED',
  /** Well-formed, but the root element or the document kind is not the one expected. */
  'XML_WRONG_ROOT',
  /** The file is XML, but not a format this package knows. */
  'XML_FORMAT_UNKNOWN',
  /** A mandatory element or attribute is absent. */
  'XML_REQUIRED_MISSING',
  /** A value does not have the required form (number, date, code, RNPT…). */
  'XML_VALUE_INVALID',
  /** A model given to a writer cannot be written (e.g. a character windows-1251 cannot encode). */
  'XML_WRITE_INVALID',
] as const;

export type FormatErrorCode = (typeof FORMAT_ERROR_CODES)[number];

/** Where in a file a problem is. Every field is optional: say what is known. */
export interface XmlLocation {
  /** The file name as the user gave it. */
  file?: string | undefined;
  /** 1-based line. */
  line?: number | undefined;
  /** 1-based column (in characters). */
  column?: number | undefined;
  /** Element path from the root, e.g. `Файл/Документ/ТаблСчФакт/СведТов[2]/ДопСведТов/СведПрослеж[1]`. */
  path?: string | undefined;
  /** Attribute name, when the problem is in one attribute. */
  attribute?: string | undefined;
}

export interface FormatErrorInit extends XmlLocation {
  code: FormatErrorCode;
  /** English, for logs, without the location (it is prefixed). */
  message: string;
  /** Russian, for users: what is wrong and what to do, without the location (it is prefixed). */
  messageRu: string;
  /** Extra structured facts (value excerpt, limit, nested error code…). */
  extra?: Record<string, unknown>;
  cause?: unknown;
}

/** `file:line:column, Файл/Документ/@Функция` — the location prefix of English messages. */
export function describeLocation(location: XmlLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined) {
    let where = location.file;
    if (location.line !== undefined) where += `:${location.line}`;
    if (location.line !== undefined && location.column !== undefined) where += `:${location.column}`;
    parts.push(where);
  } else if (location.line !== undefined) {
    parts.push(`line ${location.line}${location.column === undefined ? '' : `:${location.column}`}`);
  }
  const node = nodeLabel(location);
  if (node !== undefined) parts.push(node);
  return parts.join(', ');
}

/** The same location in Russian for `messageRu`. */
export function describeLocationRu(location: XmlLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(`файл ${location.file}`);
  if (location.line !== undefined) {
    parts.push(`строка ${location.line}${location.column === undefined ? '' : `, позиция ${location.column}`}`);
  }
  const node = nodeLabel(location);
  if (node !== undefined) parts.push(location.attribute === undefined ? `элемент ${node}` : `атрибут ${node}`);
  return parts.join(', ');
}

function nodeLabel(location: XmlLocation): string | undefined {
  if (location.path === undefined && location.attribute === undefined) return undefined;
  if (location.attribute === undefined) return location.path;
  return `${location.path ?? ''}/@${location.attribute}`;
}

/** Builds the SledopytError for a broken or unexpected input file. */
export function formatError(init: FormatErrorInit): SledopytError {
  const where = describeLocation(init);
  const whereRu = describeLocationRu(init);
  const details: Record<string, unknown> = { ...init.extra };
  for (const key of ['file', 'line', 'column', 'path', 'attribute'] as const) {
    if (init[key] !== undefined) details[key] = init[key];
  }
  return new SledopytError({
    code: init.code,
    message: where === '' ? init.message : `${where}: ${init.message}`,
    messageRu: whereRu === '' ? init.messageRu : `${capitalize(whereRu)}: ${init.messageRu}`,
    actor: 'user',
    details,
    cause: init.cause,
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A short excerpt of a value for error details: never put a 50 MB value into a log line. */
export function excerpt(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} chars)`;
}
