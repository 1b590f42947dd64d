/**
 * zod schemas that accept the same spellings as the parsers and output the canonical branded number.
 * Each issue carries the parser's Russian message and its stable code in `params.code`.
 */
import { z } from 'zod';
import type { Result, SledopytError } from '../errors.js';
import type { CustomsDeclarationNumber, ParseCustomsDeclarationNumberOptions } from './customs-declaration-number.js';
import { parseCustomsDeclarationNumber } from './customs-declaration-number.js';
import type { ParseRnptOptions, Rnpt } from './rnpt.js';
import { parseRnpt } from './rnpt.js';

function schemaFromParser<T>(parse: (text: string) => Result<T, SledopytError>) {
  return z.string().transform((text, ctx): T => {
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error.messageRu, params: { code: parsed.error.code, ...parsed.error.details } });
    return z.NEVER;
  });
}

/** An RNPT schema with parse options (e.g. `strict`, `today`). */
export function createRnptSchema(options: ParseRnptOptions = {}) {
  return schemaFromParser<Rnpt>((text) => {
    const parsed = parseRnpt(text, options);
    return parsed.ok ? { ok: true, value: parsed.value.rnpt } : parsed;
  });
}

/** Accepts any spelling `parseRnpt` accepts; outputs the canonical `Rnpt`. */
export const rnptSchema = createRnptSchema();

export function createCustomsDeclarationNumberSchema(options: ParseCustomsDeclarationNumberOptions = {}) {
  return schemaFromParser<CustomsDeclarationNumber>((text) => {
    const parsed = parseCustomsDeclarationNumber(text, options);
    return parsed.ok ? { ok: true, value: parsed.value.number } : parsed;
  });
}

export const customsDeclarationNumberSchema = createCustomsDeclarationNumberSchema();
