export { default } from '@sledopyt/eslint-config';
