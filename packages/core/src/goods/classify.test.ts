import { describe, expect, it } from 'vitest';
import { CLASSIFICATION_REASONS, classify, classifyInputSchema, classifyParsed } from './classify.js';
import { caught as thrown } from '../testing/caught.js';

const BY_FRIDGE_CODES = [
  '8418 10 200 1',
  '8418 10 800 1',
  '8418 21 100 0',
  '8418 21 510 0',
  '8418 21 590 0',
  '8418 21 910 0',
  '8418 21 990 0',
  '8418 30 200 1',
  '8418 30 800 1',
  '8418 40 200 1',
  '8418 40 800 1',
];

/** One real code per entry of the list, with a typical origin. */
const LISTED_GOODS = [
  { code: '8418 10 800 1', origin: 'CN', category: 'Холодильники', entry: 'refrigerators' },
  { code: '8418 29 000 0', origin: 'IT', category: 'Холодильники', entry: 'refrigerators' },
  { code: '8427 10 100 0', origin: 'DE', category: 'Погрузчики', entry: 'forklifts' },
  { code: '8427 20 190 0', origin: 'CN', category: 'Погрузчики', entry: 'forklifts' },
  { code: '8429 52 100 0', origin: 'JP', category: 'Дорожно-строительная техника', entry: 'earthmoving-machines' },
  { code: '8450 11 110 0', origin: 'TR', category: 'Стиральные машины', entry: 'washing-machines' },
  { code: '8528 72 200 1', origin: 'KR', category: 'Мониторы, проекторы, телевизоры', entry: 'monitors-projectors-tv' },
  { code: '8528 59 100 0', origin: 'VN', category: 'Мониторы, проекторы, телевизоры', entry: 'monitors-projectors-tv' },
  { code: '8709 11 900 0', origin: 'DE', category: 'Промышленные транспортные средства', entry: 'industrial-vehicles' },
  { code: '8715 00 100 0', origin: 'CN', category: 'Детские коляски', entry: 'baby-carriages' },
  { code: '9401 71 000 1', origin: 'DE', category: 'Детские автокресла', entry: 'child-car-seats' },
  { code: '9401 79 000 1', origin: 'CN', category: 'Детские автокресла', entry: 'child-car-seats' },
  { code: '9401 80 000 1', origin: 'CN', category: 'Детские автокресла', entry: 'child-car-seats' },
];

describe('classify: listed goods', () => {
  it.each(LISTED_GOODS)('$code made in $origin is traceable as «$category»', ({ code, origin, category, entry }) => {
    const c = classify(code, '2025-02-14', { originCountry: origin });
    expect(c.traceable).toBe(true);
    expect(c.reasonCode).toBe('LISTED');
    expect(c.category).toBe(category);
    expect(c.entry?.id).toBe(entry);
    expect(c.exclusion).toBeNull();
    expect(c.unit).toEqual({ code: '796', name: 'Штука', shortName: 'шт' });
    expect(c.tnved).toBe(code.replaceAll(' ', ''));
    expect(c.tnvedDisplay).toBe(code);
    expect(c.dependsOnOrigin).toBeNull();
    expect(c.reason).toContain(`«${category}»`);
    expect(c.reason).toContain('796 «Штука»');
    expect(c.legalBasis).toContain('№ 1110');
  });

  it.each(LISTED_GOODS)('$code made in Russia is not traceable (only imported goods are)', ({ code, category }) => {
    const c = classify(code, '2025-02-14', { originCountry: 'RU' });
    expect(c.traceable).toBe(false);
    expect(c.reasonCode).toBe('MADE_IN_RUSSIA');
    expect(c.category).toBe(category);
    expect(c.unit).toBeNull();
    expect(c.reason).toContain('произведён в России');
    expect(c.legalBasis).toContain('ЕА-4-15/15524@');
  });

  it('without an origin, says a listed good is traceable if imported and what the answer depends on', () => {
    const c = classify('8450 11 110 0', '2025-02-14');
    expect(c.traceable).toBe(true);
    expect(c.reasonCode).toBe('LISTED_IF_IMPORTED');
    expect(c.origin).toBeNull();
    expect(c.dependsOnOrigin).toContain('только товары, ввезённые в Россию');
    expect(c.dependsOnOrigin).not.toContain('Беларус');
  });

  it('treats a blank origin (an empty УПД field) as not given', () => {
    expect(classify('8450111100', '2025-02-14', { originCountry: '  ' }).reasonCode).toBe('LISTED_IF_IMPORTED');
    expect(classify('8450111100', '2025-02-14', { originCountry: undefined }).reasonCode).toBe('LISTED_IF_IMPORTED');
  });

  it('traces goods imported from an EAEU member other than Belarus', () => {
    const c = classify('8418 21 100 0', '2024-09-02', { originCountry: 'KZ' });
    expect(c.reasonCode).toBe('LISTED');
    expect(c.reason).toContain('Казахстан (KZ, ОКСМ 398)');
  });

  it('traces goods of an unlisted but well-formed origin code as foreign', () => {
    const c = classify('8528 72 200 1', '2024-09-02', { originCountry: 'ZZ' });
    expect(c.reasonCode).toBe('LISTED');
    expect(c.origin?.known).toBe(false);
    expect(c.reason).toContain('страна с кодом ZZ');
  });
});

describe('classify: child car seats', () => {
  it('flags 9401 80 000 1 as a code restored from a truncated source', () => {
    const c = classify('9401 80 000 1', '2025-02-14', { originCountry: 'CN' });
    expect(c.traceable).toBe(true);
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toContain('сверьте с текстом ПП № 1110');
  });

  it('has no caveat for the confirmed codes 9401 71 000 1 and 9401 79 000 1', () => {
    expect(classify('9401710001', '2025-02-14', { originCountry: 'CN' }).notes).toEqual([]);
    expect(classify('9401790001', '2025-02-14', { originCountry: 'CN' }).notes).toEqual([]);
  });

  it.each(['9401 80 000 9', '9401 71 000 9', '9401 20 000 0'])('does not trace other seats of heading 9401: %s', (code) => {
    const c = classify(code, '2025-02-14', { originCountry: 'CN' });
    expect(c.traceable).toBe(false);
    expect(c.reasonCode).toBe('NOT_LISTED');
    expect(c.entry).toBeNull();
  });
});

describe('classify: exclusions that always apply', () => {
  it.each([
    ['8427 20 900 0', 'forklifts-8427209000', 'Погрузчики'],
    ['8450 90 000 0', 'washing-machine-parts', 'Стиральные машины'],
    ['8709 90 000 0', 'industrial-vehicle-parts', 'Промышленные транспортные средства'],
  ])('%s is excluded from «%s» whatever the origin', (code, exclusionId, category) => {
    for (const originCountry of ['CN', 'BY', 'RU', undefined]) {
      const c = classify(code, '2025-02-14', { originCountry });
      expect(c.traceable).toBe(false);
      expect(c.reasonCode).toBe('EXCLUDED_CODE');
      expect(c.exclusion?.id).toBe(exclusionId);
      expect(c.category).toBe(category);
      expect(c.unit).toBeNull();
      expect(c.dependsOnOrigin).toBeNull();
      expect(c.reason).toContain(`«кроме ${code}»`);
    }
  });

  it('applies them from the first day of the list', () => {
    expect(classify('8450900000', '2021-07-08', { originCountry: 'CN' }).reasonCode).toBe('EXCLUDED_CODE');
  });
});

describe('classify: Belarus-made household fridges (ПП № 345)', () => {
  it.each(BY_FRIDGE_CODES)('%s made in Belarus is excluded from 06.03.2023', (code) => {
    const c = classify(code, '2023-03-06', { originCountry: 'BY' });
    expect(c.traceable).toBe(false);
    expect(c.reasonCode).toBe('EXCLUDED_BY_ORIGIN');
    expect(c.exclusion?.id).toBe('belarus-household-refrigerators');
    expect(c.legalBasis).toContain('№ 345');
    expect(c.reason).toContain('Беларусь (BY, ОКСМ 112)');
    expect(c.reason).toContain('06.03.2023');
  });

  it.each(BY_FRIDGE_CODES)('%s made in Belarus is still traceable on 05.03.2023, with a note on the exclusion', (code) => {
    const c = classify(code, '2023-03-05', { originCountry: 'BY' });
    expect(c.traceable).toBe(true);
    expect(c.reasonCode).toBe('LISTED');
    expect(c.listVersion).toBe('pp1110-2021');
    expect(c.notes.join(' ')).toContain('С 06.03.2023 такой товар исключён');
  });

  it.each(BY_FRIDGE_CODES)('%s made in China stays traceable after 06.03.2023', (code) => {
    const c = classify(code, '2024-11-20', { originCountry: 'CN' });
    expect(c.reasonCode).toBe('LISTED');
    expect(c.notes).toEqual([]);
  });

  it.each([
    ['8418 10 200 9', 'a combined fridge-freezer that is not household'],
    ['8418 29 000 0', 'an absorption household fridge, not among the eleven codes'],
  ])('keeps %s (%s) traceable even when made in Belarus', (code) => {
    const c = classify(code, '2024-11-20', { originCountry: 'BY' });
    expect(c.traceable).toBe(true);
    expect(c.reasonCode).toBe('LISTED');
  });

  it('without an origin, explains that Belarus-made goods of these codes are excluded', () => {
    const c = classify('8418 21 100 0', '2024-11-20');
    expect(c.reasonCode).toBe('LISTED_IF_IMPORTED');
    expect(c.traceable).toBe(true);
    expect(c.dependsOnOrigin).toContain('только товары, ввезённые в Россию');
    expect(c.dependsOnOrigin).toContain('С 06.03.2023 по этому коду не прослеживаются');
    expect(c.dependsOnOrigin).toContain('Республики Беларусь');
  });

  it('without an origin before 06.03.2023, does not mention Belarus', () => {
    expect(classify('8418 21 100 0', '2023-03-05').dependsOnOrigin).not.toContain('Беларус');
  });

  it.each(['BY', 'by', 'BLR', '112', 'Беларусь', 'Республика Беларусь'])('understands the origin %j as Belarus', (origin) => {
    expect(classify('8418 30 200 1', '2025-06-30', { originCountry: origin }).reasonCode).toBe('EXCLUDED_BY_ORIGIN');
  });

  it('does not apply the fridge exclusion to other Belarus-made goods', () => {
    expect(classify('8450 11 110 0', '2025-06-30', { originCountry: 'BY' }).reasonCode).toBe('LISTED');
  });
});

describe('classify: origins in every notation', () => {
  it.each(['RU', 'rus', '643', 'Россия', 'РФ'])('%j means made in Russia', (origin) => {
    expect(classify('8528 72 200 1', '2025-06-30', { originCountry: origin }).reasonCode).toBe('MADE_IN_RUSSIA');
  });

  it.each(['CN', 'CHN', '156', 'Китай'])('%j means imported from China', (origin) => {
    const c = classify('8528 72 200 1', '2025-06-30', { originCountry: origin });
    expect(c.reasonCode).toBe('LISTED');
    expect(c.origin?.alpha2).toBe('CN');
  });

  it('refuses an unreadable origin with ORIGIN_INVALID', () => {
    const error = thrown(() => classify('8528722001', '2025-06-30', { originCountry: 'Belarus' }));
    expect(error.code).toBe('ORIGIN_INVALID');
    expect(error.messageRu).toContain('«Belarus»');
  });
});

describe('classify: dates', () => {
  it('traces nothing on 07.07.2021, the day before the start, and says which entry will apply', () => {
    const c = classify('8418 10 800 1', '2021-07-07', { originCountry: 'CN' });
    expect(c.traceable).toBe(false);
    expect(c.reasonCode).toBe('BEFORE_START');
    expect(c.reason).toContain('08.07.2021');
    expect(c.reason).toContain('«Холодильники»');
    expect(c.entry).toBeNull();
    expect(c.listVersion).toBeNull();
  });

  it('traces listed goods from 08.07.2021', () => {
    const c = classify('8418 10 800 1', '2021-07-08', { originCountry: 'CN' });
    expect(c.reasonCode).toBe('LISTED');
    expect(c.listVersion).toBe('pp1110-2021');
  });

  it('says BEFORE_START for an unlisted code too, without naming an entry', () => {
    const c = classify('8516 60 101 0', '2020-12-31');
    expect(c.reasonCode).toBe('BEFORE_START');
    expect(c.reason).not.toContain('позиции перечня');
  });

  it('accepts the date as DD.MM.YYYY', () => {
    const c = classify('8418108001', '06.03.2023', { originCountry: 'BY' });
    expect(c.date).toBe('2023-03-06');
    expect(c.reasonCode).toBe('EXCLUDED_BY_ORIGIN');
  });

  it('refuses an impossible date', () => {
    expect(thrown(() => classify('8418108001', '2023-02-30')).code).toBe('DATE_INVALID');
    expect(thrown(() => classify('8418108001', '2023/03/06')).code).toBe('DATE_FORMAT');
  });
});

describe('classify: goods not in the list', () => {
  it.each([
    ['8415 10 900 0', 'air conditioner, named as excluded from 8418'],
    ['8508 11 000 0', 'vacuum cleaner'],
    ['8516 60 101 0', 'electric cooker'],
    ['8715 00 900 0', 'parts of baby carriages'],
  ])('%s (%s) is not traceable', (code) => {
    const c = classify(code, '2025-06-30', { originCountry: 'CN' });
    expect(c.traceable).toBe(false);
    expect(c.reasonCode).toBe('NOT_LISTED');
    expect(c.reason).toContain('не входит в перечень');
    expect(c.legalBasis).toContain('№ 345');
    expect(c.category).toBeNull();
    expect(c.unit).toBeNull();
  });
});

describe('classify: code notation', () => {
  it.each(['8418211000', '8418 21 100 0', '8418\u00a021\u00a0100\u00a00', '8418.21.100.0', ' 8418 21 1000 '])(
    'gives the same answer for %j',
    (input) => {
      const c = classify(input, '2024-04-01', { originCountry: '112' });
      expect(c).toEqual(classify('8418211000', '2024-04-01', { originCountry: '112' }));
    },
  );

  it.each([
    ['8418 21 100', 'из 9 цифр'],
    ['84182110000', 'из 11 цифр'],
    ['84I8211000', 'букву «I»'],
    ['', 'не указан'],
  ])('refuses the code %j with TNVED_INVALID', (input, message) => {
    const error = thrown(() => classify(input, '2024-04-01'));
    expect(error.code).toBe('TNVED_INVALID');
    expect(error.messageRu).toContain(message);
  });
});

describe('classify: shortened codes', () => {
  it('classifies the heading 8418 from China as traceable with no doubt', () => {
    const c = classify('8418', '2024-04-01', { originCountry: 'CN' });
    expect(c.traceable).toBe(true);
    expect(c.reasonCode).toBe('LISTED');
    expect(c.tnvedComplete).toBe(false);
    expect(c.dependsOnCode).toBeNull();
  });

  it('for 8418 made in Belarus after 06.03.2023, stays traceable but names the eleven codes that are not', () => {
    const c = classify('8418', '2024-04-01', { originCountry: 'BY' });
    expect(c.traceable).toBe(true);
    for (const code of BY_FRIDGE_CODES) expect(c.dependsOnCode).toContain(code);
  });

  it('for 8418 10 names only the excluded codes under that subheading', () => {
    const c = classify('8418 10', '2024-04-01');
    expect(c.dependsOnCode).toContain('8418 10 200 1, 8418 10 800 1 —');
    expect(c.dependsOnCode).not.toContain('8418 21');
  });

  it('for 8418 made in Belarus before 06.03.2023, does not depend on the full code', () => {
    expect(classify('8418', '2022-11-01', { originCountry: 'BY' }).dependsOnCode).toBeNull();
  });

  it('for 8450, names the excluded parts whatever the origin', () => {
    const c = classify('8450', '2024-04-01', { originCountry: 'TR' });
    expect(c.traceable).toBe(true);
    expect(c.dependsOnCode).toContain('8450 90 000 0');
  });

  it('for 8427 20 (8 digits: 8427 20 90), reports the exclusion 8427 20 900 0', () => {
    expect(classify('8427 20 90', '2024-04-01', { originCountry: 'CN' }).dependsOnCode).toContain('8427 20 900 0');
    expect(classify('8427 20 19', '2024-04-01', { originCountry: 'CN' }).dependsOnCode).toBeNull();
  });

  it.each([
    ['9401', ['9401 71 000 1', '9401 79 000 1', '9401 80 000 1']],
    ['9401 80', ['9401 80 000 1']],
    ['8715 00', ['8715 00 100 0']],
    ['87150010', ['8715 00 100 0']],
  ])('asks for the full code when %j is only the start of listed codes', (input, codes) => {
    const c = classify(input, '2024-04-01', { originCountry: 'CN' });
    expect(c.traceable).toBe(false);
    expect(c.reasonCode).toBe('NEEDS_FULL_CODE');
    for (const code of codes) expect(c.dependsOnCode).toContain(code);
    expect(c.dependsOnCode).toContain('укажите полный 10-значный код');
  });

  it('says a heading outside the list is not listed', () => {
    expect(classify('8516', '2024-04-01').reasonCode).toBe('NOT_LISTED');
  });

  it('for a Russian-made heading, answers MADE_IN_RUSSIA', () => {
    expect(classify('8528', '2024-04-01', { originCountry: 'RU' }).reasonCode).toBe('MADE_IN_RUSSIA');
  });
});

describe('classify: output', () => {
  it('survives a JSON round trip unchanged, for every kind of answer', () => {
    const samples = [
      classify('8418 21 100 0', '2024-04-01', { originCountry: 'BY' }),
      classify('8418', '2024-04-01'),
      classify('9401', '2024-04-01'),
      classify('9401 80 000 1', '2024-04-01'),
      classify('8450 90 000 0', '2024-04-01', { originCountry: 'CN' }),
      classify('8516 60 101 0', '2021-01-01'),
    ];
    for (const c of samples) {
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
      expect(CLASSIFICATION_REASONS).toContain(c.reasonCode);
      expect(c.reason.length).toBeGreaterThan(20);
      expect(c.legalBasis.length).toBeGreaterThan(20);
    }
  });
});

describe('classifyInputSchema', () => {
  it('parses CLI-style input that classifyParsed can use', () => {
    const input = classifyInputSchema.parse({ tnved: '8418 21 100 0', date: '06.03.2023', originCountry: '112' });
    const c = classifyParsed(input.tnved, input.date, input.originCountry ?? null);
    expect(c).toEqual(classify('8418211000', '2023-03-06', { originCountry: '112' }));
  });

  it('treats a blank origin as not given', () => {
    expect(classifyInputSchema.parse({ tnved: '8418', date: '2023-03-06', originCountry: '' }).originCountry).toBeUndefined();
  });

  it('reports every bad field with a Russian message', () => {
    const result = classifyInputSchema.safeParse({ tnved: '9401 80 000', date: '31.02.2024', originCountry: 'Belarus' });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byPath['tnved']).toContain('из 9 цифр');
    expect(byPath['date']).toContain('такой даты нет');
    expect(byPath['originCountry']).toContain('не распознана');
  });
});
