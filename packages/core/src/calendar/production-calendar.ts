/**
 * The federal production calendar of the Russian Federation (five-day week), 2021–2027, as data.
 *
 * A day is a working day when it is Monday–Friday and not listed in `nonWorkingWeekdays`, or when it is a
 * Saturday/Sunday listed in `workingWeekendDays`. Only the exceptions to the plain week are listed, so a
 * new year (or the 2027 decree) is added by editing a few dates. `validateProductionCalendar` checks the
 * data (weekdays, weekends, order, duplicates, statutory holidays) — the tests and the first lookup run it.
 *
 * Sources: 2021–2026 — 1С:Бухгалтерия 3.0 calendar data (Calendar="РФ"), matching the yearly decrees;
 * see shared/domain/traceability-rules.md §8.
 */

/** One year of the calendar. Dates are `YYYY-MM-DD`. */
export interface ProductionCalendarYear {
  readonly year: number;
  /**
   * Monday–Friday days that are not worked: нерабочие праздничные дни (ст. 112 ТК РФ) that fall on a weekday,
   * and days off moved onto a weekday (by the Government's decree or by ч. 2 ст. 112 ТК РФ).
   */
  readonly nonWorkingWeekdays: readonly string[];
  /** Saturdays and Sundays that are worked: the other end of a transfer. */
  readonly workingWeekendDays: readonly string[];
  /** Pre-holiday days shortened by one hour (ст. 95 ТК РФ). Still working days. */
  readonly shortenedDays: readonly string[];
  /** The acts the year rests on, in Russian. */
  readonly legalBasisRu: string;
  /** True while the year's transfer decree has not been checked against its official text. */
  readonly provisional: boolean;
  /** Why the year is provisional, what to check. */
  readonly noteRu?: string;
}

/**
 * Нерабочие праздничные дни, ч. 1 ст. 112 ТК РФ (`MM-DD`): 1–6 and 8 January (новогодние каникулы),
 * 7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November. The same set for every year here.
 */
export const STATUTORY_HOLIDAYS: readonly string[] = [
  '01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08',
  '02-23', '03-08', '05-01', '05-09', '06-12', '11-04',
];

const LABOUR_CODE = 'ст. 112 ТК РФ';

export const PRODUCTION_CALENDAR: readonly ProductionCalendarYear[] = [
  {
    year: 2021,
    // 02.01→05.11, 03.01→31.12, 20.02 (Sat, worked)→22.02; 01.05, 09.05, 12.06 moved by ТК to 03.05, 10.05, 14.06.
    nonWorkingWeekdays: [
      '2021-01-01', '2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08',
      '2021-02-22', '2021-02-23', '2021-03-08', '2021-05-03', '2021-05-10', '2021-06-14',
      '2021-11-04', '2021-11-05', '2021-12-31',
    ],
    workingWeekendDays: ['2021-02-20'],
    shortenedDays: ['2021-02-20', '2021-04-30', '2021-06-11', '2021-11-03'],
    legalBasisRu: `${LABOUR_CODE}; постановление Правительства РФ от 10.10.2020 № 1648 «О переносе выходных дней в 2021 году»`,
    provisional: false,
  },
  {
    year: 2022,
    // 01.01→03.05, 02.01→10.05, 05.03 (Sat, worked)→07.03; 01.05, 12.06 (Sun) moved by ТК to 02.05, 13.06.
    nonWorkingWeekdays: [
      '2022-01-03', '2022-01-04', '2022-01-05', '2022-01-06', '2022-01-07',
      '2022-02-23', '2022-03-07', '2022-03-08', '2022-05-02', '2022-05-03', '2022-05-09', '2022-05-10',
      '2022-06-13', '2022-11-04',
    ],
    workingWeekendDays: ['2022-03-05'],
    shortenedDays: ['2022-02-22', '2022-03-05', '2022-11-03'],
    legalBasisRu: `${LABOUR_CODE}; постановление Правительства РФ от 16.09.2021 № 1564 «О переносе выходных дней в 2022 году»`,
    provisional: false,
  },
  {
    year: 2023,
    // 01.01→24.02, 08.01→08.05; 04.11 (Sat) moved by ТК to 06.11.
    nonWorkingWeekdays: [
      '2023-01-02', '2023-01-03', '2023-01-04', '2023-01-05', '2023-01-06',
      '2023-02-23', '2023-02-24', '2023-03-08', '2023-05-01', '2023-05-08', '2023-05-09',
      '2023-06-12', '2023-11-06',
    ],
    workingWeekendDays: [],
    shortenedDays: ['2023-02-22', '2023-03-07', '2023-11-03'],
    legalBasisRu: `${LABOUR_CODE}; постановление Правительства РФ от 29.08.2022 № 1505 «О переносе выходных дней в 2023 году»`,
    provisional: false,
  },
  {
    year: 2024,
    // 06.01→10.05, 07.01→31.12, 27.04→29.04, 02.11→30.04, 28.12→30.12 (the three Saturdays are worked).
    nonWorkingWeekdays: [
      '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08',
      '2024-02-23', '2024-03-08', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-09', '2024-05-10',
      '2024-06-12', '2024-11-04', '2024-12-30', '2024-12-31',
    ],
    workingWeekendDays: ['2024-04-27', '2024-11-02', '2024-12-28'],
    shortenedDays: ['2024-02-22', '2024-03-07', '2024-05-08', '2024-06-11', '2024-11-02'],
    legalBasisRu: `${LABOUR_CODE}; постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»`,
    provisional: false,
  },
  {
    year: 2025,
    // 04.01→02.05, 05.01→31.12, 23.02 (Sun)→08.05, 08.03 (Sat)→13.06, 01.11 (Sat, worked)→03.11.
    nonWorkingWeekdays: [
      '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08',
      '2025-05-01', '2025-05-02', '2025-05-08', '2025-05-09', '2025-06-12', '2025-06-13',
      '2025-11-03', '2025-11-04', '2025-12-31',
    ],
    workingWeekendDays: ['2025-11-01'],
    shortenedDays: ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'],
    legalBasisRu: `${LABOUR_CODE}; постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»`,
    provisional: false,
  },
  {
    year: 2026,
    // 03.01→09.01, 04.01→31.12; 08.03 (Sun), 09.05 (Sat) moved by ТК to 09.03, 11.05.
    nonWorkingWeekdays: [
      '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09',
      '2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11', '2026-06-12', '2026-11-04', '2026-12-31',
    ],
    workingWeekendDays: [],
    shortenedDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
    legalBasisRu: `${LABOUR_CODE}; постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»`,
    provisional: false,
  },
  {
    year: 2027,
    // Statutory part: 01.05 (Sat), 09.05 (Sun), 12.06 (Sat) move by ч. 2 ст. 112 ТК to 03.05, 10.05, 14.06.
    // Decree part (marked «decree»): 02.01→05.11, 03.01→31.12, 20.02 (Sat, worked)→22.02 — the same pattern as
    // 2021, which has the same weekdays. Read in secondary sources only; when the official text is checked,
    // correct these dates if needed and set `provisional: false`.
    nonWorkingWeekdays: [
      '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08',
      '2027-02-22' /* decree */, '2027-02-23', '2027-03-08', '2027-05-03', '2027-05-10', '2027-06-14',
      '2027-11-04', '2027-11-05' /* decree */, '2027-12-31' /* decree */,
    ],
    workingWeekendDays: ['2027-02-20' /* decree */],
    shortenedDays: ['2027-02-20' /* decree */, '2027-04-30', '2027-06-11', '2027-11-03'],
    legalBasisRu:
      `${LABOUR_CODE}; постановление Правительства РФ о переносе выходных дней в 2027 году ` +
      '(переносы 02.01→05.11, 03.01→31.12, 20.02→22.02 — по вторичным источникам, текст акта не сверен)',
    provisional: true,
    noteRu:
      'Календарь 2027 года предварительный: переносы выходных взяты из вторичных источников. ' +
      'Сверьте срок с официальным текстом постановления Правительства РФ о переносе выходных дней в 2027 году.',
  },
];
