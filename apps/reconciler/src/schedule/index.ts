export * from './scheduler.js';
export * from './reconcile-job.js';
