export * from './common.js';
export * from './import-notice.js';
export * from './export-notice.js';
export * from './remains-notice.js';
