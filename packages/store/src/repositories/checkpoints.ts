/**
 * Sync checkpoints: how far an incremental source (a 1С entity set, an SFTP folder) has been read —
 * a DataVersion, a cursor, or both. Saved in the same transaction as the data it covers (importBatch), so a
 * crash never advances the checkpoint past data that was not stored.
 */
import { z } from 'zod';
import type { Executor } from '../context.js';
import { parseInput } from '../values.js';

export const checkpointKeySchema = z.object({
  /** The source, e.g. `onec:https://1c.example/acc` or `sftp:edo-inbox`. */
  source: z.string().trim().min(1),
  /** What is read from it, e.g. `Document_РеализацияТоваровУслуг`. */
  entitySet: z.string().trim().min(1),
});
export const checkpointInputSchema = checkpointKeySchema.extend({
  cursor: z.string().nullable().default(null),
  dataVersion: z.string().nullable().default(null),
});
export type CheckpointKey = z.input<typeof checkpointKeySchema>;
export type CheckpointInput = z.input<typeof checkpointInputSchema>;

export interface Checkpoint {
  source: string;
  entitySet: string;
  cursor: string | null;
  dataVersion: string | null;
  updatedAt: string;
}

export async function getCheckpoint(db: Executor, key: CheckpointKey): Promise<Checkpoint | undefined> {
  const { source, entitySet } = parseInput(checkpointKeySchema, key, 'checkpoint key', 'ключ отметки синхронизации');
  const row = await db
    .selectFrom('sync_checkpoints')
    .selectAll()
    .where('source', '=', source)
    .where('entity_set', '=', entitySet)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return { source: row.source, entitySet: row.entity_set, cursor: row.cursor, dataVersion: row.data_version, updatedAt: row.updated_at };
}

export async function saveCheckpoint(db: Executor, input: CheckpointInput, now: Date): Promise<void> {
  const checkpoint = parseInput(checkpointInputSchema, input, 'checkpoint', 'отметка синхронизации');
  const values = {
    source: checkpoint.source,
    entity_set: checkpoint.entitySet,
    cursor: checkpoint.cursor,
    data_version: checkpoint.dataVersion,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('sync_checkpoints')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['source', 'entity_set']).doUpdateSet({ cursor: values.cursor, data_version: values.data_version, updated_at: values.updated_at }),
    )
    .execute();
}
