/**
 * Checks shared by the readers: the root element, the form version and КНД, RNPT attributes (with the core's
 * validator), and the final check of a read model against its zod schema.
 */
import { parseRnpt } from '@sledopyt/core';
import type { z } from 'zod';
import { formatError } from '../xml/format-error.js';
import type { XmlNode } from '../xml/node.js';

export interface ReadOptions {
  /** The file name, for error messages. */
  file?: string | undefined;
  /**
   * Refuse a document with an invalid RNPT (default). `validateDocument` reads with `false` and reports
   * every bad RNPT as a problem instead of stopping at the first.
   */
  strictRnpt?: boolean;
}

export interface ExpectedDocument {
  /** Russian name of the document for messages, e.g. «УПД». */
  titleRu: string;
  versions: readonly string[];
  /** `Документ/@КНД`, when the format has one. */
  knd?: string;
}

/** Checks `Файл`, `@ВерсФорм` and `Документ/@КНД`; returns the version and the `Документ` node. */
export function checkFileHeader<V extends string>(root: XmlNode, expected: ExpectedDocument & { versions: readonly V[] }): { version: V; document: XmlNode } {
  if (root.name !== 'Файл') {
    throw root.error(
      'XML_WRONG_ROOT',
      `The root element is <${root.name}>, expected <Файл>`,
      `корневой элемент <${root.name}>, а у документа «${expected.titleRu}» он должен называться <Файл>`,
    );
  }
  const version = root.attr('ВерсФорм');
  if (!(expected.versions as readonly string[]).includes(version)) {
    throw root.error(
      'XML_VALUE_INVALID',
      `Unsupported format version ${version} (supported: ${expected.versions.join(', ')})`,
      `версия формата ${version} не поддерживается для документа «${expected.titleRu}» (поддерживаются ${expected.versions.join(', ')})`,
      'ВерсФорм',
      { version },
    );
  }
  const document = root.child('Документ');
  if (expected.knd !== undefined) {
    const knd = document.attr('КНД');
    if (knd !== expected.knd) {
      throw document.error(
        'XML_WRONG_ROOT',
        `КНД ${knd} is not ${expected.knd}: a different document`,
        `КНД ${knd} не соответствует документу «${expected.titleRu}» (ожидается ${expected.knd})`,
        'КНД',
        { knd, expected: expected.knd },
      );
    }
  }
  return { version: version as V, document };
}

/** An RNPT attribute: read, and (when strict) checked with the core's validator as it is filed (no normalisation). */
export function readRnptAttr(node: XmlNode, attribute: string, options: ReadOptions): string {
  const value = node.attr(attribute);
  if (options.strictRnpt === false) return value;
  const parsed = parseRnpt(value, { strict: true });
  if (!parsed.ok) {
    throw node.error(
      'XML_VALUE_INVALID',
      `Invalid RNPT "${value}" (${parsed.error.code}): ${parsed.error.message}`,
      `неверный РНПТ «${value}» (${parsed.error.code}): ${parsed.error.messageRu}`,
      attribute,
      { value, rnptCode: parsed.error.code, rnptDetails: parsed.error.details },
    );
  }
  return value;
}

/**
 * Parses the assembled model with its schema. Readers check every field on the way, so a failure here is a
 * mismatch between reader and model; it is still reported as a located, user-facing error, never a crash.
 */
export function finishModel<S extends z.ZodType>(schema: S, model: unknown, root: XmlNode): z.output<S> {
  const parsed = schema.safeParse(model);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
  throw formatError({
    code: 'XML_VALUE_INVALID',
    file: root.file,
    path: root.path,
    message: `The document does not fit the model: ${issues.join('; ')}`,
    messageRu: `документ заполнен с ошибками: ${issues.join('; ')}`,
    extra: { issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })) },
  });
}

/** Optional fields are absent, not `undefined` (exactOptionalPropertyTypes; stable round trips). */
export function dropUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
