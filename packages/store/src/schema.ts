/**
 * Kysely's view of the tables created by ./migrations (keep the two in step). What a column reads as is
 * the same on both engines (see dialects/): every integer is a bigint, dates are `YYYY-MM-DD` text,
 * instants ISO 8601 UTC text. JSON columns read as text on SQLite and parsed on PostgreSQL — go through
 * `readJson` (values.ts).
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** An integer column: bigint when read, number or bigint when written. */
type Int = ColumnType<bigint, bigint | number, bigint | number>;
type NullableInt = ColumnType<bigint | null, bigint | number | null, bigint | number | null>;
type Id = Generated<bigint>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface TaxpayersTable {
  id: Id;
  inn: string;
  kpp: string | null;
  name: string | null;
  created_at: string;
}

export interface DocumentsTable {
  id: Id;
  taxpayer_id: Int;
  kind: string;
  number: string;
  number_normalized: string;
  date: string;
  counterparty_inn: string | null;
  counterparty_kpp: string | null;
  source: string;
  source_ref: string;
  content_hash: string;
  status: ColumnType<string, string | undefined, string>;
  imported_at: string;
  retracted_at: string | null;
  /** The day the document's deadline counts from, when not its date (notifications, report); see migration 0002. */
  event_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** Format facts the reconciler may need (JSON; `readJson`). */
  details: ColumnType<unknown, string | null | undefined, string | null>;
  /** The invoice's correction number (`ИспрДок/НомИспр`), 0 for the original; see migration 0004. */
  revision: ColumnType<number, number | undefined, number>;
  /** 1 = through ЭДО, 0 = on paper, null = not known; see migration 0005. */
  electronic: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface MovementsTable {
  id: Id;
  document_id: Int;
  taxpayer_id: Int;
  /** The source's id of the line (1С document GUID + line number, file line…). */
  line_ref: string | null;
  kind: string;
  direction: string;
  rnpt: string;
  tnved: string | null;
  okei: string;
  /** The core's `Quantity`: 10⁻¹¹ units. */
  quantity: Int;
  cost_kopecks: Int;
  date: string;
  /** The effective code (the movement's own, else its kind's default). */
  operation_code: string | null;
  counterparty_inn: string | null;
}

export interface DeclarationsTable {
  id: Id;
  taxpayer_id: Int;
  year: Int;
  quarter: Int;
  correction_number: Int;
  section: string;
  file_name: string;
  content_hash: string;
  earlier_data_valid: Int;
  source: string;
  source_ref: string;
  line_count: Int;
  entry_count: Int;
  imported_at: string;
}

export interface DeclarationLinesTable {
  declaration_id: Int;
  /** The line's position in the file (0-based): the key, since НомерПор is not reliably unique. */
  line_index: Int;
  line_number: NullableInt;
  invoice_number: string;
  invoice_number_normalized: string;
  invoice_date: string | null;
  invoice_correction_number: NullableInt;
  invoice_correction_date: string | null;
  correction_invoice_number: string | null;
  correction_invoice_number_normalized: string | null;
  correction_invoice_date: string | null;
  counterparty_inn: string | null;
  counterparty_kpp: string | null;
  /** КодВидОпер codes joined by commas, as written (`01` or `01,06`). */
  operation_codes: string;
  is_storno: Int;
  amount_kopecks: NullableInt;
  vat_kopecks: NullableInt;
  /** КодВидТовар codes joined by commas (section 9). */
  tnved_codes: string | null;
}

export interface DeclarationTraceEntriesTable {
  declaration_id: Int;
  line_index: Int;
  entry_index: Int;
  /** `rnpt` or `customs_declaration` (a bare ДТ number). */
  registration_kind: string;
  /** Canonical RNPT or ДТ number. */
  registration_number: string;
  registration_number_raw: string;
  okei: string | null;
  quantity: NullableInt;
  cost_kopecks: NullableInt;
}

export interface RunsTable {
  id: Id;
  job: string;
  instance: string;
  started_at: string;
  finished_at: string | null;
  outcome: string;
  counts: Json;
  error: Json;
}

export interface DiscrepanciesTable {
  id: Id;
  run_id: Int;
  taxpayer_id: NullableInt;
  year: NullableInt;
  quarter: NullableInt;
  code: string;
  severity: string;
  rnpt: string | null;
  document_id: NullableInt;
  document_number: string | null;
  document_date: string | null;
  counterparty_inn: string | null;
  declaration_id: NullableInt;
  declaration_line_index: NullableInt;
  section: string | null;
  expected: string | null;
  actual: string | null;
  fine_rub: Int;
  message_ru: string;
  details: Json;
}

export interface SyncCheckpointsTable {
  source: string;
  entity_set: string;
  cursor: string | null;
  data_version: string | null;
  updated_at: string;
}

export interface JobLocksTable {
  name: string;
  owner: string;
  acquired_at: string;
  heartbeat_at: string;
  expires_at: string;
}

export interface StoreDatabase {
  taxpayers: TaxpayersTable;
  documents: DocumentsTable;
  movements: MovementsTable;
  declarations: DeclarationsTable;
  declaration_lines: DeclarationLinesTable;
  declaration_trace_entries: DeclarationTraceEntriesTable;
  runs: RunsTable;
  discrepancies: DiscrepanciesTable;
  sync_checkpoints: SyncCheckpointsTable;
  job_locks: JobLocksTable;
}

export type MovementRow = Selectable<MovementsTable>;
export type NewMovementRow = Insertable<MovementsTable>;
export type NewDocumentRow = Insertable<DocumentsTable>;
export type NewDeclarationLineRow = Insertable<DeclarationLinesTable>;
export type NewTraceEntryRow = Insertable<DeclarationTraceEntriesTable>;
export type NewDiscrepancyRow = Insertable<DiscrepanciesTable>;
