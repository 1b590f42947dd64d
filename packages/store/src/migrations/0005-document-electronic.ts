/**
 * `documents.electronic`: whether the document went through ЭДО (1), was on paper (0), or is not known
 * (null). Traceable goods must be sold with electronic invoices (PAPER_INVOICE); the reconciler asks the
 * store for the paper documents of a quarter, so this is a column, not a JSON detail.
 */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export function documentElectronic(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('documents').addColumn('electronic', types.flag).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('documents').dropColumn('electronic').execute();
    },
  };
}
