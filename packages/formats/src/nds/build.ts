/**
 * Model objects from parsed values. Both readers collect a line's attribute values in an array (by the
 * position of the field in structure.ts) and its children in lists, then build the line here with one object
 * literal: every line gets the same shape whatever attributes the file has, which keeps the readers fast and
 * their outputs identical.
 */
import type { CalendarDate, Kopecks, Quantity } from '@sledopyt/core';
import type { z } from 'zod';
import type {
  Counterparty,
  PurchaseBookLine,
  RegistrationEntry,
  SalesBookLine,
  partialInvoiceSchema,
  purchasePaymentSchema,
  salesPaymentSchema,
} from './model.js';
import {
  PURCHASE_LINE_FIELDS,
  SALES_LINE_FIELDS,
  positions,
  type BookKind,
} from './structure.js';
import type { FieldValue } from './values.js';

/** Attribute values of one element, by field position; undefined = absent. */
export type FieldValues = (FieldValue | undefined)[];

export type PurchasePayment = z.output<typeof purchasePaymentSchema>;
export type SalesPayment = z.output<typeof salesPaymentSchema>;
export type PartialInvoice = z.output<typeof partialInvoiceSchema>;

/** Lines share one frozen empty array for every absent list (most lines have no payments, dates…). */
const NONE: readonly never[] = Object.freeze([]);

/** Appends to a list that may still be the shared empty one; returns the list to keep. */
export function append<T>(list: readonly T[], item: T): readonly T[] {
  if (list === NONE) return [item];
  (list as T[]).push(item);
  return list;
}

/** The children of one line, collected while reading it. */
export interface LineChildren {
  operationCodes: readonly string[];
  registrations: readonly RegistrationEntry[];
  goodsCodes: readonly string[];
  accountingDates: readonly CalendarDate[];
  payments: readonly (PurchasePayment | SalesPayment)[];
  partialInvoices: readonly PartialInvoice[];
  counterparties: readonly Counterparty[];
  intermediary: Counterparty | undefined;
}

export function emptyLineChildren(): LineChildren {
  return {
    operationCodes: NONE,
    registrations: NONE,
    goodsCodes: NONE,
    accountingDates: NONE,
    payments: NONE,
    partialInvoices: NONE,
    counterparties: NONE,
    intermediary: undefined,
  };
}

const P = positions(PURCHASE_LINE_FIELDS);
const S = positions(SALES_LINE_FIELDS);

const int = (value: FieldValue | undefined) => value as number;
const optInt = (value: FieldValue | undefined) => value as number | undefined;
const str = (value: FieldValue | undefined) => value as string;
const optStr = (value: FieldValue | undefined) => value as string | undefined;
const day = (value: FieldValue | undefined) => value as CalendarDate;
const optDay = (value: FieldValue | undefined) => value as CalendarDate | undefined;
const money = (value: FieldValue | undefined) => value as Kopecks;
const optMoney = (value: FieldValue | undefined) => value as Kopecks | undefined;

export function buildPurchaseLine(v: FieldValues, c: LineChildren): PurchaseBookLine {
  return {
    book: 'purchase',
    НомерПор: int(v[P.НомерПор]),
    НомСчФПрод: str(v[P.НомСчФПрод]),
    ДатаСчФПрод: optDay(v[P.ДатаСчФПрод]),
    НомИспрСчФ: optInt(v[P.НомИспрСчФ]),
    ДатаИспрСчФ: optDay(v[P.ДатаИспрСчФ]),
    НомКСчФПрод: optStr(v[P.НомКСчФПрод]),
    ДатаКСчФПрод: optDay(v[P.ДатаКСчФПрод]),
    НомИспрКСчФ: optInt(v[P.НомИспрКСчФ]),
    ДатаИспрКСчФ: optDay(v[P.ДатаИспрКСчФ]),
    ОКВ: optStr(v[P.ОКВ]),
    СтоимПокупВ: money(v[P.СтоимПокупВ]),
    СумНДСВыч: money(v[P.СумНДСВыч]),
    КодВидОпер: c.operationCodes,
    ДокПдтвУпл: c.payments as readonly PurchasePayment[],
    СвЧастСчФ: c.partialInvoices,
    ДатаУчТов: c.accountingDates,
    СвПрод: c.counterparties,
    СвПос: c.intermediary,
    СвРегНом: c.registrations,
  };
}

export function buildSalesLine(v: FieldValues, c: LineChildren): SalesBookLine {
  return {
    book: 'sales',
    НомерПор: int(v[S.НомерПор]),
    НомСчФПрод: str(v[S.НомСчФПрод]),
    ДатаСчФПрод: day(v[S.ДатаСчФПрод]),
    НомИспрСчФ: optInt(v[S.НомИспрСчФ]),
    ДатаИспрСчФ: optDay(v[S.ДатаИспрСчФ]),
    НомКСчФПрод: optStr(v[S.НомКСчФПрод]),
    ДатаКСчФПрод: optDay(v[S.ДатаКСчФПрод]),
    НомИспрКСчФ: optInt(v[S.НомИспрКСчФ]),
    ДатаИспрКСчФ: optDay(v[S.ДатаИспрКСчФ]),
    ОКВ: optStr(v[S.ОКВ]),
    СтоимПродСФВ: optMoney(v[S.СтоимПродСФВ]),
    СтоимПродСФ: optMoney(v[S.СтоимПродСФ]),
    СтоимПродСФ22: optMoney(v[S.СтоимПродСФ22]),
    СтоимПродСФ20: optMoney(v[S.СтоимПродСФ20]),
    СтоимПродСФ18: optMoney(v[S.СтоимПродСФ18]),
    СтоимПродСФ10: optMoney(v[S.СтоимПродСФ10]),
    СтоимПродСФ7: optMoney(v[S.СтоимПродСФ7]),
    СтоимПродСФ5: optMoney(v[S.СтоимПродСФ5]),
    СтоимПродСФ0: optMoney(v[S.СтоимПродСФ0]),
    СумНДССФ22: optMoney(v[S.СумНДССФ22]),
    СумНДССФ20: optMoney(v[S.СумНДССФ20]),
    СумНДССФ18: optMoney(v[S.СумНДССФ18]),
    СумНДССФ10: optMoney(v[S.СумНДССФ10]),
    СумНДССФ7: optMoney(v[S.СумНДССФ7]),
    СумНДССФ5: optMoney(v[S.СумНДССФ5]),
    СтоимПродОсв: optMoney(v[S.СтоимПродОсв]),
    КодВидОпер: c.operationCodes,
    СвРегНом: c.registrations,
    КодВидТовар: c.goodsCodes,
    ДокПдтвОпл: c.payments as readonly SalesPayment[],
    СвЧастСчФ: c.partialInvoices,
    СвПокуп: c.counterparties,
    СвПос: c.intermediary,
  };
}

export function buildLine(book: BookKind, values: FieldValues, children: LineChildren): PurchaseBookLine | SalesBookLine {
  return book === 'purchase' ? buildPurchaseLine(values, children) : buildSalesLine(values, children);
}

/** `ДокПдтвУпл` / `ДокПдтвОпл` from its two values (number, date). */
export function buildPayment(book: BookKind, values: FieldValues): PurchasePayment | SalesPayment {
  return book === 'purchase'
    ? { НомДокПдтвУпл: str(values[0]), ДатаДокПдтвУпл: day(values[1]) }
    : { НомДокПдтвОпл: str(values[0]), ДатаДокПдтвОпл: day(values[1]) };
}

export function buildPartialInvoice(values: FieldValues): PartialInvoice {
  return { НомЧастСчФ: str(values[0]), ДатаЧастСчФ: day(values[1]) };
}

export function buildLegalEntity(values: FieldValues): Counterparty {
  return { kind: 'СведЮЛ', ИННЮЛ: str(values[0]), КПП: optStr(values[1]) };
}

export function buildSoleTrader(values: FieldValues): Counterparty {
  return { kind: 'СведИП', ИННФЛ: str(values[0]) };
}

export type { Quantity };

/** A fresh array of `length` undefined values (attribute values of one element, by field position). */
export function newValues(length: number): FieldValues {
  // Array literals for the element kinds of the format (one inline allocation in optimised code); growing an
  // array by push or copying a template costs several times more on the hot path.
  const u = undefined;
  switch (length) {
    case 1:
      return [u];
    case 2:
      return [u, u];
    case 4:
      return [u, u, u, u];
    case 12:
      return [u, u, u, u, u, u, u, u, u, u, u, u];
    case 26:
      return [u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u, u];
    default: {
      const values: FieldValues = [];
      for (let i = 0; i < length; i++) values.push(u);
      return values;
    }
  }
}
