export * from './model.js';
export * from './read.js';
export * from './write.js';
export * from './movements.js';
