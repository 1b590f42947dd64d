/** Production calendar 2021–2027, working-day arithmetic, quarters and the НСПТ deadlines. */
export * from './production-calendar.js';
export * from './validate-calendar.js';
export * from './working-days.js';
export * from './quarter.js';
export * from './deadlines.js';
