/**
 * Taxpayers: the legal entities whose goods the store tracks (a holding has several). Keyed by ИНН;
 * imports create missing ones, `upsertTaxpayer` fills in КПП and name.
 */
import { innSchema, kppSchema } from '@sledopyt/core';
import type { Inn, Kpp } from '@sledopyt/core';
import { z } from 'zod';
import type { Executor, StoreContext } from '../context.js';
import { parseInput } from '../values.js';

export const taxpayerInputSchema = z.object({
  inn: innSchema,
  kpp: kppSchema.optional(),
  name: z.string().trim().min(1).optional(),
});
export type TaxpayerInput = z.input<typeof taxpayerInputSchema>;

export interface StoredTaxpayer {
  id: bigint;
  inn: Inn;
  kpp: Kpp | null;
  name: string | null;
}

const toTaxpayer = (row: { id: bigint; inn: string; kpp: string | null; name: string | null }): StoredTaxpayer => ({
  id: row.id,
  inn: row.inn as Inn,
  kpp: row.kpp as Kpp | null,
  name: row.name,
});

/** Creates the taxpayer or completes it: a given КПП or name replaces the stored one, a missing one keeps it. */
export async function upsertTaxpayer(ctx: StoreContext, input: TaxpayerInput): Promise<StoredTaxpayer> {
  const taxpayer = parseInput(taxpayerInputSchema, input, 'taxpayer', 'налогоплательщик');
  const row = await ctx.db
    .insertInto('taxpayers')
    .values({ inn: taxpayer.inn, kpp: taxpayer.kpp ?? null, name: taxpayer.name ?? null, created_at: ctx.now().toISOString() })
    .onConflict((oc) =>
      oc.column('inn').doUpdateSet((eb) => ({
        kpp: eb.fn.coalesce('excluded.kpp', 'taxpayers.kpp'),
        name: eb.fn.coalesce('excluded.name', 'taxpayers.name'),
      })),
    )
    .returning(['id', 'inn', 'kpp', 'name'])
    .executeTakeFirstOrThrow();
  return toTaxpayer(row);
}

export async function findTaxpayer(db: Executor, inn: string): Promise<StoredTaxpayer | undefined> {
  const row = await db.selectFrom('taxpayers').select(['id', 'inn', 'kpp', 'name']).where('inn', '=', inn).executeTakeFirst();
  return row === undefined ? undefined : toTaxpayer(row);
}

/** The ids of these taxpayers, creating the missing ones (ИНН only). */
export async function ensureTaxpayerIds(db: Executor, inns: Iterable<string>, now: Date): Promise<Map<string, bigint>> {
  const wanted = [...new Set(inns)];
  if (wanted.length === 0) return new Map();
  const createdAt = now.toISOString();
  await db
    .insertInto('taxpayers')
    .values(wanted.map((inn) => ({ inn, kpp: null, name: null, created_at: createdAt })))
    .onConflict((oc) => oc.column('inn').doNothing())
    .execute();
  const rows = await db.selectFrom('taxpayers').select(['id', 'inn']).where('inn', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.inn, row.id]));
}
