/**
 * @sledopyt/core — the traceability rules (НСПТ) as pure code: no I/O, no Node-only APIs.
 * Every public input has a zod schema; every failure is a SledopytError with a stable code.
 */
export * from './errors.js';
export * from './calendar-date.js';
