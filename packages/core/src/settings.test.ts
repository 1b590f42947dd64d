import { describe, expect, it } from 'vitest';
import { DEFAULT_CORE_SETTINGS, coreSettingsSchema } from './settings.js';

describe('coreSettingsSchema', () => {
  it('fills every default from an empty object', () => {
    expect(coreSettingsSchema.parse({})).toEqual({ eaeuRnptBeforeImport: { effectiveFrom: '2026-10-01', severity: 'warning' } });
    expect(DEFAULT_CORE_SETTINGS.eaeuRnptBeforeImport.severity).toBe('warning');
  });

  it('accepts Russian dates and partial objects', () => {
    expect(coreSettingsSchema.parse({ eaeuRnptBeforeImport: { effectiveFrom: '01.01.2027' } }).eaeuRnptBeforeImport).toEqual({
      effectiveFrom: '2027-01-01',
      severity: 'warning',
    });
  });

  it('refuses unknown severities and impossible dates', () => {
    expect(coreSettingsSchema.safeParse({ eaeuRnptBeforeImport: { severity: 'fatal' } }).success).toBe(false);
    expect(coreSettingsSchema.safeParse({ eaeuRnptBeforeImport: { effectiveFrom: '2026-02-30' } }).success).toBe(false);
  });
});
