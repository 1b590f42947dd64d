/**
 * A book line of the VAT declaration (formats' `NdsLine`) as the store keeps it (`DeclarationLineInput`).
 * The counterparty is the first seller (sections 8, 8.1: `СвПрод[0]`) or buyer (9, 9.1: `СвПокуп[0]`).
 * A line is storno when one of its money amounts is negative; the signs of its traceability entries are
 * kept as filed, so the reconciler can flag entries whose sign disagrees with the line (SIGN_ERROR).
 */
import type { Counterparty, NdsLine, PurchaseBookLine, RegistrationEntry, SalesBookLine } from '@sledopyt/formats';
import type { DeclarationLineInput, TraceEntryInput } from '@sledopyt/store';

/** The line's own money columns (not the entries'): rouble amounts and VAT. */
const SALES_AMOUNTS = [
  'СтоимПродСФВ',
  'СтоимПродСФ',
  'СтоимПродСФ22',
  'СтоимПродСФ20',
  'СтоимПродСФ18',
  'СтоимПродСФ10',
  'СтоимПродСФ7',
  'СтоимПродСФ5',
  'СтоимПродСФ0',
  'СтоимПродОсв',
] as const satisfies readonly (keyof SalesBookLine)[];
const SALES_VAT = ['СумНДССФ22', 'СумНДССФ20', 'СумНДССФ18', 'СумНДССФ10', 'СумНДССФ7', 'СумНДССФ5'] as const satisfies readonly (keyof SalesBookLine)[];

function counterpartyOf(counterparty: Counterparty | undefined): Pick<DeclarationLineInput, 'counterpartyInn' | 'counterpartyKpp'> {
  if (counterparty === undefined) return {};
  if (counterparty.kind === 'СведИП') return { counterpartyInn: counterparty.ИННФЛ };
  return { counterpartyInn: counterparty.ИННЮЛ, ...(counterparty.КПП === undefined ? {} : { counterpartyKpp: counterparty.КПП }) };
}

function entryOf(entry: RegistrationEntry): TraceEntryInput {
  return {
    kind: entry.kind,
    number: entry.number,
    raw: entry.РегНомПросл,
    ...(entry.ОКЕИ === undefined ? {} : { okei: entry.ОКЕИ }),
    ...(entry.КолТовПросл === undefined ? {} : { quantity: entry.КолТовПросл }),
    ...(entry.СтоимТовПросл === undefined ? {} : { costKopecks: entry.СтоимТовПросл }),
  };
}

/** Invoice identification shared by both books. */
function invoiceOf(line: NdsLine): DeclarationLineInput {
  return {
    lineNumber: line.НомерПор,
    invoiceNumber: line.НомСчФПрод,
    ...(line.ДатаСчФПрод === undefined ? {} : { invoiceDate: line.ДатаСчФПрод }),
    ...(line.НомИспрСчФ === undefined ? {} : { invoiceCorrectionNumber: line.НомИспрСчФ }),
    ...(line.ДатаИспрСчФ === undefined ? {} : { invoiceCorrectionDate: line.ДатаИспрСчФ }),
    ...(line.НомКСчФПрод === undefined ? {} : { correctionInvoiceNumber: line.НомКСчФПрод }),
    ...(line.ДатаКСчФПрод === undefined ? {} : { correctionInvoiceDate: line.ДатаКСчФПрод }),
    operationCodes: [...line.КодВидОпер],
    entries: line.СвРегНом.map(entryOf),
  };
}

function purchaseLine(line: PurchaseBookLine): DeclarationLineInput {
  return {
    ...invoiceOf(line),
    ...counterpartyOf(line.СвПрод[0]),
    storno: line.СтоимПокупВ < 0n || line.СумНДСВыч < 0n,
    amountKopecks: line.СтоимПокупВ,
    vatKopecks: line.СумНДСВыч,
  };
}

function salesLine(line: SalesBookLine): DeclarationLineInput {
  const amounts = SALES_AMOUNTS.map((name) => line[name]).filter((value): value is bigint => value !== undefined);
  const vat = SALES_VAT.map((name) => line[name]).filter((value): value is bigint => value !== undefined);
  return {
    ...invoiceOf(line),
    ...counterpartyOf(line.СвПокуп[0]),
    storno: [...amounts, ...vat].some((value) => value < 0n),
    // СтоимПродСФ is the invoice total in roubles; СтоимПродСФВ (currency) is not roubles and is not used.
    ...(line.СтоимПродСФ === undefined ? {} : { amountKopecks: line.СтоимПродСФ }),
    ...(vat.length === 0 ? {} : { vatKopecks: vat.reduce((sum, value) => sum + value, 0n) }),
    tnvedCodes: [...line.КодВидТовар],
  };
}

export function declarationLineInput(line: NdsLine): DeclarationLineInput {
  return line.book === 'purchase' ? purchaseLine(line) : salesLine(line);
}
