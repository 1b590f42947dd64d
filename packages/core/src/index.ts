/**
 * @sledopyt/core — the traceability rules (НСПТ) as pure code: no I/O, no Node-only APIs.
 * Every public input has a zod schema; every failure is a SledopytError with a stable code.
 */
export * from './errors.js';
export * from './calendar-date.js';
export * from './goods/index.js';
export * from './calendar/index.js';
export * from './rnpt/index.js';
export * from './money/index.js';
export * from './taxpayer.js';
export * from './settings.js';
export * from './ledger/index.js';
export * from './discrepancies/index.js';
