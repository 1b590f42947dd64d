/**
 * @sledopyt/onec-sync — reads traceable purchases, sales, returns, notifications and RNPTs from 1C
 * (БП 3.0, УТ 11, КА 2, ERP 2) over the standard OData interface into the store, incrementally by
 * DataVersion, resumable, read-only towards 1C. The default export is the adapter definition the CLI and
 * the scheduler run; the named exports are its parts (config, check, transport, mapper) for tests and tools.
 */
import { ADAPTER_CONTRACT_VERSION, defineAdapter } from '@sledopyt/contract';
import { onecSyncConfigSchema } from './config.js';
import { runOneCSyncLocked } from './sync.js';

export const onecSyncAdapter = defineAdapter({
  name: 'onec-sync',
  contractVersion: ADAPTER_CONTRACT_VERSION,
  descriptionRu: 'загрузить из 1С (OData) поступления, реализации, уведомления и РНПТ прослеживаемых товаров',
  configSchema: onecSyncConfigSchema,
  run: runOneCSyncLocked,
});

export default onecSyncAdapter;

export { onecSyncConfigSchema, parseOneCSyncConfig, normalizeServiceUrl, resolvePassword, sourceIdOf, TRACEABILITY_START } from './config.js';
export type { OneCSyncConfig, OneCSyncConfigInput, SecretSources } from './config.js';
export { runOneCSync, runOneCSyncLocked, jobNameOf, DOCUMENT_ROLES } from './sync.js';
export type { OneCSyncServices, OneCSyncContext } from './sync.js';
export { checkOneC } from './check.js';
export type { CompositionCheck, ObjectCheck, ObjectStatus } from './check.js';
export type { SyncSummary, EntitySetCounts, CrossCheck, BalanceDifference, MissingObject } from './summary.js';
export { runCounts } from './summary.js';
export { PROFILE_OBJECTS, PROFILE_TITLES_RU, detectProfile } from './composition.js';
export type { ProfileName, ObjectRole, ObjectSpec } from './composition.js';
export { parseMetadata, ServiceMetadata } from './metadata.js';
export type { EntitySetInfo } from './metadata.js';
export { ODataTransport, basicAuthorization } from './transport.js';
export type { TransportOptions, TransportStats, Page, PageRequest } from './transport.js';
export { guidLiteral, datetimeLiteral, stringLiteral, naiveToCalendarDate, instantToNaive, EMPTY_GUID, EMPTY_DATETIME } from './odata/literals.js';
export { buildUrl, keyFilter } from './odata/query.js';
export { mapHttpFailure, parseODataError } from './odata/error-mapper.js';
export { onecErrors, COMPOSITION_HINT_RU } from './errors.js';
export { mapDocument } from './mapper.js';
export { SKIP_REASONS_RU } from './mapping/skips.js';
export type { SkipReason, SkipEntry } from './mapping/skips.js';
