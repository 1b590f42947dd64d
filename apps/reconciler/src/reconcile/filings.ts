/**
 * Stored notifications and reports on operations → the core's `Filing`. Two adapters write them with
 * their own `details` (file import: `import/form-documents.ts`; 1С: `onec-sync/mapping/notifications.ts`);
 * both name the RNPTs of the goods under keys `rnpt` (at any depth) and the correction as
 * `correctionNumber`, and only file import brings report rows (`lines`).
 */
import { filingSchema, type Filing, type FilingInput, type Result, fail, ok, SledopytError } from '@sledopyt/core';
import type { StoredFiling } from '@sledopyt/store';

/** Every string under a key `rnpt`, at any depth, in order of appearance, without repeats. */
export function rnptsIn(value: unknown, found = new Set<string>()): string[] {
  if (Array.isArray(value)) for (const item of value) rnptsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'rnpt' && typeof inner === 'string' && inner.trim() !== '') found.add(inner.trim());
      else rnptsIn(inner, found);
    }
  }
  return [...found];
}

const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The rows of a report on operations as file import stores them. */
function reportOf(details: Record<string, unknown>): FilingInput['report'] {
  return {
    year: Number(details['year']),
    quarter: Number(details['quarter']) as 1 | 2 | 3 | 4,
    rows: array(details['lines']).map((raw) => {
      const line = record(raw);
      const document = record(line['document']);
      const counterparty = line['counterparty'] === null ? null : record(line['counterparty']);
      return {
        lineNumber: Number(line['line']),
        date: String(line['date']),
        operationCode: String(line['operationCode']),
        document: { number: String(document['number'] ?? ''), date: String(document['date']) },
        counterpartyInn: counterparty === null || typeof counterparty['inn'] !== 'string' ? null : counterparty['inn'],
        goods: array(line['goods']).map((rawGoods) => {
          const goods = record(rawGoods);
          return { rnpt: String(goods['rnpt']), unit: String(goods['okei']), quantity: String(goods['quantity']), cost: String(goods['costKopecks']) };
        }),
      };
    }),
  };
}

export function filingOf(stored: StoredFiling): Result<Filing> {
  const details = stored.details;
  const input: FilingInput = {
    id: stored.sourceRef,
    kind: stored.kind,
    number: stored.number,
    filedOn: stored.date,
    eventDate: stored.eventDate,
    correctionNumber: typeof details['correctionNumber'] === 'number' ? details['correctionNumber'] : 0,
    rnpts: stored.kind === 'operations_report' ? [] : rnptsIn(details),
  };
  if (stored.kind === 'operations_report') input.report = reportOf(details);
  const parsed = filingSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const reason = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return fail(
    new SledopytError({
      code: 'RECONCILE_FILING_UNREADABLE',
      message: `Stored ${stored.kind} ${stored.number} (${stored.sourceRef}) cannot be read as a filing: ${reason}`,
      messageRu: `Документ «${stored.number}» (${stored.sourceRef}) в базе не читается как уведомление или отчёт: ${reason}. Загрузите файл заново`,
      actor: 'user',
      details: { kind: stored.kind, number: stored.number, sourceRef: stored.sourceRef },
    }),
  );
}
