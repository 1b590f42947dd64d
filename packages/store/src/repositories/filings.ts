/**
 * The forms a taxpayer filed with ФНС (notifications, reports on operations), read back as stored: kind,
 * number, filing date, the day its deadline counts from, and the format facts in `details` as the adapter
 * wrote them. Which facts mean what is the adapters' knowledge (file import, 1С), so the mapping to the
 * core's `Filing` lives with them. Paged by id; only active documents.
 */
import { FILING_KINDS, calendarDateSchema, innSchema } from '@sledopyt/core';
import type { CalendarDate, FilingKind } from '@sledopyt/core';
import { z } from 'zod';
import type { StoreContext } from '../context.js';
import { parseInput, readJson, toBigInt } from '../values.js';
import { pageOptionsSchema, type PageOptions } from './movements.js';
import { findTaxpayer } from './taxpayers.js';

export const filingQuerySchema = z.object({
  taxpayerInn: innSchema,
  kinds: z.array(z.enum(FILING_KINDS)).min(1).default([...FILING_KINDS]),
  /** Filed on or after this day, or with an event on or after it. */
  from: calendarDateSchema.optional(),
  /** Filed on or before this day. */
  to: calendarDateSchema.optional(),
});
export type FilingQuery = z.input<typeof filingQuerySchema>;

export interface StoredFiling {
  storeId: bigint;
  kind: FilingKind;
  number: string;
  date: CalendarDate;
  eventDate: CalendarDate | null;
  source: string;
  sourceRef: string;
  details: Record<string, unknown>;
}

export async function* iterateFilings(ctx: StoreContext, input: FilingQuery, options: PageOptions = {}): AsyncGenerator<StoredFiling> {
  const query = parseInput(filingQuerySchema, input, 'filing query', 'запрос уведомлений и отчётов');
  const { pageSize } = parseInput(pageOptionsSchema, options, 'page options', 'размер страницы');
  const taxpayer = await findTaxpayer(ctx.db, query.taxpayerInn);
  if (taxpayer === undefined) return;
  let after: bigint | undefined;
  for (;;) {
    let select = ctx.db
      .selectFrom('documents')
      .select(['id', 'kind', 'number', 'date', 'event_date', 'source', 'source_ref', 'details'])
      .where('taxpayer_id', '=', taxpayer.id)
      .where('status', '=', 'active')
      .where('kind', 'in', query.kinds);
    const from = query.from;
    if (from !== undefined) select = select.where((eb) => eb.or([eb('date', '>=', from), eb('event_date', '>=', from)]));
    if (query.to !== undefined) select = select.where('date', '<=', query.to);
    if (after !== undefined) select = select.where('id', '>', after);
    const rows = await select.orderBy('id').limit(pageSize).execute();
    for (const row of rows) {
      const details = readJson(row.details);
      yield {
        storeId: toBigInt(row.id),
        kind: row.kind as FilingKind,
        number: row.number,
        date: row.date as CalendarDate,
        eventDate: row.event_date as CalendarDate | null,
        source: row.source,
        sourceRef: row.source_ref,
        details: details !== null && typeof details === 'object' ? (details as Record<string, unknown>) : {},
      };
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    after = toBigInt(last.id);
  }
}
