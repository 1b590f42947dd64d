/** The demo's one-screen Russian summary, and its JSON form. */
import {
  balanceToJSON,
  formatQuantityRu,
  formatQuarterRu,
  formatRub,
  parseCountry,
  parseQuarter,
  sumQuantities,
  type ClassificationReason,
} from '@sledopyt/core';
import type { DemoQuarter } from '@sledopyt/generators';
import { dateWithWeekday, pluralRu } from '../format.js';
import type { DemoAnalysis } from './analyse.js';

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

export function printDemo(quarter: DemoQuarter, a: DemoAnalysis): string {
  const out: string[] = [];
  out.push(`Следопыт — демонстрация: ${quarter.company.name}, ИНН ${quarter.company.inn}, ${formatQuarterRu(parseQuarter(a.period))}`);
  out.push('');
  out.push(`Товары каталога (${a.catalog.length}), на конец квартала:`);
  for (const { item, classification: c } of a.catalog) {
    const mark = c.traceable ? '✔' : '·';
    const unit = c.unit ? `${c.unit.code} ${c.unit.shortName}` : '';
    const country = parseCountry(item.origin).nameRu ?? item.origin;
    out.push(`  ${mark} ${cut(VERDICT_RU[c.reasonCode], 18)} ${cut(item.name, 44)} ${c.tnvedDisplay}  ${cut(country, 14)} ${unit}`);
  }
  out.push('');

  const onHand = sumQuantities(a.balances.map((b) => b.onHand));
  const cost = a.movements.reduce((sum, m) => sum + m.costWithoutVat, 0n);
  const lines = a.movements.length + a.invalidLines.length;
  out.push(`Документы с РНПТ: ${lines} ${pluralRu(lines, 'строка', 'строки', 'строк')} (с неверными реквизитами: ${a.invalidLines.length}), ` +
    `на сумму ${formatRub(cost)} без НДС`);
  out.push(`Партии (РНПТ): ${a.balances.length}, остаток на конец квартала: ${formatQuantityRu(onHand)} шт`);
  out.push('');

  const problems = [
    ...a.invalidLines.map((l) => ({ severity: 'error' as const, code: l.code, text: `${l.line.movement.document.number}: ${l.messageRu}` })),
    ...a.ledgerFindings.map((f) => ({ severity: f.severity, code: f.code, text: f.messageRu })),
    ...a.lateNotifications.map((l) => ({
      severity: 'error' as const,
      code: 'NOTIFICATION_LATE',
      text: `${l.check.deadline.titleRu} по РНПТ ${l.notification.rnpt}: срок ${dateWithWeekday(l.check.deadline.due)}, подано ${dateWithWeekday(l.check.filedDate)} — опоздание ${l.check.workingDaysLate} раб. дн.`,
    })),
    ...a.eaeuFindings.map((f) => ({ severity: f.severity, code: f.code, text: f.messageRu })),
  ];
  out.push(`Найдено нарушений: ${problems.length}`);
  for (const p of problems) out.push(`  [${SEVERITY_RU[p.severity]}] ${p.code}\n      ${p.text}`);
  out.push('');

  out.push('Сроки по кварталу:');
  for (const d of a.deadlines) out.push(`  ${d.titleRu}: не позднее ${dateWithWeekday(d.due)}`);
  out.push('');
  const found = a.planted.filter((p) => p.found).length;
  out.push(`Заложено в демо-данные проблем: ${a.planted.length}, найдено: ${found}` +
    (found === a.planted.length ? '' : ` — не найдены: ${a.planted.filter((p) => !p.found).map((p) => p.problem.code).join(', ')}`));
  out.push('');
  out.push('Дальше: sledopyt classify <код ТН ВЭД>, sledopyt rnpt check <РНПТ>, sledopyt deadlines --help');
  return `${out.join('\n')}\n`;
}

/** JSON: counts, findings and balances (quantities as decimal strings). */
export function demoToJson(quarter: DemoQuarter, a: DemoAnalysis): Record<string, unknown> {
  return {
    period: a.period,
    company: { name: quarter.company.name, inn: quarter.company.inn },
    catalog: a.catalog.map(({ item, classification }) => ({ sku: item.sku, name: item.name, origin: item.origin, classification })),
    documentLines: a.movements.length + a.invalidLines.length,
    invalidLines: a.invalidLines.map((l) => ({ movementId: l.line.movement.id, code: l.code, messageRu: l.messageRu })),
    balances: a.balances.map(balanceToJSON),
    ledgerFindings: a.ledgerFindings,
    lateNotifications: a.lateNotifications.map((l) => ({ id: l.notification.id, ...l.check })),
    eaeuFindings: a.eaeuFindings,
    deadlines: a.deadlines,
    planted: a.planted.map((p) => ({ ...p.problem, found: p.found })),
  };
}
