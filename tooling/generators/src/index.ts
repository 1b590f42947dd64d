export { Random } from './random.js';
export * from './demo-catalog.js';
export * from './demo-quarter.js';
export * from './demo-declaration.js';
