/**
 * `pnpm demo`'s inbox: the demo importer's quarter as the official ФНС XML files (windows-1251, official file
 * names) written with the formats package — УПД 5.03 both ways, УКД, EAEU import, remains and movement
 * notifications, the report on operations, the VAT declaration's sections 8 and 9 — with one planted problem
 * of every catalog code. Operations that no ФНС file carries (retail sales, write-offs, an inventory surplus,
 * a paper invoice) come back as `book`: in real life 1C's sync brings them.
 */
import { writeExportNotice, writeImportNotice, writeOperationsReport, writeRemainsNotice, writeUkd, writeUpd } from '@sledopyt/formats';
import type { DemoParty } from './demo-catalog.js';
import { demoDeclarationFiles } from './demo-files-nds.js';
import { DEMO_TAX_OFFICE, importNoticeInput, movementNoticeInput, operationsReport, remainsNoticeInput } from './demo-files-forms.js';
import { planDemoQuarter, type DemoBookOperation, type DemoPlant } from './demo-files-plan.js';
import { ukdInput, updInput } from './demo-files-upd.js';
import type { Random } from './random.js';

export type DemoFileKind = 'upd' | 'ukd' | 'import-notice' | 'remains-notice' | 'movement-notice' | 'operations-report' | 'nds-8' | 'nds-9';

export interface DemoFile {
  name: string;
  kind: DemoFileKind;
  bytes: Uint8Array;
  /** The document number inside (УПД/УКД number, notification number, section). */
  documentNumber: string;
}

export interface DemoFiles {
  period: string;
  company: DemoParty;
  files: DemoFile[];
  /** What only 1C knows; the demo stores it as 1C's sync would. */
  book: DemoBookOperation[];
  planted: DemoPlant[];
}

export interface DemoFilesOptions {
  /** `2026-Q4` by default: the first quarter of the 2026-10-01 EAEU rule, so that every catalog code can be planted. */
  period?: string;
  seed?: number;
}

/** A GUID from the seeded generator, so that file names repeat with the seed. */
export function seededGuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export async function generateDemoFiles(options: DemoFilesOptions = {}): Promise<DemoFiles> {
  const plan = planDemoQuarter(options);
  const guid = () => seededGuid(plan.random);
  const files: DemoFile[] = [];
  const add = (kind: DemoFileKind, documentNumber: string, written: { fileName: string; bytes: Uint8Array }) =>
    files.push({ kind, documentNumber, name: written.fileName, bytes: written.bytes });

  for (const trade of plan.trades) add('upd', trade.number, writeUpd(updInput(trade), { guid: guid() }));
  for (const correction of plan.corrections) add('ukd', correction.number, writeUkd(ukdInput(correction), { guid: guid() }));
  const form = { taxOffice: DEMO_TAX_OFFICE };
  for (const notice of plan.importNotices) add('import-notice', notice.number, writeImportNotice(importNoticeInput(notice), { ...form, guid: guid() }));
  for (const notice of plan.remainsNotices) add('remains-notice', notice.number, writeRemainsNotice(remainsNoticeInput(notice), { ...form, guid: guid() }));
  for (const notice of plan.movementNotices) add('movement-notice', notice.number, writeExportNotice(movementNoticeInput(notice), { ...form, guid: guid() }));
  const report = operationsReport(plan);
  add('operations-report', plan.period, writeOperationsReport(report.input, { ...form, guid: guid(), date: report.filed }));
  const declaration = await demoDeclarationFiles(plan, guid);
  for (const section of declaration.sections) files.push({ kind: section.section === '8' ? 'nds-8' : 'nds-9', documentNumber: `NO_NDS.${section.section}`, name: section.fileName, bytes: section.bytes });

  return { period: plan.period, company: plan.company, files, book: plan.book, planted: [...plan.planted, ...report.planted, ...declaration.planted] };
}
