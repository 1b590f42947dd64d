/** The demo's one-screen Russian summary, and its JSON form. */
import { DISCREPANCY_CATALOG, formatQuarterRu, formatRub, parseCountry, parseQuarter, type ClassificationReason, type DiscrepancyCode } from '@sledopyt/core';
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

const SEVERITY_RU = { error: 'ошибка', warning: 'внимание', info: 'к сведению' } as const;

const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export function printDemo(run: DemoRun): string {
  const { quarter, core, reconcile } = run;
  const { result, reports } = reconcile;
  const out: string[] = [];
  out.push(`Следопыт — демонстрация: ${quarter.company.name}, ИНН ${quarter.company.inn}, ${formatQuarterRu(parseQuarter(core.period))}`);
  out.push('');
  out.push(`Товары каталога (${core.catalog.length}), на конец квартала:`);
  for (const { item, classification: c } of core.catalog) {
    const unit = c.unit ? `${c.unit.code} ${c.unit.shortName}` : '';
    out.push(`  ${c.traceable ? '✔' : '·'} ${cut(VERDICT_RU[c.reasonCode], 18)} ${cut(item.name, 42)} ${c.tnvedDisplay}  ${cut(parseCountry(item.origin).nameRu ?? item.origin, 10)} ${unit}`);
  }
  out.push('');
  const lines = result.read.declarationLines;
  out.push(`Сверка декларации по НДС с учётом: ${lines} ${pluralRu(lines, 'строка', 'строки', 'строк')} разделов 8 и 9, ${result.read.ledgerMovements} движений по партиям`);
  out.push(`  Расхождений: ${result.counts.total} — ошибок ${result.counts.bySeverity.error}, предупреждений ${result.counts.bySeverity.warning}, к сведению ${result.counts.bySeverity.info}`);
  const byCode = Object.entries(result.counts.byCode).sort((a, b) => b[1] - a[1]);
  for (const [code, count] of byCode) out.push(`    ${String(count).padStart(3)} × ${cut(code, 28)} ${DISCREPANCY_CATALOG[code as DiscrepancyCode].titleRu}`);
  out.push(`  Риск штрафов: ${formatRub(BigInt(result.fines.totalRub) * 100n)} (проект поправок в КоАП; исправление до запроса ФНС — 0 ₽)`);
  out.push('');
  const other = [
    ...core.invalidLines.map((l) => ({ severity: 'error' as const, code: l.code, text: `${l.line.movement.document.number}: ${l.messageRu}` })),
    ...core.lateNotifications.map((l) => ({
      severity: 'error' as const,
      code: 'NOTIFICATION_LATE',
      text: `${l.check.deadline.titleRu}: срок ${dateWithWeekday(l.check.deadline.due)}, подано ${dateWithWeekday(l.check.filedDate)} (опоздание ${l.check.workingDaysLate} раб. дн.)`,
    })),
    ...core.eaeuFindings.map((f) => ({ severity: f.severity, code: f.code, text: f.messageRu.split('. Внимание:')[0] ?? f.messageRu })),
  ];
  out.push(`Документы и уведомления: ${other.length} нарушений`);
  for (const p of other) out.push(`  [${SEVERITY_RU[p.severity]}] ${p.code}: ${p.text}`);
  out.push('');
  out.push('Сроки по кварталу:');
  for (const d of core.deadlines) out.push(`  ${d.titleRu}: не позднее ${dateWithWeekday(d.due)}`);
  out.push('');
  out.push('Отчёты для аудиторов:');
  for (const path of reports.paths) out.push(`  ${path}`);
  out.push(`База демо-данных: ${run.dbPath}`);
  out.push('');
  const found = run.planted.filter((p) => p.found).length;
  out.push(
    `Заложено в демо-данные проблем: ${run.planted.length}, найдено: ${found}` +
      (found === run.planted.length ? '' : ` — не найдены: ${run.planted.filter((p) => !p.found).map((p) => p.problem.code).join(', ')}`),
  );
  out.push('Дальше: откройте report.html; sledopyt reconcile --help, sledopyt classify <код ТН ВЭД>, sledopyt rnpt check <РНПТ>');
  return `${out.join('\n')}\n`;
}

/** JSON: the core's checks, the reconciliation totals, the report paths and the planted problems. */
export function demoToJson(run: DemoRun): Record<string, unknown> {
  const { quarter, core, reconcile } = run;
  return {
    period: core.period,
    company: { name: quarter.company.name, inn: quarter.company.inn },
    catalog: core.catalog.map(({ item, classification }) => ({ sku: item.sku, name: item.name, origin: item.origin, classification })),
    invalidDocumentLines: core.invalidLines.map((l) => ({ movementId: l.line.movement.id, code: l.code, messageRu: l.messageRu })),
    lateNotifications: core.lateNotifications.map((l) => ({ id: l.notification.id, ...l.check })),
    eaeuFindings: core.eaeuFindings,
    deadlines: core.deadlines,
    reconcile: { runId: reconcile.result.runId, read: reconcile.result.read, counts: reconcile.result.counts, fineRub: reconcile.result.fines.totalRub },
    reports: reconcile.reports.files,
    database: run.dbPath,
    planted: run.planted.map((p) => ({ ...p.problem, found: p.found })),
  };
}
