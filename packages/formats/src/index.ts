/**
 * @sledopyt/formats — the ФНС XML formats that carry traceability data: reading (safely) and writing.
 * This file is the only public entry point.
 */
export * from './xml/index.js';
export * from './common/index.js';
export * from './upd/index.js';
export * from './ukd/index.js';
export * from './notifications/index.js';
export * from './report/index.js';
export * from './read-document.js';
export * from './validate-document.js';
export * from './nds/index.js';
