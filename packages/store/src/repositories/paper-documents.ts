/**
 * The documents of a period known to be on paper (`electronic = 0`): few by nature, so the reconciler holds
 * their ids and marks the book entries they carry (PAPER_INVOICE) without joining them to every movement.
 */
import { calendarDateSchema, innSchema } from '@sledopyt/core';
import { z } from 'zod';
import type { StoreContext } from '../context.js';
import { parseInput, toBigInt } from '../values.js';
import { findTaxpayer } from './taxpayers.js';

export const paperDocumentsQuerySchema = z.object({
  taxpayerInn: innSchema,
  from: calendarDateSchema,
  to: calendarDateSchema,
});
export type PaperDocumentsQuery = z.input<typeof paperDocumentsQuerySchema>;

export async function paperDocumentIds(ctx: StoreContext, input: PaperDocumentsQuery): Promise<Set<bigint>> {
  const query = parseInput(paperDocumentsQuerySchema, input, 'paper documents query', 'запрос бумажных документов');
  const taxpayer = await findTaxpayer(ctx.db, query.taxpayerInn);
  if (taxpayer === undefined) return new Set();
  const rows = await ctx.db
    .selectFrom('documents')
    .select('id')
    .where('taxpayer_id', '=', taxpayer.id)
    .where('status', '=', 'active')
    .where('electronic', '=', 0)
    .where('date', '>=', query.from)
    .where('date', '<=', query.to)
    .execute();
  return new Set(rows.map((row) => toBigInt(row.id)));
}
