/**
 * What a file import knows about a document beyond its invoice key, for the reconciler:
 * - `event_date`: the day the document's deadline counts from, when it is not the document date — goods
 *   accepted or shipped (EAEU notifications: the accompanying documents' date), goods acquired (remains
 *   notification), the quarter's last day (report on operations). A real column, so lateness checks stay
 *   set-based SQL on both engines.
 * - `details`: JSON with the rest (format version, ИдФайл, НомКорр, EAEU counterparty, goods lines without
 *   traceability data, report lines…); read it with `readJson`.
 * Both are nullable: documents from 1С and rows imported before this migration have neither.
 */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export function documentDetails(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('documents').addColumn('event_date', types.date).execute();
      await db.schema.alterTable('documents').addColumn('details', types.json).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('documents').dropColumn('details').execute();
      await db.schema.alterTable('documents').dropColumn('event_date').execute();
    },
  };
}
