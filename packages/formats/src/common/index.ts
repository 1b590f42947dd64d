export * from './codes.js';
export * from './participant.js';
export type { ReadOptions } from './read-check.js';
export type { WriteProblem } from './write-check.js';
