import { describe, expect, it } from 'vitest';
import {
  TRACEABILITY_START,
  goodsListAmendmentOn,
  goodsListEntry,
  goodsListVersion,
  listEntries,
  listExclusions,
} from './goods-list.js';

/** The ПП № 345 codes as the ФНС page prints them. */
const PP345_CODES_AS_PRINTED =
  '8418 10 200 1, 8418 10 800 1, 8418 21 100 0, 8418 21 510 0, 8418 21 590 0, 8418 21 910 0, 8418 21 990 0, ' +
  '8418 30 200 1, 8418 30 800 1, 8418 40 200 1, 8418 40 800 1';

describe('entries', () => {
  it('has the eight product groups of the list, each with a unique id', () => {
    const entries = listEntries();
    expect(entries.map((e) => e.category)).toEqual([
      'Холодильники',
      'Погрузчики',
      'Дорожно-строительная техника',
      'Стиральные машины',
      'Мониторы, проекторы, телевизоры',
      'Промышленные транспортные средства',
      'Детские коляски',
      'Детские автокресла',
    ]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('uses 796 «Штука», the original dates and ПП № 1110 for every entry', () => {
    for (const entry of listEntries()) {
      expect(entry.unit).toEqual({ code: '796', name: 'Штука', shortName: 'шт' });
      expect(entry.validFrom).toBe('2021-07-08');
      expect(entry.validTo).toBeNull();
      expect(entry.legalBasis).toContain('от 01.07.2021 № 1110');
      expect(entry.addedBy).toBe('pp1110-2021');
      expect(entry.okpd2.length).toBeGreaterThan(0);
    }
  });

  it('lists six headings and the full codes of baby carriages and child car seats', () => {
    const codes = listEntries().flatMap((e) => e.tnved.map((t) => `${t.precision}:${t.display}`));
    expect(codes).toEqual([
      'heading:8418',
      'heading:8427',
      'heading:8429',
      'heading:8450',
      'heading:8528',
      'heading:8709',
      'code:8715 00 100 0',
      'code:9401 71 000 1',
      'code:9401 79 000 1',
      'code:9401 80 000 1',
    ]);
    for (const t of listEntries().flatMap((e) => e.tnved)) expect(t.code).toHaveLength(t.precision === 'heading' ? 4 : 10);
  });

  it('marks 9401 80 000 1 as unverified (the source prints only 9 digits) and the rest as verified', () => {
    const unverified = listEntries().flatMap((e) => e.tnved.filter((t) => !t.verified));
    expect(unverified.map((t) => t.code)).toEqual(['9401800001']);
    expect(unverified[0]?.note).toContain('9401 80 000');
  });

  it('never lets two entries cover the same code', () => {
    const codes = listEntries().flatMap((e) => e.tnved.map((t) => t.code));
    for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  it('finds an entry by id', () => {
    expect(goodsListEntry('child-car-seats')?.okpd2).toEqual(['29.32.20.130']);
    expect(goodsListEntry('vacuum-cleaners')).toBeNull();
  });
});

describe('exclusions', () => {
  it('excludes 8427 20 900 0, 8450 90 000 0 and 8709 90 000 0 always, from the start of the list', () => {
    const always = listExclusions().filter((x) => x.condition.kind === 'always');
    expect(always.map((x) => x.tnved.map((t) => t.display).join())).toEqual(['8427 20 900 0', '8450 90 000 0', '8709 90 000 0']);
    for (const x of always) {
      expect(x.validFrom).toBe(TRACEABILITY_START);
      expect(x.legalBasis).toContain('№ 1110');
    }
  });

  it('excludes the eleven household-fridge codes of ПП № 345 for Belarus-made goods from 06.03.2023', () => {
    const by = listExclusions().find((x) => x.condition.kind === 'origin');
    expect(by?.tnved.map((t) => t.display).join(', ')).toBe(PP345_CODES_AS_PRINTED);
    expect(by?.condition).toEqual({ kind: 'origin', countries: ['BY'] });
    expect(by?.validFrom).toBe('2023-03-06');
    expect(by?.validTo).toBeNull();
    expect(by?.legalBasis).toContain('от 04.03.2023 № 345');
    expect(by?.addedBy).toBe('pp345-2023');
  });

  it('puts every excluded code under a heading of the entry it belongs to', () => {
    for (const x of listExclusions()) {
      const entry = goodsListEntry(x.entryId);
      expect(entry).not.toBeNull();
      for (const t of x.tnved) expect(entry?.tnved.some((h) => t.code.startsWith(h.code))).toBe(true);
    }
  });

  it('has the Belarus exclusion in force from 06.03.2023, not the day before', () => {
    expect(listExclusions('2023-03-05').map((x) => x.id)).not.toContain('belarus-household-refrigerators');
    expect(listExclusions('2023-03-06').map((x) => x.id)).toContain('belarus-household-refrigerators');
  });
});

describe('versions', () => {
  it('records the amendment history, oldest first', () => {
    expect(goodsListVersion.amendments.map((a) => [a.id, a.adopted, a.inForce])).toEqual([
      ['pp1110-2021', '2021-07-01', '2021-07-08'],
      ['pp345-2023', '2023-03-04', '2023-03-06'],
    ]);
    expect(goodsListVersion.id).toBe('pp345-2023');
    expect(goodsListVersion.inForce).toBe('2023-03-06');
  });

  it.each([
    ['2021-07-07', null],
    ['2021-07-08', 'pp1110-2021'],
    ['2023-03-05', 'pp1110-2021'],
    ['06.03.2023', 'pp345-2023'],
    ['2026-11-24', 'pp345-2023'],
  ])('on %s the list is in the wording of %s', (date, id) => {
    expect(goodsListAmendmentOn(date)?.id ?? null).toBe(id);
  });

  it('has no entry in force before 08.07.2021', () => {
    expect(listEntries('2021-07-07')).toEqual([]);
    expect(listEntries('2021-07-08')).toHaveLength(8);
  });

  it('cannot be changed by a caller', () => {
    const entries = listEntries() as unknown as unknown[];
    expect(() => entries.push({})).toThrow(TypeError);
    const first = listEntries()[0] as unknown as { category: string };
    expect(() => {
      first.category = 'Пылесосы';
    }).toThrow(TypeError);
    expect(Object.isFrozen(goodsListVersion.amendments[0])).toBe(true);
  });
});
