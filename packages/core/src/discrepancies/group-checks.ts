/**
 * Compares the declaration lines and the book entries of one invoice (same direction, number and date):
 * present on one side only, counterparty, duplicates, and per-RNPT sums of quantity, cost and unit
 * (traceability-rules §5.4 rules 5–10, 26, 27; sums per (invoice, RNPT) as 1C aggregates them).
 */
import { roundToRubles, type Kopecks } from '../money/money.js';
import { ZERO_QUANTITY, addQuantities, type Quantity } from '../money/quantity.js';
import type { Movement } from '../ledger/movement.js';
import { costText, describeLineRu, describeMovementRu, discrepancy, documentOfMovement, quantityText } from './discrepancy.js';
import { rnptOfEntry } from './entry-rnpt.js';
import type { BookEntry, DeclarationLine, Discrepancy } from './model.js';

/** Cost differences up to this many kopecks are rounding (discrepancies.md: "more than 1 ₽"). */
const COST_TOLERANCE: Kopecks = 100n;

interface RnptSum {
  rnpt: string;
  units: Set<string>;
  quantity: Quantity;
  cost: Kopecks;
  lines: DeclarationLine[];
  movements: Movement[];
}

const abs = <T extends bigint>(value: T): T => (value < 0n ? -value : value) as T;

function sumsOfLines(lines: readonly DeclarationLine[]): Map<string, RnptSum> {
  const sums = new Map<string, RnptSum>();
  const firstLine = new Map<string, DeclarationLine>();
  for (const line of lines) {
    for (const entry of line.entries) {
      const parsed = rnptOfEntry(entry);
      if (!parsed.ok || entry.quantity === undefined) continue; // reported by the line checks
      // A repeated line is reported as DUPLICATE_LINE; counting it again would also report a quantity mismatch.
      const seenIn = firstLine.get(`${line.section}|${parsed.value.rnpt}`);
      if (seenIn !== undefined && seenIn !== line) continue;
      firstLine.set(`${line.section}|${parsed.value.rnpt}`, line);
      const sum = sums.get(parsed.value.rnpt) ?? { rnpt: parsed.value.rnpt, units: new Set(), quantity: ZERO_QUANTITY, cost: 0n, lines: [], movements: [] };
      if (entry.unit !== undefined) sum.units.add(entry.unit);
      // Storno lines carry negative values; the comparison is of magnitudes.
      sum.quantity = addQuantities(sum.quantity, abs(entry.quantity));
      sum.cost += abs(entry.cost ?? 0n);
      if (!sum.lines.includes(line)) sum.lines.push(line);
      sums.set(parsed.value.rnpt, sum);
    }
  }
  return sums;
}

function sumsOfEntries(entries: readonly BookEntry[]): Map<string, RnptSum> {
  const sums = new Map<string, RnptSum>();
  for (const { movement } of entries) {
    const sum = sums.get(movement.rnpt) ?? { rnpt: movement.rnpt, units: new Set(), quantity: ZERO_QUANTITY, cost: 0n, lines: [], movements: [] };
    sum.units.add(movement.unit);
    sum.quantity = addQuantities(sum.quantity, movement.quantity);
    sum.cost += movement.costWithoutVat;
    sum.movements.push(movement);
    sums.set(movement.rnpt, sum);
  }
  return sums;
}

const hasTraceability = (line: DeclarationLine): boolean => line.entries.some((e) => rnptOfEntry(e).ok);
const unitOf = (sum: RnptSum): string | undefined => [...sum.units][0];

export function compareInvoiceGroup(lines: readonly DeclarationLine[], entries: readonly BookEntry[]): Discrepancy[] {
  const found: Discrepancy[] = [];
  if (entries.length === 0) {
    for (const line of lines.filter(hasTraceability)) {
      found.push(
        discrepancy('NOT_IN_BOOKS', {
          line,
          rnpt: line.entries.map((e) => e.registrationNumber).join(', '),
          expected: 'документ в учёте (УПД / счёт-фактура)',
          actual: 'документа нет',
          messageRu: `${describeLineRu(line)} со сведениями о прослеживаемости, а в учёте нет такого документа`,
        }),
      );
    }
    return found;
  }
  if (lines.length === 0) {
    for (const movements of byDocument(entries)) {
      const first = movements[0] as Movement;
      found.push(
        discrepancy('NOT_IN_DECLARATION', {
          movements,
          rnpt: [...new Set(movements.map((m) => m.rnpt))].join(', '),
          expected: `строка раздела ${first.kind === 'purchase' || first.kind === 'customs_import' ? '8' : '9'} декларации`,
          actual: 'строки нет',
          messageRu: `Документ ${describeMovementRu(first)} с прослеживаемыми товарами не отражён в декларации по НДС`,
        }),
      );
    }
    return found;
  }

  found.push(...counterpartyMismatches(lines, entries), ...duplicateLines(lines));

  const declared = sumsOfLines(lines);
  const booked = sumsOfEntries(entries);
  const onlyBooked: RnptSum[] = [];
  for (const book of booked.values()) {
    const decl = declared.get(book.rnpt);
    if (decl === undefined) {
      onlyBooked.push(book);
      continue;
    }
    found.push(...compareSums(decl, book));
  }
  const onlyDeclared = [...declared.values()].filter((d) => !booked.has(d.rnpt));
  // An RNPT on each side that the other lacks: most likely one number written two ways.
  while (onlyBooked.length > 0 && onlyDeclared.length > 0) {
    const book = onlyBooked.shift() as RnptSum;
    const decl = onlyDeclared.shift() as RnptSum;
    found.push(
      discrepancy('RNPT_MISMATCH', {
        line: decl.lines[0],
        movements: book.movements,
        rnpt: book.rnpt,
        expected: book.rnpt,
        actual: decl.rnpt,
        messageRu: `В документе ${describeMovementRu(book.movements[0] as Movement)} РНПТ ${book.rnpt}, а в ${describeLineRu(decl.lines[0] as DeclarationLine)} — ${decl.rnpt}`,
      }),
    );
  }
  for (const book of onlyBooked) {
    found.push(
      discrepancy('RNPT_MISSING', {
        line: lines[0],
        movements: book.movements,
        rnpt: book.rnpt,
        expected: `РНПТ ${book.rnpt}: ${quantityText(book.quantity, unitOf(book))}`,
        actual: 'в строке декларации нет',
        messageRu: `В ${describeLineRu(lines[0] as DeclarationLine)} нет сведений по РНПТ ${book.rnpt}, которые есть в документе ${describeMovementRu(book.movements[0] as Movement)}`,
      }),
    );
  }
  for (const decl of onlyDeclared) {
    found.push(
      discrepancy('NOT_IN_BOOKS', {
        line: decl.lines[0],
        rnpt: decl.rnpt,
        expected: 'тот же РНПТ в документе',
        actual: `${quantityText(decl.quantity, unitOf(decl))} только в декларации`,
        messageRu: `В ${describeLineRu(decl.lines[0] as DeclarationLine)} указан РНПТ ${decl.rnpt}, которого нет в документе учёта`,
      }),
    );
  }
  return found;
}

function compareSums(decl: RnptSum, book: RnptSum): Discrepancy[] {
  const found: Discrepancy[] = [];
  const line = decl.lines[0] as DeclarationLine;
  const movement = book.movements[0] as Movement;
  const facts = { line, movements: book.movements, rnpt: book.rnpt };
  const declUnit = unitOf(decl);
  const bookUnit = unitOf(book);
  if (declUnit !== undefined && bookUnit !== undefined && declUnit !== bookUnit) {
    found.push(
      discrepancy('UNIT_MISMATCH', {
        ...facts,
        expected: `ОКЕИ ${bookUnit} (документ)`,
        actual: `ОКЕИ ${declUnit} (декларация)`,
        messageRu: `По РНПТ ${book.rnpt} в документе ${describeMovementRu(movement)} единица ОКЕИ ${bookUnit}, а в ${describeLineRu(line)} — ${declUnit}`,
      }),
    );
  }
  if (decl.quantity !== book.quantity) {
    found.push(
      discrepancy('QUANTITY_MISMATCH', {
        ...facts,
        expected: quantityText(book.quantity, bookUnit),
        actual: quantityText(decl.quantity, declUnit),
        messageRu: `По РНПТ ${book.rnpt} в документе ${describeMovementRu(movement)} ${quantityText(book.quantity, bookUnit)}, а в ${describeLineRu(line)} — ${quantityText(decl.quantity, declUnit)}`,
      }),
    );
  }
  // Declarations carried whole roubles up to format 5.11: compare after rounding both sides.
  if (abs(roundToRubles(decl.cost) - roundToRubles(book.cost)) > COST_TOLERANCE) {
    found.push(
      discrepancy('COST_MISMATCH', {
        ...facts,
        expected: costText(book.cost),
        actual: costText(decl.cost),
        messageRu: `По РНПТ ${book.rnpt} стоимость без НДС в документе ${describeMovementRu(movement)} ${costText(book.cost)}, а в ${describeLineRu(line)} — ${costText(decl.cost)}`,
      }),
    );
  }
  return found;
}

function counterpartyMismatches(lines: readonly DeclarationLine[], entries: readonly BookEntry[]): Discrepancy[] {
  const booked = new Set<string>(entries.map((e) => e.movement.counterpartyInn ?? ''));
  return lines
    .filter((line) => !booked.has(line.counterpartyInn ?? ''))
    .map((line) => {
      const expected = [...booked].filter(Boolean).join(', ') || 'не указан';
      return discrepancy('COUNTERPARTY_MISMATCH', {
        line,
        movements: entries.map((e) => e.movement),
        expected: `ИНН ${expected}`,
        actual: `ИНН ${line.counterpartyInn ?? 'не указан'}`,
        messageRu: `${describeLineRu(line)}: контрагент ИНН ${line.counterpartyInn ?? 'не указан'}, а в документе учёта — ИНН ${expected}`,
      });
    });
}

function duplicateLines(lines: readonly DeclarationLine[]): Discrepancy[] {
  const seen = new Map<string, DeclarationLine>();
  const found: Discrepancy[] = [];
  for (const line of lines) {
    for (const entry of new Set(line.entries.map((e) => e.registrationNumber.trim()))) {
      const key = `${line.section}|${entry}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, line);
        continue;
      }
      if (first === line) continue;
      found.push(
        discrepancy('DUPLICATE_LINE', {
          line,
          rnpt: entry,
          expected: 'одна строка на счёт-фактуру и РНПТ',
          actual: `повтор строки ${first.lineNumber}`,
          messageRu: `${describeLineRu(line)} повторяет строку ${first.lineNumber}: тот же счёт-фактура и РНПТ ${entry}`,
        }),
      );
    }
  }
  return found;
}

function byDocument(entries: readonly BookEntry[]): Movement[][] {
  const groups = new Map<string, Movement[]>();
  for (const { movement } of entries) {
    const d = documentOfMovement(movement);
    const key = `${d.kind}|${d.number}|${d.date}|${d.counterpartyInn ?? ''}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [movement]);
    else group.push(movement);
  }
  return [...groups.values()];
}
