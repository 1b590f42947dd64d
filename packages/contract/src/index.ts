export * from './logger.js';
export * from './progress.js';
export * from './adapter.js';
