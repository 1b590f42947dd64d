/** The goods list № 1110, ОКЕИ units, ТН ВЭД codes, countries of origin and `classify`. */
export * from './okei.js';
export * from './tnved.js';
export * from './country.js';
export * from './goods-list.js';
export * from './classify.js';
