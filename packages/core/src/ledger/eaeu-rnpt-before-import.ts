/**
 * `EAEU_RNPT_AFTER_IMPORT` — the seed-000 rule: for traceable goods imported from the EAEU on or after
 * 2026-10-01 the RNPT must be obtained *before* the import and named in the ДОПП (СПОТ).
 * traceability-rules §6.2 found no official act for it (the ДОПП format has no RNPT element, only the
 * optional per-line `НомерДекл`), so its start date and severity are settings and every message says so.
 *
 * Dates only have day precision: an RNPT obtained on the import day cannot be shown to be late, so that
 * case is reported at `info` at most.
 */
import { z } from 'zod';
import { calendarDateSchema, compareDates, formatDateRu } from '../calendar-date.js';
import type { CalendarDate } from '../calendar-date.js';
import { parseRnpt } from '../rnpt/rnpt.js';
import type { Rnpt } from '../rnpt/rnpt.js';
import { rnptSchema } from '../rnpt/schema.js';
import { DEFAULT_CORE_SETTINGS } from '../settings.js';
import type { CoreSettings, FindingSeverity } from '../settings.js';
import { innSchema } from '../taxpayer.js';

export const eaeuImportRecordSchema = z.object({
  id: z.string().min(1).optional(),
  taxpayerInn: innSchema.optional(),
  /** The day the goods crossed into Russia (дата ввоза). */
  importDate: calendarDateSchema,
  /** The RNPT from the квитанция (КНД 1169012); absent when none was obtained. */
  rnpt: rnptSchema.optional(),
  /** The date of the квитанция that assigned the RNPT. */
  rnptObtainedOn: calendarDateSchema.optional(),
  /** The ДОПП line for these goods, when a ДОПП was filed. */
  dopp: z
    .object({
      number: z.string().trim().min(1).optional(),
      lineNumber: z.number().int().positive().optional(),
      /** `Товар/@НомерДекл` as filed (may be empty). */
      declarationNumber: z.string().optional(),
    })
    .optional(),
});

export type EaeuImportRecord = z.output<typeof eaeuImportRecordSchema>;
export type EaeuImportRecordInput = z.input<typeof eaeuImportRecordSchema>;

export type EaeuRnptReason =
  | 'rnpt_missing'
  | 'rnpt_after_import'
  | 'rnpt_same_day'
  | 'rnpt_date_unknown'
  | 'dopp_rnpt_missing'
  | 'dopp_rnpt_mismatch';

export interface EaeuRnptFinding {
  code: 'EAEU_RNPT_AFTER_IMPORT';
  severity: FindingSeverity;
  reason: EaeuRnptReason;
  /** The import date. */
  date: CalendarDate;
  recordId: string | undefined;
  rnpt: Rnpt | null;
  message: string;
  messageRu: string;
  details: Record<string, string | number | null>;
}

const UNCONFIRMED_RU =
  'Внимание: требование получать РНПТ до ввоза из ЕАЭС известно только из новостной публикации (seed 000) ' +
  'и не подтверждено официальным актом; уровень проверки задаётся в настройках.';
const UNCONFIRMED_EN = 'The rule comes from seed 000 only and is not confirmed by an official act.';

const SEVERITY_RANK: Readonly<Record<FindingSeverity, number>> = { info: 0, warning: 1, error: 2 };
const atMost = (severity: FindingSeverity, cap: FindingSeverity): FindingSeverity =>
  SEVERITY_RANK[severity] <= SEVERITY_RANK[cap] ? severity : cap;

export function checkEaeuRnptBeforeImport(
  record: EaeuImportRecord,
  settings: Pick<CoreSettings, 'eaeuRnptBeforeImport'> = DEFAULT_CORE_SETTINGS,
): EaeuRnptFinding[] {
  const { effectiveFrom, severity } = settings.eaeuRnptBeforeImport;
  if (severity === 'off' || compareDates(record.importDate, effectiveFrom) < 0) return [];
  const configured: FindingSeverity = severity;
  const findings: EaeuRnptFinding[] = [];
  const imported = formatDateRu(record.importDate);
  const since = formatDateRu(effectiveFrom);
  const add = (
    reason: EaeuRnptReason,
    findingSeverity: FindingSeverity,
    message: string,
    messageRu: string,
    details: EaeuRnptFinding['details'] = {},
  ): void => {
    findings.push({
      code: 'EAEU_RNPT_AFTER_IMPORT',
      severity: findingSeverity,
      reason,
      date: record.importDate,
      recordId: record.id,
      rnpt: record.rnpt ?? null,
      message: `${message}. ${UNCONFIRMED_EN}`,
      messageRu: `${messageRu} ${UNCONFIRMED_RU}`,
      details: { importDate: record.importDate, effectiveFrom, rnptObtainedOn: record.rnptObtainedOn ?? null, ...details },
    });
  };

  if (record.rnpt === undefined) {
    add(
      'rnpt_missing',
      configured,
      `EAEU import on ${record.importDate} has no RNPT`,
      `Товар ввезён из ЕАЭС ${imported}, а РНПТ по нему не получен. С ${since} РНПТ нужно получить до ввоза и указать в ДОПП.`,
    );
  } else if (record.rnptObtainedOn === undefined) {
    add(
      'rnpt_date_unknown',
      atMost(configured, 'info'),
      `EAEU import on ${record.importDate}: the date the RNPT ${record.rnpt} was obtained is unknown`,
      `Товар ввезён из ЕАЭС ${imported}; неизвестна дата квитанции о присвоении РНПТ ${record.rnpt}, поэтому нельзя проверить, ` +
        `получен ли он до ввоза. Укажите дату квитанции.`,
    );
  } else {
    const order = compareDates(record.rnptObtainedOn, record.importDate);
    const obtained = formatDateRu(record.rnptObtainedOn);
    if (order > 0) {
      add(
        'rnpt_after_import',
        configured,
        `RNPT ${record.rnpt} was obtained on ${record.rnptObtainedOn}, after the EAEU import on ${record.importDate}`,
        `РНПТ ${record.rnpt} получен ${obtained}, а товар ввезён из ЕАЭС раньше — ${imported}. С ${since} РНПТ нужно получать до ввоза ` +
          'и указывать в ДОПП: получайте РНПТ заранее, проверьте ДОПП по этой поставке.',
      );
    } else if (order === 0) {
      add(
        'rnpt_same_day',
        atMost(configured, 'info'),
        `RNPT ${record.rnpt} was obtained on the import day ${record.importDate}; the order cannot be told from dates`,
        `РНПТ ${record.rnpt} получен в день ввоза (${imported}): по датам нельзя установить, получен ли он до ввоза. ` +
          'Сверьте время квитанции и время пересечения границы.',
      );
    }
  }

  if (record.dopp !== undefined && record.rnpt !== undefined) {
    const filed = record.dopp.declarationNumber?.trim() ?? '';
    const where = describeDoppLineRu(record.dopp);
    if (filed === '') {
      add(
        'dopp_rnpt_missing',
        configured,
        `The ДОПП line does not name the RNPT ${record.rnpt}`,
        `В ${where} не указан РНПТ ${record.rnpt} (поле «Номер декларации на товары»). С ${since} РНПТ нужно указывать в ДОПП.`,
        { doppNumber: record.dopp.number ?? null, doppLine: record.dopp.lineNumber ?? null },
      );
    } else {
      const parsed = parseRnpt(filed);
      if (!parsed.ok || parsed.value.rnpt !== record.rnpt) {
        add(
          'dopp_rnpt_mismatch',
          configured,
          `The ДОПП line names "${filed}", not the RNPT ${record.rnpt}`,
          `В ${where} указан номер «${filed}», а РНПТ партии — ${record.rnpt}. Исправьте ДОПП.`,
          { doppNumber: record.dopp.number ?? null, doppLine: record.dopp.lineNumber ?? null, doppDeclarationNumber: filed },
        );
      }
    }
  }
  return findings;
}

function describeDoppLineRu(dopp: NonNullable<EaeuImportRecord['dopp']>): string {
  const number = dopp.number === undefined ? 'ДОПП' : `ДОПП № ${dopp.number}`;
  return dopp.lineNumber === undefined ? number : `строке ${dopp.lineNumber} ${number}`;
}
