/**
 * Seeded purchases and sales over a period, with the RNPT bookkeeping a real base would have: every
 * traced import line gets an RNPT (from the ДТ for customs imports, from ФНС for EAEU imports, from the
 * supplier for domestic purchases), sales take stock first-in first-out across RNPTs, and the
 * notifications and customs documents follow from the purchases and sales they belong to.
 */
import { addDays, formatRnpt, fromDayNumber, toDayNumber } from '@sledopyt/core';
import type { CalendarDate } from '@sledopyt/core';
import type { Random } from '@sledopyt/generators';
import { money } from './business.js';
import type {
  BatchNumberRecord,
  BusinessData,
  CounterpartyRecord,
  CounterpartyRole,
  DocumentKind,
  DocumentLine,
  DocumentRecord,
  ItemRecord,
  NaiveDateTime,
  PurchaseChannel,
  TraceShare,
  VatRate,
} from './business.js';
import { newLineId, newRef } from './ids.js';
import type { VersionClock } from './ids.js';

const CUSTOMS_OFFICES = ['10702070', '10216170', '10005030', '10009100', '10013160', '10131010'];
/** The first group of ФНС-assigned RNPTs carries no known meaning (core `origin.ts`); this is the demo's choice. [I] */
const FNS_GROUP = '10000000';
const NUMBER_PREFIX: Readonly<Record<DocumentKind, string>> = {
  purchase: 'ТС00',
  sale: 'ТС00',
  'customs-declaration': 'ТД00',
  'import-notice': 'УВ00',
  'movement-notice': 'УП00',
  'remains-notice': 'УО00',
};

interface Batch {
  readonly rnptRef: string;
  left: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const ddmmyy = (date: CalendarDate): string => `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;

export class DocumentGenerator {
  readonly #random: Random;
  readonly #clock: VersionClock;
  readonly #data: BusinessData;
  readonly #stock = new Map<string, Batch[]>();
  /** Items with stock left (sales pick from these). */
  readonly #stocked: ItemRecord[] = [];
  readonly #untraced: ItemRecord[];
  readonly #numbers = new Map<string, number>();
  readonly #byRole = new Map<CounterpartyRole, CounterpartyRecord[]>();
  readonly #itemsByRef = new Map<string, ItemRecord>();
  readonly #customsFolderRef: string;
  #serial = 1000;

  constructor(random: Random, clock: VersionClock, data: BusinessData) {
    this.#random = random;
    this.#clock = clock;
    this.#data = data;
    for (const c of data.counterparties) {
      const list = this.#byRole.get(c.role) ?? [];
      list.push(c);
      this.#byRole.set(c.role, list);
    }
    for (const item of data.items) this.#itemsByRef.set(item.ref, item);
    this.#untraced = data.items.filter((i) => !i.traceable);
    this.#customsFolderRef = this.#addNumber({ kind: 'folder', code: '', folderName: 'Таможенные декларации' });
  }

  /** Opening stock: remains notifications, each with a ФНС-assigned RNPT, the day before `day`. */
  openingRemains(day: CalendarDate, count: number): void {
    const traced = this.#data.items.filter((i) => i.traceable);
    for (let n = 0; n < count && traced.length > 0; n += 1) {
      const item = traced[n % traced.length] as ItemRecord;
      const quantity = this.#quantity(item, 'purchase');
      const rnptRef = this.#rnpt(FNS_GROUP, addDays(day, -this.#random.int(200, 500)), item, quantity * item.price);
      const line = this.#line(item, quantity, item.price, 'БезНДС', [{ rnptRef, quantity }], null);
      this.#push('remains-notice', `${addDays(day, -1)}T10:00:00`, { lines: [line], batchNumberRef: rnptRef });
      this.#receive(item.ref, rnptRef, quantity);
    }
  }

  /** `count` purchases and sales spread evenly over the days from `from` to `to` inclusive. */
  documents(count: number, from: CalendarDate, to: CalendarDate): void {
    const first = toDayNumber(from);
    const days = toDayNumber(to) - first + 1;
    let previousDay = -1;
    let secondOfDay = 0;
    for (let i = 0; i < count; i += 1) {
      const dayNumber = first + Math.floor((i * days) / count);
      secondOfDay = dayNumber === previousDay ? secondOfDay + this.#random.int(20, 600) : 9 * 3600 + this.#random.int(0, 1800);
      previousDay = dayNumber;
      const at = Math.min(secondOfDay, 86_399);
      const date = `${fromDayNumber(dayNumber)}T${pad2(Math.floor(at / 3600))}:${pad2(Math.floor(at / 60) % 60)}:${pad2(at % 60)}`;
      if (this.#stocked.length === 0 || this.#random.next() < 0.35) this.#purchase(date);
      else this.#sale(date);
    }
  }

  #nextNumber(kind: DocumentKind): string {
    // Each document type has its own numbering, as in 1C.
    const n = (this.#numbers.get(kind) ?? 0) + 1;
    this.#numbers.set(kind, n);
    return `${NUMBER_PREFIX[kind]}-${String(n).padStart(6, '0')}`;
  }

  #push(kind: DocumentKind, date: NaiveDateTime, fields: Partial<DocumentRecord>): DocumentRecord {
    const doc: DocumentRecord = {
      ref: newRef(this.#random),
      version: this.#clock.next(),
      deletionMark: false,
      kind,
      number: this.#nextNumber(kind),
      date,
      posted: true,
      counterpartyRef: null,
      channel: null,
      incomingNumber: '',
      comment: '',
      lines: [],
      batchNumberRef: null,
      baseDocumentRef: null,
      ...fields,
    };
    this.#data.documents.push(doc);
    return doc;
  }

  #addNumber(fields: Partial<BatchNumberRecord> & Pick<BatchNumberRecord, 'kind' | 'code'>): string {
    const record: BatchNumberRecord = {
      ref: newRef(this.#random),
      version: this.#clock.next(),
      deletionMark: false,
      parentRef: null,
      registrationNumber: '',
      originRef: null,
      itemRef: null,
      unitRef: null,
      amount: 0,
      folderName: '',
      ...fields,
    };
    this.#data.batchNumbers.push(record);
    return record.ref;
  }

  #rnpt(office: string, date: CalendarDate, item: ItemRecord, amount: number, serial?: string, position?: number): string {
    this.#serial += this.#random.int(3, 400);
    const parts = { customsOffice: office, registrationDate: date, serial: serial ?? String(this.#serial % 10_000_000).padStart(7, '0'), item: position ?? this.#random.int(1, 40) };
    return this.#addNumber({
      kind: 'rnpt',
      code: formatRnpt(parts),
      registrationNumber: office === FNS_GROUP ? '' : `${parts.customsOffice}/${ddmmyy(date)}/${parts.serial}`,
      originRef: item.originRef,
      itemRef: item.ref,
      unitRef: item.unitRef,
      amount: money(amount),
    });
  }

  #quantity(item: ItemRecord, kind: 'purchase' | 'sale'): number {
    if (item.price > 500_000) return kind === 'purchase' ? this.#random.int(1, 4) : 1;
    return kind === 'purchase' ? this.#random.int(10, 150) : this.#random.int(1, 20);
  }

  #line(item: ItemRecord, quantity: number, price: number, vatRate: VatRate, shares: readonly { rnptRef: string; quantity: number }[], customsNumberRef: string | null): DocumentLine {
    const rate = vatRate === 'НДС20' ? 0.2 : vatRate === 'НДС22' ? 0.22 : 0;
    const amount = money(quantity * price);
    return {
      lineId: newLineId(this.#random),
      itemRef: item.ref,
      quantity,
      price,
      amount,
      vatRate,
      vatAmount: money(amount * rate),
      customsNumberRef,
      traceable: shares.length > 0,
      shares: shares.map((s): TraceShare => {
        const shareAmount = money(s.quantity * price);
        return { rnptRef: s.rnptRef, quantity: s.quantity, traceQuantity: s.quantity, amount: shareAmount, vatAmount: money(shareAmount * rate) };
      }),
    };
  }

  #receive(itemRef: string, rnptRef: string, quantity: number): void {
    const batches = this.#stock.get(itemRef);
    const item = this.#itemsByRef.get(itemRef);
    if (batches === undefined || batches.length === 0) {
      this.#stock.set(itemRef, [{ rnptRef, left: quantity }]);
      if (item !== undefined) this.#stocked.push(item);
    } else {
      batches.push({ rnptRef, left: quantity });
    }
  }

  /** Takes up to `wanted` pieces first-in first-out; returns the RNPT shares taken. */
  #take(itemRef: string, wanted: number, consume: boolean): { rnptRef: string; quantity: number }[] {
    const batches = this.#stock.get(itemRef) ?? [];
    const shares: { rnptRef: string; quantity: number }[] = [];
    let need = wanted;
    for (const batch of batches) {
      if (need === 0) break;
      const quantity = Math.min(need, batch.left);
      if (quantity > 0) shares.push({ rnptRef: batch.rnptRef, quantity });
      need -= quantity;
      if (consume) batch.left -= quantity;
    }
    if (consume) {
      while (batches.length > 0 && (batches[0]?.left ?? 0) === 0) batches.shift();
      if (batches.length === 0) {
        const at = this.#stocked.findIndex((i) => i.ref === itemRef);
        if (at >= 0) this.#stocked.splice(at, 1);
      }
    }
    return shares;
  }

  #vatFor(date: NaiveDateTime): VatRate {
    // The general VAT rate is 22 % from 01.01.2026 (Федеральный закон от 28.11.2025 № 425-ФЗ).
    return date >= '2026-01-01' ? 'НДС22' : 'НДС20';
  }

  #purchase(date: NaiveDateTime): void {
    const roll = this.#random.next();
    const channel: PurchaseChannel = roll < 0.45 ? 'import' : roll < 0.6 ? 'eaeu' : 'domestic';
    const role: CounterpartyRole = channel === 'import' ? 'foreign-supplier' : channel === 'eaeu' ? 'eaeu-supplier' : 'domestic-supplier';
    const supplier = this.#random.pick(this.#byRole.get(role) ?? this.#data.counterparties);
    const day = date.slice(0, 10) as CalendarDate;
    const items = this.#distinctItems(this.#random.int(1, 5), channel);
    const office = this.#random.pick(CUSTOMS_OFFICES);
    const declarationDate = addDays(day, -this.#random.int(0, 3));
    const serial = String(this.#random.int(1, 9_999_999)).padStart(7, '0');
    const declarationRef =
      channel === 'import'
        ? this.#addNumber({ kind: 'customs', code: `${office}/${ddmmyy(declarationDate)}/${serial}`, registrationNumber: `${office}/${ddmmyy(declarationDate)}/${serial}`, parentRef: this.#customsFolderRef })
        : null;
    const vat = channel === 'domestic' ? this.#vatFor(date) : 'БезНДС';
    const received: { itemRef: string; rnptRef: string; quantity: number }[] = [];
    const lines = items.map((item, index) => {
      const quantity = this.#quantity(item, 'purchase');
      if (!item.traceable) return this.#line(item, quantity, item.price, vat, [], declarationRef);
      const rnptRef =
        channel === 'import'
          ? this.#rnpt(office, declarationDate, item, quantity * item.price, serial, index + 1)
          : channel === 'eaeu'
            ? this.#rnpt(FNS_GROUP, addDays(day, this.#random.int(1, 5)), item, quantity * item.price)
            : this.#rnpt(this.#random.pick(CUSTOMS_OFFICES), addDays(day, -this.#random.int(20, 120)), item, quantity * item.price);
      received.push({ itemRef: item.ref, rnptRef, quantity });
      return this.#line(item, quantity, item.price, vat, [{ rnptRef, quantity }], null);
    });
    const purchase = this.#push('purchase', date, {
      counterpartyRef: supplier.ref,
      channel,
      incomingNumber: String(this.#random.int(100, 99_999)),
      lines,
    });
    for (const r of received) this.#receive(r.itemRef, r.rnptRef, r.quantity);
    if (channel === 'import') {
      this.#push('customs-declaration', date.replace(/T\d\d/, 'T20'), { lines, batchNumberRef: declarationRef, baseDocumentRef: purchase.ref, counterpartyRef: supplier.ref });
    }
    if (channel === 'eaeu') {
      // One notification per RNPT: the БП notification carries its RNPT in the header.
      for (const line of lines.filter((l) => l.traceable)) {
        const filed = `${addDays(day, this.#random.int(1, 5))}T11:00:00`;
        this.#push('import-notice', filed, { lines: [line], batchNumberRef: line.shares[0]?.rnptRef ?? null, baseDocumentRef: purchase.ref, counterpartyRef: supplier.ref });
      }
    }
  }

  #distinctItems(count: number, channel: PurchaseChannel | 'sale'): ItemRecord[] {
    const pool = channel === 'sale' ? this.#stocked : this.#data.items;
    const chosen = new Set<ItemRecord>();
    for (let attempt = 0; attempt < count * 3 && chosen.size < count && pool.length > 0; attempt += 1) chosen.add(this.#random.pick(pool));
    return [...chosen];
  }

  #sale(date: NaiveDateTime): void {
    const toEaeu = this.#random.next() < 0.05;
    const buyer = this.#random.pick(this.#byRole.get(toEaeu ? 'eaeu-buyer' : 'buyer') ?? this.#data.counterparties);
    const roll = this.#random.next();
    const deletionMark = roll < 0.003;
    const posted = !deletionMark && roll >= 0.01;
    const vat = toEaeu ? 'БезНДС' : this.#vatFor(date);
    const lines: DocumentLine[] = this.#distinctItems(this.#random.int(1, 4), 'sale').map((item) => {
      const shares = this.#take(item.ref, this.#quantity(item, 'sale'), posted);
      const quantity = shares.reduce((total, s) => total + s.quantity, 0);
      return this.#line(item, quantity, money(item.price * 1.25), vat, shares, null);
    });
    if (this.#random.next() < 0.1) {
      if (this.#untraced.length > 0) {
        const item = this.#random.pick(this.#untraced);
        lines.push(this.#line(item, this.#random.int(1, 10), money(item.price * 1.25), vat, [], null));
      }
    }
    const sale = this.#push('sale', date, { counterpartyRef: buyer.ref, lines, posted, deletionMark });
    if (toEaeu && posted && lines.some((l) => l.traceable)) {
      const day = date.slice(0, 10) as CalendarDate;
      this.#push('movement-notice', `${addDays(day, this.#random.int(1, 4))}T12:00:00`, {
        lines: lines.filter((l) => l.traceable),
        baseDocumentRef: sale.ref,
        counterpartyRef: buyer.ref,
      });
    }
  }
}
