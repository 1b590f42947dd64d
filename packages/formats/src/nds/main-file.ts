/**
 * The title of the declaration's main file NO_NDS (КНД 1151001, formats 5.11/5.12): who files, for which
 * period, which correction, and the names of the section files it comes with. Sections 1–7 are not read
 * (no traceability data there). Source: shared/fns-formats/derived/nds-NO_NDS-main-1151001-5.1x.structure.tsv.
 */
import { type CalendarDate } from '@sledopyt/core';
import { INN_FL_PATTERN, INN_UL_PATTERN, KPP_PATTERN } from '../common/codes.js';
import { formatError } from '../xml/format-error.js';
import { loadXml, type LoadXmlOptions } from '../xml/load.js';
import type { XmlNode } from '../xml/node.js';

export const NDS_KND = '1151001';

export interface NdsDeclarationTitle {
  ИдФайл: string;
  ВерсПрог: string;
  ВерсФорм: string;
  КНД: string;
  ДатаДок: CalendarDate;
  /** Tax period code (21–24 = Q1–Q4 …). */
  Период: string;
  ОтчетГод: number;
  КодНО: string;
  НомКорр: number;
  ПоМесту: string;
  taxpayer: { kind: 'НПЮЛ'; НаимОрг: string; ИННЮЛ: string; КПП: string } | { kind: 'НПФЛ'; ИННФЛ: string; Фамилия: string; Имя: string; Отчество: string | undefined };
  /** File names of the sections (with `.xml`), as listed in `Документ/НДС`. */
  sections: {
    КнигаПокуп: string | undefined;
    КнигаПокупДЛ: string | undefined;
    КнигаПрод: string | undefined;
    КнигаПродДЛ: string | undefined;
  };
  /** ПризнНал8-12, ПризнНал8 … ПризнНал12 as written. */
  flags: Record<string, string>;
}

const SECTION_REFERENCES = [
  ['КнигаПокуп', 'НаимКнПок'],
  ['КнигаПокупДЛ', 'НаимКнПокДЛ'],
  ['КнигаПрод', 'НаимКнПрод'],
  ['КнигаПродДЛ', 'НаимКнПродДЛ'],
] as const;

const FLAGS = ['ПризнНал8-12', 'ПризнНал8', 'ПризнНал81', 'ПризнНал9', 'ПризнНал91', 'ПризнНал10', 'ПризнНал11', 'ПризнНал12'] as const;

/** Reads the title of a NO_NDS main file (a small file: read in memory through the safe loader). */
export function readNdsDeclarationTitle(bytes: Uint8Array, options: LoadXmlOptions = {}): NdsDeclarationTitle {
  const { root } = loadXml(bytes, options);
  if (root.name !== 'Файл') {
    throw formatError({ code: 'XML_WRONG_ROOT', file: options.file, path: root.name, message: `The root element is <${root.name}>, not <Файл>`, messageRu: `корневой элемент <${root.name}>, а в файлах обмена ФНС он называется <Файл>` });
  }
  const document = root.child('Документ');
  const knd = document.attr('КНД');
  if (knd !== NDS_KND) {
    throw document.invalid('КНД', knd, `КНД ${NDS_KND} (VAT declaration)`, `КНД ${NDS_KND} (декларация по НДС)`);
  }
  const nds = document.optChild('НДС');
  const sectionName = (element: string, attribute: string) => nds?.optChild(element)?.attr(attribute);
  const flags: Record<string, string> = {};
  for (const flag of FLAGS) {
    const value = root.optAttr(flag);
    if (value !== undefined) flags[flag] = value;
  }
  return {
    ИдФайл: root.attr('ИдФайл'),
    ВерсПрог: root.attr('ВерсПрог'),
    ВерсФорм: root.attr('ВерсФорм'),
    КНД: knd,
    ДатаДок: document.date('ДатаДок'),
    Период: document.matching('Период', /^\d{2}$/, 'a two-digit period code', 'код периода из двух цифр'),
    ОтчетГод: document.integer('ОтчетГод', 4),
    КодНО: document.matching('КодНО', /^\d{4}$/, 'a 4-digit tax office code', 'код налогового органа из 4 цифр'),
    НомКорр: document.integer('НомКорр', 3),
    ПоМесту: document.attr('ПоМесту'),
    taxpayer: readTaxpayer(document.child('СвНП')),
    sections: Object.fromEntries(SECTION_REFERENCES.map(([element, attribute]) => [element, sectionName(element, attribute)])) as NdsDeclarationTitle['sections'],
    flags,
  };
}

function readTaxpayer(node: XmlNode): NdsDeclarationTitle['taxpayer'] {
  const { name, node: taxpayer } = node.choice(['НПЮЛ', 'НПФЛ'] as const);
  if (name === 'НПЮЛ') {
    return {
      kind: 'НПЮЛ',
      НаимОрг: taxpayer.attr('НаимОрг'),
      ИННЮЛ: taxpayer.matching('ИННЮЛ', INN_UL_PATTERN, 'a 10-digit ИНН', 'ИНН организации из 10 цифр'),
      КПП: taxpayer.matching('КПП', KPP_PATTERN, 'a КПП', 'КПП из 9 знаков'),
    };
  }
  const fio = taxpayer.child('ФИО');
  return {
    kind: 'НПФЛ',
    ИННФЛ: taxpayer.matching('ИННФЛ', INN_FL_PATTERN, 'a 12-digit ИНН', 'ИНН физического лица из 12 цифр'),
    Фамилия: fio.attr('Фамилия'),
    Имя: fio.attr('Имя'),
    Отчество: fio.optAttr('Отчество'),
  };
}
