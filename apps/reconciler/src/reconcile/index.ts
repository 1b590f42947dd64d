export * from './merge-join.js';
export * from './reconcile-quarter.js';
export * from './run-reconcile.js';
