/**
 * How values read in Russian reports: severities, document kinds, declaration sections, periods,
 * timestamps in Moscow time, money. One place, so that CSV, XLSX and HTML say the same things.
 */
import { DOCUMENT_KIND_LABELS_RU, formatQuarterRu, parseQuarter, type DocumentKind, type FindingSeverity } from '@sledopyt/core';

export const SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABELS_RU: Readonly<Record<FindingSeverity, string>> = {
  error: 'Ошибка',
  warning: 'Предупреждение',
  info: 'Информация',
};

/** Headings of the counts (cards, summary sheet, chart legends). */
export const SEVERITY_PLURALS_RU: Readonly<Record<FindingSeverity, string>> = {
  error: 'Ошибки',
  warning: 'Предупреждения',
  info: 'Информация',
};

export const SEVERITY_RANK: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, info: 2 };

const SECTION_LABELS_RU: Readonly<Record<string, string>> = {
  '8': 'книга покупок',
  '8.1': 'доп. листы книги покупок',
  '9': 'книга продаж',
  '9.1': 'доп. листы книги продаж',
};

/** «счёт-фактура», «УПД»…; a kind the core does not know is shown as it came. */
export function documentKindRu(kind: string): string {
  return Object.hasOwn(DOCUMENT_KIND_LABELS_RU, kind) ? DOCUMENT_KIND_LABELS_RU[kind as DocumentKind] : kind;
}

/** «9 (книга продаж)». */
export function sectionRu(section: string): string {
  const label = SECTION_LABELS_RU[section];
  return label === undefined ? section : `${section} (${label})`;
}

/** «3 квартал 2026 г.» */
export const periodRu = (period: string): string => formatQuarterRu(parseQuarter(period));

/** `2026-09-01` → `01.09.2026` (the core's CalendarDate is ISO). */
export const dateRu = (isoDate: string): string => `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;

/** The wall-clock parts of an instant in a time zone (reports are read in Moscow time by default). */
export function wallClock(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** «24.11.2026 14:05 (МСК)» for Europe/Moscow, otherwise the zone's name in brackets. */
export function timestampRu(instant: Date, timeZone: string): string {
  const t = wallClock(instant, timeZone);
  const zone = timeZone === 'Europe/Moscow' ? 'МСК' : timeZone;
  return `${pad2(t.day)}.${pad2(t.month)}.${t.year} ${pad2(t.hour)}:${pad2(t.minute)} (${zone})`;
}

const RUB = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** «6 000 ₽» with non-breaking spaces, as Russian texts write it. */
export const rubRu = (rub: number): string => `${RUB.format(rub)}\u00A0₽`;

const COUNT = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/** «312 345». */
export const countRu = (n: number): string => COUNT.format(n);

/** Details of a discrepancy as one line: «расход: 5; приход: 3». */
export function detailsRu(details: Readonly<Record<string, string | number | boolean | null>>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${value === null ? '—' : typeof value === 'boolean' ? (value ? 'да' : 'нет') : String(value)}`)
    .join('; ');
}
