/**
 * Which ФНС document is this? Reads only the head of the file (root `Файл` and the start tag of `Документ`),
 * so it is cheap even for a multi-gigabyte VAT section. Decides by КНД, then by the section index of VAT
 * declaration files (`Документ/@Индекс`), then by the ИдФайл prefix.
 */
import { open } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import { detectXmlEncoding, type XmlEncoding } from './encoding.js';
import { formatError } from './format-error.js';
import { parseFileName } from './file-names.js';
import { XmlSafetyScanner } from './safety.js';

export const FORMAT_KINDS = {
  upd: { prefix: 'ON_NSCHFDOPPR', knd: '1115131', titleRu: 'УПД / счёт-фактура (информация продавца)' },
  ukd: { prefix: 'ON_NKORSCHFDOPPR', knd: '1115133', titleRu: 'УКД / корректировочный счёт-фактура (информация продавца)' },
  'nds-main': { prefix: 'NO_NDS', knd: '1151001', titleRu: 'Декларация по НДС (основной файл)' },
  'nds-8': { prefix: 'NO_NDS.8', index: '0000080', titleRu: 'Декларация по НДС, раздел 8 (книга покупок)' },
  'nds-8.1': { prefix: 'NO_NDS.81', index: '0000081', titleRu: 'Декларация по НДС, приложение 1 к разделу 8' },
  'nds-9': { prefix: 'NO_NDS.9', index: '0000090', titleRu: 'Декларация по НДС, раздел 9 (книга продаж)' },
  'nds-9.1': { prefix: 'NO_NDS.91', index: '0000091', titleRu: 'Декларация по НДС, приложение 1 к разделу 9' },
  'import-notice': { prefix: 'ON_UVVOZTOV', knd: '1169008', titleRu: 'Уведомление о ввозе прослеживаемых товаров из ЕАЭС' },
  'export-notice': { prefix: 'ON_UVVIOZTOV', knd: '1169009', titleRu: 'Уведомление о перемещении прослеживаемых товаров в ЕАЭС' },
  'export-notice-transit': {
    prefix: 'ON_UVVIOZTOV2',
    knd: '1184054',
    titleRu: 'Уведомление о перемещении прослеживаемых товаров в ЕАЭС (рекомендуемая форма, с транзитом)',
  },
  'remains-notice': { prefix: 'ON_UVOSTTOV', knd: '1169011', titleRu: 'Уведомление об остатках прослеживаемых товаров' },
  'operations-report': { prefix: 'ON_OTCHOPTOV', knd: '1169010', titleRu: 'Отчёт об операциях с прослеживаемыми товарами' },
} as const satisfies Record<string, { prefix: string; knd?: string; index?: string; titleRu: string }>;

export type FormatKind = keyof typeof FORMAT_KINDS;

export interface DetectedFormat {
  kind: FormatKind;
  /** `Файл/@ВерсФорм`, e.g. `5.03`. */
  version: string;
  /** `Файл/@ИдФайл`. */
  fileId: string;
  /** `Документ/@КНД`, when present (VAT section files have none). */
  knd?: string;
  encoding: XmlEncoding;
}

/** How much of the file head is read to find `Документ`; real headers are a few hundred bytes. */
const HEAD_BYTES = 64 * 1024;

/** A section of the VAT declaration (8, 8.1, 9, 9.1: the files with an `Индекс`), read as a stream. */
export function isDeclarationSectionKind(kind: FormatKind): boolean {
  return 'index' in FORMAT_KINDS[kind];
}

/**
 * The head of a file on disk for `detectFormat`: HEAD_BYTES and one byte more, which tells it that the file goes
 * on (a head of exactly HEAD_BYTES would be taken for the whole file, and a larger file would look truncated).
 * File-system errors are thrown as they are: each caller words them for its users.
 */
export async function readFormatHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES + 1);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const KNOWN_OTHER_KND: Record<string, string> = {
  '1115132': 'УПД, информация покупателя (ON_NSCHFDOPPOK) — в ней нет сведений о прослеживаемости',
  '1115134': 'УКД, информация покупателя (ON_NKORSCHFDOPPOK)',
  '1115125': 'счёт-фактура старого формата ON_SCHFDOPPR (приказ ММВ-7-15/155@)',
};

export function detectFormat(bytes: Uint8Array, file?: string): DetectedFormat {
  const head = bytes.subarray(0, HEAD_BYTES);
  const partial = bytes.length > HEAD_BYTES;
  const { encoding, bomLength } = detectXmlEncoding(head, { file, partial });
  const scanner = new XmlSafetyScanner({ file, encoding });
  scanner.push(head);
  if (!partial) scanner.end();

  // Not fatal: the head may end inside a multi-byte character (the encoding itself was checked above).
  const header = readHeader(new TextDecoder(encoding).decode(head.subarray(bomLength)), file, partial);
  if (header.root !== 'Файл') {
    throw formatError({
      code: 'XML_WRONG_ROOT',
      file,
      line: header.rootLine,
      path: header.root,
      message: `The root element is <${header.root}>, not <Файл>: not an ФНС exchange file`,
      messageRu: `корневой элемент <${header.root}>, а в файлах обмена ФНС он называется <Файл>. Это не документ ФНС`,
      extra: { root: header.root },
    });
  }
  const fileId = header.fileAttributes['ИдФайл'] ?? '';
  const version = header.fileAttributes['ВерсФорм'] ?? '';
  const knd = header.documentAttributes?.['КНД'];
  const index = header.documentAttributes?.['Индекс'];

  const kind = kindByKnd(knd) ?? kindByIndex(index) ?? kindByFileId(fileId);
  if (kind === undefined) {
    const known = knd === undefined ? undefined : KNOWN_OTHER_KND[knd];
    throw formatError({
      code: 'XML_FORMAT_UNKNOWN',
      file,
      path: 'Файл',
      message: `Unknown document: КНД ${knd ?? '—'}, ИдФайл ${fileId || '—'}, ВерсФорм ${version || '—'}`,
      messageRu: known
        ? `это ${known}; такой документ не обрабатывается`
        : `неизвестный вид документа (КНД ${knd ?? 'не указан'}, ИдФайл ${fileId || 'не указан'}). Поддерживаются УПД, УКД, декларация по НДС (разделы 8 и 9), уведомления и отчёт о прослеживаемых товарах`,
      extra: { knd, fileId, version },
    });
  }
  const detected: DetectedFormat = { kind, version, fileId, encoding };
  if (knd !== undefined) detected.knd = knd;
  return detected;
}

function kindByKnd(knd: string | undefined): FormatKind | undefined {
  return knd === undefined ? undefined : findKind((spec) => 'knd' in spec && spec.knd === knd);
}

function kindByIndex(index: string | undefined): FormatKind | undefined {
  return index === undefined ? undefined : findKind((spec) => 'index' in spec && spec.index === index);
}

function findKind(test: (spec: (typeof FORMAT_KINDS)[FormatKind]) => boolean): FormatKind | undefined {
  return (Object.keys(FORMAT_KINDS) as FormatKind[]).find((kind) => test(FORMAT_KINDS[kind]));
}

function kindByFileId(fileId: string): FormatKind | undefined {
  const parsed = parseFileName(fileId);
  if (parsed === undefined) return undefined;
  return findKind((spec) => spec.prefix === parsed.prefix);
}

interface Header {
  root: string;
  rootLine: number;
  fileAttributes: Record<string, string>;
  documentAttributes?: Record<string, string>;
}

class HeaderDone {
  constructor(readonly header: Header) {}
}

/** Parses start tags until `Документ` (or the root's end) and stops. */
function readHeader(text: string, file: string | undefined, partial: boolean): Header {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let header: Header | undefined;
  let depth = 0;
  parser.on('error', (error) => {
    throw formatError({
      code: 'XML_MALFORMED',
      file,
      line: parser.line,
      column: parser.column + 1,
      message: `Not well-formed XML: ${error.message.replace(/^\d+:\d+: /, '')}`,
      messageRu: 'файл не является правильным XML. Файл повреждён; получите его заново у отправителя',
    });
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (header === undefined) {
      const root: Header = { root: tag.name, rootLine: parser.line, fileAttributes: { ...tag.attributes } };
      header = root;
      if (tag.name !== 'Файл') throw new HeaderDone(root);
    } else if (depth === 2 && tag.name === 'Документ') {
      header.documentAttributes = { ...tag.attributes };
      throw new HeaderDone(header);
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  try {
    parser.write(text);
    if (!partial) parser.close();
  } catch (caught) {
    if (caught instanceof HeaderDone) return caught.header;
    throw caught;
  }
  if (header === undefined) {
    throw formatError({
      code: 'XML_TRUNCATED',
      file,
      message: 'No root element in the head of the file',
      messageRu: 'в начале файла нет корневого элемента — файл пуст, обрезан или это не XML',
    });
  }
  return header;
}
