/**
 * Indexes in the exact order of the reconciler's two sorted streams, so that each keyset page is a range
 * scan of one page of rows instead of a sort of everything after the cursor (which made a quarter of
 * N lines cost O(N²/page): hours at 5 million lines):
 * - declaration lines of one declaration by (normalised invoice number, invoice date, position);
 * - documents of one taxpayer by (normalised number, date, id). On SQLite `id` is the rowid that every
 *   index ends with anyway; PostgreSQL needs it named.
 * The older (…, counterparty ИНН) indexes stay: lookups by the full match key use them.
 */
import type { Kysely, Migration } from 'kysely';

export function reconcileStreamIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('declaration_lines_by_invoice')
        .on('declaration_lines')
        .columns(['declaration_id', 'invoice_number_normalized', 'invoice_date', 'line_index'])
        .execute();
      await db.schema.createIndex('documents_by_invoice').on('documents').columns(['taxpayer_id', 'number_normalized', 'date', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('documents_by_invoice').execute();
      await db.schema.dropIndex('declaration_lines_by_invoice').execute();
    },
  };
}
