/**
 * Deadlines of the traceability system (НСПТ) and of the reports around it, as a table of data:
 * each kind has its title, rule and legal basis in Russian and a function that computes the last day.
 * Rules: shared/domain/traceability-rules.md §4.1 and §8.3.
 */
import { z } from 'zod';
import {
  addDays,
  calendarDate,
  calendarDateSchema,
  daysBetween,
  parseCalendarDate,
  type CalendarDate,
} from '../calendar-date.js';
import { SledopytError, isSledopytError } from '../errors.js';
import { formatQuarter, isQuarterId, parseQuarter, quarterOf, quarterRange, type Quarter, type QuarterId } from './quarter.js';
import {
  addWorkingDays,
  productionCalendarYear,
  provisionalYearsBetween,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './working-days.js';

export const DEADLINE_KIND_IDS = [
  'eaeu-import-notification',
  'eaeu-movement-notification',
  'remains-notification',
  'corrective-remains-notification',
  'corrective-movement-notification',
  'operations-report',
  'vat-declaration',
  'dopp',
] as const;

export type DeadlineKindId = (typeof DEADLINE_KIND_IDS)[number];

/** `act`: the deadline is written in a named act (НК, постановление, письмо ФНС); `inferred`: practice or our reading. */
export type DeadlineBasisKind = 'act' | 'inferred';

export interface DeadlineOptions {
  /** eaeu-movement-notification: the goods are household refrigerators (ПП № 2162). */
  householdRefrigerators?: boolean | undefined;
  /** eaeu-movement-notification for refrigerators: when the goods cross the border; defaults to the shipment date. */
  borderCrossingDate?: string | undefined;
}

export interface DeadlineRequest extends DeadlineOptions {
  kind: DeadlineKindId;
  /** The event date (`YYYY-MM-DD` or `DD.MM.YYYY`); for quarterly kinds also a quarter, `2026-Q3`. */
  date: string;
}

/** A computed deadline; plain JSON. */
export interface Deadline {
  kind: DeadlineKindId;
  titleRu: string;
  /** The event the period counts from; for a quarter, its last day. */
  eventDate: CalendarDate;
  /** The quarter, for quarterly kinds. */
  period?: QuarterId;
  /** The last day on which the document is still on time. */
  due: CalendarDate;
  ruleRu: string;
  legalBasisRu: string;
  basisKind: DeadlineBasisKind;
  /** The result depends on a provisional year of the production calendar. */
  provisional: boolean;
  note?: string;
}

interface EventContext {
  eventDate: CalendarDate;
  period: Quarter | undefined;
  options: DeadlineOptions;
}

interface RuleOutcome {
  due: CalendarDate;
  /** Whether the production calendar was consulted (only then can the result be provisional). */
  usesCalendar: boolean;
  ruleRu?: string;
  notes?: string[];
}

interface DeadlineKindDefinition {
  id: DeadlineKindId;
  titleRu: string;
  descriptionRu: string;
  /** What the event date means. */
  eventRu: string;
  ruleRu: string;
  legalBasisRu: string;
  basisKind: DeadlineBasisKind;
  /** The event is a quarter (any date in it, or `2026-Q3`). */
  quarterly: boolean;
  compute: (context: EventContext) => RuleOutcome;
}

// ── rule builders ────────────────────────────────────────────────────────────────────────────────────────

const workingDaysAfterEvent =
  (n: number) =>
  ({ eventDate }: EventContext): RuleOutcome => ({ due: addWorkingDays(eventDate, n), usesCalendar: true });

const onEventDay = ({ eventDate }: EventContext): RuleOutcome => ({ due: eventDate, usesCalendar: false });

/** 25th of the month after the quarter, moved to the next working day (п. 7 ст. 6.1 НК РФ). */
const twentyFifthAfterQuarter = ({ eventDate, period }: EventContext): RuleOutcome => {
  const { year, quarter } = period ?? quarterOf(eventDate);
  const nominal = quarter === 4 ? calendarDate(year + 1, 1, 25) : calendarDate(year, quarter * 3 + 1, 25);
  return { due: workingDayOnOrAfter(nominal), usesCalendar: true };
};

// ── kinds with their own logic ───────────────────────────────────────────────────────────────────────────

/** ПП № 2162 applies from this date (1С's `УведомлениеПодаетсяДоМоментаПересеченияГраницы`). */
const REFRIGERATOR_RULE_FROM = '2024-01-18' as CalendarDate;
const REFRIGERATOR_RULE_RU =
  'Бытовые холодильники (с 18.01.2024): до пересечения товарами границы РФ с государством — членом ЕАЭС. ' +
  'Крайний день — день пересечения границы, но подать уведомление нужно до самого пересечения.';

function movementNotification(context: EventContext): RuleOutcome {
  const { eventDate, options } = context;
  const generalRule = workingDaysAfterEvent(5)(context);
  if (options.householdRefrigerators !== true) {
    if (options.borderCrossingDate === undefined) return generalRule;
    return {
      ...generalRule,
      notes: ['Дата пересечения границы учитывается только для бытовых холодильников; срок посчитан по общему правилу.'],
    };
  }
  if (eventDate < REFRIGERATOR_RULE_FROM) {
    return {
      ...generalRule,
      notes: ['Особый срок для бытовых холодильников действует с 18.01.2024; для более ранней отгрузки — 5 рабочих дней.'],
    };
  }
  const crossing = options.borderCrossingDate === undefined ? eventDate : parseOptionDate(options.borderCrossingDate);
  if (crossing < eventDate) {
    throw new SledopytError({
      code: 'DEADLINE_OPTION_INVALID',
      message: `The border-crossing date ${crossing} is before the shipment date ${eventDate}`,
      messageRu: 'Дата пересечения границы раньше даты отгрузки. Проверьте обе даты.',
      details: { borderCrossingDate: crossing, eventDate },
    });
  }
  const notes = ['Надёжнее подать уведомление накануне пересечения границы: в сам день — только до момента пересечения.'];
  if (options.borderCrossingDate === undefined) {
    notes.push('Дата пересечения границы не указана — принята дата отгрузки.');
  }
  return { due: crossing, usesCalendar: false, ruleRu: REFRIGERATOR_RULE_RU, notes };
}

/** СПОТ pilot start (§6.1 of the rules). */
const SPOT_START = '2026-04-01' as CalendarDate;

function doppDeadline(context: EventContext): RuleOutcome {
  // "За 2 дня" read as calendar days (ст. 6.1 п. 6 НК counts days as calendar days unless "рабочие" is said;
  // ДОПП is filed online and trucks cross on any day), with no shift to a working day: a shift would shorten
  // the notice the rule asks for. [I]
  const outcome: RuleOutcome = { due: addDays(context.eventDate, -2), usesCalendar: false };
  if (context.eventDate < SPOT_START) {
    outcome.notes = ['ДОПП требуется при ввозе с 01.04.2026 (запуск СПОТ); для более ранней даты ввоза срок справочный.'];
  }
  return outcome;
}

function parseOptionDate(text: string): CalendarDate {
  try {
    return parseCalendarDate(text);
  } catch (error) {
    throw new SledopytError({
      code: 'DEADLINE_OPTION_INVALID',
      message: `The border-crossing date "${text}" is not a date`,
      messageRu: `Дата пересечения границы «${text}» не распознана: укажите её как ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.`,
      details: { borderCrossingDate: text },
      cause: error,
    });
  }
}

// ── the table ────────────────────────────────────────────────────────────────────────────────────────────

const POLOZHENIE = 'Положение о национальной системе прослеживаемости товаров (утв. постановлением Правительства РФ от 01.07.2021 № 1108)';
const QUARTER_EVENT_RU = 'квартал: любая его дата или период вида 2026-Q3';
const TWENTY_FIFTH_RULE_RU =
  'Не позднее 25-го числа месяца, следующего за истекшим кварталом; если это нерабочий день — следующий рабочий день.';

const DEFINITIONS: readonly DeadlineKindDefinition[] = [
  {
    id: 'eaeu-import-notification',
    titleRu: 'Уведомление о ввозе товаров из ЕАЭС',
    descriptionRu: 'Уведомление о ввозе прослеживаемых товаров из государства — члена ЕАЭС (КНД 1169008)',
    eventRu: 'дата принятия товаров на учёт',
    ruleRu: 'В течение 5 рабочих дней с даты принятия товаров на учёт: отсчёт со следующего дня, срок — пятый рабочий день.',
    legalBasisRu: POLOZHENIE,
    basisKind: 'act',
    quarterly: false,
    compute: workingDaysAfterEvent(5),
  },
  {
    id: 'eaeu-movement-notification',
    titleRu: 'Уведомление о перемещении товаров в ЕАЭС',
    descriptionRu: 'Уведомление о перемещении прослеживаемых товаров из РФ в государство — член ЕАЭС (КНД 1184054)',
    eventRu: 'дата отгрузки товаров',
    ruleRu: 'В течение 5 рабочих дней с даты отгрузки: отсчёт со следующего дня, срок — пятый рабочий день.',
    legalBasisRu: `${POLOZHENIE}; для бытовых холодильников — постановление Правительства РФ от 15.12.2023 № 2162`,
    basisKind: 'act',
    quarterly: false,
    compute: movementNotification,
  },
  {
    id: 'remains-notification',
    titleRu: 'Уведомление об остатках прослеживаемых товаров',
    descriptionRu: 'Уведомление об остатках (КНД 1169011) по товару без РНПТ — до операции с ним',
    eventRu: 'дата операции с товаром (например, реализации)',
    ruleRu: 'Не позднее дня совершения операции с товаром; на рабочий день срок не переносится.',
    legalBasisRu: `абз. 2 п. 28 Положения о национальной системе прослеживаемости товаров (постановление Правительства РФ от 01.07.2021 № 1108)`,
    basisKind: 'act',
    quarterly: false,
    compute: onEventDay,
  },
  {
    id: 'corrective-remains-notification',
    titleRu: 'Корректировочное уведомление об остатках после возврата',
    descriptionRu: 'Корректировочное уведомление об остатках при возврате товаров, проданных до 08.07.2021',
    eventRu: 'дата возврата товаров',
    ruleRu: 'Не позднее первого рабочего дня, следующего за датой возврата.',
    legalBasisRu: 'Письмо МИ ФНС России по управлению долгом (по КК) от 08.04.2022 № 08-05/0369@',
    basisKind: 'act',
    quarterly: false,
    compute: workingDaysAfterEvent(1),
  },
  {
    id: 'corrective-movement-notification',
    titleRu: 'Корректировочное уведомление о перемещении',
    descriptionRu: 'Корректировочное уведомление о перемещении товаров в ЕАЭС (после УКД, возврата, ошибки)',
    eventRu: 'дата события, меняющего сведения (корректировочный документ, возврат)',
    ruleRu: 'В течение 1 рабочего дня с даты корректировки (срок, который применяет 1С:Бухгалтерия).',
    legalBasisRu: 'Норма акта не найдена; срок принят по практике 1С:Бухгалтерия 3.0 — предположение, проверьте',
    basisKind: 'inferred',
    quarterly: false,
    compute: workingDaysAfterEvent(1),
  },
  {
    id: 'operations-report',
    titleRu: 'Отчёт об операциях с прослеживаемыми товарами',
    descriptionRu: 'Квартальный отчёт об операциях (КНД 1169010) — если в квартале были операции, не отражённые в декларации по НДС',
    eventRu: QUARTER_EVENT_RU,
    ruleRu: TWENTY_FIFTH_RULE_RU,
    legalBasisRu: 'п. 2.3 ст. 23 НК РФ; перенос срока — п. 7 ст. 6.1 НК РФ',
    basisKind: 'act',
    quarterly: true,
    compute: twentyFifthAfterQuarter,
  },
  {
    id: 'vat-declaration',
    titleRu: 'Декларация по НДС',
    descriptionRu: 'Декларация по НДС за квартал (разделы 8 и 9 с реквизитами прослеживаемости)',
    eventRu: QUARTER_EVENT_RU,
    ruleRu: TWENTY_FIFTH_RULE_RU,
    legalBasisRu: 'п. 5 ст. 174 НК РФ; перенос срока — п. 7 ст. 6.1 НК РФ',
    basisKind: 'act',
    quarterly: true,
    compute: twentyFifthAfterQuarter,
  },
  {
    id: 'dopp',
    titleRu: 'ДОПП — документ о предстоящей поставке (СПОТ)',
    descriptionRu: 'Документ о предстоящей поставке (КНД 1160303) при ввозе из ЕАЭС автотранспортом',
    eventRu: 'планируемая дата ввоза товаров в РФ',
    ruleRu:
      'Не позднее чем за 2 дня до ввоза: крайний день — дата ввоза минус 2 календарных дня ' +
      '(«за 2 дня» понято как календарные дни — предположение).',
    legalBasisRu:
      'Концепция СПОТ (распоряжение Правительства РФ от 10.11.2025 № 3213-р) и разъяснения ФНС в прессе; ' +
      'порядок подачи ДОПП в нормативном акте не сверен',
    basisKind: 'inferred',
    quarterly: false,
    compute: doppDeadline,
  },
];

const DEFINITION_BY_ID: ReadonlyMap<string, DeadlineKindDefinition> = new Map(DEFINITIONS.map((d) => [d.id, d]));

/** The deadline kinds for help screens and pickers (no functions inside: JSON as is). */
export const DEADLINE_KINDS: readonly {
  id: DeadlineKindId;
  titleRu: string;
  descriptionRu: string;
  eventRu: string;
  ruleRu: string;
  legalBasisRu: string;
  basisKind: DeadlineBasisKind;
  acceptsQuarter: boolean;
}[] = DEFINITIONS.map((d) => ({
  id: d.id,
  titleRu: d.titleRu,
  descriptionRu: d.descriptionRu,
  eventRu: d.eventRu,
  ruleRu: d.ruleRu,
  legalBasisRu: d.legalBasisRu,
  basisKind: d.basisKind,
  acceptsQuarter: d.quarterly,
}));

function definitionOf(kind: string): DeadlineKindDefinition {
  const definition = DEFINITION_BY_ID.get(kind);
  if (definition === undefined) {
    throw new SledopytError({
      code: 'DEADLINE_KIND_UNKNOWN',
      message: `Unknown deadline kind "${kind}"; known: ${DEADLINE_KIND_IDS.join(', ')}`,
      messageRu: `Неизвестный вид срока «${kind}». Допустимые: ${DEADLINE_KIND_IDS.join(', ')}.`,
      details: { kind },
    });
  }
  return definition;
}

function resolveEvent(definition: DeadlineKindDefinition, text: string): { eventDate: CalendarDate; period: Quarter | undefined } {
  if (isQuarterId(text)) {
    if (!definition.quarterly) {
      throw new SledopytError({
        code: 'DEADLINE_DATE_INVALID',
        message: `Deadline kind "${definition.id}" needs an event date, not a quarter ("${text}")`,
        messageRu: `Для срока «${definition.titleRu}» нужна дата события (${definition.eventRu}), а не квартал.`,
        details: { kind: definition.id, date: text },
      });
    }
    const period = parseQuarter(text);
    return { eventDate: quarterRange(period).to, period };
  }
  const eventDate = parseCalendarDate(text);
  return { eventDate, period: definition.quarterly ? quarterOf(eventDate) : undefined };
}

/** Computes the last day for one event. Fails with CALENDAR_OUT_OF_RANGE when the calendar does not reach. */
export function computeDeadline(request: DeadlineRequest): Deadline {
  const definition = definitionOf(request.kind);
  const { eventDate, period } = resolveEvent(definition, request.date);
  const outcome = definition.compute({ eventDate, period, options: request });
  const provisionalYears = outcome.usesCalendar ? provisionalYearsBetween(eventDate, outcome.due) : [];
  const notes = [...(outcome.notes ?? [])];
  const firstProvisionalYear = provisionalYears[0];
  if (firstProvisionalYear !== undefined) {
    notes.push(productionCalendarYear(firstProvisionalYear).noteRu ?? `Календарь ${firstProvisionalYear} года предварительный.`);
  }
  const deadline: Deadline = {
    kind: definition.id,
    titleRu: definition.titleRu,
    eventDate,
    due: outcome.due,
    ruleRu: outcome.ruleRu ?? definition.ruleRu,
    legalBasisRu: definition.legalBasisRu,
    basisKind: definition.basisKind,
    provisional: firstProvisionalYear !== undefined,
  };
  if (period !== undefined) deadline.period = formatQuarter(period);
  if (notes.length > 0) deadline.note = notes.join(' ');
  return deadline;
}

export interface LatenessCheck {
  deadline: Deadline;
  filedDate: CalendarDate;
  late: boolean;
  /** Calendar days after `due`; 0 when on time. */
  calendarDaysLate: number;
  /**
   * Working days after `due` up to and including the filing day; 0 when on time. Can be 0 while `late`
   * is true: filed on the weekend right after the deadline.
   */
  workingDaysLate: number;
  /** The deadline or the lateness count rests on a provisional calendar year. */
  provisional: boolean;
}

/** Whether a document filed on `filedDate` missed its deadline, and by how much (for the reconciler). */
export function isLate(kind: DeadlineKindId, eventDate: string, filedDate: string, options: DeadlineOptions = {}): LatenessCheck {
  const deadline = computeDeadline({ ...options, kind, date: eventDate });
  const filed = parseCalendarDate(filedDate);
  const late = filed > deadline.due;
  return {
    deadline,
    filedDate: filed,
    late,
    calendarDaysLate: late ? daysBetween(deadline.due, filed) : 0,
    workingDaysLate: late ? workingDaysBetween(deadline.due, filed) : 0,
    provisional: deadline.provisional || (late && provisionalYearsBetween(deadline.due, filed).length > 0),
  };
}

export const deadlineKindIdSchema = z.enum(DEADLINE_KIND_IDS);

/** Input of `computeDeadline` (CLI flags, JSON): checks that the date suits the kind (a quarter only where allowed). */
export const deadlineRequestSchema = z
  .object({
    kind: deadlineKindIdSchema,
    date: z.string().trim().min(1, { message: 'укажите дату события или квартал' }),
    householdRefrigerators: z.boolean().optional(),
    borderCrossingDate: calendarDateSchema.optional(),
  })
  .superRefine((request, context) => {
    try {
      resolveEvent(definitionOf(request.kind), request.date);
    } catch (error) {
      context.addIssue({
        code: 'custom',
        path: ['date'],
        message: isSledopytError(error) ? error.messageRu : 'дата события не распознана',
      });
    }
  });
