/**
 * Parts shared by the traceability forms of приказ ЕД-7-15/645@ (notifications and the report on operations):
 * the taxpayer (`СвНП`), the signer (`Подписант`), the EAEU counterparty (`СвЛицПрд`), accompanying documents
 * and the file header. Structures come from 1C's export schemes (shared/fns-formats/derived/*.structure.tsv) [I].
 */
import { calendarDateSchema } from '@sledopyt/core';
import { z } from 'zod';
import { INN_FL_PATTERN, INN_UL_PATTERN, KPP_PATTERN, innFlSchema, innUlSchema, kppSchema, oksmSchema, text } from '../common/codes.js';
import { fioSchema, readFio, writeFio } from '../common/participant.js';
import { dropUndefined } from '../common/read-check.js';
import { newGuid, taxOfficeFileId, TAX_OFFICE_PATTERN } from '../xml/file-names.js';
import type { XmlNode } from '../xml/node.js';
import { formatXmlDate } from '../xml/values.js';
import { el, textEl, type XmlOut } from '../xml/writer.js';

/** `СвНП` / `Контрагент`: an organisation (`СведЮЛ`) or a sole trader (`СведИП`). */
export const formTaxpayerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('СведЮЛ'), НаимОрг: text(1000), ИННЮЛ: innUlSchema, КПП: kppSchema.optional() }),
  z.object({ kind: z.literal('СведИП'), ИННФЛ: innFlSchema, ФИО: fioSchema }),
]);
export type FormTaxpayer = z.output<typeof formTaxpayerSchema>;

/** `Подписант`: ПрПодп 1 = the taxpayer (its head), 2 = a representative (then `СвПред`). */
export const formSignerSchema = z.object({
  ПрПодп: z.enum(['1', '2']),
  ФИО: fioSchema,
  СвПред: z.object({ НаимДок: text(120), НаимОрг: text(1000).optional() }).optional(),
});
export type FormSigner = z.output<typeof formSignerSchema>;

/** `СвЛицПрд`: the counterparty in another EAEU state (seller for an import, buyer for a movement). */
export const eaeuPartySchema = z.object({
  ОКСМ: oksmSchema,
  /** Taxpayer id in that state (УНП, БИН, ИНН…), 8–14 characters. */
  ИдКод: z.string().min(8).max(14),
  Адрес: text(1000),
  НаимОрг: text(1000).optional(),
  ФИО: fioSchema.optional(),
});
export type EaeuParty = z.output<typeof eaeuPartySchema>;

/** `СвСопрДок`: ВидСопрДок 1 счёт-фактура, 2 УПД, 3 иной первичный документ. */
export const accompanyingDocumentSchema = z.object({
  ВидСопрДок: z.enum(['1', '2', '3']),
  ДатаСопрДок: calendarDateSchema,
  НомСопрДок: text(255),
});

/** Header fields common to the three notifications. */
export const noticeHeaderShape = {
  ИдФайл: text(255),
  ВерсПрог: text(40).optional(),
  НомУвед: text(255),
  ДатаУвед: calendarDateSchema,
  НомКорр: z.number().int().min(0).max(999).default(0),
  СвНП: formTaxpayerSchema,
  Подписант: formSignerSchema,
};

/** Writer options of the forms sent to a tax office. */
export interface FormWriteOptions {
  /** Code of the tax office the file goes to (A in the file name), 4 digits; required unless ИдФайл is given. */
  taxOffice?: string;
  /** Final recipient tax office (K), default = `taxOffice`. */
  finalTaxOffice?: string;
  guid?: string;
}

/** `ON_UVVOZTOV_<A>_<K>_<ИНН+КПП|ИНН>_<YYYYMMDD>_<GUID>`. */
export function formFileId(prefix: 'ON_UVVOZTOV' | 'ON_UVVIOZTOV2' | 'ON_UVOSTTOV' | 'ON_OTCHOPTOV', taxpayer: FormTaxpayer, date: Parameters<typeof formatXmlDate>[0], options: FormWriteOptions): string {
  const taxOffice = options.taxOffice ?? '';
  const taxpayerId = taxpayer.kind === 'СведЮЛ' ? `${taxpayer.ИННЮЛ}${taxpayer.КПП ?? ''}` : taxpayer.ИННФЛ;
  return taxOfficeFileId({
    prefix,
    taxOffice,
    finalTaxOffice: options.finalTaxOffice ?? (TAX_OFFICE_PATTERN.test(taxOffice) ? taxOffice : ''),
    taxpayerId,
    date,
    guid: options.guid ?? newGuid(),
  });
}

export function writeTaxpayer(name: string, taxpayer: FormTaxpayer): XmlOut {
  return el(
    name,
    {},
    taxpayer.kind === 'СведЮЛ'
      ? el('СведЮЛ', { НаимОрг: taxpayer.НаимОрг, ИННЮЛ: taxpayer.ИННЮЛ, КПП: taxpayer.КПП })
      : el('СведИП', { ИННФЛ: taxpayer.ИННФЛ }, writeFio(taxpayer.ФИО)),
  );
}

export function readTaxpayer(node: XmlNode): FormTaxpayer {
  const { name, node: choice } = node.choice(['СведЮЛ', 'СведИП']);
  if (name === 'СведИП') {
    return { kind: 'СведИП', ИННФЛ: choice.matching('ИННФЛ', INN_FL_PATTERN, 'a 12-digit ИНН', 'ИНН из 12 цифр'), ФИО: readFio(choice.child('ФИО')) };
  }
  return dropUndefined({
    kind: 'СведЮЛ' as const,
    НаимОрг: choice.attr('НаимОрг'),
    ИННЮЛ: choice.matching('ИННЮЛ', INN_UL_PATTERN, 'an organisation ИНН (10 digits)', 'ИНН организации: 10 цифр'),
    КПП: choice.optMatching('КПП', KPP_PATTERN, 'КПП (9 characters)', 'КПП: 9 знаков'),
  });
}

export function writeSigner(signer: FormSigner): XmlOut {
  return el(
    'Подписант',
    { ПрПодп: signer.ПрПодп },
    writeFio(signer.ФИО),
    signer.СвПред && el('СвПред', { НаимДок: signer.СвПред.НаимДок, НаимОрг: signer.СвПред.НаимОрг }),
  );
}

export function readSigner(node: XmlNode): FormSigner {
  const representative = node.optChild('СвПред');
  return dropUndefined({
    ПрПодп: node.oneOf('ПрПодп', ['1', '2']),
    ФИО: readFio(node.child('ФИО')),
    СвПред: representative && dropUndefined({ НаимДок: representative.attr('НаимДок'), НаимОрг: representative.optAttr('НаимОрг') }),
  });
}

export function writeEaeuParty(party: EaeuParty): XmlOut {
  return el(
    'СвЛицПрд',
    { ОКСМ: party.ОКСМ, ИдКод: party.ИдКод, Адрес: party.Адрес },
    party.НаимОрг !== undefined && textEl('НаимОрг', party.НаимОрг),
    party.ФИО && writeFio(party.ФИО),
  );
}

export function readEaeuParty(node: XmlNode): EaeuParty {
  const fio = node.optChild('ФИО');
  return dropUndefined({
    ОКСМ: node.matching('ОКСМ', /^[0-9]{3}$/, 'an ОКСМ country code', 'код страны ОКСМ (3 цифры)'),
    ИдКод: node.matching('ИдКод', /^.{8,14}$/, 'an id of 8–14 characters', 'идентификационный код из 8–14 знаков'),
    Адрес: node.attr('Адрес'),
    НаимОрг: node.optChild('НаимОрг')?.requiredText(),
    ФИО: fio && readFio(fio),
  });
}

export function writeAccompanyingDocument(document: z.output<typeof accompanyingDocumentSchema>, ...children: XmlOut[]): XmlOut {
  return el('СвСопрДок', { ВидСопрДок: document.ВидСопрДок, ДатаСопрДок: formatXmlDate(document.ДатаСопрДок), НомСопрДок: document.НомСопрДок }, children);
}

export function readAccompanyingDocument(node: XmlNode) {
  return { ВидСопрДок: node.oneOf('ВидСопрДок', ['1', '2', '3']), ДатаСопрДок: node.date('ДатаСопрДок'), НомСопрДок: node.attr('НомСопрДок') };
}

/** Header attributes of the notifications' `Документ`. */
export function noticeDocumentAttributes(knd: string, notice: { НомУвед: string; ДатаУвед: Parameters<typeof formatXmlDate>[0]; НомКорр: number }) {
  return { КНД: knd, НомУвед: notice.НомУвед, ДатаУвед: formatXmlDate(notice.ДатаУвед), НомКорр: String(notice.НомКорр) };
}

export function readNoticeHeader(root: XmlNode, document: XmlNode) {
  return dropUndefined({
    ИдФайл: root.attr('ИдФайл'),
    ВерсПрог: root.optAttr('ВерсПрог'),
    НомУвед: document.attr('НомУвед'),
    ДатаУвед: document.date('ДатаУвед'),
    НомКорр: document.integer('НомКорр', 3),
    СвНП: readTaxpayer(document.child('СвНП')),
    Подписант: readSigner(document.child('Подписант')),
  });
}
