/**
 * Participants of an invoice (УчастникТип: seller, buyer) and people (ФИО): model, reader (5.01–5.03) and
 * writer (5.03). The model keeps the official names; the few 5.01 spellings are mapped on reading
 * (СвФЛУчастФХЖ → СвФЛУч, АдрИнф without НаимСтран, КодГАР).
 */
import { z } from 'zod';
import type { XmlNode } from '../xml/node.js';
import { el, type XmlOut } from '../xml/writer.js';
import { INN_FL_PATTERN, INN_UL_PATTERN, KPP_PATTERN, OKSM_PATTERN, innFlSchema, innUlSchema, kppSchema, oksmSchema, text } from './codes.js';

export const fioSchema = z.object({
  Фамилия: text(60),
  Имя: text(60),
  Отчество: text(60).optional(),
});
export type Fio = z.output<typeof fioSchema>;

export const participantIdSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('СвЮЛУч'), НаимОрг: text(1000), ИННЮЛ: innUlSchema, КПП: kppSchema.optional() }),
  z.object({ kind: z.literal('СвИП'), ИННФЛ: innFlSchema, ФИО: fioSchema }),
  z.object({
    kind: z.literal('СвИнНеУч'),
    ИдСтат: z.enum(['ИО', 'ИГ']).optional(),
    КодСтр: oksmSchema.optional(),
    НаимСтран: text(255).optional(),
    Наим: text(1000),
    Идентиф: text(255).optional(),
  }),
  z.object({ kind: z.literal('СвФЛУч'), ИННФЛ: innFlSchema.optional(), ФИО: fioSchema.optional() }),
]);
export type ParticipantId = z.output<typeof participantIdSchema>;

export const addressSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('АдрРФ'),
    КодРегион: z.string().regex(/^[0-9]{2}$/),
    /** Mandatory in 5.02/5.03, absent in 5.01. */
    НаимРегион: text(51).optional(),
    Индекс: z.string().regex(/^[0-9]{6}$/).optional(),
    Район: text(255).optional(),
    Город: text(255).optional(),
    НаселПункт: text(255).optional(),
    Улица: text(255).optional(),
    Дом: text(50).optional(),
    Корпус: text(50).optional(),
    Кварт: text(50).optional(),
  }),
  z.object({ kind: z.literal('АдрИнф'), КодСтр: oksmSchema, НаимСтран: text(255).optional(), АдрТекст: text(1000) }),
]);
export type Address = z.output<typeof addressSchema>;

export const participantSchema = z.object({ ИдСв: participantIdSchema, Адрес: addressSchema.optional() });
export type Participant = z.output<typeof participantSchema>;

/** The participant's ИНН (10 or 12 digits), if it has one. */
export function participantInn(participant: Participant): string | undefined {
  const id = participant.ИдСв;
  if (id.kind === 'СвЮЛУч') return id.ИННЮЛ;
  if (id.kind === 'СвИП' || id.kind === 'СвФЛУч') return id.ИННФЛ;
  return undefined;
}

/** A display name: organisation name or «Фамилия Имя Отчество». */
export function participantName(participant: Participant): string {
  const id = participant.ИдСв;
  if (id.kind === 'СвЮЛУч') return id.НаимОрг;
  if (id.kind === 'СвИнНеУч') return id.Наим;
  return id.ФИО === undefined ? '' : fioText(id.ФИО);
}

export const fioText = (fio: Fio): string => [fio.Фамилия, fio.Имя, fio.Отчество].filter(Boolean).join(' ');

const INN_UL = ['an organisation ИНН (10 digits)', 'ИНН организации: 10 цифр'] as const;
const INN_FL = ['ИНН of a person (12 digits)', 'ИНН физического лица: 12 цифр'] as const;
const KPP = ['КПП (9 characters)', 'КПП: 9 знаков'] as const;

export function readFio(node: XmlNode): Fio {
  const fio: Fio = { Фамилия: node.attr('Фамилия'), Имя: node.attr('Имя') };
  const middle = node.optAttr('Отчество');
  if (middle !== undefined) fio.Отчество = middle;
  return fio;
}

export function readParticipant(node: XmlNode): Participant {
  const { name, node: idNode } = node.child('ИдСв').choice(['СвЮЛУч', 'СвИП', 'СвИнНеУч', 'СвФЛУч', 'СвФЛУчастФХЖ']);
  let id: ParticipantId;
  switch (name) {
    case 'СвЮЛУч': {
      id = { kind: 'СвЮЛУч', НаимОрг: idNode.attr('НаимОрг'), ИННЮЛ: idNode.matching('ИННЮЛ', INN_UL_PATTERN, ...INN_UL) };
      const kpp = idNode.optMatching('КПП', KPP_PATTERN, ...KPP);
      if (kpp !== undefined) id.КПП = kpp;
      break;
    }
    case 'СвИП':
      id = { kind: 'СвИП', ИННФЛ: idNode.matching('ИННФЛ', INN_FL_PATTERN, ...INN_FL), ФИО: readFio(idNode.child('ФИО')) };
      break;
    case 'СвИнНеУч': {
      id = { kind: 'СвИнНеУч', Наим: idNode.optAttr('Наим') ?? idNode.attr('НаимОрг') };
      const status = idNode.optAttr('ИдСтат');
      if (status === 'ИО' || status === 'ИГ') id.ИдСтат = status;
      const country = idNode.optMatching('КодСтр', OKSM_PATTERN, 'an ОКСМ code', 'код страны ОКСМ (3 цифры)');
      if (country !== undefined) id.КодСтр = country;
      const countryName = idNode.optAttr('НаимСтран');
      if (countryName !== undefined) id.НаимСтран = countryName;
      const foreignId = idNode.optAttr('Идентиф');
      if (foreignId !== undefined) id.Идентиф = foreignId;
      break;
    }
    case 'СвФЛУч':
    case 'СвФЛУчастФХЖ': {
      id = { kind: 'СвФЛУч' };
      const inn = idNode.optMatching('ИННФЛ', INN_FL_PATTERN, ...INN_FL);
      if (inn !== undefined) id.ИННФЛ = inn;
      const fio = idNode.optChild('ФИО');
      if (fio !== undefined) id.ФИО = readFio(fio);
      break;
    }
  }
  const participant: Participant = { ИдСв: id };
  const addressNode = node.optChild('Адрес');
  const address = addressNode === undefined ? undefined : readAddress(addressNode);
  if (address !== undefined) participant.Адрес = address;
  return participant;
}

const RU_ADDRESS_FIELDS = ['Индекс', 'Район', 'Город', 'НаселПункт', 'Улица', 'Дом', 'Корпус', 'Кварт'] as const;

/** АдрРФ and АдрИнф are kept; a ГАР address keeps its region (the rest is not needed for traceability). */
function readAddress(node: XmlNode): Address | undefined {
  const ru = node.optChild('АдрРФ');
  if (ru !== undefined) {
    const address: Address & { kind: 'АдрРФ' } = { kind: 'АдрРФ', КодРегион: ru.attr('КодРегион') };
    const region = ru.optAttr('НаимРегион');
    if (region !== undefined) address.НаимРегион = region;
    for (const field of RU_ADDRESS_FIELDS) {
      const value = ru.optAttr(field);
      if (value !== undefined) address[field] = value;
    }
    return address;
  }
  const gar = node.optChild('АдрГАР');
  if (gar !== undefined) {
    const address: Address & { kind: 'АдрРФ' } = { kind: 'АдрРФ', КодРегион: gar.child('Регион').requiredText() };
    const region = gar.optChild('НаимРегион')?.text();
    if (region) address.НаимРегион = region;
    const index = gar.optAttr('Индекс');
    if (index !== undefined) address.Индекс = index;
    return address;
  }
  const foreign = node.optChild('АдрИнф');
  if (foreign !== undefined) {
    const address: Address = { kind: 'АдрИнф', КодСтр: foreign.attr('КодСтр'), АдрТекст: foreign.attr('АдрТекст') };
    const country = foreign.optAttr('НаимСтран');
    if (country !== undefined) address.НаимСтран = country;
    return address;
  }
  return undefined; // КодГАР (5.01) or an unknown form: not needed downstream
}

export function writeFio(fio: Fio): XmlOut {
  return el('ФИО', { Фамилия: fio.Фамилия, Имя: fio.Имя, Отчество: fio.Отчество });
}

/**
 * УчастникТип as 5.03 writes it; `legacy501` writes the 5.01-era shape (УКД 5.01): no НаимРегион in АдрРФ,
 * no НаимСтран in АдрИнф, СвИнНеУч with НаимОрг only.
 */
export function writeParticipant(name: string, participant: Participant, legacy501 = false): XmlOut {
  const id = participant.ИдСв;
  let idOut: XmlOut;
  switch (id.kind) {
    case 'СвЮЛУч':
      idOut = el('СвЮЛУч', { НаимОрг: id.НаимОрг, ИННЮЛ: id.ИННЮЛ, КПП: id.КПП });
      break;
    case 'СвИП':
      idOut = el('СвИП', { ИННФЛ: id.ИННФЛ }, writeFio(id.ФИО));
      break;
    case 'СвИнНеУч':
      idOut = legacy501
        ? el('СвИнНеУч', { НаимОрг: id.Наим, Идентиф: id.Идентиф })
        : el('СвИнНеУч', { ИдСтат: id.ИдСтат, КодСтр: id.КодСтр, НаимСтран: id.НаимСтран, Наим: id.Наим, Идентиф: id.Идентиф });
      break;
    case 'СвФЛУч':
      idOut = el('СвФЛУч', { ИННФЛ: id.ИННФЛ }, id.ФИО && writeFio(id.ФИО));
      break;
  }
  return el(name, {}, el('ИдСв', {}, idOut), participant.Адрес && writeAddress(participant.Адрес, legacy501));
}

/** What of a participant the 5.01-era shape can hold (the model of a written УКД 5.01). */
export function participantAs501(participant: Participant): Participant {
  const address = participant.Адрес;
  if (address === undefined) return participant;
  if (address.kind === 'АдрРФ') {
    const { НаимРегион: _region, ...rest } = address;
    return { ...participant, Адрес: rest };
  }
  const { НаимСтран: _country, ...rest } = address;
  return { ...participant, Адрес: rest };
}

function writeAddress(address: Address, legacy501: boolean): XmlOut {
  if (address.kind === 'АдрИнф') {
    return el('Адрес', {}, el('АдрИнф', { КодСтр: address.КодСтр, НаимСтран: legacy501 ? undefined : address.НаимСтран, АдрТекст: address.АдрТекст }));
  }
  const { kind: _kind, НаимРегион, ...attributes } = address;
  return el('Адрес', {}, el('АдрРФ', { ...attributes, НаимРегион: legacy501 ? undefined : НаимРегион }));
}
