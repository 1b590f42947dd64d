/**
 * Purchases, sales and returns → movements, one per RNPT share of a goods line:
 * - БП 3.0: the `СведенияПрослеживаемости` rows, linked to `Товары` by `ИдентификаторСтроки` (one line →
 *   n RNPTs); releases before that section kept the RNPT on the goods row (`Товары.РНПТ_Key`) [I];
 * - УТ 11 / КА 2 / ERP 2: purchases carry the RNPT on the goods row (`Товары.НомерГТД_Key` of type
 *   `НомерРНПТ`, quantity `КоличествоПоРНПТ`); sales and returns only in `ВидыЗапасов` (filled on posting).
 * The movement kind comes from the counterparty: a Russian ИНН → purchase/sale, an EAEU country → EAEU
 * import / movement, another country → customs import / export, a private person → retail sale.
 */
import { customsDeclarationOfRnpt, parseCustomsDeclarationNumber, parseRnpt, toDecimalString } from '@sledopyt/core';
import type { CalendarDate, Kopecks, Movement, MovementKind, Rnpt } from '@sledopyt/core';
import type { ImportDocumentInput, StoreDocumentKind } from '@sledopyt/store';
import type { ObjectRole } from '../composition.js';
import { naiveToCalendarDate } from '../odata/literals.js';
import { buildMovement, readDocumentHead, storeDocument } from './context.js';
import type { Header, MappingContext, SourceDocument } from './context.js';
import type { BatchNumber, Party } from './reference-data.js';
import { flag, kopecks, num, ref, section, text } from './row.js';
import type { Row } from './row.js';

/** One RNPT share of a goods line, before it is checked. */
interface TraceShare {
  section: string;
  lineNumber: string;
  batchRef: string | null;
  /** In the traceability unit. */
  quantity: number | null;
  costWithoutVat: Kopecks | null;
  itemRef: string | null;
  tnvedRef: string | null;
}

interface DocumentIdentity {
  kind: 'upd' | 'invoice' | 'other' | 'customs_declaration';
  number: string;
  date: CalendarDate;
}

const TRADE_ROLES: readonly ObjectRole[] = ['purchases', 'sales', 'returns-from-buyers', 'returns-to-suppliers'];
export const isTradeRole = (role: ObjectRole): boolean => TRADE_ROLES.includes(role);

/** The part of `amount` that `share` is of `whole` (VAT of one RNPT row out of its goods line). */
function proportional(amount: Kopecks, share: Kopecks, whole: Kopecks): Kopecks {
  if (whole === 0n) return 0n;
  const scaled = amount * share;
  return (scaled + (scaled >= 0n ? whole / 2n : -whole / 2n)) / whole;
}

function lineIdIndex(lines: readonly Row[]): Map<string, Row> {
  return new Map(lines.filter((line) => text(line, 'ИдентификаторСтроки') !== '').map((line) => [text(line, 'ИдентификаторСтроки'), line]));
}

const positive = (value: number | null): number | null => (value === null || value <= 0 ? null : value);

function bpShares(row: Row): TraceShare[] {
  const goods = section(row, 'Товары');
  const byLineId = lineIdIndex(goods);
  const vatIncluded = flag(row, 'СуммаВключаетНДС') === true;
  if ('СведенияПрослеживаемости' in row) {
    return section(row, 'СведенияПрослеживаемости').map((trace) => {
      const line = byLineId.get(text(trace, 'ИдентификаторСтроки'));
      const sum = kopecks(trace, 'Сумма');
      const lineSum = line === undefined ? null : kopecks(line, 'Сумма');
      const lineVat = line === undefined ? null : kopecks(line, 'СуммаНДС');
      const vat = kopecks(trace, 'СуммаНДС') ?? (sum !== null && lineSum !== null && lineVat !== null ? proportional(lineVat, sum, lineSum) : 0n);
      return {
        section: 'СведенияПрослеживаемости',
        lineNumber: text(trace, 'LineNumber'),
        batchRef: ref(trace, 'РНПТ_Key'),
        quantity: positive(num(trace, 'КоличествоПрослеживаемости')),
        costWithoutVat: sum === null ? null : vatIncluded ? sum - vat : sum,
        itemRef: ref(trace, 'Номенклатура_Key') ?? (line === undefined ? null : ref(line, 'Номенклатура_Key')),
        tnvedRef: line === undefined ? null : ref(line, 'КодТНВЭД_Key'),
      };
    });
  }
  // Older releases: the RNPT sits on the goods row itself [I: NOTES.md §2.3].
  return goods
    .filter((line) => ref(line, 'РНПТ_Key') !== null)
    .map((line) => {
      const sum = kopecks(line, 'Сумма');
      const vat = kopecks(line, 'СуммаНДС') ?? 0n;
      return {
        section: 'Товары',
        lineNumber: text(line, 'LineNumber'),
        batchRef: ref(line, 'РНПТ_Key'),
        quantity: positive(num(line, 'Количество')),
        costWithoutVat: sum === null ? null : vatIncluded ? sum - vat : sum,
        itemRef: ref(line, 'Номенклатура_Key'),
        tnvedRef: ref(line, 'КодТНВЭД_Key'),
      };
    });
}

/** Cost without VAT of an УТ row: `СуммаСНДС − СуммаНДС` (true whatever «Цена включает НДС» says), else `Сумма`. */
function utCost(row: Row, priceIncludesVat: boolean): Kopecks | null {
  const withVat = kopecks(row, 'СуммаСНДС');
  const vat = kopecks(row, 'СуммаНДС') ?? 0n;
  if (withVat !== null && withVat > 0n) return withVat - vat;
  const sum = kopecks(row, 'Сумма');
  return sum === null ? null : priceIncludesVat ? sum - vat : sum;
}

function utShares(row: Row, role: ObjectRole, ctx: MappingContext): TraceShare[] {
  const goods = section(row, 'Товары');
  const priceIncludesVat = flag(row, 'ЦенаВключаетНДС') === true;
  // A row counts when its number is an RNPT, or when it has a traced quantity but no number (an error to show).
  const traced = (r: Row): boolean => {
    const batchRef = ref(r, 'НомерГТД_Key');
    if (batchRef === null) return (num(r, 'КоличествоПоРНПТ') ?? 0) > 0;
    const entry = ctx.reference.batchNumbers.get(batchRef);
    return entry === undefined || entry.kind === 'rnpt';
  };
  if (role === 'purchases') {
    return goods.filter(traced).map((line) => ({
      section: 'Товары',
      lineNumber: text(line, 'LineNumber'),
      batchRef: ref(line, 'НомерГТД_Key'),
      quantity: positive(num(line, 'КоличествоПоРНПТ')),
      costWithoutVat: utCost(line, priceIncludesVat),
      itemRef: ref(line, 'Номенклатура_Key'),
      tnvedRef: ref(line, 'КодТНВЭД_Key'),
    }));
  }
  const byLineId = lineIdIndex(goods);
  return section(row, 'ВидыЗапасов')
    .filter(traced)
    .map((stock) => {
      const line = byLineId.get(text(stock, 'ИдентификаторСтроки'));
      return {
        section: 'ВидыЗапасов',
        lineNumber: text(stock, 'LineNumber'),
        batchRef: ref(stock, 'НомерГТД_Key'),
        quantity: positive(num(stock, 'КоличествоПоРНПТ')),
        costWithoutVat: utCost(stock, priceIncludesVat),
        itemRef: line === undefined ? null : ref(line, 'Номенклатура_Key'),
        tnvedRef: ref(stock, 'КодТНВЭД_Key') ?? (line === undefined ? null : ref(line, 'КодТНВЭД_Key')),
      };
    });
}

function movementKind(role: ObjectRole, party: Party, operation: string): MovementKind {
  switch (role) {
    case 'purchases':
      if (party.category === 'eaeu') return 'eaeu_import';
      if (party.category === 'foreign' || operation === 'ЗакупкаПоИмпорту') return 'customs_import';
      return 'purchase';
    case 'returns-from-buyers':
      return 'return_from_buyer';
    case 'returns-to-suppliers':
      return 'return_to_supplier';
    default:
      if (party.category === 'eaeu') return 'eaeu_movement';
      if (party.category === 'foreign') return 'export';
      if (party.category === 'person') return 'sale_to_individual';
      return 'sale';
  }
}

/** The invoice a purchase stands for: the supplier's number and date when 1C has them. */
function incomingIdentity(row: Row, header: Header, kind: DocumentIdentity['kind']): DocumentIdentity {
  const number = text(row, 'НомерВходящегоДокумента');
  const date = naiveToCalendarDate(row['ДатаВходящегоДокумента']);
  return { kind, number: number === '' ? header.number : number, date: number === '' || date === null ? header.date : date };
}

/** The ДТ an RNPT was formed from (customs imports): its number and registration date, when they parse. */
function customsIdentity(rnpt: Rnpt, entry: BatchNumber): DocumentIdentity | null {
  const candidate = entry.registrationNumber !== '' && rnpt.startsWith(entry.registrationNumber) ? entry.registrationNumber : customsDeclarationOfRnpt(rnpt);
  const parsed = parseCustomsDeclarationNumber(candidate);
  if (parsed.ok) return { kind: 'customs_declaration', number: parsed.value.number, date: parsed.value.registrationDate };
  const fromRnpt = parseRnpt(rnpt);
  return fromRnpt.ok ? { kind: 'customs_declaration', number: customsDeclarationOfRnpt(fromRnpt.value.rnpt), date: fromRnpt.value.registrationDate } : null;
}

function primaryIdentity(role: ObjectRole, kind: MovementKind, row: Row, header: Header, ctx: MappingContext): DocumentIdentity {
  if (role === 'purchases') return incomingIdentity(row, header, kind === 'purchase' ? ctx.invoiceKind : 'other');
  if (role === 'returns-from-buyers') return incomingIdentity(row, header, ctx.invoiceKind);
  return { kind: ctx.invoiceKind, number: header.number, date: header.date };
}

/** Goods lines as the reconciler needs them beyond the movements: also lines WITHOUT an RNPT (RNPT_MISSING). */
function goodsDetails(row: Row, ctx: MappingContext): Record<string, unknown>[] {
  return section(row, 'Товары').map((line) => {
    const itemRef = ref(line, 'Номенклатура_Key');
    const batch = ref(line, 'НомерГТД_Key');
    const entry = batch === null ? undefined : ctx.reference.batchNumbers.get(batch);
    const cost = kopecks(line, 'Сумма');
    return {
      line: text(line, 'LineNumber'),
      item: itemRef === null ? null : (ctx.reference.items.get(itemRef)?.name ?? null),
      tnved: ctx.reference.tnvedCode(ref(line, 'КодТНВЭД_Key')) ?? ctx.reference.tnvedCodeOfItem(itemRef),
      quantity: num(line, 'Количество'),
      amountKopecks: cost === null ? null : cost.toString(),
      customsDeclaration: entry?.kind === 'customs' ? entry.code : null,
      traceable: flag(line, 'ПрослеживаемыйТовар') ?? (itemRef === null ? null : (ctx.reference.items.get(itemRef)?.traceable ?? null)),
    };
  });
}

const identityKey = (identity: DocumentIdentity): string => `${identity.kind}\u0000${identity.number}\u0000${identity.date}`;

/** A purchase, sale or return → store documents (one per invoice or ДТ it stands for) with their movements. */
export function mapTradeDocument(source: SourceDocument, ctx: MappingContext): ImportDocumentInput[] {
  const { row } = source;
  const head = readDocumentHead(source, ctx);
  if (head === null) return [];
  const { header, where, taxpayerInn } = head;
  const party = ctx.reference.party(ref(row, 'Контрагент_Key'));
  const operation = text(row, 'ХозяйственнаяОперация') || text(row, 'ВидОперации');
  const kind = movementKind(source.role, party, operation);
  const primary = primaryIdentity(source.role, kind, row, header, ctx);
  const shares = ctx.profile === 'bp30' ? bpShares(row) : utShares(row, source.role, ctx);

  const groups = new Map<string, { identity: DocumentIdentity; movements: Movement[] }>();
  for (const share of shares) {
    const at = `${where}, ${share.section} строка ${share.lineNumber}`;
    const rnpt = ctx.reference.rnpt(share.batchRef);
    if (!rnpt.ok) {
      ctx.skips.add(rnpt.reason, at);
      continue;
    }
    if (share.quantity === null) {
      ctx.skips.add('QUANTITY_MISSING', at);
      continue;
    }
    if (share.costWithoutVat === null) {
      ctx.skips.add('COST_UNKNOWN', at);
      continue;
    }
    const tnved = ctx.reference.tnvedCode(share.tnvedRef) ?? ctx.reference.tnvedCodeOfItem(share.itemRef);
    const unit = ctx.reference.traceabilityUnit({ itemRef: share.itemRef, tnvedRef: share.tnvedRef, tnved, date: header.date });
    if (unit === null) {
      ctx.skips.add('UNIT_UNKNOWN', at);
      continue;
    }
    const identity = kind === 'customs_import' ? (customsIdentity(rnpt.rnpt as Rnpt, rnpt.entry) ?? primary) : primary;
    const built = buildMovement({
      id: `${header.ref}:${share.section}:${share.lineNumber}`,
      kind,
      taxpayerInn,
      rnpt: rnpt.rnpt,
      ...(tnved === null ? {} : { tnved }),
      unit,
      quantity: share.quantity,
      costWithoutVat: toDecimalString(share.costWithoutVat),
      date: header.date,
      document: identity,
      ...(party.inn === undefined ? {} : { counterpartyInn: party.inn }),
    });
    if (!built.ok) {
      ctx.skips.add('MOVEMENT_INVALID', at, built.message);
      continue;
    }
    const key = identityKey(identity);
    const group = groups.get(key) ?? { identity, movements: [] };
    group.movements.push(built.movement);
    groups.set(key, group);
  }
  if (groups.size === 0) groups.set(identityKey(primary), { identity: primary, movements: [] });

  const details = {
    operation: operation === '' ? null : operation,
    counterparty: { name: party.name, category: party.category, inn: party.inn ?? null, kpp: party.kpp ?? null, country: party.country ?? null },
    goods: goodsDetails(row, ctx),
  };
  return [...groups.values()].map(({ identity, movements }) =>
    storeDocument(ctx, source, header, {
      taxpayerInn,
      kind: identity.kind as StoreDocumentKind,
      number: identity.number,
      date: identity.date,
      counterpartyInn: party.inn,
      counterpartyKpp: party.kpp,
      movements,
      details,
    }),
  );
}
