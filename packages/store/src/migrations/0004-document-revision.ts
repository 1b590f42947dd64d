/**
 * `documents.revision`: the invoice's correction number (УПД/СФ `ИспрДок/НомИспр`; 0 = the original).
 * An исправленный счёт-фактура replaces the earlier version of the same invoice (same number, date and
 * counterparty) — it is not a second sale — so the import keeps only the highest revision active.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export function documentRevision(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('documents')
        .addColumn('revision', types.int, (col) => col.notNull().defaultTo(sql`0`))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('documents').dropColumn('revision').execute();
    },
  };
}
