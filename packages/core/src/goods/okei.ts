/**
 * ОКЕИ (Общероссийский классификатор единиц измерения) — the units a УПД, a declaration line or a
 * traceability notification may carry. Only the units we expect to meet are listed; the goods list
 * itself uses 796 «Штука» for every entry. An unknown code is not an error here: `okeiUnit` returns
 * null and the caller decides (the formats accept any 3–4 digit code).
 */
import { z } from 'zod';

export interface OkeiUnit {
  /** ОКЕИ code as written in ФНС formats (`ОКЕИТип`): 3 or 4 digits, leading zeros kept. */
  readonly code: string;
  /** Full name, e.g. «Штука». */
  readonly name: string;
  /** Условное обозначение (national), e.g. «шт». */
  readonly shortName: string;
}

const unit = (code: string, name: string, shortName: string): OkeiUnit => Object.freeze({ code, name, shortName });

/** The traceability unit of every entry of the goods list № 1110. */
export const OKEI_PIECE: OkeiUnit = unit('796', 'Штука', 'шт');

const OKEI_UNITS: readonly OkeiUnit[] = Object.freeze([
  unit('003', 'Миллиметр', 'мм'),
  unit('004', 'Сантиметр', 'см'),
  unit('006', 'Метр', 'м'),
  unit('008', 'Километр; тысяча метров', 'км; тыс м'),
  unit('018', 'Погонный метр', 'пог. м'),
  unit('055', 'Квадратный метр', 'м2'),
  unit('111', 'Кубический сантиметр; миллилитр', 'см3; мл'),
  unit('112', 'Литр; кубический дециметр', 'л; дм3'),
  unit('113', 'Кубический метр', 'м3'),
  unit('163', 'Грамм', 'г'),
  unit('166', 'Килограмм', 'кг'),
  unit('168', 'Тонна; метрическая тонна (1000 кг)', 'т'),
  unit('625', 'Лист', 'л.'),
  unit('657', 'Изделие', 'изд'),
  unit('704', 'Набор', 'набор'),
  unit('715', 'Пара (2 шт.)', 'пар'),
  unit('736', 'Рулон', 'рул'),
  unit('778', 'Упаковка', 'упак'),
  OKEI_PIECE,
  unit('797', 'Сто штук', '100 шт'),
  unit('798', 'Тысяча штук', 'тыс. шт'),
  unit('812', 'Ящик', 'ящ'),
  unit('839', 'Комплект', 'компл'),
  unit('868', 'Бутылка', 'бут'),
]);

const BY_CODE: ReadonlyMap<string, OkeiUnit> = new Map(OKEI_UNITS.map((u) => [u.code, u]));

/** Every unit this module knows, ordered by code. */
export function okeiUnits(): readonly OkeiUnit[] {
  return OKEI_UNITS;
}

/** The unit for an ОКЕИ code, or null when the code is not in our table (the code is not validated here). */
export function okeiUnit(code: string): OkeiUnit | null {
  return BY_CODE.get(code.trim()) ?? null;
}

/** An ОКЕИ code as the ФНС formats accept it (`ОКЕИТип`: exactly 3 or 4 digits). Outputs the trimmed code. */
export const okeiCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{3,4}$/, { message: 'код ОКЕИ — 3 или 4 цифры, например 796 (штука)' });
