/**
 * The first schema: taxpayers, documents and their movements, declarations with their lines and
 * traceability entries, runs, discrepancies, sync checkpoints and job locks. Table and column names are
 * English snake_case; the Kysely types of the same tables are in ../schema.ts (keep the two in step).
 */
import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';
import { notNull } from './column-types.js';

async function createTaxpayers(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await t
    .finish(
      t
        .idColumn(db.schema.createTable('taxpayers'))
        .addColumn('inn', t.code, (col) => col.notNull().unique())
        .addColumn('kpp', t.code)
        .addColumn('name', t.text)
        .addColumn('created_at', t.instant, notNull),
    )
    .execute();
}

async function createDocuments(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await t
    .finish(
      t
        .idColumn(db.schema.createTable('documents'))
        .addColumn('taxpayer_id', t.bigint, (col) => col.notNull().references('taxpayers.id'))
        .addColumn('kind', t.code, notNull)
        .addColumn('number', t.text, notNull)
        .addColumn('number_normalized', t.code, notNull)
        .addColumn('date', t.date, notNull)
        .addColumn('counterparty_inn', t.code)
        .addColumn('counterparty_kpp', t.code)
        .addColumn('source', t.code, notNull)
        .addColumn('source_ref', t.text, notNull)
        .addColumn('content_hash', t.code, notNull)
        .addColumn('status', t.code, (col) => col.notNull().defaultTo('active'))
        .addColumn('imported_at', t.instant, notNull)
        .addColumn('retracted_at', t.instant),
    )
    .execute();
  // Idempotency: one active document per content hash and taxpayer. Retracted versions keep their hash,
  // so a document re-posted unchanged after an unposting is imported again.
  await db.schema
    .createIndex('documents_content_hash_active')
    .unique()
    .on('documents')
    .columns(['taxpayer_id', 'content_hash'])
    .where(sql<boolean>`status = 'active'`)
    .execute();
  await db.schema
    .createIndex('documents_invoice_key')
    .on('documents')
    .columns(['taxpayer_id', 'number_normalized', 'date', 'counterparty_inn'])
    .execute();
  await db.schema.createIndex('documents_source_ref').on('documents').columns(['taxpayer_id', 'source', 'source_ref']).execute();
}

async function createMovements(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await t
    .finish(
      t
        .idColumn(db.schema.createTable('movements'))
        .addColumn('document_id', t.bigint, (col) => col.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('taxpayer_id', t.bigint, (col) => col.notNull().references('taxpayers.id'))
        .addColumn('line_ref', t.text)
        .addColumn('kind', t.code, notNull)
        .addColumn('direction', t.code, notNull)
        .addColumn('rnpt', t.code, notNull)
        .addColumn('tnved', t.code)
        .addColumn('okei', t.code, notNull)
        .addColumn('quantity', t.quantity, notNull)
        .addColumn('cost_kopecks', t.bigint, notNull)
        .addColumn('date', t.date, notNull)
        .addColumn('operation_code', t.code)
        .addColumn('counterparty_inn', t.code),
    )
    .execute();
  await db.schema.createIndex('movements_by_date').on('movements').columns(['taxpayer_id', 'date', 'id']).execute();
  await db.schema.createIndex('movements_by_rnpt').on('movements').columns(['taxpayer_id', 'rnpt', 'okei', 'date']).execute();
  await db.schema.createIndex('movements_by_document').on('movements').column('document_id').execute();
}

async function createDeclarations(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await t
    .finish(
      t
        .idColumn(db.schema.createTable('declarations'))
        .addColumn('taxpayer_id', t.bigint, (col) => col.notNull().references('taxpayers.id'))
        .addColumn('year', t.int, notNull)
        .addColumn('quarter', t.int, notNull)
        .addColumn('correction_number', t.int, notNull)
        .addColumn('section', t.code, notNull)
        .addColumn('file_name', t.text, notNull)
        .addColumn('content_hash', t.code, notNull)
        .addColumn('earlier_data_valid', t.flag, (col) => col.notNull().defaultTo(0))
        .addColumn('source', t.code, notNull)
        .addColumn('source_ref', t.text, notNull)
        .addColumn('line_count', t.bigint, notNull)
        .addColumn('entry_count', t.bigint, notNull)
        .addColumn('imported_at', t.instant, notNull)
        .addUniqueConstraint('declarations_content_hash', ['taxpayer_id', 'content_hash']),
    )
    .execute();
  await db.schema.createIndex('declarations_by_period').on('declarations').columns(['taxpayer_id', 'year', 'quarter', 'section']).execute();

  await t
    .finish(
      db.schema
        .createTable('declaration_lines')
        .addColumn('declaration_id', t.bigint, (col) => col.notNull().references('declarations.id').onDelete('cascade'))
        .addColumn('line_index', t.bigint, notNull)
        .addColumn('line_number', t.bigint)
        .addColumn('invoice_number', t.text, notNull)
        .addColumn('invoice_number_normalized', t.code, notNull)
        .addColumn('invoice_date', t.date)
        .addColumn('invoice_correction_number', t.int)
        .addColumn('invoice_correction_date', t.date)
        .addColumn('correction_invoice_number', t.text)
        .addColumn('correction_invoice_number_normalized', t.code)
        .addColumn('correction_invoice_date', t.date)
        .addColumn('counterparty_inn', t.code)
        .addColumn('counterparty_kpp', t.code)
        .addColumn('operation_codes', t.code, notNull)
        .addColumn('is_storno', t.flag, notNull)
        .addColumn('amount_kopecks', t.bigint)
        .addColumn('vat_kopecks', t.bigint)
        .addColumn('tnved_codes', t.code)
        .addPrimaryKeyConstraint('declaration_lines_pk', ['declaration_id', 'line_index']),
    )
    .execute();
  await db.schema
    .createIndex('declaration_lines_invoice_key')
    .on('declaration_lines')
    .columns(['declaration_id', 'invoice_number_normalized', 'invoice_date', 'counterparty_inn'])
    .execute();

  await t
    .finish(
      db.schema
        .createTable('declaration_trace_entries')
        .addColumn('declaration_id', t.bigint, notNull)
        .addColumn('line_index', t.bigint, notNull)
        .addColumn('entry_index', t.int, notNull)
        .addColumn('registration_kind', t.code, notNull)
        .addColumn('registration_number', t.code, notNull)
        .addColumn('registration_number_raw', t.text, notNull)
        .addColumn('okei', t.code)
        .addColumn('quantity', t.quantity)
        .addColumn('cost_kopecks', t.bigint)
        .addPrimaryKeyConstraint('declaration_trace_entries_pk', ['declaration_id', 'line_index', 'entry_index'])
        .addForeignKeyConstraint(
          'declaration_trace_entries_line',
          ['declaration_id', 'line_index'],
          'declaration_lines',
          ['declaration_id', 'line_index'],
          (fk) => fk.onDelete('cascade'),
        ),
    )
    .execute();
  await db.schema
    .createIndex('declaration_trace_entries_by_number')
    .on('declaration_trace_entries')
    .columns(['registration_number', 'declaration_id'])
    .execute();
}

async function createRunsAndDiscrepancies(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await t
    .finish(
      t
        .idColumn(db.schema.createTable('runs'))
        .addColumn('job', t.code, notNull)
        .addColumn('instance', t.text, notNull)
        .addColumn('started_at', t.instant, notNull)
        .addColumn('finished_at', t.instant)
        .addColumn('outcome', t.code, notNull)
        .addColumn('counts', t.json)
        .addColumn('error', t.json),
    )
    .execute();
  await db.schema.createIndex('runs_by_job').on('runs').columns(['job', 'started_at']).execute();

  await t
    .finish(
      t
        .idColumn(db.schema.createTable('discrepancies'))
        .addColumn('run_id', t.bigint, (col) => col.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('taxpayer_id', t.bigint, (col) => col.references('taxpayers.id'))
        .addColumn('year', t.int)
        .addColumn('quarter', t.int)
        .addColumn('code', t.code, notNull)
        .addColumn('severity', t.code, notNull)
        .addColumn('rnpt', t.code)
        .addColumn('document_id', t.bigint, (col) => col.references('documents.id').onDelete('set null'))
        .addColumn('document_number', t.text)
        .addColumn('document_date', t.date)
        .addColumn('counterparty_inn', t.code)
        .addColumn('declaration_id', t.bigint, (col) => col.references('declarations.id').onDelete('set null'))
        .addColumn('declaration_line_index', t.bigint)
        .addColumn('section', t.code)
        .addColumn('expected', t.text)
        .addColumn('actual', t.text)
        .addColumn('fine_rub', t.bigint, (col) => col.notNull().defaultTo(0))
        .addColumn('message_ru', t.text, notNull)
        .addColumn('details', t.json),
    )
    .execute();
  await db.schema.createIndex('discrepancies_by_run').on('discrepancies').columns(['run_id', 'id']).execute();
  await db.schema.createIndex('discrepancies_by_period').on('discrepancies').columns(['taxpayer_id', 'year', 'quarter', 'code']).execute();
}

async function createSyncTables(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  await t
    .finish(
      db.schema
        .createTable('sync_checkpoints')
        .addColumn('source', t.code, notNull)
        .addColumn('entity_set', t.code, notNull)
        .addColumn('cursor', t.text)
        .addColumn('data_version', t.text)
        .addColumn('updated_at', t.instant, notNull)
        .addPrimaryKeyConstraint('sync_checkpoints_pk', ['source', 'entity_set']),
    )
    .execute();
  await t
    .finish(
      db.schema
        .createTable('job_locks')
        .addColumn('name', t.code, (col) => col.primaryKey())
        .addColumn('owner', t.text, notNull)
        .addColumn('acquired_at', t.instant, notNull)
        .addColumn('heartbeat_at', t.instant, notNull)
        .addColumn('expires_at', t.instant, notNull),
    )
    .execute();
}

const TABLES = [
  'job_locks',
  'sync_checkpoints',
  'discrepancies',
  'runs',
  'declaration_trace_entries',
  'declaration_lines',
  'declarations',
  'movements',
  'documents',
  'taxpayers',
];

export function initialSchema(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTaxpayers(db, types);
      await createDocuments(db, types);
      await createMovements(db, types);
      await createDeclarations(db, types);
      await createRunsAndDiscrepancies(db, types);
      await createSyncTables(db, types);
    },
    async down(db: Kysely<unknown>) {
      for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
    },
  };
}
