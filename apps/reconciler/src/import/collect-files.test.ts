import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isSledopytError } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { collectInputFiles } from './collect-files.js';
import { tempFolder } from './test-support/helpers.js';
import { writeFilesUnder as writeFiles } from './testing/import-fixtures.js';

const UPD = 'ON_NSCHFDOPPR_2BM-6673001009-667301001_2BM-7701234560-770101001_20260302_5a0b7f99-8b6d-4ecf-8faa-7e9c6dc1d0e5_1_0_0_0_0_00.xml';

describe('collectInputFiles', () => {
  it('walks folders recursively in sorted order and says why each file it leaves out is left out', async () => {
    const root = tempFolder();
    const paths = writeFiles(root, {
      [`2026-03/${UPD}`]: '<Файл/>',
      'ON_UVVOZTOV_7701_7701_7701234560770101001_20260209_0b6f2a44.xml': '<Файл/>',
      'archive/NO_NDS.9_7701_7701_7701234560770101001_20260420_3e9a5d77.XML': '<Файл/>',
      [`2026-03/${UPD}.part`]: '<Фа',
      'incoming.tmp': '',
      'Chrome/ON_NSCHFDOPPR_x.xml.crdownload': '',
      '~$Реестр УПД.xlsx': '',
      'Реестр УПД.xlsx': '',
      '.DS_Store': '',
      '.sync/ON_NSCHFDOPPR_y.xml': '<Файл/>',
    });
    const { files, skipped } = await collectInputFiles([root]);
    expect(files).toEqual([
      paths[`2026-03/${UPD}`],
      paths['ON_UVVOZTOV_7701_7701_7701234560770101001_20260209_0b6f2a44.xml'],
      paths['archive/NO_NDS.9_7701_7701_7701234560770101001_20260420_3e9a5d77.XML'],
    ]);
    const reasons = Object.fromEntries(skipped.map((s) => [s.file.slice(root.length + 1), s.reason]));
    expect(reasons).toEqual({
      '.DS_Store': 'скрытый файл',
      '.sync': 'скрытая папка',
      [`2026-03/${UPD}.part`]: expect.stringContaining('*.part'),
      'Chrome/ON_NSCHFDOPPR_x.xml.crdownload': expect.stringContaining('*.crdownload'),
      'incoming.tmp': expect.stringContaining('*.tmp'),
      'Реестр УПД.xlsx': expect.stringContaining('.xlsx'),
      '~$Реестр УПД.xlsx': expect.stringContaining('~$'),
    });
  });

  it('takes a named file whatever its extension, skips a named partial upload, and lists a file named twice once', async () => {
    const root = tempFolder();
    const paths = writeFiles(root, { 'upd-export.txt': '<Файл/>', [`${UPD}.part`]: '<Фа', [UPD]: '<Файл/>' });
    const named = [paths['upd-export.txt'] ?? '', paths[`${UPD}.part`] ?? '', paths[UPD] ?? '', root];
    const { files, skipped } = await collectInputFiles(named);
    expect(files).toEqual([paths[UPD], paths['upd-export.txt']]);
    expect(skipped.map((s) => s.file)).toEqual([paths[`${UPD}.part`]]);
  });

  it('follows a link to another folder once, and names a link that leads nowhere', async () => {
    const root = tempFolder();
    const paths = writeFiles(root, { [`inbox/${UPD}`]: '<Файл/>' });
    symlinkSync(join(root, 'inbox'), join(root, 'inbox-link'));
    symlinkSync(join(root, 'gone.xml'), join(root, 'inbox', 'dangling.xml'));
    const { files, skipped } = await collectInputFiles([root]);
    expect(files).toEqual([paths[`inbox/${UPD}`]]);
    expect(skipped.map((s) => [s.file.slice(root.length + 1), s.reason])).toEqual([
      ['inbox-link', expect.stringContaining('уже просмотрена')],
      ['inbox/dangling.xml', expect.stringContaining('никуда не ведёт')],
    ]);
  });

  it('refuses a path that does not exist, naming it', async () => {
    const missing = join(tempFolder(), 'входящие', 'март');
    const error = await collectInputFiles([missing]).catch((caught: unknown) => caught);
    expect(isSledopytError(error) && error.code).toBe('IMPORT_PATH_NOT_FOUND');
    expect(isSledopytError(error) && error.messageRu).toContain(missing);
  });
});
