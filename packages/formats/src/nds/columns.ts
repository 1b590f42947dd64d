/**
 * Book lines as columns (struct of arrays) for bulk consumers: `readNdsColumns(source).batches()` yields
 * `NdsLineColumns` of up to `batchSize` lines. The scanner is the same as `readNdsLines`' (same checks, same
 * errors with file, line and path); only the output differs: no object per line, entry or counterparty, amounts
 * in kopecks and quantities in units as plain numbers (exact: integers below 2^53). `line(i)` converts one
 * line to the model object `readNdsLines` yields — equal to it, the tests compare them line by line.
 *
 * Measured on a 1 GiB section 9 this is the fast path (see the package README); the line objects cost more in
 * allocation and garbage collection than the scanning itself.
 */
import { wholeQuantity, type CalendarDate, type Kopecks, type Quantity } from '@sledopyt/core';
import {
  buildLegalEntity,
  buildLine,
  buildPartialInvoice,
  buildPayment,
  buildSoleTrader,
  type FieldValues,
  type PartialInvoice,
  type PurchasePayment,
  type SalesPayment,
} from './build.js';
import type { LineBuilder } from './line-builder.js';
import type { Counterparty, NdsLine, RegistrationNumberKind } from './model.js';
import { createBatchReader, scanBatches, type NdsBatchReader, type NdsSource, type ReadNdsOptions } from './reader.js';
import { LINE_CHILDREN, type BookKind, type FieldSpec } from './structure.js';
import type { FieldValue } from './values.js';

const QUANTITY_UNIT = 10n ** 11n;

/** The rarer children of a line, kept as model objects (most lines have none). */
export interface LineExtras {
  /** All counterparties, when the line has more than one (otherwise see `counterpartyInn`…). */
  counterparties: Counterparty[] | undefined;
  payments: (PurchasePayment | SalesPayment)[] | undefined;
  partialInvoices: PartialInvoice[] | undefined;
  accountingDates: CalendarDate[] | undefined;
  intermediary: Counterparty | undefined;
}

/** A kopecks or units value as a number when exact, else the bigint (beyond 2^53 kopecks: 90 trillion roubles). */
function plain(value: FieldValue | undefined): number | bigint | undefined {
  if (typeof value !== 'bigint') return value as number | undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
}

/** A batch of book lines as columns. Children of line `i` are the ranges `[xStart[i], xStart[i + 1])`. */
export class NdsLineColumns {
  /** The book of the lines (sales: sections 9, 9.1; purchase: 8, 8.1). */
  book: BookKind = 'sales';
  /** Lines in the batch. */
  length = 0;
  /**
   * Per line, its attribute values by position in `fields(book)` (structure.ts order): integers as numbers,
   * amounts as kopecks (a number; a bigint only beyond 2^53), text as strings, dates as CalendarDate;
   * undefined when absent.
   */
  readonly values: FieldValues[] = [];
  readonly operationCodeStart: number[] = [0];
  /** `КодВидОпер`, all lines. */
  readonly operationCodes: string[] = [];
  readonly goodsCodeStart: number[] = [0];
  /** `КодВидТовар` (sales books), all lines. */
  readonly goodsCodes: string[] = [];
  readonly entryStart: number[] = [0];
  /** `СвРегНом`, one element per entry of all lines: the number as written… */
  readonly РегНомПросл: string[] = [];
  /** …its kind (`invalid` only with `invalidRegistrationNumbers: 'keep'`) and canonical form. */
  readonly kind: RegistrationNumberKind[] = [];
  readonly number: string[] = [];
  readonly ОКЕИ: (string | undefined)[] = [];
  /** Quantity in units (NaN: absent); exact for whole counts, `quantity(entry)` is exact for every value. */
  readonly КолТовПросл: number[] = [];
  /** Cost in kopecks (NaN: absent); `cost(entry)` gives the bigint. */
  readonly СтоимТовПросл: number[] = [];
  /** Per line, the first counterparty (`СвПокуп` / `СвПрод`): kind, ИНН (ИННЮЛ or ИННФЛ), КПП. */
  readonly counterpartyKind: ('СведЮЛ' | 'СведИП' | undefined)[] = [];
  readonly counterpartyInn: (string | undefined)[] = [];
  readonly counterpartyKpp: (string | undefined)[] = [];
  /** Per line: payments, partial invoices, accounting dates, an intermediary, further counterparties — or undefined. */
  readonly extras: (LineExtras | undefined)[] = [];
  /** Exact quantities (Quantity) and costs (bigint) of entries whose number column is not exact, by entry index. */
  readonly exactQuantities = new Map<number, Quantity>();
  readonly exactCosts = new Map<number, bigint>();

  /** The line's attribute specs, in the order of `values[i]`. */
  get fields(): readonly FieldSpec[] {
    return LINE_CHILDREN[this.book].lineFields;
  }

  /** Entries of all lines. */
  get entryCount(): number {
    return this.РегНомПросл.length;
  }

  /** `КолТовПросл` of an entry, exact; undefined when absent. */
  quantity(entry: number): Quantity | undefined {
    const exact = this.exactQuantities.get(entry);
    if (exact !== undefined) return exact;
    const units = this.КолТовПросл[entry] as number;
    return Number.isNaN(units) ? undefined : wholeQuantity(units);
  }

  /** `СтоимТовПросл` of an entry in kopecks; undefined when absent. */
  cost(entry: number): Kopecks | undefined {
    const exact = this.exactCosts.get(entry);
    if (exact !== undefined) return exact as Kopecks;
    const kopecks = this.СтоимТовПросл[entry] as number;
    return Number.isNaN(kopecks) ? undefined : (BigInt(kopecks) as Kopecks);
  }

  /** Line `index` as the model object `readNdsLines` yields for it. */
  line(index: number): NdsLine {
    if (index < 0 || index >= this.length) throw new RangeError(`line ${index} of a batch of ${this.length}`);
    const book = this.book;
    const values = (this.values[index] as FieldValues).map((value, position) =>
      typeof value === 'number' && isMoney(LINE_CHILDREN[book].lineFields[position]) ? (BigInt(value) as Kopecks) : value,
    );
    const entries = [];
    for (let entry = this.entryStart[index] as number; entry < (this.entryStart[index + 1] as number); entry++) {
      entries.push({
        РегНомПросл: this.РегНомПросл[entry] as string,
        ОКЕИ: this.ОКЕИ[entry],
        КолТовПросл: this.quantity(entry),
        СтоимТовПросл: this.cost(entry),
        kind: this.kind[entry] as RegistrationNumberKind,
        number: this.number[entry] as string,
      });
    }
    const extras = this.extras[index];
    const kind = this.counterpartyKind[index];
    const first = kind === undefined ? [] : [kind === 'СведЮЛ' ? buildLegalEntity([this.counterpartyInn[index], this.counterpartyKpp[index]]) : buildSoleTrader([this.counterpartyInn[index]])];
    return buildLine(book, values, {
      operationCodes: this.operationCodes.slice(this.operationCodeStart[index], this.operationCodeStart[index + 1]),
      registrations: entries,
      goodsCodes: this.goodsCodes.slice(this.goodsCodeStart[index], this.goodsCodeStart[index + 1]),
      accountingDates: extras?.accountingDates ?? [],
      payments: extras?.payments ?? [],
      partialInvoices: extras?.partialInvoices ?? [],
      counterparties: extras?.counterparties ?? first,
      intermediary: extras?.intermediary,
    });
  }
}

const isMoney = (spec: FieldSpec | undefined) => spec?.kind === 'amount' || spec?.kind === 'cost';

/** Positions of the money fields of each book's lines. */
const MONEY_POSITIONS: Record<BookKind, readonly number[]> = {
  purchase: LINE_CHILDREN.purchase.lineFields.flatMap((spec, index) => (isMoney(spec) ? [index] : [])),
  sales: LINE_CHILDREN.sales.lineFields.flatMap((spec, index) => (isMoney(spec) ? [index] : [])),
};

const emptyExtras = (): LineExtras => ({ counterparties: undefined, payments: undefined, partialInvoices: undefined, accountingDates: undefined, intermediary: undefined });

/** The scanner's output as column batches. */
export class ColumnLineBuilder implements LineBuilder<NdsLineColumns> {
  readonly numeric = true;
  private batch = new NdsLineColumns();
  private extras: LineExtras | undefined;
  private partyKind: 'СведЮЛ' | 'СведИП' | undefined;
  private partyInn: string | undefined;
  private partyKpp: string | undefined;

  get count(): number {
    return this.batch.length;
  }

  beginLine(): void {
    this.dropUnfinished();
    this.extras = undefined;
    this.partyKind = undefined;
    this.partyInn = undefined;
    this.partyKpp = undefined;
  }

  /** Drops what an unfinished line (cut by the end of the window) left in the children columns. */
  private dropUnfinished(): void {
    const b = this.batch;
    const line = b.length;
    if (b.operationCodes.length !== b.operationCodeStart[line]) b.operationCodes.length = b.operationCodeStart[line] as number;
    if (b.goodsCodes.length !== b.goodsCodeStart[line]) b.goodsCodes.length = b.goodsCodeStart[line] as number;
    const entries = b.entryStart[line] as number;
    if (b.РегНомПросл.length !== entries) {
      for (const column of [b.РегНомПросл, b.kind, b.number, b.ОКЕИ, b.КолТовПросл, b.СтоимТовПросл]) column.length = entries;
      for (const exact of [b.exactQuantities, b.exactCosts]) for (const key of [...exact.keys()]) if (key >= entries) exact.delete(key);
    }
  }

  operationCode(code: string): void {
    this.batch.operationCodes.push(code);
  }

  goodsCode(code: string): void {
    this.batch.goodsCodes.push(code);
  }

  accountingDate(date: CalendarDate): void {
    const extras = (this.extras ??= emptyExtras());
    (extras.accountingDates ??= []).push(date);
  }

  registration(text: string, kind: RegistrationNumberKind, number: string, okei: string | undefined, quantity: FieldValue | undefined, cost: FieldValue | undefined): void {
    const b = this.batch;
    const entry = b.РегНомПросл.length;
    b.РегНомПросл.push(text);
    b.kind.push(kind);
    b.number.push(number);
    b.ОКЕИ.push(okei);
    if (typeof quantity === 'number') b.КолТовПросл.push(quantity);
    else if (quantity === undefined) b.КолТовПросл.push(Number.NaN);
    else {
      // A Quantity from the general path (a fraction, a sign…): units when whole and exact, else kept exactly.
      const q = quantity as Quantity;
      const whole = q % QUANTITY_UNIT === 0n ? plain(q / QUANTITY_UNIT) : undefined;
      if (typeof whole === 'number') b.КолТовПросл.push(whole);
      else {
        b.КолТовПросл.push(Number(q) / 1e11);
        b.exactQuantities.set(entry, q);
      }
    }
    const kopecks = plain(cost);
    if (typeof kopecks === 'number') b.СтоимТовПросл.push(kopecks);
    else if (kopecks === undefined) b.СтоимТовПросл.push(Number.NaN);
    else {
      b.СтоимТовПросл.push(Number(kopecks));
      b.exactCosts.set(entry, kopecks);
    }
  }

  payment(book: BookKind, values: FieldValues): void {
    const extras = (this.extras ??= emptyExtras());
    (extras.payments ??= []).push(buildPayment(book, values));
  }

  partialInvoice(values: FieldValues): void {
    const extras = (this.extras ??= emptyExtras());
    (extras.partialInvoices ??= []).push(buildPartialInvoice(values));
  }

  counterparty(legal: boolean, values: FieldValues): void {
    if (this.partyKind === undefined) {
      this.partyKind = legal ? 'СведЮЛ' : 'СведИП';
      this.partyInn = values[0] as string;
      this.partyKpp = legal ? (values[1] as string | undefined) : undefined;
      return;
    }
    // A second counterparty (joint buyers): the whole list goes to the extras.
    const extras = (this.extras ??= emptyExtras());
    if (extras.counterparties === undefined) {
      const first = this.partyKind === 'СведЮЛ' ? buildLegalEntity([this.partyInn, this.partyKpp]) : buildSoleTrader([this.partyInn]);
      extras.counterparties = [first];
    }
    extras.counterparties.push(legal ? buildLegalEntity(values) : buildSoleTrader(values));
  }

  intermediary(legal: boolean, values: FieldValues): void {
    (this.extras ??= emptyExtras()).intermediary = legal ? buildLegalEntity(values) : buildSoleTrader(values);
  }

  endLine(book: BookKind, values: FieldValues): void {
    const b = this.batch;
    b.book = book;
    const money = MONEY_POSITIONS[book];
    for (let i = 0; i < money.length; i++) {
      const position = money[i] as number;
      if (typeof values[position] === 'bigint') values[position] = plain(values[position]);
    }
    b.values.push(values);
    b.operationCodeStart.push(b.operationCodes.length);
    b.goodsCodeStart.push(b.goodsCodes.length);
    b.entryStart.push(b.РегНомПросл.length);
    b.counterpartyKind.push(this.partyKind);
    b.counterpartyInn.push(this.partyInn);
    b.counterpartyKpp.push(this.partyKpp);
    b.extras.push(this.extras);
    b.length++;
  }

  take(): NdsLineColumns {
    this.dropUnfinished();
    const batch = this.batch;
    this.batch = new NdsLineColumns();
    return batch;
  }
}

/**
 * Reads a book section with the byte scanner into column batches (see the file comment). Same options,
 * checks and errors as `readNdsLines`; one pass.
 */
export function readNdsColumns(source: NdsSource, options: ReadNdsOptions = {}): NdsBatchReader<NdsLineColumns> {
  return createBatchReader((onHeader) => scanBatches(source, options, new ColumnLineBuilder(), onHeader));
}
