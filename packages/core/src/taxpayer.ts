/**
 * ИНН and КПП of a taxpayer or counterparty. ИНН: 10 digits for an organisation, 12 for a person or
 * sole trader, with the ФНС check digits. КПП: 9 characters, `NNNNPPXXX` — tax office code (4 digits),
 * reason (2 digits or capital Latin letters, allowed since 2013), serial (3 digits).
 */
import { z } from 'zod';
import { SledopytError, fail, ok } from './errors.js';
import type { Result } from './errors.js';

declare const innBrand: unique symbol;
export type Inn = string & { readonly [innBrand]: true };
declare const kppBrand: unique symbol;
export type Kpp = string & { readonly [kppBrand]: true };

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: string, weights: readonly number[]): number {
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  return (sum % 11) % 10;
}

function innError(input: string, reason: 'chars' | 'length' | 'checksum' | 'zeros', detailRu: string): SledopytError {
  return new SledopytError({
    code: 'INN_INVALID',
    message: `Not a valid ИНН (${reason}): "${input}"`,
    messageRu: `ИНН «${input}» указан неверно: ${detailRu}. Проверьте ИНН по выписке из ЕГРЮЛ/ЕГРИП`,
    details: { input, reason },
  });
}

/** Validates an ИНН (trimmed). Reasons in `details.reason`: chars, length, checksum, zeros. */
export function parseInn(text: string): Result<Inn> {
  const inn = text.trim();
  if (!/^\d*$/.test(inn)) return fail(innError(text, 'chars', 'ИНН состоит только из цифр'));
  if (inn.length !== 10 && inn.length !== 12) {
    return fail(innError(text, 'length', `в ИНН организации 10 цифр, в ИНН физического лица или ИП — 12, а указано ${inn.length}`));
  }
  if (/^0+$/.test(inn)) return fail(innError(text, 'zeros', 'ИНН не может состоять из одних нулей'));
  const valid =
    inn.length === 10
      ? checkDigit(inn, INN10_WEIGHTS) === Number(inn[9])
      : checkDigit(inn, INN11_WEIGHTS) === Number(inn[10]) && checkDigit(inn, INN12_WEIGHTS) === Number(inn[11]);
  if (!valid) return fail(innError(text, 'checksum', 'не сходится контрольное число (вероятно, опечатка в цифрах)'));
  return ok(inn as Inn);
}

/**
 * Appends the check digits to the first 9 (organisation) or 10 (person) digits of an ИНН.
 * For generated test and demo data: real ИНН come from documents and go through `parseInn`.
 */
export function completeInn(base: string): Inn {
  if (!/^\d{9}$|^\d{10}$/.test(base)) {
    throw new SledopytError({
      code: 'INN_BASE_INVALID',
      message: `An ИНН base has 9 or 10 digits, got "${base}"`,
      messageRu: `Основа ИНН — 9 цифр (организация) или 10 цифр (физическое лицо), а указано «${base}»`,
      actor: 'developer',
    });
  }
  if (base.length === 9) return `${base}${checkDigit(base, INN10_WEIGHTS)}` as Inn;
  const eleven = `${base}${checkDigit(base, INN11_WEIGHTS)}`;
  return `${eleven}${checkDigit(eleven, INN12_WEIGHTS)}` as Inn;
}

export const isInn = (text: string): text is Inn => {
  const parsed = parseInn(text);
  return parsed.ok && parsed.value === text;
};

/** 10-digit ИНН: an organisation (which also has a КПП); 12-digit: a person or sole trader. */
export const isOrganisationInn = (inn: Inn): boolean => inn.length === 10;

const KPP = /^\d{4}[\dA-Z]{2}\d{3}$/;

export function parseKpp(text: string): Result<Kpp> {
  const kpp = text.trim();
  if (KPP.test(kpp)) return ok(kpp as Kpp);
  return fail(
    new SledopytError({
      code: 'KPP_INVALID',
      message: `Not a valid КПП: "${text}"`,
      messageRu: `КПП «${text}» указан неверно: КПП — 9 знаков (4 цифры кода налогового органа, 2 цифры или заглавные латинские буквы причины постановки на учёт, 3 цифры)`,
      details: { input: text },
    }),
  );
}

export const isKpp = (text: string): text is Kpp => KPP.test(text);

function schemaOf<T>(parse: (text: string) => Result<T>) {
  return z.string().transform((text, ctx): T => {
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error.messageRu, params: { code: parsed.error.code, ...parsed.error.details } });
    return z.NEVER;
  });
}

export const innSchema = schemaOf(parseInn);
export const kppSchema = schemaOf(parseKpp);
