import { parseCustomsDeclarationNumber, parseRnpt } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { encodeXml } from '../xml/encoding.js';
import { isCanonicalCustomsDeclarationNumber, isCanonicalRnpt, isCanonicalRnptBytes, RegistrationNumberClassifier } from './registration.js';
import { rnptOf, seeded } from './test-support/fixtures.js';

/** The fast test must accept exactly the texts the core parser accepts unchanged. */
const coreAcceptsAsIs = (text: string) => {
  const parsed = parseRnpt(text);
  return parsed.ok && parsed.value.rnpt === text;
};

describe('isCanonicalRnpt', () => {
  it('agrees with the core parser on real-shaped numbers and their one-character mutations', () => {
    const random = seeded(42);
    const replacements = ['0', '9', '/', 'О', 'З', 'B', 'В', ' ', '-', '\u00a0', '', '1'];
    let checked = 0;
    for (let n = 0; n < 300; n++) {
      const rnpt = rnptOf(random);
      expect(isCanonicalRnpt(rnpt)).toBe(true);
      expect(coreAcceptsAsIs(rnpt)).toBe(true);
      for (let position = n % 3; position < rnpt.length; position += 3) {
        const replacement = replacements[(n + position) % replacements.length] ?? '';
        const mutated = rnpt.slice(0, position) + replacement + rnpt.slice(position + 1);
        // A subset of what the core accepts unchanged (serials «В»+6 digits are left to the core), and exact on digits.
        // The scanner's byte test says the same on the value's bytes inside a larger buffer (both encodings).
        for (const encoding of ['windows-1251', 'utf-8'] as const) {
          const bytes = encodeXml(`x="${mutated}"`, encoding);
          expect(isCanonicalRnptBytes(bytes, 3, bytes.length - 1), mutated).toBe(isCanonicalRnpt(mutated));
        }
        if (isCanonicalRnpt(mutated)) expect(coreAcceptsAsIs(mutated), mutated).toBe(true);
        else if (/^[\d/]*$/.test(mutated)) expect(coreAcceptsAsIs(mutated), mutated).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('rejects impossible dates, item 000, short items and customs declaration numbers', () => {
    for (const text of ['10702070/310226/0000001/001', '10702070/290225/0000001/001', '10702070/010126/0000001/000', '10702070/010126/0000001/1', '10702070/010126/0000001']) {
      expect(isCanonicalRnpt(text), text).toBe(false);
      expect(isCanonicalRnptBytes(Buffer.from(text, 'latin1'), 0, text.length), text).toBe(false);
    }
    expect(isCanonicalRnpt('10702070/290224/0000001/001')).toBe(true);
  });
});

describe('isCanonicalCustomsDeclarationNumber', () => {
  it('agrees with the core parser on ДТ numbers and their one-character mutations', () => {
    const random = seeded(7);
    const replacements = ['0', '/', 'В', 'О', ' ', ''];
    for (let n = 0; n < 200; n++) {
      const number = rnptOf(random).slice(0, 23);
      const coreAcceptsNumber = (text: string) => {
        const parsed = parseCustomsDeclarationNumber(text);
        return parsed.ok && parsed.value.number === text;
      };
      expect(isCanonicalCustomsDeclarationNumber(number)).toBe(true);
      for (let position = 0; position < number.length; position += 2) {
        const mutated = number.slice(0, position) + (replacements[(n + position) % replacements.length] ?? '') + number.slice(position + 1);
        if (isCanonicalCustomsDeclarationNumber(mutated)) expect(coreAcceptsNumber(mutated), mutated).toBe(true);
        else if (/^[\d/]*$/.test(mutated) && mutated.split('/')[0]?.length === 8) expect(coreAcceptsNumber(mutated), mutated).toBe(false);
      }
    }
  });
});

describe('RegistrationNumberClassifier', () => {
  const classifier = new RegistrationNumberClassifier();

  it('tells an RNPT from a customs declaration number and canonicalises other spellings', () => {
    expect(classifier.classify('10702070/010126/0000001/001')).toEqual({ kind: 'rnpt', number: '10702070/010126/0000001/001' });
    expect(classifier.classify('10702070/010126/0000001')).toEqual({ kind: 'customs_declaration', number: '10702070/010126/0000001' });
    expect(classifier.classify('10702070/010126/В000001/1')).toEqual({ kind: 'rnpt', number: '10702070/010126/В000001/001' });
  });

  it('returns the core error for an invalid number', () => {
    const result = classifier.classify('10702070/311326/0000001/001');
    expect('code' in result && result.code).toBe('RNPT_DATE_INVALID');
  });
});
