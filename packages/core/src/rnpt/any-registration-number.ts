/**
 * Fields such as `РегНомПросл` (НД НДС), графа 11 СФ and гр. 16/20 of the books hold either an RNPT or
 * a bare customs declaration number. This tells them apart by the number of groups and parses each with
 * its own rules; the caller decides whether a bare ДТ number is acceptable there (for traceable goods
 * it is not: reconciler code `RNPT_IS_CUSTOMS_DECL`).
 */
import type { Result } from '../errors.js';
import { ok } from '../errors.js';
import type { ParsedCustomsDeclarationNumber } from './customs-declaration-number.js';
import { parseCustomsDeclarationNumber } from './customs-declaration-number.js';
import type { ParseRnptOptions, ParsedRnpt } from './rnpt.js';
import { parseRnpt } from './rnpt.js';

export type ParsedRegistrationNumber =
  | ({ kind: 'rnpt' } & ParsedRnpt)
  | ({ kind: 'customs_declaration' } & ParsedCustomsDeclarationNumber);

export function parseRegistrationNumber(text: string, options: ParseRnptOptions = {}): Result<ParsedRegistrationNumber> {
  const rnpt = parseRnpt(text, options);
  if (rnpt.ok) return ok({ kind: 'rnpt', ...rnpt.value });
  if (rnpt.error.code !== 'RNPT_IS_CUSTOMS_DECLARATION') return rnpt;
  const declaration = parseCustomsDeclarationNumber(text, { today: options.today, strict: options.strict });
  if (!declaration.ok) return declaration;
  return ok({ kind: 'customs_declaration', ...declaration.value });
}
