/**
 * Typed reads of 1C's JSON rows. Everything comes back loosely typed (`LineNumber` and Int64 values as
 * strings, enum values as names, empty references as the zero GUID, empty dates as `0001-01-01T00:00:00`),
 * and a property a release lacks is simply absent: these readers turn all of that into plain values or null.
 */
import { kopecksFromRubleNumber } from '@sledopyt/core';
import type { Kopecks } from '@sledopyt/core';
import { refOrNull } from '../odata/literals.js';

export type Row = Readonly<Record<string, unknown>>;

export function text(row: Row, key: string): string {
  const value = row[key];
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

export function textOrNull(row: Row, key: string): string | null {
  const value = text(row, key);
  return value === '' ? null : value;
}

/** A number (1C sends Int64 values as strings); null when absent or not numeric. */
export function num(row: Row, key: string): number | null {
  const value = row[key];
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function flag(row: Row, key: string): boolean | null {
  const value = row[key];
  return typeof value === 'boolean' ? value : null;
}

export const ref = (row: Row, key: string): string | null => refOrNull(row[key]);

/** Rows of an inline tabular section (`Товары`), or an empty list. */
export function section(row: Row, name: string): Row[] {
  const value = row[name];
  return Array.isArray(value) ? (value.filter((r): r is Row => typeof r === 'object' && r !== null) as Row[]) : [];
}

/** Roubles (a 1C Number(15,2)) as kopecks, or null. Floats are rounded to the kopeck first. */
export function kopecks(row: Row, key: string): Kopecks | null {
  const value = num(row, key);
  if (value === null) return null;
  const parsed = kopecksFromRubleNumber(Math.round(value * 100) / 100);
  return parsed.ok ? parsed.value : null;
}

/** A composite value's target set from its `_Type` (`StandardODATA.Document_X` → `Document_X`). */
export function compositeSet(row: Row, key: string): string | null {
  const type = text(row, `${key}_Type`);
  const set = type.slice(type.lastIndexOf('.') + 1);
  return set === '' || set === 'Undefined' ? null : set;
}
