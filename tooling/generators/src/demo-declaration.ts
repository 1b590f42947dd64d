/**
 * The demo importer's VAT declaration for the quarter (sections 8 and 9 with their `СвРегНом`), built from
 * its own documents — and then spoiled on purpose: one planted problem of each kind the reconciler finds
 * in a declaration. Lines are the core's `DeclarationLine`s; writers turn them into NO_NDS files.
 */
import {
  DECLARED_MOVEMENT_KINDS,
  parseMovement,
  parseQuarter,
  parseRubles,
  quarterRange,
  unwrap,
  wholeQuantity,
  addDays,
  completeInn,
  type CalendarDate,
  type DeclarationLine,
  type DeclarationTraceEntry,
  type Movement,
} from '@sledopyt/core';
import type { DemoQuarter, PlantedProblem } from './demo-quarter.js';

export interface DemoDeclaration {
  lines: DeclarationLine[];
  planted: PlantedProblem[];
}

/** Sections 8 and 9 as the company should have filed them, one line per document, entries summed per RNPT. */
function honestLines(movements: readonly Movement[], from: CalendarDate, to: CalendarDate): DeclarationLine[] {
  const byDocument = new Map<string, Movement[]>();
  for (const m of movements) {
    const section = DECLARED_MOVEMENT_KINDS[m.kind];
    if (section === undefined || m.document.date < from || m.document.date > to) continue;
    const key = `${section}|${m.document.number}|${m.document.date}`;
    const group = byDocument.get(key);
    if (group === undefined) byDocument.set(key, [m]);
    else group.push(m);
  }
  const counters = { '8': 0, '9': 0 };
  return [...byDocument.entries()].map(([key, docMovements]) => {
    const section = key.split('|')[0] as '8' | '9';
    const first = docMovements[0] as Movement;
    counters[section] += 1;
    const sums = new Map<string, DeclarationTraceEntry>();
    for (const m of docMovements) {
      const sum = sums.get(m.rnpt) ?? { registrationNumber: m.rnpt, unit: m.unit, quantity: wholeQuantity(0), cost: 0n };
      sums.set(m.rnpt, { ...sum, quantity: ((sum.quantity ?? 0n) + m.quantity) as typeof m.quantity, cost: (sum.cost ?? 0n) + m.costWithoutVat });
    }
    return {
      id: `NO_NDS.${section}#${section}:${counters[section]}`,
      section,
      lineNumber: counters[section],
      invoiceNumber: first.document.number,
      invoiceDate: first.document.date,
      counterpartyInn: first.counterpartyInn,
      operationCodes: [section === '8' && first.kind === 'customs_import' ? '20' : '01'],
      tnvedCodes: first.tnved === undefined ? [] : [first.tnved],
      storno: false,
      entries: [...sums.values()],
    };
  });
}

const rub = (text: string): bigint => unwrap(parseRubles(text));

export function generateDemoDeclaration(quarter: DemoQuarter): DemoDeclaration {
  const { from, to } = quarterRange(parseQuarter(quarter.period));
  const movements = quarter.lines.flatMap((l) => {
    const parsed = parseMovement(l.movement);
    return parsed.ok ? [parsed.value] : [];
  });
  const lines = honestLines(movements, from, to);
  const planted: PlantedProblem[] = [];
  const sales = lines.filter((l) => l.section === '9' && l.entries.length === 1);
  // Each planted problem gets its own line, spread over the quarter.
  const taken = new Set<number>();
  const pick = (n: number): DeclarationLine => {
    let index = (n * 7) % sales.length;
    while (taken.has(index)) index = (index + 1) % sales.length;
    taken.add(index);
    return sales[index] as DeclarationLine;
  };
  const entry0 = (line: DeclarationLine): DeclarationTraceEntry => line.entries[0] as DeclarationTraceEntry;
  const replaceEntry = (line: DeclarationLine, change: Partial<DeclarationTraceEntry>): void => {
    line.entries = [{ ...entry0(line), ...change }];
  };
  const plant = (code: string, line: DeclarationLine, descriptionRu: string) => planted.push({ code, ref: line.invoiceNumber, descriptionRu });

  const [qty, cost, unit, cp, rnpt, dt, blank, sign] = [pick(1), pick(2), pick(3), pick(4), pick(5), pick(6), pick(8), pick(9)];
  replaceEntry(qty, { quantity: ((entry0(qty).quantity ?? 0n) + wholeQuantity(2)) as DeclarationTraceEntry['quantity'] });
  plant('QUANTITY_MISMATCH', qty, 'в строке раздела 9 на 2 шт больше, чем в УПД');
  replaceEntry(cost, { cost: (entry0(cost).cost ?? 0n) - rub('750') });
  plant('COST_MISMATCH', cost, 'стоимость в строке раздела 9 на 750 ₽ меньше, чем в УПД');
  replaceEntry(unit, { unit: '166' });
  plant('UNIT_MISMATCH', unit, 'единица прослеживаемости указана как 166 (кг) вместо 796 (шт)');
  cp.counterpartyInn = completeInn('781399001');
  plant('COUNTERPARTY_MISMATCH', cp, 'в строке раздела 9 другой ИНН покупателя');
  replaceEntry(rnpt, { registrationNumber: entry0(rnpt).registrationNumber.replace(/\/(\d{3})$/, (_m, item: string) => `/${String((Number(item) % 998) + 1).padStart(3, '0')}`) });
  plant('RNPT_MISMATCH', rnpt, 'в строке раздела 9 другой порядковый номер товара в РНПТ');
  replaceEntry(dt, { registrationNumber: entry0(dt).registrationNumber.replace(/\/\d{3}$/, '') });
  plant('RNPT_IS_CUSTOMS_DECL', dt, 'вместо РНПТ указан номер декларации на товары (без порядкового номера товара)');
  replaceEntry(blank, { cost: undefined });
  plant('TRACE_FIELDS_INCOMPLETE', blank, 'не указана стоимость по РНПТ');
  sign.storno = true;
  plant('SIGN_ERROR', sign, 'строка помечена сторнирующей, а количество и стоимость положительные');

  // A document left out of the declaration, one line twice, one line with no document, one from the next quarter.
  const left = pick(10);
  lines.splice(lines.indexOf(left), 1);
  planted.push({ code: 'NOT_IN_DECLARATION', ref: left.invoiceNumber, descriptionRu: 'УПД на продажу не отражён в разделе 9' });
  const twice = pick(11);
  lines.push({ ...twice, id: `${twice.id}-dup`, lineNumber: lines.length + 1, entries: twice.entries.map((e) => ({ ...e })) });
  plant('DUPLICATE_LINE', twice, 'строка раздела 9 повторена дважды');
  const stranger: DeclarationLine = {
    ...twice,
    id: 'NO_NDS.9#9:extra',
    lineNumber: lines.length + 1,
    invoiceNumber: 'ТС-9001',
    invoiceDate: addDays(to, -3),
    entries: [{ registrationNumber: '10005030/140826/0007781/004', unit: '796', quantity: wholeQuantity(2), cost: rub('36800') }],
  };
  lines.push(stranger);
  plant('NOT_IN_BOOKS', stranger, 'строка раздела 9 по счёту-фактуре, которого нет в учёте');
  const nextQuarter: DeclarationLine = { ...stranger, id: 'NO_NDS.9#9:late', lineNumber: lines.length + 1, invoiceNumber: 'ТС-9002', invoiceDate: addDays(to, 2) };
  lines.push(nextQuarter);
  plant('PERIOD_MISMATCH', nextQuarter, 'счёт-фактура следующего квартала в декларации за этот квартал');
  return { lines, planted };
}
