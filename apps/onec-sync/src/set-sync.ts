/**
 * One pass over one document set, page by page (`$top`/`$skip` ordered by `Ref_Key`, documents dated from
 * `since`), each page committed in one store transaction together with the pass position:
 * - an object whose `DataVersion` equals the store's is unchanged and is not read further;
 * - a new or changed posted object is read in full (on the set's first load the pages carry the full
 *   objects; later only the changed ones are read, by key) and mapped; its earlier version is superseded;
 * - an unposted or deletion-marked object with an active store version is retracted (its movements go);
 * - after a fresh pass reached the end, stored objects it did not see are looked up by key: the ones 1C
 *   no longer has were deleted and are retracted too.
 * A crash loses nothing committed, and the rerun resumes where the pass stopped without duplicates
 * (same content → same hash → the store skips it).
 */
import type { CalendarDate, MovementKind } from '@sledopyt/core';
import type { Logger, ProgressTask } from '@sledopyt/contract';
import type { ImportDocumentInput, Store } from '@sledopyt/store';
import { checkpointInput, checkpointSource, planPass, readCursor } from './checkpoint.js';
import type { PassCursor } from './checkpoint.js';
import type { KnownObject } from './known-versions.js';
import { isEffective, readHeader, sourceRefOf } from './mapping/context.js';
import type { Header, MappingContext } from './mapping/context.js';
import { notificationLinks } from './mapping/notifications.js';
import type { Row } from './mapping/row.js';
import { mapDocument } from './mapper.js';
import type { ServiceMetadata } from './metadata.js';
import { datetimeLiteral, startOfDay } from './odata/literals.js';
import { fullSelect } from './plan.js';
import type { ResolvedObject } from './plan.js';
import type { EntitySetCounts } from './summary.js';
import type { ODataTransport } from './transport.js';

const LISTING_FIELDS = ['Ref_Key', 'DataVersion', 'DeletionMark', 'Posted', 'Date', 'Number'];

/** Dates of documents seen in this run, by set and ref: event dates of notifications. */
export class DocumentDates {
  readonly #bySet = new Map<string, Map<string, CalendarDate>>();

  set(set: string, ref: string, date: CalendarDate): void {
    let refs = this.#bySet.get(set);
    if (refs === undefined) {
      refs = new Map();
      this.#bySet.set(set, refs);
    }
    refs.set(ref, date);
  }

  get(set: string | null, ref: string): CalendarDate | null {
    if (set !== null) return this.#bySet.get(set)?.get(ref) ?? null;
    for (const refs of this.#bySet.values()) {
      const date = refs.get(ref);
      if (date !== undefined) return date;
    }
    return null;
  }
}

export interface SetSyncDeps {
  transport: ODataTransport;
  metadata: ServiceMetadata;
  /** null: nothing is written (dry run). */
  store: Store | null;
  sourceId: string;
  since: CalendarDate;
  /** Since given for this run (else the previous pass's period, else `since`). */
  explicitSince: boolean;
  pageSize: number;
  keysPerRequest: number;
  mapping: MappingContext;
  dates: DocumentDates;
  logger: Logger;
  signal?: AbortSignal | undefined;
  now: () => Date;
  /** Movements written, by kind (shared across sets). */
  byKind: Partial<Record<MovementKind, number>>;
}

/** The DataVersion of the last object of a page: the checkpoint records exactly which version the pass reached. */
function lastDataVersion(rows: readonly Row[]): string | null {
  const version = rows.at(-1)?.['DataVersion'];
  return typeof version === 'string' && version !== '' ? version : null;
}

interface PageOutcome {
  documents: ImportDocumentInput[];
  retract: { ref: string; taxpayerInn: string }[];
}

export class EntitySetSync {
  readonly counts: EntitySetCounts;
  readonly #object: ResolvedObject;
  readonly #deps: SetSyncDeps;
  readonly #known: ReadonlyMap<string, KnownObject>;
  readonly #seen = new Set<string>();
  /** The period start this pass used (the run's, or the previous pass's when the run gave none). */
  since: CalendarDate;

  constructor(object: ResolvedObject, known: ReadonlyMap<string, KnownObject>, deps: SetSyncDeps, counts: EntitySetCounts) {
    this.#object = object;
    this.#known = known;
    this.#deps = deps;
    this.counts = counts;
    this.since = deps.since;
  }

  get set(): string {
    return this.#object.spec.set;
  }

  /** Runs the pass; returns false when stopped by the signal (what was committed stays). */
  async run(task: ProgressTask): Promise<boolean> {
    const { store, transport, pageSize } = this.#deps;
    const key = { source: checkpointSource(this.#deps.sourceId), entitySet: this.set };
    const previous = store === null ? null : readCursor(await store.getCheckpoint(key));
    const since = this.#deps.explicitSince || previous === null ? this.#deps.since : previous.since;
    this.since = since;
    const pass = planPass(previous, since, pageSize, this.#deps.now());
    // The set's first load reads whole objects page by page; later runs list versions and read only the changed.
    const full = this.#known.size === 0;
    const filter = `Date ge ${datetimeLiteral(startOfDay(since))}`;
    task.setTotal(await transport.count(this.set, filter));
    if (pass.startAt > 0) {
      task.advance(pass.startAt);
      this.#deps.logger.info({ entitySet: this.set, position: pass.startAt }, `${this.set}: продолжаю прерванный проход с позиции ${pass.startAt}`);
    }
    const select = full ? fullSelect(this.#object) : LISTING_FIELDS;
    let completed = false;
    for await (const page of transport.pages<Row>(this.set, { select, filter, orderBy: ['Ref_Key'], pageSize, startAt: pass.startAt })) {
      // Many changes on one page (a resumed first load, a mass re-posting): read the page again in full rather than by key.
      const refetch = (): Promise<Row[]> => transport.collection<Row>([this.set], { select: fullSelect(this.#object), filter, orderBy: ['Ref_Key'], top: pageSize, skip: page.skip });
      const outcome = await this.#processListing(page.rows, full ? 'listed' : refetch);
      const cursor: PassCursor = { v: 1, since, startedAt: pass.startedAt, position: page.skip + page.rows.length, complete: page.last };
      await this.#commit(outcome, cursor, lastDataVersion(page.rows));
      task.advance(page.rows.length);
      completed = page.last;
      if (!page.last && this.#deps.signal?.aborted === true) return false;
    }
    if (completed && pass.fresh) await this.#retractVanished(since);
    return true;
  }

  /**
   * Classifies a page of listed objects and reads and maps the ones that need it: `listed` when the rows are
   * already whole, else a way to read the page again in full (used when key look-ups would take several requests).
   */
  async #processListing(rows: readonly Row[], whole: 'listed' | 'by-key' | (() => Promise<Row[]>)): Promise<PageOutcome> {
    const outcome: PageOutcome = { documents: [], retract: [] };
    const changed: Row[] = [];
    for (const row of rows) {
      const header = readHeader(row);
      if (header === null) continue;
      this.counts.read += 1;
      this.#seen.add(header.ref);
      this.#deps.dates.set(this.set, header.ref, header.date);
      const known = this.#known.get(header.ref);
      if (!isEffective(header)) {
        if (known !== undefined) outcome.retract.push({ ref: header.ref, taxpayerInn: known.taxpayerInn });
        else this.counts.notEffective += 1;
      } else if (known?.dataVersion === header.dataVersion) {
        this.counts.unchanged += 1;
      } else {
        changed.push(row);
      }
    }
    if (changed.length === 0) return outcome;
    const objects = whole === 'listed' ? changed : await this.#readChanged(changed.map((row) => String(row['Ref_Key'])), whole);
    await this.#resolveLinks(objects);
    for (const row of objects) this.#mapObject(row, outcome);
    return outcome;
  }

  async #readChanged(refs: readonly string[], whole: 'by-key' | (() => Promise<Row[]>)): Promise<Row[]> {
    if (whole === 'by-key' || refs.length <= this.#deps.keysPerRequest) return this.#readFull(refs);
    const wanted = new Set(refs);
    const again = (await whole()).filter((row) => wanted.has(String(row['Ref_Key'])));
    // Rows that moved off the page in between are read by key.
    for (const row of again) wanted.delete(String(row['Ref_Key']));
    return wanted.size === 0 ? again : [...again, ...(await this.#readFull([...wanted]))];
  }

  #readFull(refs: readonly string[]): Promise<Row[]> {
    return this.#deps.transport.byKeys<Row>(this.set, refs, { select: fullSelect(this.#object), chunk: this.#deps.keysPerRequest });
  }

  /** Event dates of notifications: the dates of the documents they point to, read by key when this run has not seen them. */
  async #resolveLinks(objects: readonly Row[]): Promise<void> {
    const missing = new Map<string, Set<string>>();
    for (const row of objects) {
      for (const link of notificationLinks({ set: this.set, role: this.#object.spec.role, row }, this.#deps.mapping.profile)) {
        if (this.#deps.dates.get(link.set, link.ref) !== null || !this.#deps.metadata.has(link.set)) continue;
        const refs = missing.get(link.set) ?? new Set<string>();
        refs.add(link.ref);
        missing.set(link.set, refs);
      }
    }
    for (const [set, refs] of missing) {
      for (const row of await this.#deps.transport.byKeys<Row>(set, [...refs], { select: ['Ref_Key', 'Date'], chunk: this.#deps.keysPerRequest })) {
        const header = readHeader(row);
        if (header !== null) this.#deps.dates.set(set, header.ref, header.date);
      }
    }
  }

  #mapObject(row: Row, outcome: PageOutcome): void {
    const header: Header | null = readHeader(row);
    if (header === null) return;
    const known = this.#known.get(header.ref);
    // Read again by key, the object may have changed since it was listed.
    if (!isEffective(header)) {
      if (known !== undefined) outcome.retract.push({ ref: header.ref, taxpayerInn: known.taxpayerInn });
      else this.counts.notEffective += 1;
      return;
    }
    this.counts.fetched += 1;
    const documents = mapDocument({ set: this.set, role: this.#object.spec.role, row }, this.#deps.mapping);
    if (documents.length === 0) {
      this.counts.skipped += 1;
      // An earlier version must not keep counting once the object cannot be read any more.
      if (known !== undefined) outcome.retract.push({ ref: header.ref, taxpayerInn: known.taxpayerInn });
      return;
    }
    outcome.documents.push(...documents);
  }

  async #commit(outcome: PageOutcome, cursor: PassCursor, dataVersion: string | null): Promise<void> {
    const { store } = this.#deps;
    const checkpoint = checkpointInput(this.#deps.sourceId, this.set, cursor, dataVersion);
    if (store !== null) {
      for (const { ref, taxpayerInn } of outcome.retract) {
        const result = await store.retractDocument({ taxpayerInn, source: 'onec', sourceRef: sourceRefOf(this.#deps.sourceId, this.set, ref) });
        if (result.documents > 0) this.counts.retracted += 1;
      }
    } else {
      this.counts.retracted += outcome.retract.length;
    }
    if (store === null) {
      this.#countWritten(outcome.documents, new Set());
      return;
    }
    if (outcome.documents.length === 0) {
      await store.saveCheckpoint(checkpoint);
      return;
    }
    const result = await store.importBatch({ documents: outcome.documents, supersedeBySourceRef: true, checkpoint });
    this.counts.duplicates += result.duplicates.length;
    this.counts.superseded += result.superseded;
    this.#countWritten(outcome.documents, new Set(result.duplicates.map((d) => d.contentHash)));
  }

  #countWritten(documents: readonly ImportDocumentInput[], duplicates: ReadonlySet<string>): void {
    const claimed = new Set<string>();
    for (const document of documents) {
      if (duplicates.has(document.contentHash) || claimed.has(document.contentHash)) continue;
      claimed.add(document.contentHash);
      this.counts.imported += 1;
      this.counts.movements += document.movements.length;
      for (const movement of document.movements) this.#deps.byKind[movement.kind] = (this.#deps.byKind[movement.kind] ?? 0) + 1;
    }
  }

  /**
   * Stored objects of the period that a complete pass did not list: looked up by key (a page shift may have
   * hidden them); those 1C still has are processed as listed, the others were deleted and are retracted.
   */
  async #retractVanished(since: CalendarDate): Promise<void> {
    const unseen = [...this.#known.entries()].filter(([ref, known]) => !this.#seen.has(ref) && (known.date === null || known.date >= since)).map(([ref]) => ref);
    if (unseen.length === 0) return;
    const found = await this.#deps.transport.byKeys<Row>(this.set, unseen, { select: LISTING_FIELDS, chunk: this.#deps.keysPerRequest });
    const still = new Set(found.map((row) => readHeader(row)?.ref).filter((ref): ref is string => ref !== undefined));
    const outcome = await this.#processListing(found, 'by-key');
    for (const ref of unseen) {
      const known = this.#known.get(ref);
      if (!still.has(ref) && known !== undefined) outcome.retract.push({ ref, taxpayerInn: known.taxpayerInn });
    }
    if (outcome.retract.length === 0 && outcome.documents.length === 0) return;
    const key = { source: checkpointSource(this.#deps.sourceId), entitySet: this.set };
    const cursor = this.#deps.store === null ? null : readCursor(await this.#deps.store.getCheckpoint(key));
    await this.#commit(outcome, cursor ?? { v: 1, since, startedAt: this.#deps.now().toISOString(), position: 0, complete: true }, null);
  }
}
