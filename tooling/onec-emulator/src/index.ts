/**
 * @sledopyt/onec-emulator — a 1C:Enterprise standard OData interface (`/odata/standard.odata/`) over real
 * HTTP, posing as БП 3.0 or УТ 11.5, with seeded data, mutations for incremental-sync tests, fault
 * injection and request stats. See README.md for what is emulated and every 1C quirk with its source.
 */
export { startOneCEmulator, emulatorOptionsSchema } from './server.js';
export type { OneCEmulator, OneCEmulatorOptions } from './server.js';
export { EmulatedBase, baseOptionsSchema } from './data/base.js';
export type { BaseOptions, EntitySetSource } from './data/base.js';
export type * from './data/business.js';
export { encodeDataVersion } from './data/ids.js';
export { ServiceSchema } from './edm/schema.js';
export type { EntityTypeInfo } from './edm/schema.js';
export { EMPTY_DATE, EMPTY_GUID, NAMESPACE } from './edm/types.js';
export type { ObjectDef, PropertyDef } from './edm/types.js';
export { PROFILES } from './profiles/index.js';
export type { Profile, ProfileName, Row } from './profiles/index.js';
export { FAULT_KINDS, FaultInjector, faultRuleSchema } from './http/faults.js';
export type { FaultHandle, FaultKind, FaultRule } from './http/faults.js';
export { RequestStats } from './http/stats.js';
export type { RequestRecord, SpaceEncoding } from './http/stats.js';
export type { UserConfig } from './http/auth.js';
export { ODataError, isODataError } from './odata/errors.js';
