/**
 * What the byte scanner does with the parts of a book line as it reads them. The scanner tokenises and
 * checks; a builder turns the values into output: `ObjectLineBuilder` into the model's line objects
 * (`readNdsLines`), `ColumnLineBuilder` (columns.ts) into a column batch for bulk consumers. A line is
 * committed by `endLine`; anything added after the last `endLine` is dropped by the next `beginLine`
 * (a line cut by the end of the window is read again from its start).
 */
import type { CalendarDate, Kopecks, Quantity } from '@sledopyt/core';
import {
  append,
  buildLegalEntity,
  buildLine,
  buildPartialInvoice,
  buildPayment,
  buildSoleTrader,
  emptyLineChildren,
  type FieldValues,
  type LineChildren,
} from './build.js';
import { registrationEntry, type NdsLine, type RegistrationNumberKind } from './model.js';
import type { BookKind } from './structure.js';
import type { FieldValue } from './values.js';

export interface LineBuilder<Batch> {
  /**
   * true: the scanner delivers amounts as kopecks and whole quantities as units in plain numbers where they
   * are exact (bigint / Quantity otherwise); false: as the model's bigint and Quantity.
   */
  readonly numeric: boolean;
  /** Lines committed to the current batch. */
  readonly count: number;
  beginLine(): void;
  operationCode(code: string): void;
  goodsCode(code: string): void;
  accountingDate(date: CalendarDate): void;
  registration(text: string, kind: RegistrationNumberKind, number: string, okei: string | undefined, quantity: FieldValue | undefined, cost: FieldValue | undefined): void;
  payment(book: BookKind, values: FieldValues): void;
  partialInvoice(values: FieldValues): void;
  /** `СвПрод` / `СвПокуп` (`legal`: СведЮЛ with ИННЮЛ, КПП; else СведИП with ИННФЛ). */
  counterparty(legal: boolean, values: FieldValues): void;
  intermediary(legal: boolean, values: FieldValues): void;
  /** Commits the line with its attribute values (by field position). */
  endLine(book: BookKind, values: FieldValues): void;
  /** The committed lines; starts a new batch. */
  take(): Batch;
}

/** The model's line objects (the output of `readNdsLines`). */
export class ObjectLineBuilder implements LineBuilder<NdsLine[]> {
  readonly numeric = false;
  private lines: NdsLine[] = [];
  private children: LineChildren = emptyLineChildren();

  get count(): number {
    return this.lines.length;
  }

  beginLine(): void {
    this.children = emptyLineChildren();
  }

  operationCode(code: string): void {
    this.children.operationCodes = append(this.children.operationCodes, code);
  }

  goodsCode(code: string): void {
    this.children.goodsCodes = append(this.children.goodsCodes, code);
  }

  accountingDate(date: CalendarDate): void {
    this.children.accountingDates = append(this.children.accountingDates, date);
  }

  registration(text: string, kind: RegistrationNumberKind, number: string, okei: string | undefined, quantity: FieldValue | undefined, cost: FieldValue | undefined): void {
    this.children.registrations = append(this.children.registrations, registrationEntry(text, kind, number, okei, quantity as Quantity | undefined, cost as Kopecks | undefined));
  }

  payment(book: BookKind, values: FieldValues): void {
    this.children.payments = append(this.children.payments, buildPayment(book, values));
  }

  partialInvoice(values: FieldValues): void {
    this.children.partialInvoices = append(this.children.partialInvoices, buildPartialInvoice(values));
  }

  counterparty(legal: boolean, values: FieldValues): void {
    this.children.counterparties = append(this.children.counterparties, legal ? buildLegalEntity(values) : buildSoleTrader(values));
  }

  intermediary(legal: boolean, values: FieldValues): void {
    this.children.intermediary = legal ? buildLegalEntity(values) : buildSoleTrader(values);
  }

  endLine(book: BookKind, values: FieldValues): void {
    this.lines.push(buildLine(book, values, this.children));
  }

  take(): NdsLine[] {
    const lines = this.lines;
    this.lines = [];
    return lines;
  }
}
