/**
 * The demo's main job on the core alone: classify the catalog, validate every document line, run the
 * batch ledger, check notification deadlines and the 2026-10-01 EAEU rule, and compute the quarter's
 * filing deadlines. Returns plain data; printing is elsewhere.
 */
import {
  DEFAULT_CORE_SETTINGS,
  checkEaeuRnptBeforeImport,
  classify,
  computeBalances,
  computeDeadline,
  eaeuImportRecordSchema,
  formatQuarter,
  isLate,
  parseMovement,
  parseQuarter,
  parseRnpt,
  quarterRange,
  type Classification,
  type CoreSettings,
  type Deadline,
  type EaeuRnptFinding,
  type LatenessCheck,
  type LedgerBalance,
  type LedgerFinding,
  type Movement,
} from '@sledopyt/core';
import type { DemoLine, DemoNotification, DemoQuarter, PlantedProblem } from '@sledopyt/generators';

export interface InvalidLine {
  line: DemoLine;
  code: string;
  messageRu: string;
}

export interface LateNotification {
  notification: DemoNotification;
  check: LatenessCheck;
}

export interface DemoAnalysis {
  period: string;
  catalog: { item: DemoLine['item']; classification: Classification }[];
  movements: Movement[];
  invalidLines: InvalidLine[];
  balances: LedgerBalance[];
  ledgerFindings: LedgerFinding[];
  lateNotifications: LateNotification[];
  eaeuFindings: EaeuRnptFinding[];
  deadlines: Deadline[];
  /** Which planted problems a check found (by code and reference). */
  planted: { problem: PlantedProblem; found: boolean }[];
}

export function analyseDemoQuarter(quarter: DemoQuarter, settings: CoreSettings = DEFAULT_CORE_SETTINGS): DemoAnalysis {
  const period = parseQuarter(quarter.period);
  const { to: quarterEnd } = quarterRange(period);

  const catalog = quarter.items.map((item) => ({ item, classification: classify(item.tnved, quarterEnd, { originCountry: item.origin }) }));

  const movements: Movement[] = [];
  const invalidLines: InvalidLine[] = [];
  for (const line of quarter.lines) {
    // The RNPT's own error code says more than the generic MOVEMENT_INVALID.
    const rnpt = parseRnpt(line.movement.rnpt);
    if (!rnpt.ok) {
      invalidLines.push({ line, code: rnpt.error.code, messageRu: rnpt.error.messageRu });
      continue;
    }
    const parsed = parseMovement(line.movement);
    if (parsed.ok) movements.push(parsed.value);
    else invalidLines.push({ line, code: parsed.error.code, messageRu: parsed.error.messageRu });
  }

  const { balances, findings: ledgerFindings } = computeBalances(movements, { until: quarterEnd });

  const lateNotifications = quarter.notifications.flatMap((notification) => {
    if (notification.filedDate === null) return [];
    const check = isLate(notification.kind, notification.eventDate, notification.filedDate);
    return check.late ? [{ notification, check }] : [];
  });

  const eaeuFindings = quarter.eaeuImports.flatMap((record) => checkEaeuRnptBeforeImport(eaeuImportRecordSchema.parse(record), settings));

  const id = formatQuarter(period);
  const deadlines = [computeDeadline({ kind: 'vat-declaration', date: id }), computeDeadline({ kind: 'operations-report', date: id })];

  const foundRefs = new Set<string>([
    ...invalidLines.map((l) => `RNPT_INVALID|${l.line.movement.id}`),
    ...ledgerFindings.map((f) => `${f.code}|${f.movementId ?? ''}`),
    ...lateNotifications.map((l) => `NOTIFICATION_LATE|${l.notification.id}`),
    ...eaeuFindings.map((f) => `${f.code}|${f.recordId ?? ''}`),
  ]);
  const planted = quarter.planted.map((problem) => ({ problem, found: foundRefs.has(`${problem.code}|${problem.ref}`) }));

  return { period: id, catalog, movements, invalidLines, balances, ledgerFindings, lateNotifications, eaeuFindings, deadlines, planted };
}
