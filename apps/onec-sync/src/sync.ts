/**
 * The sync run: open the base (`$metadata` → configuration → plan), refuse when a required object is not
 * published, load the catalogs, then pass over each document set (purchases and sales first, so that the
 * notifications find the dates of the documents they are about), and finally compare balances with 1C's
 * register. Read-only towards 1C; towards the store, every page is one transaction with its checkpoint.
 */
import { createHash } from 'node:crypto';
import { SledopytError, isSledopytError, parseCalendarDate } from '@sledopyt/core';
import type { AdapterContext } from '@sledopyt/contract';
import { checkpointSource } from './checkpoint.js';
import type { Store } from '@sledopyt/store';
import type { ObjectRole } from './composition.js';
import { TRACEABILITY_START, sourceIdOf } from './config.js';
import type { OneCSyncConfig } from './config.js';
import { crossCheckBalances } from './cross-check.js';
import { onecErrors } from './errors.js';
import { instantToNaive } from './odata/literals.js';
import { loadKnownVersions } from './known-versions.js';
import type { KnownVersions } from './known-versions.js';
import type { ReferenceData } from './mapping/reference-data.js';
import { SkipLog } from './mapping/skips.js';
import { loadReferenceData } from './reference.js';
import { openSession } from './session.js';
import type { Session, SessionServices } from './session.js';
import { DocumentDates, EntitySetSync } from './set-sync.js';
import { emptyCounts, runCounts, totalCounts } from './summary.js';
import type { EntitySetCounts, MissingObject, SyncSummary } from './summary.js';

/** Document sets in the order they are read: notifications last, they need the dates of the others. */
export const DOCUMENT_ROLES: readonly ObjectRole[] = ['purchases', 'returns-from-buyers', 'sales', 'returns-to-suppliers', 'remains-notices', 'import-notices', 'movement-notices'];

export interface OneCSyncServices extends SessionServices {
  /** The store to write to; null reads and maps everything but writes nothing (a dry run without a store). */
  store: Store | null;
  /** Read and map, but write nothing (the store, when given, is only read). */
  dryRun?: boolean | undefined;
  now?: (() => Date) | undefined;
}

export type OneCSyncContext = AdapterContext<OneCSyncConfig, OneCSyncServices>;

/** The job lock and run name of one base (lower-case latin, as the store requires). */
export const jobNameOf = (sourceId: string): string => `onec-sync:${createHash('sha256').update(sourceId).digest('hex').slice(0, 16)}`;

function requireComposition(session: Session, config: OneCSyncConfig): void {
  const unusable = session.plan.objects.filter((o) => o.spec.required && !o.usable);
  if (unusable.length > 0) {
    throw onecErrors.compositionIncomplete(
      unusable.map((o) => (o.present ? `${o.spec.set} (нет полей: ${[...o.missingRequiredFields, ...o.sections.flatMap((s) => (s.present ? s.missingRequiredFields : [s.spec.name]))].join(', ')})` : `${o.spec.set} — ${o.spec.titleRu}`)),
    );
  }
  const organizations = session.plan.object('organizations');
  if (organizations?.usable !== true && config.taxpayerInn === undefined && Object.keys(config.organizations).length === 0) {
    throw new SledopytError({
      code: 'ONEC_TAXPAYER_UNKNOWN',
      message: 'Neither Catalog_Организации is published nor taxpayerInn / organizations configured',
      messageRu:
        'Не известно, чьи это документы: справочник «Организации» не опубликован в составе OData, а ИНН не указан. ' +
        'Укажите --inn (или taxpayerInn в файле настроек), или добавьте справочник «Организации» в состав OData',
      actor: 'admin',
    });
  }
}

const notPublished = (session: Session): MissingObject[] =>
  session.plan.objects.filter((o) => !o.spec.required && !o.usable).map((o) => ({ set: o.spec.set, titleRu: o.spec.titleRu, purposeRu: o.spec.purposeRu }));

async function syncDocuments(context: OneCSyncContext, session: Session, known: KnownVersions, skips: SkipLog, summary: SyncSummary, reference: ReferenceData): Promise<boolean> {
  const { config, services } = context;
  const store = services.dryRun === true ? null : services.store;
  const dates = new DocumentDates();
  const now = services.now ?? (() => new Date());
  const objects = session.plan.usable(DOCUMENT_ROLES);
  for (const object of objects) {
    const counts: EntitySetCounts = emptyCounts();
    summary.entitySets[object.spec.set] = counts;
    const sync = new EntitySetSync(object, known.get(object.spec.set) ?? new Map(), {
      transport: session.transport,
      metadata: session.metadata,
      store,
      sourceId: session.sourceId,
      since: parseCalendarDate(summary.since),
      explicitSince: config.since !== undefined,
      pageSize: config.pageSize,
      keysPerRequest: config.keysPerRequest,
      mapping: { profile: session.profile, reference, sourceId: session.sourceId, invoiceKind: config.invoiceDocumentKind, skips, documentDate: (set, ref) => dates.get(set, ref) },
      dates,
      logger: context.logger,
      signal: context.signal,
      now,
      byKind: summary.movements.byKind,
    }, counts);
    const task = context.progress.task(object.spec.set, { unit: 'документов' });
    try {
      const completed = await sync.run(task);
      // The period of the first set stands for the run (all sets share it unless one resumed an older pass).
      if (object === objects[0]) summary.since = sync.since;
      if (!completed) return false;
    } finally {
      task.finish();
    }
    context.logger.info({ entitySet: object.spec.set, ...counts }, `${object.spec.set}: прочитано ${counts.read}, записано документов ${counts.imported}, движений ${counts.movements}`);
  }
  return true;
}

/** Runs the sync; returns the summary (also when stopped by the signal: `aborted`). */
export async function runOneCSync(context: OneCSyncContext): Promise<SyncSummary> {
  const started = Date.now();
  const { config, services, logger } = context;
  const startedAt = (services.now ?? (() => new Date()))();
  const session = await openSession(config, services, logger, context.signal);
  requireComposition(session, config);
  const skips = new SkipLog();
  const summary: SyncSummary = {
    source: checkpointSource(session.sourceId),
    profile: session.profile,
    profileTitleRu: session.profileTitleRu,
    since: config.since ?? TRACEABILITY_START,
    startedAt: startedAt.toISOString(),
    startedAtBaseTime: instantToNaive(startedAt, config.timezone),
    dryRun: services.dryRun === true || services.store === null,
    catalogs: {},
    entitySets: {},
    documents: emptyCounts(),
    movements: { written: 0, byKind: {} },
    skipped: [],
    notPublished: notPublished(session),
    crossCheck: null,
    requests: { total: 0, retries: 0, bytes: 0 },
    aborted: false,
    durationMs: 0,
  };
  for (const missing of summary.notPublished) logger.warn({ entitySet: missing.set }, `1С: не опубликован ${missing.titleRu} (${missing.set}) — без него: ${missing.purposeRu}`);
  const finish = (): SyncSummary => {
    summary.documents = totalCounts(summary.entitySets);
    summary.movements.written = summary.documents.movements;
    summary.skipped = skips.entries();
    summary.requests = { total: session.transport.stats.requests, retries: session.transport.stats.retries, bytes: session.transport.stats.bytes };
    summary.durationMs = Date.now() - started;
    return summary;
  };
  try {
    const { data, counts } = await loadReferenceData(session.transport, session.plan, {
      pageSize: config.pageSize,
      progress: context.progress,
      taxpayers: { taxpayerInn: config.taxpayerInn, organizations: config.organizations },
      signal: context.signal,
    });
    summary.catalogs = counts;
    const known = services.store === null ? new Map() : await loadKnownVersions(services.store, session.sourceId);
    const completed = await syncDocuments(context, session, known, skips, summary, data);
    if (!completed) {
      summary.aborted = true;
      return finish();
    }
    const register = session.plan.object('balance');
    if (config.crossCheck && register?.usable === true && !summary.dryRun && services.store !== null) {
      summary.crossCheck = await crossCheckBalances(session.transport, services.store, register.spec.set, session.profile, data);
    }
  } catch (error) {
    if (isSledopytError(error) && error.code === 'ONEC_SYNC_ABORTED') {
      summary.aborted = true;
      return finish();
    }
    throw error;
  }
  return finish();
}

/** Runs the sync under the store's job lock (one sync per base at a time) and records the run. */
export async function runOneCSyncLocked(context: OneCSyncContext): Promise<SyncSummary> {
  const store = context.services.store;
  if (store === null || context.services.dryRun === true) return runOneCSync(context);
  const job = jobNameOf(sourceIdOf(context.config));
  const runId = await store.startRun({ job });
  try {
    const locked = await store.withJobLock(job, () => runOneCSync(context));
    if (!locked.acquired) {
      await store.finishRun(runId, { outcome: 'skipped' });
      throw new SledopytError({
        code: 'ONEC_SYNC_LOCKED',
        message: `Another process is syncing this 1C base: ${JSON.stringify(locked.holder)}`,
        messageRu: 'Эту базу 1С уже синхронизирует другой процесс; дождитесь его окончания и повторите',
        actor: 'transient',
        details: { holder: locked.holder },
      });
    }
    const summary = locked.value;
    await store.finishRun(runId, { outcome: summary.aborted ? 'interrupted' : 'succeeded', counts: runCounts(summary) });
    return summary;
  } catch (error) {
    if (!(isSledopytError(error) && error.code === 'ONEC_SYNC_LOCKED')) await store.finishRun(runId, { outcome: 'failed', error }).catch(() => undefined);
    throw error;
  }
}
