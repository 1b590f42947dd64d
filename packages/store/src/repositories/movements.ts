/**
 * The read side of movements: a paged iterator (keyset on date and id, so memory stays at one page and no
 * connection is held between pages) and balances per RNPT computed by the database (GROUP BY), in the
 * shape of the core's `LedgerBalance`. Only active documents have movements (retraction deletes them).
 */
import { DOCUMENT_KINDS, MOVEMENT_KINDS, calendarDateSchema, innSchema, isOperationCode } from '@sledopyt/core';
import type { CalendarDate, DocumentKind, Inn, LedgerBalance, Movement, MovementKind, Quantity, Rnpt } from '@sledopyt/core';
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { z } from 'zod';
import type { StoreContext } from '../context.js';
import { parseInput, toBigInt, toNumber } from '../values.js';
import { PLAIN_RECEIPT_KINDS, RENEWAL_KINDS, kindsOf } from './balance-effects.js';
import type { BalanceTotal } from './balance-effects.js';
import { findTaxpayer } from './taxpayers.js';

export const movementQuerySchema = z.object({
  taxpayerInn: innSchema,
  /** First day included. */
  from: calendarDateSchema.optional(),
  /** Last day included. */
  to: calendarDateSchema.optional(),
});
export type MovementQuery = z.input<typeof movementQuerySchema>;

export const pageOptionsSchema = z.object({ pageSize: z.number().int().min(1).max(100_000).default(5_000) });
export type PageOptions = z.input<typeof pageOptionsSchema>;

/** A movement read back: the core's `Movement` (feed it to a `Ledger`) plus the store's ids. */
export type StoredMovement = Movement & { storeId: bigint; documentId: bigint };

const CORE_DOCUMENT_KINDS: ReadonlySet<string> = new Set(DOCUMENT_KINDS);

interface MovementJoinRow {
  id: bigint;
  document_id: bigint;
  line_ref: string | null;
  kind: string;
  rnpt: string;
  tnved: string | null;
  okei: string;
  quantity: bigint;
  cost_kopecks: bigint;
  date: string;
  operation_code: string | null;
  counterparty_inn: string | null;
  document_kind: string;
  document_number: string;
  document_date: string;
}

export function toStoredMovement(row: MovementJoinRow, taxpayerInn: Inn): StoredMovement {
  const kind = row.kind as MovementKind;
  // Notifications are «иной документ» (ВидДок 5) in the core's terms.
  const documentKind = (CORE_DOCUMENT_KINDS.has(row.document_kind) ? row.document_kind : 'other') as DocumentKind;
  const movement: StoredMovement = {
    storeId: row.id,
    documentId: row.document_id,
    kind,
    taxpayerInn,
    rnpt: row.rnpt as Rnpt,
    unit: row.okei,
    quantity: toBigInt(row.quantity) as Quantity,
    costWithoutVat: toBigInt(row.cost_kopecks),
    date: row.date as CalendarDate,
    document: { kind: documentKind, number: row.document_number, date: row.document_date as CalendarDate },
  };
  if (row.line_ref !== null) movement.id = row.line_ref;
  if (row.tnved !== null) movement.tnved = row.tnved;
  if (row.counterparty_inn !== null) movement.counterpartyInn = row.counterparty_inn as Inn;
  // The stored code is the effective one; only a code that differs from the kind's default is the movement's own.
  const code = row.operation_code;
  if (code !== null && isOperationCode(code) && code !== MOVEMENT_KINDS[kind].operationCode) movement.operationCode = code;
  return movement;
}

/** Movements of one taxpayer in date order (then storage order), one page per query. */
export async function* iterateMovements(ctx: StoreContext, input: MovementQuery, options: PageOptions = {}): AsyncGenerator<StoredMovement> {
  const query = parseInput(movementQuerySchema, input, 'movement query', 'запрос движений');
  const { pageSize } = parseInput(pageOptionsSchema, options, 'page options', 'размер страницы');
  const taxpayer = await findTaxpayer(ctx.db, query.taxpayerInn);
  if (taxpayer === undefined) return;
  let after: { date: string; id: bigint } | undefined;
  for (;;) {
    let select = ctx.db
      .selectFrom('movements as m')
      .innerJoin('documents as d', 'd.id', 'm.document_id')
      .select([
        'm.id',
        'm.document_id',
        'm.line_ref',
        'm.kind',
        'm.rnpt',
        'm.tnved',
        'm.okei',
        'm.quantity',
        'm.cost_kopecks',
        'm.date',
        'm.operation_code',
        'm.counterparty_inn',
        'd.kind as document_kind',
        'd.number as document_number',
        'd.date as document_date',
      ])
      .where('m.taxpayer_id', '=', taxpayer.id);
    if (query.from !== undefined) select = select.where('m.date', '>=', query.from);
    if (query.to !== undefined) select = select.where('m.date', '<=', query.to);
    if (after !== undefined) {
      const cursor = after;
      select = select.where((eb) => eb(eb.refTuple('m.date', 'm.id'), '>', eb.tuple(cursor.date, cursor.id)));
    }
    const rows = await select.orderBy('m.date').orderBy('m.id').limit(pageSize).execute();
    for (const row of rows) yield toStoredMovement(row, taxpayer.inn);
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = { date: last.date, id: last.id };
  }
}

export const balanceQuerySchema = z.object({
  taxpayerInn: innSchema,
  /** Ignore movements after this day (e.g. the end of the quarter), as `computeBalances({ until })`. */
  until: calendarDateSchema.optional(),
});
export type BalanceQuery = z.input<typeof balanceQuerySchema>;

const inKinds = (kinds: readonly string[]): RawBuilder<unknown> =>
  kinds.length === 0 ? sql`(null)` : sql`(${sql.join(kinds.map((kind) => sql.lit(kind)))})`;

/** SUM(+quantity for kinds adding to the total, −quantity for kinds taking from it). */
function signedSum(total: BalanceTotal): RawBuilder<unknown> {
  return sql`sum(case when kind in ${inKinds(kindsOf(total, 1))} then quantity when kind in ${inKinds(kindsOf(total, -1))} then -quantity else 0 end)`;
}

interface BalanceRow {
  rnpt: string;
  okei: string;
  received: unknown;
  disposed: unknown;
  terminated: unknown;
  renewed: unknown;
  first_receipt_date: string | null;
  last_movement_date: string;
  movement_count: unknown;
}

/**
 * Balances per (RNPT, ОКЕИ) of one taxpayer, computed in SQL and paged by key (RNPT, unit) in byte order —
 * the same values and order as the core's `computeBalances(...).balances`.
 */
export async function* iterateBalances(ctx: StoreContext, input: BalanceQuery, options: PageOptions = {}): AsyncGenerator<LedgerBalance> {
  const query = parseInput(balanceQuerySchema, input, 'balance query', 'запрос остатков');
  const { pageSize } = parseInput(pageOptionsSchema, options, 'page options', 'размер страницы');
  const taxpayer = await findTaxpayer(ctx.db, query.taxpayerInn);
  if (taxpayer === undefined) return;
  let after: { rnpt: string; okei: string } | undefined;
  for (;;) {
    const untilFilter = query.until === undefined ? sql`` : sql`and date <= ${query.until}`;
    const afterFilter = after === undefined ? sql`` : sql`and (rnpt, okei) > (${after.rnpt}, ${after.okei})`;
    const { rows } = await sql<BalanceRow>`
      select rnpt, okei,
        ${signedSum('received')} as received,
        ${signedSum('disposed')} as disposed,
        ${signedSum('terminated')} as terminated,
        sum(case when kind in ${inKinds(RENEWAL_KINDS)} then quantity else 0 end) as renewed,
        min(case when kind in ${inKinds(PLAIN_RECEIPT_KINDS)} then date end) as first_receipt_date,
        max(date) as last_movement_date,
        count(*) as movement_count
      from movements
      where taxpayer_id = ${taxpayer.id} ${untilFilter} ${afterFilter}
      group by rnpt, okei
      order by rnpt, okei
      limit ${pageSize}`.execute(ctx.db);
    for (const row of rows) {
      const received = toBigInt(row.received) as Quantity;
      const disposed = toBigInt(row.disposed) as Quantity;
      const terminated = toBigInt(row.terminated) as Quantity;
      yield {
        taxpayerInn: taxpayer.inn,
        rnpt: row.rnpt as Rnpt,
        unit: row.okei,
        received,
        disposed,
        terminated,
        renewed: toBigInt(row.renewed) as Quantity,
        onHand: (received - disposed - terminated) as Quantity,
        firstReceiptDate: row.first_receipt_date as CalendarDate | null,
        lastMovementDate: row.last_movement_date as CalendarDate,
        movementCount: toNumber(row.movement_count),
      };
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = { rnpt: last.rnpt, okei: last.okei };
  }
}
