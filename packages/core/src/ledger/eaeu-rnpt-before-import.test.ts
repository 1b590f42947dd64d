import { describe, expect, it } from 'vitest';
import { coreSettingsSchema } from '../settings.js';
import { checkEaeuRnptBeforeImport, eaeuImportRecordSchema } from './eaeu-rnpt-before-import.js';
import type { EaeuImportRecordInput } from './eaeu-rnpt-before-import.js';

const RNPT = '10702070/161126/0012873/001';

const record = (input: Partial<EaeuImportRecordInput>) =>
  eaeuImportRecordSchema.parse({ id: 'ввоз-2026-11-10', taxpayerInn: '7707083893', importDate: '2026-11-10', ...input });
const reasons = (input: Partial<EaeuImportRecordInput>, settings = {}) =>
  checkEaeuRnptBeforeImport(record(input), coreSettingsSchema.parse({ eaeuRnptBeforeImport: settings })).map((f) => [f.reason, f.severity]);

describe('checkEaeuRnptBeforeImport', () => {
  it('flags a November 2026 import whose квитанция came after the import', () => {
    const findings = checkEaeuRnptBeforeImport(record({ rnpt: RNPT, rnptObtainedOn: '2026-11-16' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'EAEU_RNPT_AFTER_IMPORT',
      severity: 'warning',
      reason: 'rnpt_after_import',
      date: '2026-11-10',
      recordId: 'ввоз-2026-11-10',
      rnpt: RNPT,
      details: { importDate: '2026-11-10', rnptObtainedOn: '2026-11-16', effectiveFrom: '2026-10-01' },
    });
    expect(findings[0]?.messageRu).toContain('получен 16.11.2026');
    expect(findings[0]?.messageRu).toContain('не подтверждено официальным актом');
    expect(findings[0]?.message).toContain('seed 000');
  });

  it('passes an RNPT obtained before the import and named in the ДОПП', () => {
    expect(
      reasons({ rnpt: RNPT, rnptObtainedOn: '2026-11-05', dopp: { number: '1234567890123', lineNumber: 2, declarationNumber: RNPT } }),
    ).toEqual([]);
    // the ДОПП text is compared after the same normalisation as any RNPT
    expect(reasons({ rnpt: RNPT, rnptObtainedOn: '2026-11-05', dopp: { declarationNumber: ' 10702070 / 161126 / 0012873 / 1' } })).toEqual([]);
  });

  it('flags a missing RNPT and a ДОПП line that does not name it', () => {
    expect(reasons({})).toEqual([['rnpt_missing', 'warning']]);
    expect(reasons({ rnpt: RNPT, rnptObtainedOn: '2026-11-05', dopp: { number: '1234567890123', lineNumber: 2 } })).toEqual([
      ['dopp_rnpt_missing', 'warning'],
    ]);
    expect(reasons({ rnpt: RNPT, rnptObtainedOn: '2026-11-05', dopp: { declarationNumber: '10702070/161126/0012873' } })).toEqual([
      ['dopp_rnpt_mismatch', 'warning'],
    ]);
  });

  it('reports both a late RNPT and a ДОПП without it', () => {
    expect(reasons({ rnpt: RNPT, rnptObtainedOn: '2026-11-16', dopp: { declarationNumber: '' } })).toEqual([
      ['rnpt_after_import', 'warning'],
      ['dopp_rnpt_missing', 'warning'],
    ]);
  });

  it('reports the import day and an unknown квитанция date at info at most', () => {
    expect(reasons({ rnpt: RNPT, rnptObtainedOn: '2026-11-10' }, { severity: 'error' })).toEqual([['rnpt_same_day', 'info']]);
    expect(reasons({ rnpt: RNPT })).toEqual([['rnpt_date_unknown', 'info']]);
  });

  it('does not check imports before the effective date', () => {
    expect(reasons({ importDate: '2026-09-30', rnpt: RNPT, rnptObtainedOn: '2026-10-05' })).toEqual([]);
    expect(reasons({ importDate: '2026-10-01', rnpt: RNPT, rnptObtainedOn: '2026-10-05' })).toEqual([['rnpt_after_import', 'warning']]);
  });

  it('follows the settings', () => {
    const late = { rnpt: RNPT, rnptObtainedOn: '2026-11-16' };
    expect(reasons(late, { severity: 'error' })).toEqual([['rnpt_after_import', 'error']]);
    expect(reasons(late, { severity: 'off' })).toEqual([]);
    expect(reasons(late, { effectiveFrom: '01.12.2026' })).toEqual([]);
    expect(reasons({ ...late, importDate: '2026-09-15', rnptObtainedOn: '2026-09-20' }, { effectiveFrom: '2026-09-01' })).toEqual([
      ['rnpt_after_import', 'warning'],
    ]);
  });
});
