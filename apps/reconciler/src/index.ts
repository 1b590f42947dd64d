/**
 * @sledopyt/reconciler — the main job as a library the CLI and the scheduler call:
 * import ФНС files into the store, reconcile a taxpayer's quarter, write the reports.
 */
export * from './reconcile/index.js';
export * from './import/index.js';
export * from './demo/seed-demo.js';
export * from './schedule/index.js';
export * from './demo/demo-book.js';
