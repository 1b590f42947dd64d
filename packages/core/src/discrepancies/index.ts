export * from './catalog.js';
export * from './fines.js';
