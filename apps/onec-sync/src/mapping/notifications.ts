/**
 * The traceability notifications kept in 1C, as store documents of the kinds the reconciler reads for
 * deadlines (`eventDate` = the day the deadline counts from):
 * - import (EAEU) notification: no movements — the receipt is the purchase's, which 1C posts to the
 *   register; `eventDate` = the date of the purchase it is filed for (`ПервичныйДокумент`);
 * - movement (EAEU) notification: no movements (the sale carries them); `eventDate` = the shipment, i.e.
 *   the latest accompanying sale (`Товары.СопроводительныйДокумент`);
 * - remains notification: `remains` receipts, one per goods row, since 1C posts it to the register like a
 *   purchase; `eventDate` = `ДатаПервичногоДокумента` when filled.
 * БП keeps the notification's RNPT as a ref (`РНПТ_Key`), УТ/КА/ERP as a string (`РНПТ`) [V NOTES.md §2.2].
 */
import { toDecimalString } from '@sledopyt/core';
import type { CalendarDate, Kopecks, Movement } from '@sledopyt/core';
import type { ImportDocumentInput } from '@sledopyt/store';
import { naiveToCalendarDate } from '../odata/literals.js';
import { buildMovement, describeSource, readDocumentHead, storeDocument } from './context.js';
import type { Header, MappingContext, SourceDocument } from './context.js';
import { compositeSet, flag, kopecks, num, ref, section, text } from './row.js';
import type { Row } from './row.js';

const PURCHASE_SETS = { bp30: 'Document_ПоступлениеТоваровУслуг', ut115: 'Document_ПриобретениеТоваровУслуг' } as const;
const SALES_SET = 'Document_РеализацияТоваровУслуг';

/** A document another document points to: its set (from `_Type`, or the usual one) and ref. */
export interface DocumentLink {
  set: string;
  ref: string;
}

/** The documents whose dates a notification's deadline depends on (resolved before mapping). */
export function notificationLinks(source: SourceDocument, profile: keyof typeof PURCHASE_SETS): DocumentLink[] {
  const { row } = source;
  if (source.role === 'import-notices') {
    const primary = ref(row, 'ПервичныйДокумент') ?? ref(row, 'ПервичныйДокумент_Key');
    return primary === null ? [] : [{ set: compositeSet(row, 'ПервичныйДокумент') ?? PURCHASE_SETS[profile], ref: primary }];
  }
  if (source.role === 'movement-notices') {
    return section(row, 'Товары').flatMap((line) => {
      const accompanying = ref(line, 'СопроводительныйДокумент_Key') ?? ref(line, 'СопроводительныйДокумент');
      return accompanying === null ? [] : [{ set: compositeSet(line, 'СопроводительныйДокумент') ?? SALES_SET, ref: accompanying }];
    });
  }
  return [];
}

/** The notification's own RNPT: a ref in БП, a string in УТ. */
function headerRnpt(row: Row, ctx: MappingContext): string | null {
  const byRef = ctx.reference.rnpt(ref(row, 'РНПТ_Key'));
  if (byRef.ok) return byRef.rnpt;
  const inline = text(row, 'РНПТ');
  return inline === '' ? null : inline;
}

function rowRnpt(line: Row, ctx: MappingContext): string | null {
  for (const key of ['РНПТ_Key', 'НомерГТД_Key']) {
    const found = ctx.reference.rnpt(ref(line, key));
    if (found.ok) return found.rnpt;
  }
  return null;
}

const latest = (dates: readonly (CalendarDate | null)[]): CalendarDate | null =>
  dates.reduce<CalendarDate | null>((max, date) => (date !== null && (max === null || date > max) ? date : max), null);

function goodsRows(row: Row, name: string, ctx: MappingContext): Record<string, unknown>[] {
  return section(row, name).map((line) => {
    const cost = kopecks(line, 'Сумма');
    return {
      line: text(line, 'LineNumber'),
      rnpt: rowRnpt(line, ctx),
      tnved: ctx.reference.tnvedCode(ref(line, 'КодТНВЭД_Key')) ?? ctx.reference.tnvedCodeOfItem(ref(line, 'Номенклатура_Key')),
      quantity: num(line, 'Количество'),
      traceQuantity: num(line, 'КоличествоПрослеживаемости') ?? num(line, 'КоличествоПоРНПТ'),
      amountKopecks: cost === null ? null : cost.toString(),
    };
  });
}

function common(row: Row, ctx: MappingContext): Record<string, unknown> {
  return {
    rnpt: headerRnpt(row, ctx),
    tnved: ctx.reference.tnvedCode(ref(row, 'КодТНВЭД_Key')),
    confirmedByFns: flag(row, 'ПолученоПодтверждениеИзФНС'),
    correctionNumber: num(row, 'НомерКорректировки') ?? 0,
  };
}

/** Splits `total` kopecks over rows in proportion to their quantities; the last row takes the rounding rest. */
function spread(total: Kopecks, quantities: readonly number[]): Kopecks[] {
  const sum = quantities.reduce((a, b) => a + b, 0);
  let left = total;
  return quantities.map((quantity, index) => {
    if (index === quantities.length - 1) return left;
    const part = sum === 0 ? 0n : BigInt(Math.round((Number(total) * quantity) / sum));
    left -= part;
    return part;
  });
}

interface RemainsLine {
  lineNumber: string;
  rnpt: string | null;
  quantity: number | null;
  cost: Kopecks | null;
  itemRef: string | null;
}

function remainsLines(row: Row, ctx: MappingContext): RemainsLine[] {
  const header = headerRnpt(row, ctx);
  if (ctx.profile === 'bp30') {
    return section(row, 'Товары').map((line) => ({
      lineNumber: text(line, 'LineNumber'),
      rnpt: header,
      quantity: num(line, 'КоличествоПрослеживаемости'),
      cost: kopecks(line, 'Сумма'),
      itemRef: ref(line, 'Номенклатура_Key'),
    }));
  }
  const stock = section(row, 'ВидыЗапасов');
  const total = kopecks(row, 'Сумма');
  if (stock.length === 0) {
    return [{ lineNumber: '0', rnpt: header, quantity: num(row, 'КоличествоПрослеживаемости'), cost: total, itemRef: null }];
  }
  const quantities = stock.map((line) => num(line, 'КоличествоПоРНПТ') ?? 0);
  const costs = total === null ? null : spread(total, quantities);
  return stock.map((line, index) => ({
    lineNumber: text(line, 'LineNumber'),
    rnpt: rowRnpt(line, ctx) ?? header,
    quantity: quantities[index] ?? null,
    cost: costs?.[index] ?? null,
    itemRef: null,
  }));
}

function remainsMovements(source: SourceDocument, header: Header, taxpayerInn: string, ctx: MappingContext): Movement[] {
  const { row } = source;
  const where = describeSource(source.set, header);
  const tnved = ctx.reference.tnvedCode(ref(row, 'КодТНВЭД_Key'));
  const movements: Movement[] = [];
  for (const line of remainsLines(row, ctx)) {
    const at = `${where}, строка ${line.lineNumber}`;
    if (line.rnpt === null) {
      // The first filing has no RNPT yet: ФНС assigns it afterwards. Not an error, nothing to count.
      continue;
    }
    if (line.quantity === null || line.quantity <= 0) {
      ctx.skips.add('QUANTITY_MISSING', at);
      continue;
    }
    if (line.cost === null) {
      ctx.skips.add('COST_UNKNOWN', at);
      continue;
    }
    const itemTnved = tnved ?? ctx.reference.tnvedCodeOfItem(line.itemRef);
    const unit = ctx.reference.traceabilityUnit({ unitRef: ref(row, 'ЕдиницаПрослеживаемости_Key'), itemRef: line.itemRef, tnvedRef: ref(row, 'КодТНВЭД_Key'), tnved: itemTnved, date: header.date });
    if (unit === null) {
      ctx.skips.add('UNIT_UNKNOWN', at);
      continue;
    }
    const built = buildMovement({
      id: `${header.ref}:${ctx.profile === 'bp30' ? 'Товары' : 'ВидыЗапасов'}:${line.lineNumber}`,
      kind: 'remains',
      taxpayerInn,
      rnpt: line.rnpt,
      ...(itemTnved === null ? {} : { tnved: itemTnved }),
      unit,
      quantity: line.quantity,
      costWithoutVat: toDecimalString(line.cost),
      date: header.date,
      document: { kind: 'other', number: header.number, date: header.date },
    });
    if (built.ok) movements.push(built.movement);
    else ctx.skips.add('MOVEMENT_INVALID', at, built.message);
  }
  return movements;
}

/** An import, movement or remains notification → one store document. */
export function mapNotification(source: SourceDocument, ctx: MappingContext): ImportDocumentInput[] {
  const { row } = source;
  const head = readDocumentHead(source, ctx);
  if (head === null) return [];
  const { header, taxpayerInn } = head;
  const linkDate = (links: readonly { set: string; ref: string }[]): CalendarDate | null => latest(links.map((link) => ctx.documentDate(link.set, link.ref)));
  const links = notificationLinks(source, ctx.profile);
  const party = ctx.reference.party(ref(row, 'Контрагент_Key'));
  const base = { taxpayerInn, number: header.number, date: header.date, ...(party.inn === undefined ? {} : { counterpartyInn: party.inn, counterpartyKpp: party.kpp }) };
  switch (source.role) {
    case 'import-notices':
      return [
        storeDocument(ctx, source, header, {
          ...base,
          kind: 'eaeu_import_notification',
          eventDate: linkDate(links) ?? header.date,
          movements: [],
          details: { ...common(row, ctx), supplier: { name: party.name, country: party.country ?? null }, primaryDocuments: links, goods: goodsRows(row, 'Товары', ctx) },
        }),
      ];
    case 'movement-notices':
      return [
        storeDocument(ctx, source, header, {
          ...base,
          kind: 'eaeu_movement_notification',
          eventDate: linkDate(links) ?? header.date,
          movements: [],
          details: { ...common(row, ctx), accompanyingDocuments: links, goods: goodsRows(row, 'Товары', ctx) },
        }),
      ];
    default: {
      const primaryDate = naiveToCalendarDate(row['ДатаПервичногоДокумента']);
      return [
        storeDocument(ctx, source, header, {
          ...base,
          kind: 'remains_notification',
          eventDate: primaryDate ?? header.date,
          movements: remainsMovements(source, header, taxpayerInn, ctx),
          details: { ...common(row, ctx), goods: goodsRows(row, ctx.profile === 'bp30' ? 'Товары' : 'ВидыЗапасов', ctx) },
        }),
      ];
    }
  }
}
