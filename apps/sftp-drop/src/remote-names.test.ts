import { describe, expect, it } from 'vitest';
import { archivePath, isCandidateName, safeLocalName } from './remote-names.js';

describe('remote names', () => {
  it('takes finished files and skips uploads in progress and hidden ones', () => {
    expect(isCandidateName('ON_NSCHFDOPPR_2BM-7701234560-770101001_2BM-6673001003-667301001_20260131_5a0b7f99.xml')).toBe(true);
    expect(isCandidateName('edo/in/NO_NDS.9_7701_7701_7701234560770101001_20260420_3e9a.xml')).toBe(true);
    for (const name of ['upd.xml.part', 'upd.xml.PART', 'upd.tmp', '.upd.xml', '.incoming/upd.xml', 'edo/.upd.xml.123.part']) expect(isCandidateName(name)).toBe(false);
  });

  it('archives under the UTC day of the move, keeping subfolders', () => {
    expect(archivePath('/srv/edo/archive', 'edo/in/upd.xml', new Date('2026-04-20T23:30:00Z'))).toBe('/srv/edo/archive/2026/04/20/edo/in/upd.xml');
    expect(archivePath('archive', 'upd.xml', new Date('2026-01-01T00:00:00Z'))).toBe('archive/2026/01/01/upd.xml');
  });

  it('never builds a local name that leaves the work folder', () => {
    for (const remote of ['/inbox/../../etc/passwd', 'inbox/..', '/inbox/..\\..\\x.xml', '/inbox/.bashrc', '/inbox/a\u0000b.xml']) {
      const { folder, name } = safeLocalName(remote);
      expect(folder).toMatch(/^[0-9a-f]{16}$/);
      expect(/^[\p{L}\p{N}._-]+$/u.test(name)).toBe(true);
      expect(name.startsWith('.')).toBe(false);
      expect(name).not.toBe('');
    }
    // ФНС file names (dates, ИНН, GUIDs, Cyrillic) stay readable: the import reads the date from them.
    expect(safeLocalName('/inbox/NO_NDS.9_7701_7701_7701234560770101001_20260420_3e9a.xml').name).toBe('NO_NDS.9_7701_7701_7701234560770101001_20260420_3e9a.xml');
    expect(safeLocalName('/inbox/УПД №12 от 31.01.2026.xml').name).toBe('УПД__12_от_31.01.2026.xml');
    expect(safeLocalName('/a/x.xml').folder).not.toBe(safeLocalName('/b/x.xml').folder);
  });
});
