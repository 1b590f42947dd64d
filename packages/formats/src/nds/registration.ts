/**
 * `СвРегНом/@РегНомПросл`: an RNPT or a customs declaration number, told apart and checked by the core's
 * `parseRegistrationNumber`. A multi-gigabyte sales book repeats the same few thousand batches millions of
 * times: the canonical RNPT shape (`10702070/010126/0000001/001`, almost every value in practice) is
 * recognised by a character test that accepts exactly what the core accepts unchanged (registration.test.ts
 * compares the two on generated numbers), and everything else is memoised per reader.
 */
import { isValidYmd, parseRegistrationNumber, type SledopytError } from '@sledopyt/core';
import type { RegistrationNumberKind } from './model.js';

export interface ClassifiedNumber {
  kind: RegistrationNumberKind;
  /** Canonical form. */
  number: string;
}

const SLASH = 0x2f;
/** Validity of the DDMMYY date group by value (0 unknown, 1 valid, 2 invalid): `isValidYmd` builds a Date. */
const dateGroupValidity = new Uint8Array(320_000);

function isValidDateGroup(day: number, month: number, yy: number): boolean {
  const key = day * 10_000 + month * 100 + yy;
  let validity = dateGroupValidity[key];
  if (validity === 0) {
    validity = isValidYmd(2000 + yy, month, day) ? 1 : 2;
    dateGroupValidity[key] = validity;
  }
  return validity === 1;
}
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * True when the text is an RNPT in canonical form: 8 digits / DDMMYY (a real date in 2000–2099) / 7 digits /
 * 3 digits other than 000 — texts `parseRnpt` accepts and returns unchanged (a subset: serials «В»+6 digits and
 * other spellings are left to the core parser).
 */
export function isCanonicalRnpt(text: string): boolean {
  if (text.length !== 27) return false;
  for (let i = 0; i < 27; i++) {
    const code = text.charCodeAt(i);
    if (i === 8 || i === 15 || i === 23 ? code !== SLASH : !isDigit(code)) return false;
  }
  const digit = (i: number) => text.charCodeAt(i) - 0x30;
  const day = digit(9) * 10 + digit(10);
  const month = digit(11) * 10 + digit(12);
  if (!isValidDateGroup(day, month, digit(13) * 10 + digit(14))) return false;
  return digit(24) + digit(25) + digit(26) !== 0;
}

/** Digit groups of a canonical RNPT: starts, then ends. */
const RNPT_GROUPS = Int8Array.of(0, 9, 16, 24, 8, 15, 23, 27);

/**
 * `isCanonicalRnpt` on the bytes of an attribute value (ASCII: windows-1251 and UTF-8 agree on digits and "/"),
 * for the byte scanner: no string, no closure, no result object on the hottest value of a sales book.
 */
export function isCanonicalRnptBytes(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 27 || buf[start + 8] !== SLASH || buf[start + 15] !== SLASH || buf[start + 23] !== SLASH) return false;
  // Digits everywhere else, without a branch per byte: a byte outside 0x30–0x39 makes `bad` negative.
  let bad = 0;
  for (let group = 0; group < 4; group++) {
    for (let i = start + (RNPT_GROUPS[group] as number), stop = start + (RNPT_GROUPS[group + 4] as number); i < stop; i++) {
      const code = buf[i] as number;
      bad |= (code - 0x30) | (0x39 - code);
    }
  }
  if (bad < 0) return false;
  const day = ((buf[start + 9] as number) - 0x30) * 10 + (buf[start + 10] as number) - 0x30;
  const month = ((buf[start + 11] as number) - 0x30) * 10 + (buf[start + 12] as number) - 0x30;
  const yy = ((buf[start + 13] as number) - 0x30) * 10 + (buf[start + 14] as number) - 0x30;
  if (!isValidDateGroup(day, month, yy)) return false;
  return buf[start + 24] !== 0x30 || buf[start + 25] !== 0x30 || buf[start + 26] !== 0x30;
}

/**
 * True when the text is a customs declaration number in canonical form: 8 digits (a Russian customs post) /
 * DDMMYY (a real date) / 7 digits — texts `parseCustomsDeclarationNumber` accepts and returns unchanged (a subset).
 * These stand, without quantity and cost, for non-traceable imports; each batch has its own, so they repeat less.
 */
export function isCanonicalCustomsDeclarationNumber(text: string): boolean {
  if (text.length !== 23) return false;
  for (let i = 0; i < 23; i++) {
    const code = text.charCodeAt(i);
    if (i === 8 || i === 15 ? code !== SLASH : !isDigit(code)) return false;
  }
  const digit = (i: number) => text.charCodeAt(i) - 0x30;
  return isValidDateGroup(digit(9) * 10 + digit(10), digit(11) * 10 + digit(12), digit(13) * 10 + digit(14));
}

/** The classification of one reader, memoised; bounded so that a file of unique numbers cannot grow it. */
export class RegistrationNumberClassifier {
  private readonly cache = new Map<string, ClassifiedNumber | SledopytError>();

  constructor(private readonly maxEntries = 100_000) {}

  /** The kind and canonical number, or the core's error for an invalid number. */
  classify(text: string): ClassifiedNumber | SledopytError {
    // The canonical RNPT (nearly every value) needs no memo: the character test is cheaper than a map lookup.
    if (isCanonicalRnpt(text)) return { kind: 'rnpt', number: text };
    if (isCanonicalCustomsDeclarationNumber(text)) return { kind: 'customs_declaration', number: text };
    let result = this.cache.get(text);
    if (result !== undefined) return result;
    const parsed = parseRegistrationNumber(text);
    if (!parsed.ok) result = parsed.error;
    else if (parsed.value.kind === 'rnpt') result = { kind: 'rnpt', number: parsed.value.rnpt };
    else result = { kind: 'customs_declaration', number: parsed.value.number };
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(text, result);
    return result;
  }
}
