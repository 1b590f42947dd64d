/**
 * `@sledopyt/reconciler/testing`: realistic import inputs for tests of the reconciler, the CLI and the demo.
 * Not for production code.
 */
export * from './import-fixtures.js';
