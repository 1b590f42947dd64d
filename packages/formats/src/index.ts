/**
 * @sledopyt/formats — the ФНС XML formats that carry traceability data: reading (safely) and writing.
 * This file is the only public entry point.
 */
export * from './xml/index.js';
