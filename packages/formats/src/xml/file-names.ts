/**
 * Official file names (= `Файл/@ИдФайл` without `.xml`). Two families (shared/fns-formats/NOTES.md §1.2, §2.1, §3.2, §4):
 * - EDO documents between companies (УПД, УКД): `<prefix>[PROS|MARK]_<recipient>_<sender>_<YYYYMMDD>_<GUID>`,
 *   and for УПД 5.02/5.03 six more flags `_<N2>_<N3>_<N4>_<N5>_<N6>_<N7>` (N2 = 1 when the file has СведПрослеж).
 * - Files for the tax office (NO_NDS*, notifications, report): `<prefix>_<A>_<K>_<O>_<YYYYMMDD>_<GUID>`, where
 *   A/K are tax office codes and O is ИНН+КПП (19 digits) or a sole trader's ИНН (12).
 */
import { calendarDate, calendarDateSchema, dateParts, isValidYmd, type CalendarDate } from '@sledopyt/core';
import { z } from 'zod';
import { formatError } from './format-error.js';

export const GUID_PATTERN = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
/** EDO participant id: operator prefix + id, 4–46 characters, no underscores (they separate name parts). */
export const EDO_ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z-]{3,45}$/;
export const TAX_OFFICE_PATTERN = /^\d{4}$/;
/** ИНН+КПП of an organisation (19) or the ИНН of a sole trader (12). */
export const TAXPAYER_ID_PATTERN = /^(\d{10}\d{4}[0-9A-Z]{2}\d{3}|\d{12})$/;

export const guidSchema = z.string().regex(GUID_PATTERN, 'a GUID such as 5f34036f-27c9-438b-8ccc-0c5059326d04');
export const edoIdSchema = z.string().regex(EDO_ID_PATTERN, 'an EDO participant id such as 2BM-7701234567-770101001');

/** A new random GUID for a file name (Node ≥ 19 and browsers have `crypto.randomUUID`). */
export function newGuid(): string {
  return globalThis.crypto.randomUUID();
}

function compactDate(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

function parseCompactDate(text: string): CalendarDate | undefined {
  if (!/^\d{8}$/.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  return isValidYmd(year, month, day) ? calendarDate(year, month, day) : undefined;
}

/** Flags N2…N7 of УПД 5.02/5.03 names. */
export interface UpdNameFlags {
  /** N2: the file has СведПрослеж. */
  traceability: boolean;
  /** N3: marking (Честный знак). */
  marking: boolean;
  /** N4: alcohol. */
  alcohol: boolean;
  /** N5: tobacco / nicotine. */
  tobacco: boolean;
  /** N6: oil products. */
  oil: boolean;
  /** N7: two digits from an ФНС list, default `00`. */
  extra: string;
}

export interface EdoFileName {
  family: 'edo';
  /** `ON_NSCHFDOPPR`, `ON_NKORSCHFDOPPR`… without the PROS/MARK suffix. */
  prefix: string;
  /** The 5.01-style suffix glued to the prefix. */
  suffix?: 'PROS' | 'MARK';
  recipientId: string;
  senderId: string;
  date: CalendarDate;
  guid: string;
  /** Present in 5.02/5.03 УПД names. */
  flags?: UpdNameFlags;
}

export interface TaxOfficeFileName {
  family: 'tax-office';
  /** `ON_UVVOZTOV`, `NO_NDS.9`… */
  prefix: string;
  /** A: code of the receiving (intermediate) tax office. */
  taxOffice: string;
  /** K: code of the final recipient tax office. */
  finalTaxOffice: string;
  /** O: ИНН+КПП (19) or ИНН (12). */
  taxpayerId: string;
  date: CalendarDate;
  guid: string;
}

export type ParsedFileName = EdoFileName | TaxOfficeFileName;

export const EDO_PREFIXES = ['ON_NSCHFDOPPR', 'ON_NKORSCHFDOPPR'] as const;
export const TAX_OFFICE_PREFIXES = [
  'NO_NDS',
  'NO_NDS.8',
  'NO_NDS.81',
  'NO_NDS.9',
  'NO_NDS.91',
  'NO_NDS.10',
  'NO_NDS.11',
  'NO_NDS.12',
  'ON_UVVOZTOV',
  'ON_UVVIOZTOV',
  'ON_UVVIOZTOV2',
  'ON_UVOSTTOV',
  'ON_OTCHOPTOV',
] as const;

export const edoFileNameInputSchema = z.object({
  prefix: z.enum(EDO_PREFIXES),
  suffix: z.enum(['PROS', 'MARK']).optional(),
  recipientId: edoIdSchema,
  senderId: edoIdSchema,
  date: calendarDateSchema,
  guid: guidSchema,
  flags: z
    .object({
      traceability: z.boolean(),
      marking: z.boolean(),
      alcohol: z.boolean(),
      tobacco: z.boolean(),
      oil: z.boolean(),
      extra: z.string().regex(/^\d{2}$/),
    })
    .optional(),
});

/** `ON_NSCHFDOPPR_<A>_<O>_<YYYYMMDD>_<GUID>[_N2…_N7]` (no `.xml`). */
export function edoFileId(name: Omit<EdoFileName, 'family'>): string {
  const checked = edoFileNameInputSchema.safeParse(name);
  if (!checked.success) {
    throw formatError({
      code: 'XML_WRITE_INVALID',
      message: `Cannot build a file name: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      messageRu: 'нельзя составить имя файла: проверьте идентификаторы участников ЭДО, дату и GUID',
      extra: { issues: checked.error.issues },
    });
  }
  const parts = [`${name.prefix}${name.suffix ?? ''}`, name.recipientId, name.senderId, compactDate(name.date), name.guid];
  if (name.flags !== undefined) {
    const bit = (value: boolean) => (value ? '1' : '0');
    const { traceability, marking, alcohol, tobacco, oil, extra } = name.flags;
    parts.push(bit(traceability), bit(marking), bit(alcohol), bit(tobacco), bit(oil), extra);
  }
  return parts.join('_');
}

export const taxOfficeFileNameInputSchema = z.object({
  prefix: z.enum(TAX_OFFICE_PREFIXES),
  taxOffice: z.string().regex(TAX_OFFICE_PATTERN, 'a 4-digit tax office code'),
  finalTaxOffice: z.string().regex(TAX_OFFICE_PATTERN, 'a 4-digit tax office code'),
  taxpayerId: z.string().regex(TAXPAYER_ID_PATTERN, 'ИНН+КПП (19 characters) or a 12-digit ИНН'),
  date: calendarDateSchema,
  guid: guidSchema,
});

/** `<prefix>_<A>_<K>_<O>_<YYYYMMDD>_<GUID>` (no `.xml`). */
export function taxOfficeFileId(name: Omit<TaxOfficeFileName, 'family'>): string {
  const checked = taxOfficeFileNameInputSchema.safeParse(name);
  if (!checked.success) {
    throw formatError({
      code: 'XML_WRITE_INVALID',
      message: `Cannot build a file name: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      messageRu: 'нельзя составить имя файла: проверьте коды налоговых органов, ИНН/КПП, дату и GUID',
      extra: { issues: checked.error.issues },
    });
  }
  return [name.prefix, name.taxOffice, name.finalTaxOffice, name.taxpayerId, compactDate(name.date), name.guid].join('_');
}

/**
 * Reads a file name or ИдФайл (with or without `.xml`, with or without a directory). Returns undefined for
 * names that follow neither convention: a renamed file is not an error by itself.
 */
export function parseFileName(name: string): ParsedFileName | undefined {
  const base = (name.split(/[\\/]/).pop() ?? name).replace(/\.xml$/i, '');
  const parts = base.split('_');
  // Prefixes contain one underscore (ON_…, NO_…): glue the first two parts back.
  const prefixWithSuffix = `${parts[0] ?? ''}_${parts[1] ?? ''}`;
  const rest = parts.slice(2);

  for (const prefix of EDO_PREFIXES) {
    if (!prefixWithSuffix.startsWith(prefix)) continue;
    const suffix = prefixWithSuffix.slice(prefix.length);
    if (suffix !== '' && suffix !== 'PROS' && suffix !== 'MARK') continue;
    const [recipientId, senderId, dateText, guid, ...flagParts] = rest;
    const date = parseCompactDate(dateText ?? '');
    if (recipientId === undefined || senderId === undefined || date === undefined || guid === undefined || !GUID_PATTERN.test(guid)) {
      return undefined;
    }
    const parsed: EdoFileName = { family: 'edo', prefix, recipientId, senderId, date, guid };
    if (suffix !== '') parsed.suffix = suffix;
    if (flagParts.length === 6 && flagParts.slice(0, 5).every((flag) => flag === '0' || flag === '1')) {
      const [n2, n3, n4, n5, n6, n7 = '00'] = flagParts;
      parsed.flags = { traceability: n2 === '1', marking: n3 === '1', alcohol: n4 === '1', tobacco: n5 === '1', oil: n6 === '1', extra: n7 };
    } else if (flagParts.length !== 0) {
      return undefined;
    }
    return parsed;
  }

  if ((TAX_OFFICE_PREFIXES as readonly string[]).includes(prefixWithSuffix)) {
    const [taxOffice, finalTaxOffice, taxpayerId, dateText, guid, ...extra] = rest;
    const date = parseCompactDate(dateText ?? '');
    if (
      extra.length > 0 ||
      taxOffice === undefined ||
      finalTaxOffice === undefined ||
      taxpayerId === undefined ||
      date === undefined ||
      guid === undefined ||
      !TAX_OFFICE_PATTERN.test(taxOffice) ||
      !TAX_OFFICE_PATTERN.test(finalTaxOffice) ||
      !TAXPAYER_ID_PATTERN.test(taxpayerId) ||
      !GUID_PATTERN.test(guid)
    ) {
      return undefined;
    }
    return { family: 'tax-office', prefix: prefixWithSuffix, taxOffice, finalTaxOffice, taxpayerId, date, guid };
  }
  return undefined;
}
