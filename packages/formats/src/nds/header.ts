/**
 * The header of a book section file — `Файл` (ИдФайл, ВерсПрог, ВерсФорм), `Документ` (Индекс, НомКорр,
 * ПризнСвед…) and the book's totals — from the attributes both readers collect before the first line.
 */
import type { Kopecks } from '@sledopyt/core';
import type { XmlEncoding } from '../xml/encoding.js';
import { parseFileName } from '../xml/file-names.js';
import { excerpt, formatError } from '../xml/format-error.js';
import { parseInteger, parseKopecks } from '../xml/values.js';
import { sectionByBookElement } from './line-rules.js';
import type { NdsSectionHeader } from './model.js';
import { DOCUMENT_ELEMENT, NDS_SECTIONS, ROOT_ELEMENT, sectionByIndex, type NdsSection } from './structure.js';

export interface HeadAttributes {
  root: Readonly<Record<string, string>>;
  document: Readonly<Record<string, string>>;
  /** The book element (`КнигаПрод`…), absent when the file has no book (ПризнСвед = 1). */
  bookName: string | undefined;
  book: Readonly<Record<string, string>> | undefined;
}

const DOCUMENT_PATH = `${ROOT_ELEMENT}/${DOCUMENT_ELEMENT}`;

/** Which section the file is, from `Документ/@Индекс` and the book element; they must agree. */
export function resolveSection(head: HeadAttributes, file: string | undefined, line?: number): NdsSection {
  const index = head.document['Индекс'];
  const byIndex = index === undefined ? undefined : sectionByIndex(index);
  const byBook = head.bookName === undefined ? undefined : sectionByBookElement(head.bookName);
  const section = byIndex ?? byBook;
  if (section === undefined) {
    throw formatError({
      code: 'XML_FORMAT_UNKNOWN',
      file,
      line,
      path: DOCUMENT_PATH,
      attribute: 'Индекс',
      message: `Not a book section of the VAT declaration: Индекс ${index ?? '—'}`,
      messageRu: `это не раздел 8, 8.1, 9 или 9.1 декларации по НДС (Индекс ${index ?? 'не указан'}; ожидается 0000080, 0000081, 0000090 или 0000091)`,
      extra: { index },
    });
  }
  if (byIndex !== undefined && byBook !== undefined && byIndex !== byBook) {
    throw formatError({
      code: 'XML_VALUE_INVALID',
      file,
      line,
      path: DOCUMENT_PATH,
      attribute: 'Индекс',
      message: `Индекс ${index ?? ''} is section ${byIndex}, but the book element is <${head.bookName ?? ''}> (section ${byBook})`,
      messageRu: `Индекс ${index ?? ''} означает раздел ${byIndex}, а в файле книга <${head.bookName ?? ''}> раздела ${byBook}. Файл составлен с ошибкой`,
    });
  }
  return section;
}

export function buildSectionHeader(head: HeadAttributes, section: NdsSection, encoding: XmlEncoding, file: string | undefined): NdsSectionHeader {
  const spec = NDS_SECTIONS[section];
  const required = (attributes: Readonly<Record<string, string>>, name: string, path: string): string => {
    const value = attributes[name];
    if (value === undefined || value === '') {
      throw formatError({
        code: 'XML_REQUIRED_MISSING',
        file,
        path,
        attribute: name,
        message: `Required attribute ${name} is missing`,
        messageRu: `нет обязательного атрибута ${name}. Файл составлен с ошибкой; запросите исправленный`,
      });
    }
    return value;
  };
  const invalid = (path: string, attribute: string, value: string, expected: string, expectedRu: string) =>
    formatError({
      code: 'XML_VALUE_INVALID',
      file,
      path,
      attribute,
      message: `Invalid value "${excerpt(value)}": expected ${expected}`,
      messageRu: `недопустимое значение «${excerpt(value)}»: ожидается ${expectedRu}`,
      extra: { value: excerpt(value) },
    });

  const fileId = required(head.root, 'ИдФайл', ROOT_ELEMENT);
  const correctionText = required(head.document, 'НомКорр', DOCUMENT_PATH);
  const correction = parseInteger(correctionText, 3);
  if (correction === undefined || correction < 0) {
    throw invalid(DOCUMENT_PATH, 'НомКорр', correctionText, 'a correction number 0–999', 'номер корректировки от 0 до 999');
  }
  let totals: Record<string, Kopecks> | undefined;
  if (head.book !== undefined) {
    totals = {};
    for (const [name, value] of Object.entries(head.book)) {
      const kopecks = parseKopecks(value, 17);
      if (kopecks === undefined) throw invalid(`${DOCUMENT_PATH}/${head.bookName ?? ''}`, name, value, 'an amount such as 1234.56', 'сумма вида 1234.56');
      totals[name] = kopecks;
    }
  }
  const parsedName = parseFileName(fileId);
  const fileName = parsedName?.family === 'tax-office' ? parsedName : undefined;
  const taxpayerId = fileName?.taxpayerId;
  return {
    section,
    book: spec.lines,
    ИдФайл: fileId,
    ВерсПрог: required(head.root, 'ВерсПрог', ROOT_ELEMENT),
    ВерсФорм: required(head.root, 'ВерсФорм', ROOT_ELEMENT),
    Индекс: head.document['Индекс'] ?? spec.index,
    НомКорр: correction,
    ПризнСвед: head.document[spec.flag],
    fileName,
    taxpayer:
      taxpayerId === undefined
        ? undefined
        : taxpayerId.length === 19
          ? { ИНН: taxpayerId.slice(0, 10), КПП: taxpayerId.slice(10) }
          : { ИНН: taxpayerId, КПП: undefined },
    totals,
    encoding,
  };
}
