/**
 * A quarter of a demo importer's traceable goods: customs imports, purchases from Russian importers,
 * EAEU imports with their notifications, opening remains, sales to companies, retail sales, an EAEU
 * shipment, a write-off — and one planted problem of each kind the core can find. Deterministic per seed.
 */
import {
  addDays,
  formatRnpt,
  formatQuarter,
  parseQuarter,
  quarterRange,
  toDecimalString,
  toDayNumber,
  type CalendarDate,
  type EaeuImportRecordInput,
  type MovementInput,
  type QuarterId,
} from '@sledopyt/core';
import { Random } from './random.js';
import {
  DEMO_BUYERS,
  DEMO_COMPANY,
  DEMO_EAEU_BUYER,
  DEMO_EAEU_SUPPLIERS,
  DEMO_ITEMS,
  DEMO_SUPPLIERS,
  type DemoItem,
  type DemoParty,
} from './demo-catalog.js';

/** A problem the generator put into the data on purpose, so that a run can show it was found. */
export interface PlantedProblem {
  code: string;
  descriptionRu: string;
  /** The movement id, RNPT or notification it concerns. */
  ref: string;
}

/** One document line of traceable goods, not yet validated (it may carry a planted bad RNPT). */
export interface DemoLine {
  movement: MovementInput & { id: string };
  item: DemoItem;
  counterpartyName: string | null;
}

export interface DemoNotification {
  id: string;
  kind: 'eaeu-import-notification' | 'eaeu-movement-notification';
  /** Принятие на учёт (import) or отгрузка (movement). */
  eventDate: CalendarDate;
  filedDate: CalendarDate | null;
  rnpt: string;
  movementId: string;
}

export interface DemoQuarter {
  period: QuarterId;
  company: DemoParty;
  items: readonly DemoItem[];
  lines: DemoLine[];
  notifications: DemoNotification[];
  /** EAEU imports on or after 2026-10-01 (the seed-000 rule). */
  eaeuImports: (EaeuImportRecordInput & { id: string })[];
  planted: PlantedProblem[];
}

export interface DemoQuarterOptions {
  period?: string;
  seed?: number;
}

const CUSTOMS_OFFICES = ['10702070', '10216170', '10005030', '10009100', '10013160'];
const TRACED_ITEMS = DEMO_ITEMS.slice(0, 7);

/** Adds one document line for the demo company and returns it. */
type AddLine = (
  kind: MovementInput['kind'],
  batch: Pick<Batch, 'rnpt' | 'item'>,
  date: CalendarDate,
  quantity: number,
  counterparty: DemoParty | null,
  documentKind: MovementInput['document']['kind'],
  counterpartyName?: string,
) => DemoLine;

interface Batch {
  rnpt: string;
  item: DemoItem;
  received: CalendarDate;
  quantity: number;
  left: number;
}

export function generateDemoQuarter(options: DemoQuarterOptions = {}): DemoQuarter {
  const period = parseQuarter(options.period ?? '2026-Q3');
  const { from: start, to: end } = quarterRange(period);
  const random = new Random(options.seed ?? 20_260_701);
  const lines: DemoLine[] = [];
  const notifications: DemoNotification[] = [];
  const planted: PlantedProblem[] = [];
  const batches: Batch[] = [];
  let docNumber = 100;
  let serial = 1000;

  const dayIn = (from: CalendarDate, to: CalendarDate): CalendarDate => addDays(from, random.int(0, toDayNumber(to) - toDayNumber(from)));
  const newRnpt = (office: string, date: CalendarDate): string => {
    serial += random.int(7, 400);
    return formatRnpt({ customsOffice: office, registrationDate: date, serial: String(serial).padStart(7, '0'), item: random.int(1, 12) });
  };
  const line: AddLine = (kind, batch, date, quantity, counterparty, documentKind, counterpartyName) => {
    docNumber += 1;
    const id = `D-${docNumber}`;
    const movement: DemoLine['movement'] = {
      id,
      kind,
      taxpayerInn: DEMO_COMPANY.inn,
      rnpt: batch.rnpt,
      tnved: batch.item.tnved,
      unit: '796',
      quantity: String(quantity),
      costWithoutVat: toDecimalString(batch.item.unitPrice * BigInt(quantity)),
      date,
      document: { kind: documentKind, number: `${documentKind === 'upd' ? 'ТС' : 'Д'}-${docNumber}`, date },
    };
    if (counterparty) movement.counterpartyInn = counterparty.inn;
    const demoLine: DemoLine = { movement, item: batch.item, counterpartyName: counterpartyName ?? counterparty?.name ?? null };
    lines.push(demoLine);
    return demoLine;
  };

  // Opening stock: one batch held since before the quarter under a remains-notification RNPT.
  const remains: Batch = { rnpt: newRnpt('10702070', addDays(start, -400)), item: TRACED_ITEMS[0] as DemoItem, received: start, quantity: 40, left: 40 };
  line('remains', remains, start, remains.quantity, null, 'inventory_act');
  batches.push(remains);

  // Customs imports: one or two batches of each traced item, cleared in the first two months.
  for (const item of TRACED_ITEMS) {
    for (let n = random.int(1, 2); n > 0; n -= 1) {
      const cleared = dayIn(start, addDays(start, 55));
      const quantity = item.unitPrice > 100_000_000n ? random.int(2, 6) : random.int(40, 180);
      const batch: Batch = { rnpt: newRnpt(random.pick(CUSTOMS_OFFICES), addDays(cleared, -random.int(0, 3))), item, received: cleared, quantity, left: quantity };
      line('customs_import', batch, cleared, quantity, null, 'customs_declaration');
      batches.push(batch);
    }
  }

  // Purchases from Russian importers (their RNPTs).
  for (const supplier of DEMO_SUPPLIERS) {
    const item = random.pick(TRACED_ITEMS.slice(1, 3));
    const bought = dayIn(start, addDays(start, 40));
    const batch: Batch = { rnpt: newRnpt(random.pick(CUSTOMS_OFFICES), addDays(bought, -random.int(20, 60))), item, received: bought, quantity: random.int(20, 60), left: 0 };
    batch.left = batch.quantity;
    line('purchase', batch, bought, batch.quantity, supplier, 'upd');
    batches.push(batch);
  }

  // EAEU imports: strollers from Kazakhstan (notified in time) and washing machines via Belarus (notified late).
  const eaeuSpecs = [
    { item: TRACED_ITEMS[5] as DemoItem, supplier: DEMO_EAEU_SUPPLIERS[0], lateBy: 0 },
    { item: TRACED_ITEMS[2] as DemoItem, supplier: DEMO_EAEU_SUPPLIERS[1], lateBy: 4 },
  ];
  for (const spec of eaeuSpecs) {
    const accepted = dayIn(addDays(start, 20), addDays(start, 50));
    const batch: Batch = { rnpt: newRnpt('10000000', accepted), item: spec.item, received: accepted, quantity: random.int(30, 80), left: 0 };
    batch.left = batch.quantity;
    const demoLine = line('eaeu_import', batch, accepted, batch.quantity, null, 'other', spec.supplier?.name);
    // 5 working days ≈ 7 calendar days here; the late one is filed several days after that.
    const filed = addDays(accepted, spec.lateBy === 0 ? 3 : 7 + spec.lateBy);
    notifications.push({ id: `N-${demoLine.movement.id}`, kind: 'eaeu-import-notification', eventDate: accepted, filedDate: filed, rnpt: batch.rnpt, movementId: demoLine.movement.id });
    if (spec.lateBy > 0) {
      planted.push({ code: 'NOTIFICATION_LATE', ref: `N-${demoLine.movement.id}`, descriptionRu: 'уведомление о ввозе из ЕАЭС подано позже 5 рабочих дней' });
    }
    batches.push(batch);
  }

  // Sales: each batch sold in parts to companies and in retail, leaving some stock.
  for (const batch of batches) {
    let day = batch.received;
    for (let parts = random.int(2, 6); parts > 0 && batch.left > 1; parts -= 1) {
      day = addDays(day, random.int(1, 12));
      if (day > end) break;
      const quantity = Math.max(1, Math.min(batch.left - 1, Math.round((batch.quantity * random.int(8, 30)) / 100)));
      const retail = random.next() < 0.25;
      line(retail ? 'sale_to_individual' : 'sale', batch, day, quantity, retail ? null : random.pick(DEMO_BUYERS), 'upd', retail ? 'Розничные покупатели' : undefined);
      batch.left -= quantity;
    }
  }

  // An EAEU shipment of monitors to Kazakhstan, its movement notification filed late.
  const monitors = batches.find((b) => b.item.sku === 'MON-27Q' && b.left > 5) ?? (batches[0] as Batch);
  const shipped = dayIn(addDays(start, 60), addDays(end, -10));
  const shipment = line('eaeu_movement', monitors, shipped, 3, null, 'upd', DEMO_EAEU_BUYER.name);
  monitors.left -= 3;
  notifications.push({ id: `N-${shipment.movement.id}`, kind: 'eaeu-movement-notification', eventDate: shipped, filedDate: addDays(shipped, 10), rnpt: monitors.rnpt, movementId: shipment.movement.id });
  planted.push({ code: 'NOTIFICATION_LATE', ref: `N-${shipment.movement.id}`, descriptionRu: 'уведомление о перемещении в ЕАЭС подано позже 5 рабочих дней после отгрузки' });

  plantLedgerProblems({ batches, line, planted, random, end });

  // After the quarter: an EAEU import of refrigerators whose RNPT came after the import (seed-000 rule).
  const eaeuImports: DemoQuarter['eaeuImports'] = [];
  const octoberImport = addDays(end, 14);
  const lateRnpt = newRnpt('10000000', addDays(octoberImport, 5));
  eaeuImports.push({ id: 'I-OCT-1', taxpayerInn: DEMO_COMPANY.inn, importDate: octoberImport, rnpt: lateRnpt, rnptObtainedOn: addDays(octoberImport, 5), dopp: { number: '2026-0048213', declarationNumber: '' } });
  planted.push({ code: 'EAEU_RNPT_AFTER_IMPORT', ref: 'I-OCT-1', descriptionRu: 'РНПТ по ввозу из ЕАЭС получен через 5 дней после ввоза и не указан в ДОПП' });

  lines.sort((a, b) => (a.movement.date as string).localeCompare(b.movement.date as string));
  return { period: formatQuarter(period), company: DEMO_COMPANY, items: DEMO_ITEMS, lines, notifications, eaeuImports, planted };
}

interface PlantContext {
  batches: Batch[];
  line: AddLine;
  planted: PlantedProblem[];
  random: Random;
  end: CalendarDate;
}

/** One of each problem the ledger and the RNPT validator find. */
function plantLedgerProblems({ batches, line, planted, random, end }: PlantContext): void {
  const buyer = (): DemoParty => random.pick(DEMO_BUYERS);
  const [typo, oversold, terminated] = [batches[1], batches[2], batches[3]] as [Batch, Batch, Batch];

  // A typo in the date group of an RNPT on a sale: 31 June does not exist.
  const badRnpt = typo.rnpt.replace(/\/(\d{2})(\d{2})(\d{2})\//, '/3106$3/');
  const bad = line('sale', { rnpt: badRnpt, item: typo.item }, addDays(end, -20), 2, buyer(), 'upd');
  planted.push({ code: 'RNPT_INVALID', ref: bad.movement.id, descriptionRu: `в УПД указан РНПТ с несуществующей датой (${badRnpt})` });

  // A sale of more than is left.
  const over = line('sale', oversold, addDays(end, -5), oversold.left + 7, buyer(), 'upd');
  oversold.left = -7;
  planted.push({ code: 'NEGATIVE_BALANCE', ref: over.movement.id, descriptionRu: `продано на 7 шт больше, чем осталось по РНПТ ${oversold.rnpt}` });

  // A sale under an RNPT the company never received (a supplier's number copied by mistake).
  const stranger = { rnpt: '10216170/150526/0004417/003', item: oversold.item };
  const unknown = line('sale', stranger, addDays(end, -12), 4, buyer(), 'upd');
  planted.push({ code: 'RNPT_UNKNOWN', ref: unknown.movement.id, descriptionRu: `продажа по РНПТ ${stranger.rnpt}, поступления по которому нет` });

  // The whole rest of a batch written off (traceability ends), then a sale from it.
  const writeOffDay = addDays(end, -15);
  line('write_off', terminated, writeOffDay, terminated.left, null, 'inventory_act');
  terminated.left = 0;
  const after = line('sale', terminated, addDays(writeOffDay, 3), 1, buyer(), 'upd');
  planted.push({ code: 'OPERATION_AFTER_TERMINATION', ref: after.movement.id, descriptionRu: `продажа по РНПТ ${terminated.rnpt} после его списания` });
}
