import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINE_EXEMPTION_RU } from '@sledopyt/core';
import { modelOf, reconciledQuarter } from '../test-support/quarter.js';
import { freshDir } from '../test-support/run.js';
import { writeReports } from '../write-reports.js';
import { escapeHtml } from './escape.js';

const rowsOf = (html: string) => html.match(/<div class="tr" role="row" data-severity=/g)?.length ?? 0;

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'Рога' & "Копыта"</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;Рога&#39; &amp; &quot;Копыта&quot;&lt;/a&gt;');
    expect(escapeHtml(1000)).toBe('1000');
  });
});

describe('report.html (as a file)', () => {
  const quarter = reconciledQuarter();

  it('is one self-contained page: no URL, a CSP that loads nothing, every text escaped', async () => {
    const { files } = await writeReports(modelOf(quarter.discrepancies, quarter.fines), { outDir: freshDir('html'), formats: ['html'] });
    const html = readFileSync(files.html ?? '', 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ru">')).toBe(true);
    expect(html).not.toMatch(/https?:|\/\/[a-z]|src=|<link/i);
    expect(html).toContain(`content="default-src 'none';`);
    // A counterparty named `<script>alert(1)</script>` stays text, in the table and in the chart.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('ИП Волгин А. С. &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('ООО &quot;Полярный; Холод&quot; &lt;Опт&gt;');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(rowsOf(html)).toBe(quarter.discrepancies.length);
    expect(html).toContain(escapeHtml(FINE_EXEMPTION_RU));
    expect(html).not.toContain('В таблице — первые');
  });

  it('caps the table and says where the rest is, while cards and charts count everything', async () => {
    const { files } = await writeReports(modelOf(quarter.discrepancies, quarter.fines), { outDir: freshDir('html-cap'), formats: ['html', 'xlsx'], htmlRowLimit: 5 });
    const html = readFileSync(files.html ?? '', 'utf8');
    expect(rowsOf(html)).toBe(5);
    expect(html).toContain(`В таблице — первые 5 из ${quarter.discrepancies.length} расхождений`);
    expect(html).toContain('«report.xlsx»');
    expect(html).toMatch(new RegExp(`Всего расхождений</div><div class="value">${quarter.discrepancies.length}<`));
  });

  it('says that nothing was found, with no charts, table or script, when the run is clean', async () => {
    const { files } = await writeReports(modelOf([], { byKind: [], totalRub: 0 }), { outDir: freshDir('html-empty'), formats: ['html'] });
    const html = readFileSync(files.html ?? '', 'utf8');
    expect(html).toContain('Расхождений не найдено.');
    expect(html).toContain('0\u00a0₽');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('id="findings"');
    expect(html).not.toContain('<script');
  });
});
