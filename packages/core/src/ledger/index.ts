export * from './operation-codes.js';
export * from './movement-kinds.js';
export * from './movement.js';
export * from './ledger.js';
export * from './eaeu-rnpt-before-import.js';
