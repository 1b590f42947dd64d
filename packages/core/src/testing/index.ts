/** `@sledopyt/core/testing`: small helpers for tests of any package (no test framework needed). */
export * from './caught.js';
