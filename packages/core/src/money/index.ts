export * from './money.js';
export * from './quantity.js';
export { divideRoundHalfUp } from './decimal.js';
