/**
 * The emulated infobase: the company's records shown through one configuration profile, built lazily
 * on the first data request, plus the mutations incremental-sync tests need. Every mutation gives the
 * changed object a new `DataVersion` (as any write in 1C does) and drops the derived caches; rows of
 * unchanged records are reused.
 */
import { SledopytError, addDays, parseCalendarDate } from '@sledopyt/core';
import type { CalendarDate } from '@sledopyt/core';
import { z } from 'zod';
import { NAMESPACE } from '../edm/types.js';
import type { ObjectDef } from '../edm/types.js';
import { PROFILES } from '../profiles/index.js';
import type { MappingContext, ObjectBinding, Profile, ProfileName, RegisterBinding, Row } from '../profiles/index.js';
import type { BusinessData, DocumentRecord } from './business.js';
import { generateBase } from './generate.js';
import type { GeneratedBase } from './generate.js';

export const baseOptionsSchema = z.object({
  profile: z.enum(['bp30', 'ut115']).default('bp30'),
  seed: z.number().int().default(20_260_101),
  /** Purchases and sales to generate (customs documents and notifications come on top). */
  documents: z.number().int().min(0).max(200_000).default(300),
  from: z.string().default('2025-10-01'),
  to: z.string().default('2026-03-31'),
  remainsNotices: z.number().int().min(0).max(1000).default(3),
  /** IANA zone of the infobase; every datetime is naive wall-clock time of this zone. */
  timezone: z.string().default('Europe/Moscow'),
});

export type BaseOptions = z.input<typeof baseOptionsSchema>;

/** Rows of one entity set and fast access by key. */
export interface EntitySetSource {
  readonly setName: string;
  readonly kind: 'object' | 'tabular' | 'recordset' | 'records';
  rows(): readonly Row[];
  /** Rows whose owner (`Ref_Key` or `Recorder`) is `ref`. */
  rowsOf(ref: string): readonly Row[];
}

function notFound(ref: string): SledopytError {
  return new SledopytError({
    code: 'ONEC_EMULATOR_NO_SUCH_OBJECT',
    message: `The emulated base has no object ${ref}`,
    messageRu: `В эмулируемой базе нет объекта ${ref}`,
    actor: 'developer',
  });
}

export class EmulatedBase {
  readonly profile: Profile;
  readonly timezone: string;
  readonly #options: z.output<typeof baseOptionsSchema>;
  #generated: GeneratedBase | null = null;
  #revision = 0;
  #cache = new Map<string, unknown>();
  readonly #rowCache = new WeakMap<object, Row>();

  constructor(options: BaseOptions = {}) {
    this.#options = baseOptionsSchema.parse(options);
    parseCalendarDate(this.#options.from);
    parseCalendarDate(this.#options.to);
    this.profile = PROFILES[this.#options.profile as ProfileName];
    this.timezone = this.#options.timezone;
  }

  /** Changes with every mutation; caches keyed by it never serve stale rows. */
  get revision(): number {
    return this.#revision;
  }

  /** The generated records (generates them on first use). */
  get data(): BusinessData {
    return this.#base().data;
  }

  objectDef(setName: string): ObjectDef | undefined {
    return this.profile.objects.find((o) => o.setName === setName);
  }

  #base(): GeneratedBase {
    this.#generated ??= generateBase({
      seed: this.#options.seed,
      documents: this.#options.documents,
      from: parseCalendarDate(this.#options.from),
      to: parseCalendarDate(this.#options.to),
      remainsNotices: this.#options.remainsNotices,
    });
    return this.#generated;
  }

  #cached<T>(key: string, build: () => T): T {
    if (this.#cache.has(key)) return this.#cache.get(key) as T;
    const value = build();
    this.#cache.set(key, value);
    return value;
  }

  get context(): MappingContext {
    return this.#cached('context', (): MappingContext => {
      const data = this.data;
      const byRef = <T extends { ref: string }>(records: readonly T[]): Map<string, T> => new Map(records.map((r) => [r.ref, r]));
      const items = byRef(data.items);
      const tnved = byRef(data.tnved);
      const numbers = byRef(data.batchNumbers);
      const counterparties = byRef(data.counterparties);
      const documents = byRef(data.documents);
      const vat = new Map(data.vatRates.map((v) => [v.rate as string, v]));
      return {
        data,
        item: (ref) => items.get(ref),
        tnved: (ref) => tnved.get(ref),
        batchNumber: (ref) => numbers.get(ref),
        counterparty: (ref) => counterparties.get(ref),
        vatRate: (rate) => vat.get(rate),
        document: (ref) => documents.get(ref),
      };
    });
  }

  #objectRows(binding: ObjectBinding): readonly Row[] {
    return this.#cached(`rows:${binding.setName}`, () => {
      const context = this.context;
      return binding.records(this.data, context).map((record) => {
        let row = this.#rowCache.get(record);
        if (row === undefined) {
          row = binding.toRow(record, context);
          this.#rowCache.set(record, row);
        }
        return row;
      });
    });
  }

  #recordSets(binding: RegisterBinding): readonly Row[] {
    return this.#cached(`recordsets:${binding.setName}`, () => {
      const context = this.context;
      const recorders = this.data.documents.filter((d) => d.posted && !d.deletionMark && binding.recorderKinds.includes(d.kind));
      return recorders
        .map((doc): Row => {
          const type = `${NAMESPACE}.${this.profile.documentSets[doc.kind]}`;
          const records = binding.recordsOf(doc, context).map((r, i) => ({ Recorder: doc.ref, ...r, LineNumber: i + 1, Recorder_Type: type }));
          return { Recorder: doc.ref, Recorder_Type: type, RecordSet: records };
        })
        .filter((set) => (set['RecordSet'] as readonly Row[]).length > 0);
    });
  }

  #byOwner(key: string, rows: () => readonly Row[], ownerField: string): Map<string, Row[]> {
    return this.#cached(`owner:${key}`, () => {
      const map = new Map<string, Row[]>();
      for (const row of rows()) {
        const owner = row[ownerField] as string;
        const list = map.get(owner);
        if (list === undefined) map.set(owner, [row]);
        else list.push(row);
      }
      return map;
    });
  }

  #sourceFor(binding: ObjectBinding | RegisterBinding, setName: string): EntitySetSource | undefined {
    if (binding.kind === 'object') {
      if (setName === binding.setName) {
        const rows = (): readonly Row[] => this.#objectRows(binding);
        return { setName, kind: 'object', rows, rowsOf: (ref) => this.#byOwner(setName, rows, 'Ref_Key').get(ref) ?? [] };
      }
      const section = setName.slice(binding.setName.length + 1);
      const rows = (): readonly Row[] => this.#cached(`tabular:${setName}`, () => this.#objectRows(binding).flatMap((r) => (r[section] as readonly Row[] | undefined) ?? []));
      return { setName, kind: 'tabular', rows, rowsOf: (ref) => this.#byOwner(setName, rows, 'Ref_Key').get(ref) ?? [] };
    }
    if (setName === binding.setName) {
      const rows = (): readonly Row[] => this.#recordSets(binding);
      return { setName, kind: 'recordset', rows, rowsOf: (ref) => this.#byOwner(setName, rows, 'Recorder').get(ref) ?? [] };
    }
    const rows = (): readonly Row[] => this.#cached(`records:${setName}`, () => this.#recordSets(binding).flatMap((s) => s['RecordSet'] as readonly Row[]));
    return { setName, kind: 'records', rows, rowsOf: (ref) => this.#byOwner(setName, rows, 'Recorder').get(ref) ?? [] };
  }

  /** The rows behind an entity set of the profile (`Document_X`, `Document_X_Товары`, `AccumulationRegister_X_RecordType`…). */
  source(setName: string): EntitySetSource | undefined {
    for (const binding of this.profile.bindings) {
      if (setName === binding.setName) return this.#sourceFor(binding, setName);
      if (binding.kind === 'register' && setName === `${binding.setName}_RecordType`) return this.#sourceFor(binding, setName);
      if (binding.kind === 'object' && setName.startsWith(`${binding.setName}_`)) {
        const def = this.objectDef(binding.setName);
        if (def?.kind !== 'AccumulationRegister' && def?.tabularSections.some((t) => t.setName === setName)) return this.#sourceFor(binding, setName);
      }
    }
    return undefined;
  }

  /**
   * Generates the data and builds the rows of every entity set now instead of on the first request
   * (100 000 documents take several seconds of CPU: warm up before timing a benchmark).
   */
  warmUp(): void {
    for (const object of this.profile.objects) {
      const sets = object.kind === 'AccumulationRegister' ? [object.setName, `${object.setName}_RecordType`] : [object.setName, ...object.tabularSections.map((t) => t.setName)];
      for (const set of sets) this.source(set)?.rows();
    }
  }

  // ---------------------------------------------------------------- mutations

  #mutate(): void {
    this.#revision += 1;
    this.#cache = new Map();
  }

  #replaceDocument(ref: string, change: (doc: DocumentRecord) => Partial<DocumentRecord>): DocumentRecord {
    const documents = this.data.documents;
    const at = documents.findIndex((d) => d.ref === ref);
    const current = documents[at];
    if (current === undefined) throw notFound(ref);
    const next: DocumentRecord = { ...current, ...change(current), version: this.#base().clock.next() };
    documents[at] = next;
    this.#mutate();
    return next;
  }

  /** Writes a document again (new `DataVersion`), optionally changing its comment, date, number or lines. */
  changeDocument(ref: string, patch: Partial<Pick<DocumentRecord, 'comment' | 'date' | 'number' | 'lines'>> = {}): DocumentRecord {
    return this.#replaceDocument(ref, () => patch);
  }

  /** Sets the deletion mark; as in 1C, marking a posted document for deletion also unposts it. */
  markDeleted(ref: string, mark = true): DocumentRecord {
    return this.#replaceDocument(ref, (doc) => ({ deletionMark: mark, posted: mark ? false : doc.posted }));
  }

  unpost(ref: string): DocumentRecord {
    return this.#replaceDocument(ref, () => ({ posted: false }));
  }

  post(ref: string): DocumentRecord {
    return this.#replaceDocument(ref, () => ({ posted: true, deletionMark: false }));
  }

  /** Deletes a document physically (as OData DELETE or «Удаление помеченных» does): it disappears from every set. */
  deleteDocument(ref: string): void {
    const documents = this.data.documents;
    const at = documents.findIndex((d) => d.ref === ref);
    if (at < 0) throw notFound(ref);
    documents.splice(at, 1);
    this.#mutate();
  }

  /** Writes a catalog object again without changing it (new `DataVersion`). */
  touch(ref: string): void {
    const data = this.data;
    const lists = [data.counterparties, data.items, data.batchNumbers, data.tnved, data.countries, data.units, data.vatRates] as { ref: string; version: number }[][];
    for (const list of lists) {
      const at = list.findIndex((r) => r.ref === ref);
      const current = list[at];
      if (current === undefined) continue;
      list[at] = { ...current, version: this.#base().clock.next() };
      this.#mutate();
      return;
    }
    this.changeDocument(ref);
  }

  /** Generates `count` more purchases and sales after the last one (stock continues where it was). */
  appendDocuments(count: number, period: { from?: string; to?: string } = {}): DocumentRecord[] {
    const before = this.data.documents.length;
    const last = this.data.documents.reduce((max, d) => (d.date > max ? d.date : max), this.#options.to);
    const from = period.from === undefined ? addDays(parseCalendarDate(last.slice(0, 10)), 1) : parseCalendarDate(period.from);
    const to: CalendarDate = period.to === undefined ? addDays(from, 30) : parseCalendarDate(period.to);
    this.#base().generator.documents(count, from, to);
    this.#mutate();
    return this.data.documents.slice(before);
  }

  /** Documents of one kind in the profile's entity set, e.g. `documentsIn('Document_ПоступлениеТоваровУслуг')`. */
  documentsIn(setName: string): DocumentRecord[] {
    const kinds = Object.entries(this.profile.documentSets).filter(([, set]) => set === setName).map(([kind]) => kind);
    return this.data.documents.filter((d) => kinds.includes(d.kind));
  }
}
