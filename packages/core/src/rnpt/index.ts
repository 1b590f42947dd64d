export * from './rnpt.js';
export * from './origin.js';
export * from './customs-declaration-number.js';
export * from './any-registration-number.js';
export * from './schema.js';
export type { RegistrationNumberWarning } from './registration-number.js';
export { MAX_REGISTRATION_NUMBER_LENGTH } from './registration-number.js';
