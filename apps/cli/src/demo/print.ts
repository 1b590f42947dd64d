/** The demo's one-screen Russian summary, and its JSON form. */
import { DISCREPANCY_CATALOG, formatQuarterRu, formatRub, parseCountry, parseQuarter, type ClassificationReason, type DiscrepancyCode } from '@sledopyt/core';
import type { DemoFileKind } from '@sledopyt/generators';
import { basename } from 'node:path';
import { dateWithWeekday, pluralRu } from '../format.js';
import type { DemoRun } from './run-demo.js';

const VERDICT_RU: Readonly<Record<ClassificationReason, string>> = {
  LISTED: 'прослеживается',
  LISTED_IF_IMPORTED: 'если импорт',
  EXCLUDED_CODE: 'код исключён',
  EXCLUDED_BY_ORIGIN: 'исключён (страна)',
  MADE_IN_RUSSIA: 'сделан в России',
  BEFORE_START: 'до 08.07.2021',
  NOT_LISTED: 'нет в перечне',
  NEEDS_FULL_CODE: 'нужен полный код',
};

const FILE_KINDS_RU: Readonly<Record<DemoFileKind, string>> = {
  upd: 'УПД',
  ukd: 'УКД',
  'import-notice': 'уведомл. о ввозе из ЕАЭС',
  'remains-notice': 'уведомл. об остатках',
  'movement-notice': 'уведомл. о перемещении в ЕАЭС',
  'operations-report': 'отчёт об операциях',
  'nds-8': 'разд. 8 НДС',
  'nds-9': 'разд. 9 НДС',
};

const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export function printDemo(run: DemoRun): string {
  const { overview, reconcile, imported } = run;
  const { result, reports } = reconcile;
  const out: string[] = [];
  out.push(`Следопыт — демонстрация: ${run.company.name}, ИНН ${run.company.inn}, ${formatQuarterRu(parseQuarter(run.period))}`);
  out.push('');
  out.push(`Товары каталога (${overview.catalog.length}), на конец квартала:`);
  for (const { item, classification: c } of overview.catalog) {
    const unit = c.unit ? `${c.unit.code} ${c.unit.shortName}` : '';
    out.push(`  ${c.traceable ? '✔' : '·'} ${cut(VERDICT_RU[c.reasonCode], 18)} ${cut(item.name, 42)} ${c.tnvedDisplay}  ${cut(parseCountry(item.origin).nameRu ?? item.origin, 10)} ${unit}`);
  }
  out.push('');
  const kinds = Object.entries(run.filesByKind).map(([kind, n]) => `${FILE_KINDS_RU[kind as DemoFileKind]} ${n}`);
  out.push(`Файлы ФНС (${run.files}): ${kinds.join(', ')}`);
  out.push(
    `Загрузка (sledopyt import): загружено ${imported.imported}, с ошибками ${imported.failed.length}, пропущено ${imported.skipped.length}; ` +
      `документов ${imported.documents}, движений по РНПТ ${imported.movements}, строк декларации ${imported.declarationLines}`,
  );
  for (const failure of imported.failed) out.push(`  ✘ ${cut(basename(failure.file), 60)} ${failure.messageRu.split(': ').slice(-1)[0] ?? ''} [${failure.code}]`);
  out.push(`Из 1С (в файлах ФНС их нет: чеки, акты, бумажный счёт-фактура): ${run.book.documents} ${pluralRu(run.book.documents, 'документ', 'документа', 'документов')}`);
  out.push('');
  const lines = result.read.declarationLines;
  out.push(`Сверка декларации по НДС с учётом: ${lines} ${pluralRu(lines, 'строка', 'строки', 'строк')} разделов 8 и 9, ${result.read.ledgerMovements} движений по партиям`);
  out.push(`  Расхождений: ${result.counts.total} — ошибок ${result.counts.bySeverity.error}, предупреждений ${result.counts.bySeverity.warning}, к сведению ${result.counts.bySeverity.info}`);
  const byCode = Object.entries(result.counts.byCode).sort((a, b) => b[1] - a[1]);
  for (const [code, count] of byCode) out.push(`    ${String(count).padStart(3)} × ${cut(code, 28)} ${DISCREPANCY_CATALOG[code as DiscrepancyCode].titleRu}`);
  out.push(`  Риск штрафов: ${formatRub(BigInt(result.fines.totalRub) * 100n)} (проект поправок в КоАП; исправление до запроса ФНС — 0 ₽)`);
  out.push('');
  out.push('Сроки по кварталу:');
  for (const d of overview.deadlines) out.push(`  ${d.titleRu}: не позднее ${dateWithWeekday(d.due)}`);
  out.push('');
  const found = run.planted.filter((p) => p.found).length;
  const codes = new Set(run.planted.map((p) => p.problem.code)).size;
  out.push(`Заложено в демо-данные проблем: ${run.planted.length} (кодов каталога: ${codes}), найдено сверкой: ${found}`);
  for (const p of run.planted.filter((x) => !x.found)) out.push(`  не найдено: ${cut(p.problem.code, 28)} ${p.problem.ref} — ${p.problem.descriptionRu}`);
  out.push('');
  out.push(`Файлы ФНС: ${run.inboxDir}`);
  out.push(`База демо-данных: ${run.dbPath}`);
  out.push('Отчёты для аудиторов:');
  for (const path of reports.paths) out.push(`  ${path}`);
  out.push(`Готово за ${run.seconds.toFixed(1).replace('.', ',')} с. Дальше: откройте report.html; sledopyt reconcile --help, sledopyt classify <код ТН ВЭД>, sledopyt rnpt check <РНПТ>`);
  return `${out.join('\n')}\n`;
}

/** JSON: the files, the import, the reconciliation totals, the report paths and the planted problems. */
export function demoToJson(run: DemoRun): Record<string, unknown> {
  const { overview, reconcile, imported } = run;
  return {
    period: run.period,
    company: { name: run.company.name, inn: run.company.inn },
    catalog: overview.catalog.map(({ item, classification }) => ({ sku: item.sku, name: item.name, origin: item.origin, classification })),
    deadlines: overview.deadlines,
    inbox: { dir: run.inboxDir, files: run.files, byKind: run.filesByKind },
    import: {
      files: imported.files,
      imported: imported.imported,
      failed: imported.failed,
      skipped: imported.skipped,
      documents: imported.documents,
      movements: imported.movements,
      declarationLines: imported.declarationLines,
      byKind: imported.byKind,
    },
    book: run.book,
    reconcile: { runId: reconcile.result.runId, read: reconcile.result.read, counts: reconcile.result.counts, fineRub: reconcile.result.fines.totalRub },
    reports: reconcile.reports.files,
    database: run.dbPath,
    planted: run.planted.map((p) => ({ ...p.problem, found: p.found })),
    seconds: run.seconds,
  };
}
