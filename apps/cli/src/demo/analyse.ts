/**
 * The demo's checks that need the core alone: classify the catalog, validate every document line's RNPT,
 * check notification deadlines and the 2026-10-01 EAEU rule, and compute the quarter's filing deadlines.
 * (The ledger and the declaration are the reconciler's part of the demo.) Returns plain data.
 */
import {
  DEFAULT_CORE_SETTINGS,
  checkEaeuRnptBeforeImport,
  classify,
  computeDeadline,
  eaeuImportRecordSchema,
  formatQuarter,
  isLate,
  parseQuarter,
  parseRnpt,
  quarterRange,
  type Classification,
  type CoreSettings,
  type Deadline,
  type EaeuRnptFinding,
  type LatenessCheck,
} from '@sledopyt/core';
import type { DemoLine, DemoNotification, DemoQuarter } from '@sledopyt/generators';

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
  invalidLines: InvalidLine[];
  lateNotifications: LateNotification[];
  eaeuFindings: EaeuRnptFinding[];
  deadlines: Deadline[];
  /** `CODE|ref` of every problem these checks found, to tell which planted problems were found. */
  foundRefs: Set<string>;
}

export function analyseDemoQuarter(quarter: DemoQuarter, settings: CoreSettings = DEFAULT_CORE_SETTINGS): DemoAnalysis {
  const period = parseQuarter(quarter.period);
  const { to: quarterEnd } = quarterRange(period);

  const catalog = quarter.items.map((item) => ({ item, classification: classify(item.tnved, quarterEnd, { originCountry: item.origin }) }));

  const invalidLines: InvalidLine[] = [];
  for (const line of quarter.lines) {
    // The RNPT's own error code says more than the generic MOVEMENT_INVALID.
    const rnpt = parseRnpt(line.movement.rnpt);
    if (!rnpt.ok) invalidLines.push({ line, code: rnpt.error.code, messageRu: rnpt.error.messageRu });
  }

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
    ...lateNotifications.map((l) => `NOTIFICATION_LATE|${l.notification.id}`),
    ...eaeuFindings.map((f) => `${f.code}|${f.recordId ?? ''}`),
  ]);

  return { period: id, catalog, invalidLines, lateNotifications, eaeuFindings, deadlines, foundRefs };
}
