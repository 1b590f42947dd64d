import { describe, expect, it } from 'vitest';
import { OKEI_PIECE, okeiCodeSchema, okeiUnit, okeiUnits } from './okei.js';

describe('okeiUnit', () => {
  it('knows 796 «Штука» — the unit of every entry of the goods list', () => {
    expect(okeiUnit('796')).toEqual({ code: '796', name: 'Штука', shortName: 'шт' });
    expect(okeiUnit('796')).toBe(OKEI_PIECE);
  });

  it.each([
    ['166', 'Килограмм', 'кг'],
    ['112', 'Литр; кубический дециметр', 'л; дм3'],
    ['006', 'Метр', 'м'],
    ['055', 'Квадратный метр', 'м2'],
    ['113', 'Кубический метр', 'м3'],
    ['839', 'Комплект', 'компл'],
    ['778', 'Упаковка', 'упак'],
    ['715', 'Пара (2 шт.)', 'пар'],
    ['704', 'Набор', 'набор'],
  ])('knows %s «%s» (%s), units a УПД may carry', (code, name, shortName) => {
    expect(okeiUnit(code)).toEqual({ code, name, shortName });
  });

  it('trims the code but keeps leading zeros significant', () => {
    expect(okeiUnit(' 796 ')?.name).toBe('Штука');
    expect(okeiUnit('6')).toBeNull();
    expect(okeiUnit('0006')).toBeNull();
  });

  it('returns null for a code it does not list', () => {
    expect(okeiUnit('999')).toBeNull();
  });

  it('lists each code once, each a valid ОКЕИ code', () => {
    const codes = okeiUnits().map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(okeiCodeSchema.safeParse(code).success).toBe(true);
  });
});

describe('okeiCodeSchema', () => {
  it.each(['796', '0796', ' 166 '])('accepts %j', (code) => {
    expect(okeiCodeSchema.parse(code)).toBe(code.trim());
  });

  it.each(['79', '79a', '12345', '', 'шт'])('refuses %j with a Russian message', (code) => {
    const result = okeiCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('код ОКЕИ');
  });
});
