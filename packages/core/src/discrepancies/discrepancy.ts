/** Builds a Discrepancy from the catalog's texts and the facts of one case. */
import { formatDateRu } from '../calendar-date.js';
import { formatRub, type Kopecks } from '../money/money.js';
import { formatQuantityRu, type Quantity } from '../money/quantity.js';
import { describeDocumentRu } from '../ledger/movement.js';
import type { Movement } from '../ledger/movement.js';
import type { FindingSeverity } from '../settings.js';
import { DISCREPANCY_CATALOG, type DiscrepancyCode } from './catalog.js';
import type { DeclarationLine, Discrepancy, DiscrepancyDocument } from './model.js';

export interface DiscrepancyFacts {
  messageRu: string;
  severity?: FindingSeverity | undefined;
  rnpt?: string | null | undefined;
  document?: DiscrepancyDocument | null | undefined;
  line?: DeclarationLine | undefined;
  movements?: readonly Movement[] | undefined;
  expected?: string | null | undefined;
  actual?: string | null | undefined;
  details?: Discrepancy['details'] | undefined;
}

export function discrepancy(code: DiscrepancyCode, facts: DiscrepancyFacts): Discrepancy {
  const rule = DISCREPANCY_CATALOG[code];
  return {
    code,
    severity: facts.severity ?? rule.severity,
    rnpt: facts.rnpt ?? null,
    document: facts.document ?? (facts.line ? documentOfLine(facts.line) : facts.movements?.[0] ? documentOfMovement(facts.movements[0]) : null),
    section: facts.line?.section ?? null,
    declarationLineId: facts.line?.id ?? null,
    movementIds: (facts.movements ?? []).flatMap((m) => (m.id === undefined ? [] : [m.id])),
    expected: facts.expected ?? null,
    actual: facts.actual ?? null,
    fineRub: 0,
    messageRu: facts.messageRu,
    titleRu: rule.titleRu,
    fixRu: rule.fixRu,
    legalBasisRu: rule.legalBasisRu,
    details: facts.details ?? {},
  };
}

export function documentOfMovement(movement: Movement): DiscrepancyDocument {
  return { kind: movement.document.kind, number: movement.document.number, date: movement.document.date, counterpartyInn: movement.counterpartyInn ?? null };
}

/** A declaration line stands for the invoice it reports. */
export function documentOfLine(line: DeclarationLine): DiscrepancyDocument {
  return { kind: 'invoice', number: line.invoiceNumber, date: line.invoiceDate, counterpartyInn: line.counterpartyInn ?? null };
}

/** «строка 15 раздела 9 (счёт-фактура № ТС-101 от 01.09.2026)». */
export function describeLineRu(line: DeclarationLine): string {
  return `строка ${line.lineNumber} раздела ${line.section} (счёт-фактура № ${line.invoiceNumber} от ${formatDateRu(line.invoiceDate)})`;
}

export const describeMovementRu = (movement: Movement): string => `«${describeDocumentRu(movement.document)}»`;

export const quantityText = (quantity: Quantity | undefined, unit: string | undefined): string =>
  quantity === undefined ? 'не указано' : `${formatQuantityRu(quantity)}${unit === '796' ? ' шт' : unit ? ` (ОКЕИ ${unit})` : ''}`;

export const costText = (cost: Kopecks | undefined): string => (cost === undefined ? 'не указана' : formatRub(cost));
