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
import type { VersionedRecord } from '../profiles/mapping.js';
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

/**
 * Rows of one entity set, built from the records when asked for (and not kept: 100 000 documents as
 * rows would hold the data twice), and fast access by key.
 */
export interface EntitySetSource {
  readonly setName: string;
  readonly kind: 'object' | 'tabular' | 'recordset' | 'records';
  /** Every row, in natural (creation) order. */
  rows(): readonly Row[];
  /** Rows whose owner (`Ref_Key` or `Recorder`) is `ref`. */
  rowsOf(ref: string): readonly Row[];
  /** Position of an owner in the natural order (-1 if unknown), to keep key look-ups in scan order. */
  ownerIndex(ref: string): number;
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
      const countries = byRef(data.countries);
      const vat = new Map(data.vatRates.map((v) => [v.rate as string, v]));
      return {
        data,
        item: (ref) => items.get(ref),
        tnved: (ref) => tnved.get(ref),
        batchNumber: (ref) => numbers.get(ref),
        counterparty: (ref) => counterparties.get(ref),
        vatRate: (rate) => vat.get(rate),
        document: (ref) => documents.get(ref),
        country: (ref) => countries.get(ref),
      };
    });
  }

  /** The records an object set lists, in natural (creation) order, and their positions. */
  #records(binding: ObjectBinding): { readonly list: readonly VersionedRecord[]; readonly index: ReadonlyMap<string, number> } {
    return this.#cached(`records:${binding.setName}`, () => {
      const list = binding.records(this.data, this.context);
      return { list, index: new Map(list.map((r, i) => [r.ref, i])) };
    });
  }

  /** The documents that record into a register (posted, not marked for deletion), and their positions. */
  #recorders(binding: RegisterBinding): { readonly list: readonly DocumentRecord[]; readonly index: ReadonlyMap<string, number> } {
    return this.#cached(`recorders:${binding.setName}`, () => {
      const list = this.data.documents.filter((d) => d.posted && !d.deletionMark && binding.recorderKinds.includes(d.kind));
      return { list, index: new Map(list.map((d, i) => [d.ref, i])) };
    });
  }

  /** The record set of one recorder, or null when it records nothing into this register. */
  #recordSet(binding: RegisterBinding, doc: DocumentRecord): Row | null {
    const type = `${NAMESPACE}.${this.profile.documentSets[doc.kind]}`;
    const records = binding.recordsOf(doc, this.context).map((r, i) => ({ Recorder: doc.ref, ...r, LineNumber: i + 1, Recorder_Type: type }));
    return records.length === 0 ? null : { Recorder: doc.ref, Recorder_Type: type, RecordSet: records };
  }

  #objectSource(binding: ObjectBinding, setName: string): EntitySetSource {
    const toRow = (record: VersionedRecord): Row => binding.toRow(record, this.context);
    const record = (ref: string): VersionedRecord | undefined => {
      const { list, index } = this.#records(binding);
      const at = index.get(ref);
      return at === undefined ? undefined : list[at];
    };
    const ownerIndex = (ref: string): number => this.#records(binding).index.get(ref) ?? -1;
    if (setName === binding.setName) {
      return {
        setName,
        kind: 'object',
        rows: () => this.#records(binding).list.map(toRow),
        rowsOf: (ref) => {
          const found = record(ref);
          return found === undefined ? [] : [toRow(found)];
        },
        ownerIndex,
      };
    }
    const section = setName.slice(binding.setName.length + 1);
    const sectionOf = (row: Row): readonly Row[] => (row[section] as readonly Row[] | undefined) ?? [];
    return {
      setName,
      kind: 'tabular',
      rows: () => this.#records(binding).list.flatMap((r) => sectionOf(toRow(r))),
      rowsOf: (ref) => {
        const found = record(ref);
        return found === undefined ? [] : sectionOf(toRow(found));
      },
      ownerIndex,
    };
  }

  #registerSource(binding: RegisterBinding, setName: string): EntitySetSource {
    const sets = (): Row[] => this.#recorders(binding).list.map((doc) => this.#recordSet(binding, doc)).filter((set): set is Row => set !== null);
    const setOf = (ref: string): Row | null => {
      const { list, index } = this.#recorders(binding);
      const doc = list[index.get(ref) ?? -1];
      return doc === undefined ? null : this.#recordSet(binding, doc);
    };
    const ownerIndex = (ref: string): number => this.#recorders(binding).index.get(ref) ?? -1;
    if (setName === binding.setName) {
      return { setName, kind: 'recordset', rows: sets, rowsOf: (ref) => [setOf(ref)].filter((set): set is Row => set !== null), ownerIndex };
    }
    const recordsOf = (set: Row | null): readonly Row[] => (set?.['RecordSet'] as readonly Row[] | undefined) ?? [];
    return { setName, kind: 'records', rows: () => sets().flatMap(recordsOf), rowsOf: (ref) => recordsOf(setOf(ref)), ownerIndex };
  }

  /** The rows behind an entity set of the profile (`Document_X`, `Document_X_Товары`, `AccumulationRegister_X_RecordType`…). */
  source(setName: string): EntitySetSource | undefined {
    for (const binding of this.profile.bindings) {
      if (binding.kind === 'register') {
        if (setName === binding.setName || setName === `${binding.setName}_RecordType`) return this.#registerSource(binding, setName);
        continue;
      }
      if (setName === binding.setName) return this.#objectSource(binding, setName);
      const def = this.objectDef(binding.setName);
      if (def?.kind !== 'AccumulationRegister' && def?.tabularSections.some((t) => t.setName === setName)) return this.#objectSource(binding, setName);
    }
    return undefined;
  }

  /**
   * Generates the data and the indexes now instead of on the first request (100 000 documents take
   * seconds of CPU: warm up before timing a benchmark).
   */
  warmUp(): void {
    for (const binding of this.profile.bindings) {
      if (binding.kind === 'object') this.#records(binding);
      else this.#recorders(binding);
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
