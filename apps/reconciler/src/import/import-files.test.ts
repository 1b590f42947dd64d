import { readJson } from '@sledopyt/store';
import type { Store } from '@sledopyt/store';
import { describeEachEngine, freshDatabase } from '@sledopyt/store/testing';
import { expect, it } from 'vitest';
import { writeUpd } from '@sledopyt/formats';
import { isBadInput } from './errors.js';
import { importFiles } from './import-files.js';
import {
  BUYER_INN,
  CORRUPT_GUID,
  OUR_INN,
  OUR_KPP,
  RNPT_EAEU,
  RNPT_FRIDGE,
  RNPT_WASHER,
  SUPPLIER_INN,
  goodFiles,
  mainDeclarationFile,
  saleUpd,
  sectionFileName,
  writeFilesUnder as writeFiles,
  writeInbox,
  writeSection9,
} from './testing/import-fixtures.js';
import { recordingProgress, rowCounts, tempFolder } from './test-support/helpers.js';

async function documentsOf(store: Store) {
  const rows = await store.db
    .selectFrom('documents')
    .innerJoin('taxpayers', 'taxpayers.id', 'documents.taxpayer_id')
    .select(['taxpayers.inn', 'documents.kind', 'documents.number', 'documents.date', 'documents.counterparty_inn', 'documents.event_date', 'documents.details', 'documents.source'])
    .orderBy('documents.kind')
    .orderBy('documents.number')
    .execute();
  return rows.map((row) => ({ ...row, details: readJson(row.details) as Record<string, unknown> | null }));
}

async function movementsOf(store: Store) {
  return store.db
    .selectFrom('movements')
    .innerJoin('documents', 'documents.id', 'movements.document_id')
    .select(['documents.number', 'movements.kind', 'movements.rnpt', 'movements.quantity', 'movements.cost_kopecks', 'movements.date', 'movements.counterparty_inn'])
    .orderBy('documents.number')
    .orderBy('movements.rnpt')
    .execute();
}

describeEachEngine('importFiles', (engine) => {
  it('imports a quarter of a real importer — УПД both ways, УКД, notifications, sections 8 and 9 — and the same files again change nothing', async () => {
    const { store } = await freshDatabase(engine);
    const inbox = tempFolder();
    writeFiles(inbox, await goodFiles());
    const { progress, tasks } = recordingProgress();

    // No --inn: the notifications and the declaration name the company, the УПД are matched to it.
    const first = await importFiles(store, [inbox], { progress });
    expect(first.failed).toEqual([]);
    expect(first).toMatchObject({ files: 7, imported: 7, duplicates: 0, skipped: [], documents: 5, movements: 6, declarations: 2, declarationLines: 4, declarationEntries: 6 });
    expect(first.byKind).toMatchObject({ upd: { files: 2, imported: 2 }, ukd: { imported: 1 }, 'import-notice': { imported: 1 }, 'remains-notice': { imported: 1 }, 'nds-8': { imported: 1 }, 'nds-9': { imported: 1 } });
    expect(first.results.find((r) => r.kind === 'nds-9')?.period).toEqual({ id: '2026-Q1', source: 'file-date' });

    const documents = await documentsOf(store);
    expect(documents.map((d) => [d.kind, d.number, d.date, d.counterparty_inn, d.event_date])).toEqual([
      ['eaeu_import_notification', '1', '2026-02-09', null, '2026-02-03'],
      ['remains_notification', '2', '2026-01-20', null, '2026-01-15'],
      ['ukd', 'К-0007', '2026-03-16', BUYER_INN, null],
      ['upd', 'ПИ-000045', '2026-01-20', SUPPLIER_INN, null],
      ['upd', 'ТИ-000123', '2026-03-02', BUYER_INN, null],
    ]);
    expect(documents.every((d) => d.inn === OUR_INN && d.source === 'file')).toBe(true);
    const notice = documents.find((d) => d.kind === 'eaeu_import_notification');
    expect(notice?.details).toMatchObject({ format: 'import-notice', correctionNumber: 1, seller: { country: '112', id: '190123456' }, goods: { rnpt: RNPT_EAEU, quantity: '20', costKopecks: '90000000' } });
    const sale = documents.find((d) => d.number === 'ТИ-000123');
    expect(sale?.details).toMatchObject({ format: 'upd', role: 'seller', electronic: true, goods: [{ line: 1, tnved: '8418102001', originCountries: ['156'], traceabilityEntries: 1 }, { line: 2, traceabilityEntries: 2 }] });

    expect((await movementsOf(store)).map((m) => [m.number, m.kind, m.rnpt, m.date, m.cost_kopecks, m.counterparty_inn])).toEqual([
      ['1', 'eaeu_import', RNPT_EAEU, '2026-02-03', 90_000_000n, null],
      ['К-0007', 'sale_correction_decrease', RNPT_FRIDGE, '2026-03-16', 9_000_000n, BUYER_INN],
      ['ПИ-000045', 'purchase', RNPT_WASHER, '2026-01-20', 54_000_000n, SUPPLIER_INN],
      ['ТИ-000123', 'sale', RNPT_FRIDGE, '2026-03-02', 45_000_000n, BUYER_INN],
      ['ТИ-000123', 'sale', RNPT_WASHER, '2026-03-02', 9_750_000n, BUYER_INN],
      ['ТИ-000123', 'sale', '10702070/150126/0000042/004', '2026-03-02', 3_250_000n, BUYER_INN],
    ]);

    const declarations = await store.db.selectFrom('declarations').select(['section', 'year', 'quarter', 'correction_number', 'line_count', 'entry_count']).orderBy('section').execute();
    expect(declarations).toEqual([
      { section: '8', year: 2026n, quarter: 1n, correction_number: 0n, line_count: 1n, entry_count: 1n },
      { section: '9', year: 2026n, quarter: 1n, correction_number: 0n, line_count: 3n, entry_count: 5n },
    ]);
    const lines = await store.db.selectFrom('declaration_lines').select(['invoice_number', 'counterparty_inn', 'is_storno', 'amount_kopecks', 'vat_kopecks']).orderBy('invoice_number').execute();
    expect(lines).toEqual([
      { invoice_number: 'ПИ-000045', counterparty_inn: SUPPLIER_INN, is_storno: 0n, amount_kopecks: 65_880_000n, vat_kopecks: 11_880_000n },
      { invoice_number: 'ТИ-000098', counterparty_inn: '772112345678', is_storno: 1n, amount_kopecks: -5_490_000n, vat_kopecks: -990_000n },
      { invoice_number: 'ТИ-000101', counterparty_inn: BUYER_INN, is_storno: 0n, amount_kopecks: 1_220_000n, vat_kopecks: 220_000n },
      { invoice_number: 'ТИ-000123', counterparty_inn: BUYER_INN, is_storno: 0n, amount_kopecks: 71_370_000n, vat_kopecks: 12_870_000n },
    ]);
    // The name and КПП come from the notifications (the store created the taxpayer from the ИНН alone).
    expect(await store.findTaxpayer(OUR_INN)).toMatchObject({ kpp: OUR_KPP, name: 'ООО «ТехноИмпорт»' });
    expect(await store.findTaxpayer(BUYER_INN)).toBeUndefined();

    const fileTask = tasks.find((t) => t.label === 'Импорт файлов');
    expect(fileTask).toMatchObject({ total: 7, done: 7, finished: true });
    expect(tasks.filter((t) => t.unit === 'строк').map((t) => [t.label.slice(0, 20), t.done, t.finished])).toEqual([
      ['Раздел 8 декларации,', 1, true],
      ['Раздел 9 декларации,', 3, true],
    ]);

    const before = await rowCounts(store);
    const again = await importFiles(store, [inbox]);
    expect(again).toMatchObject({ files: 7, imported: 0, duplicates: 7, failed: [], documents: 0, movements: 0, declarations: 0, declarationLines: 0 });
    expect(await rowCounts(store)).toEqual(before);
  });

  it('lists a truncated, a hostile, a half-uploaded and a corrupt file without letting them stop the others or leave anything behind', async () => {
    const { store } = await freshDatabase(engine);
    const inbox = tempFolder();
    const paths = await writeInbox(inbox, { corruptSectionLines: 300 });
    // Small batches: the corrupt section has written several batches before its last line fails.
    const { progress, tasks } = recordingProgress();
    const summary = await importFiles(store, [inbox], { batchSize: 50, progress });
    expect(tasks.find((t) => t.label.includes(CORRUPT_GUID))).toMatchObject({ done: 250, finished: true });

    expect(summary).toMatchObject({ files: 11, imported: 7, duplicates: 0, declarations: 2, declarationLines: 4 });
    expect(summary.skipped).toEqual([{ file: paths['edo/in/ON_NSCHFDOPPR_upload.xml.part'], reason: expect.stringContaining('.part') }]);
    const failed = Object.fromEntries(summary.failed.map((f) => [f.file.slice(inbox.length + 1), f]));
    expect(Object.keys(failed).sort()).toEqual([
      `bad/${sectionFileName('9', CORRUPT_GUID)}`,
      'bad/ON_NSCHFDOPPR_doctype.xml',
      'bad/ON_NSCHFDOPPR_truncated.xml',
    ]);
    expect(failed['bad/ON_NSCHFDOPPR_doctype.xml']).toMatchObject({ code: 'XML_DOCTYPE_FORBIDDEN', actor: 'user' });
    expect(failed['bad/ON_NSCHFDOPPR_truncated.xml']).toMatchObject({ code: 'XML_TRUNCATED', actor: 'user' });
    const corrupt = summary.failed.find((f) => f.kind === 'nds-9');
    expect(corrupt).toMatchObject({ code: 'XML_VALUE_INVALID' });
    expect(corrupt?.messageRu).toContain('НомерПор');
    for (const failure of summary.failed) {
      expect(failure.messageRu.length).toBeGreaterThan(20);
      expect(isBadInput(failure)).toBe(true);
    }
    // Nothing of the corrupt section: only the good sections' lines are stored.
    expect(await rowCounts(store)).toMatchObject({ documents: 5, movements: 6, declarations: 2, declaration_lines: 4, declaration_trace_entries: 6 });
  });

  it('with --inn, imports what is that company’s and names every file that is not', async () => {
    const { store } = await freshDatabase(engine);
    const inbox = tempFolder();
    writeFiles(inbox, await goodFiles());
    // The supplier's view: its sale to us is its own document; our notifications and declaration are not.
    const summary = await importFiles(store, [inbox], { taxpayerInn: SUPPLIER_INN });
    expect(summary.imported).toBe(1);
    expect(summary.failed.map((f) => f.code)).toEqual(Array(6).fill('IMPORT_NOT_OURS'));
    expect(summary.failed[0]?.messageRu).toContain(SUPPLIER_INN);
    expect((await movementsOf(store)).map((m) => [m.kind, m.counterparty_inn])).toEqual([['sale', OUR_INN]]);
  });

  it('stores a УПД between two companies of one holding for both, and refuses to guess when neither party is known', async () => {
    const { store } = await freshDatabase(engine);
    const inbox = tempFolder();
    const good = await goodFiles();
    const saleName = Object.keys(good).find((name) => name.startsWith('edo/out/ON_NSCHFDOPPR')) ?? '';
    const [salePath = ''] = Object.values(writeFiles(inbox, { [saleName]: good[saleName] ?? '' }));

    const unknown = await importFiles(store, [salePath]);
    expect(unknown.failed).toEqual([expect.objectContaining({ code: 'IMPORT_TAXPAYER_UNDECIDED', actor: 'user' })]);
    expect(unknown.failed[0]?.messageRu).toContain('--inn');
    expect(await rowCounts(store)).toMatchObject({ documents: 0, taxpayers: 0 });

    await store.upsertTaxpayer({ inn: OUR_INN });
    await store.upsertTaxpayer({ inn: BUYER_INN });
    const both = await importFiles(store, [salePath]);
    expect(both).toMatchObject({ imported: 1, documents: 2, movements: 6 });
    const kinds = await store.db
      .selectFrom('movements')
      .innerJoin('taxpayers', 'taxpayers.id', 'movements.taxpayer_id')
      .select(['taxpayers.inn', 'movements.kind'])
      .groupBy(['taxpayers.inn', 'movements.kind'])
      .orderBy('movements.kind')
      .execute();
    expect(kinds).toEqual([
      { inn: BUYER_INN, kind: 'purchase' },
      { inn: OUR_INN, kind: 'sale' },
    ]);
    expect(await importFiles(store, [salePath])).toMatchObject({ imported: 0, duplicates: 1 });
  });

  it('lets an исправленный УПД replace its original, in whichever order the two files arrive', async () => {
    for (const order of ['original first', 'correction first'] as const) {
      const { store } = await freshDatabase(engine);
      const original = writeUpd(saleUpd(), { guid: '9e2c1a50-1b7d-4f0e-8c55-0a1b2c3d4e01' });
      const sale = saleUpd();
      // The buyer took 8 refrigerators, not 10: the seller issued correction № 1 of the same УПД.
      const fridges = { ...sale.СведТов![0]!, КолТов: '8', СтТовБезНДС: 360_000_00n, СумНал: 79_200_00n, СтТовУчНал: 439_200_00n };
      fridges.СведПрослеж = [{ ...fridges.СведПрослеж![0]!, КолВЕдПрослеж: '8', СтТовБезНДСПрослеж: 360_000_00n }];
      const corrected = writeUpd(
        { ...sale, ИспрДок: { НомИспр: 1, ДатаИспр: '2026-03-05' }, СведТов: [fridges, ...sale.СведТов!.slice(1)], ВсегоОпл: { СтТовБезНДСВсего: 495_000_00n, СтТовУчНалВсего: 603_900_00n, СумНалВсего: 108_900_00n } },
        { guid: '9e2c1a50-1b7d-4f0e-8c55-0a1b2c3d4e02' },
      );
      const paths = writeFiles(tempFolder(), { [original.fileName]: original.bytes, [corrected.fileName]: corrected.bytes });
      const files = order === 'original first' ? [paths[original.fileName] ?? '', paths[corrected.fileName] ?? ''] : [paths[corrected.fileName] ?? '', paths[original.fileName] ?? ''];
      for (const file of files) expect(await importFiles(store, [file], { taxpayerInn: OUR_INN })).toMatchObject({ imported: 1 });
      const fridgesMoved = (await movementsOf(store)).filter((m) => m.rnpt === RNPT_FRIDGE);
      expect(fridgesMoved.map((m) => [m.number, String(m.quantity)]), order).toEqual([['ТИ-000123', '800000000000']]);
      expect((await movementsOf(store)).length, order).toBe(3);
    }
  });

  it('takes the quarter of a declaration section from its main file or from --period, and does not guess it for a correction', async () => {
    const { store } = await freshDatabase(engine);
    const q4 = '8acd0ccc-be9a-4bf2-9cdd-acdf9af4a3b8';
    const main = mainDeclarationFile({ guid: '9bde1ddd-cfab-4c03-8dee-bdea0ba5b4c9', period: '24', year: 2025, salesBook: sectionFileName('9', q4) });
    const paths = writeFiles(tempFolder(), { [sectionFileName('9', q4)]: await writeSection9({ guid: q4 }), [main.fileName]: main.bytes });
    // The file was formed on 20.04.2026, which alone would mean Q1 2026: the main file says Q4 2025.
    const withMain = await importFiles(store, Object.values(paths));
    expect(withMain).toMatchObject({ files: 2, imported: 1, declarations: 1, failed: [] });
    expect(withMain.skipped).toEqual([{ file: paths[main.fileName], reason: expect.stringContaining('2025') }]);
    expect(withMain.results.find((r) => r.kind === 'nds-9')?.period).toEqual({ id: '2025-Q4', source: 'main-file' });

    const correctionGuid = 'a0ef2eee-d0bc-4d14-9eff-cefb1cb6c5da';
    const correction = writeFiles(tempFolder(), { [sectionFileName('9', correctionGuid)]: await writeSection9({ guid: correctionGuid, correctionNumber: 1 }) });
    const refused = await importFiles(store, Object.values(correction));
    expect(refused.failed).toEqual([expect.objectContaining({ code: 'IMPORT_NDS_PERIOD_UNKNOWN', actor: 'user' })]);
    expect(refused.failed[0]?.messageRu).toContain('--period');
    const given = await importFiles(store, Object.values(correction), { period: '2026-Q1' });
    expect(given.results[0]?.period).toEqual({ id: '2026-Q1', source: 'option' });

    const declarations = await store.db.selectFrom('declarations').select(['year', 'quarter', 'correction_number']).orderBy('year').execute();
    expect(declarations).toEqual([
      { year: 2025n, quarter: 4n, correction_number: 0n },
      { year: 2026n, quarter: 1n, correction_number: 1n },
    ]);
  });
});
