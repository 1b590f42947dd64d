/**
 * Checks one declaration line on its own: the registration numbers, completeness, units, signs and period
 * (traceability-rules §5.2, §5.4 rules 1, 2, 4, 5, 25, 28).
 */
import { compareDates, formatDateRu, type CalendarDate } from '../calendar-date.js';
import { parseRegistrationNumber } from '../rnpt/any-registration-number.js';
import { OKEI_PIECE } from '../goods/okei.js';
import { costText, describeLineRu, discrepancy, quantityText } from './discrepancy.js';
import type { DeclarationLine, Discrepancy } from './model.js';

export interface LineCheckContext {
  period: { from: CalendarDate; to: CalendarDate };
}

export function checkDeclarationLine(line: DeclarationLine, ctx: LineCheckContext): Discrepancy[] {
  const found: Discrepancy[] = [];
  const where = describeLineRu(line);
  for (const entry of line.entries) {
    const parsed = parseRegistrationNumber(entry.registrationNumber);
    const hasTraceFields = entry.quantity !== undefined || entry.cost !== undefined;
    if (!parsed.ok) {
      found.push(
        discrepancy('RNPT_INVALID', {
          line,
          rnpt: entry.registrationNumber,
          actual: entry.registrationNumber,
          messageRu: `${where}: ${parsed.error.messageRu}`,
          details: { errorCode: parsed.error.code },
        }),
      );
      continue;
    }
    if (parsed.value.kind === 'customs_declaration') {
      // A bare ДТ number is legal for non-traceable imports; with quantity and cost it stands where an RNPT should.
      if (hasTraceFields) {
        found.push(
          discrepancy('RNPT_IS_CUSTOMS_DECL', {
            line,
            rnpt: entry.registrationNumber,
            expected: `${parsed.value.number}/NNN (РНПТ: номер ДТ и порядковый номер товара)`,
            actual: entry.registrationNumber,
            messageRu: `${where}: указан номер декларации на товары ${parsed.value.number} с количеством и стоимостью — для прослеживаемого товара нужен РНПТ из четырёх блоков`,
          }),
        );
      }
      continue;
    }
    const rnpt = parsed.value.rnpt;
    const missing = [entry.unit === undefined ? 'единица' : null, entry.quantity === undefined ? 'количество' : null, entry.cost === undefined ? 'стоимость' : null].filter(
      (x): x is string => x !== null,
    );
    if (missing.length > 0) {
      found.push(
        discrepancy('TRACE_FIELDS_INCOMPLETE', {
          line,
          rnpt,
          expected: 'единица, количество и стоимость без НДС',
          actual: `не заполнено: ${missing.join(', ')}`,
          messageRu: `${where}: по РНПТ ${rnpt} не заполнено: ${missing.join(', ')}`,
        }),
      );
    }
    if (entry.unit !== undefined && entry.unit !== OKEI_PIECE.code) {
      found.push(
        discrepancy('UNIT_MISMATCH', {
          line,
          rnpt,
          expected: `${OKEI_PIECE.code} «${OKEI_PIECE.name}»`,
          actual: `ОКЕИ ${entry.unit}`,
          messageRu: `${where}: по РНПТ ${rnpt} указана единица ОКЕИ ${entry.unit}, а для товаров перечня единица прослеживаемости — ${OKEI_PIECE.code} «${OKEI_PIECE.name}»`,
        }),
      );
    }
    const negative = (entry.quantity !== undefined && entry.quantity < 0n) || (entry.cost !== undefined && entry.cost < 0n);
    const positive = (entry.quantity !== undefined && entry.quantity > 0n) || (entry.cost !== undefined && entry.cost > 0n);
    if ((line.storno && positive) || (!line.storno && negative)) {
      found.push(
        discrepancy('SIGN_ERROR', {
          line,
          rnpt,
          expected: line.storno ? 'отрицательные количество и стоимость (сторно)' : 'положительные количество и стоимость',
          actual: `${quantityText(entry.quantity, entry.unit)}; ${costText(entry.cost)}`,
          messageRu: line.storno
            ? `${where}: сторнирующая строка, а количество или стоимость по РНПТ ${rnpt} положительные`
            : `${where}: количество или стоимость по РНПТ ${rnpt} отрицательные, а строка не сторнирующая`,
        }),
      );
    }
  }
  const outside = compareDates(line.invoiceDate, ctx.period.to) > 0 || (line.section.startsWith('9') && compareDates(line.invoiceDate, ctx.period.from) < 0);
  if (outside && line.entries.length > 0) {
    found.push(
      discrepancy('PERIOD_MISMATCH', {
        line,
        expected: `${formatDateRu(ctx.period.from)} — ${formatDateRu(ctx.period.to)}`,
        actual: formatDateRu(line.invoiceDate),
        messageRu: `${where}: дата счёта-фактуры ${formatDateRu(line.invoiceDate)} вне периода декларации`,
      }),
    );
  }
  return found;
}
