/**
 * A declaration entry's RNPT, parsed once: several checks of one invoice group ask for it (matching,
 * "has traceability", unknown RNPTs), and at millions of lines the repeated parsing shows. Keyed by the
 * entry object, so the memo lives exactly as long as the line it belongs to.
 */
import type { Result } from '../errors.js';
import { parseRnpt, type ParsedRnpt } from '../rnpt/rnpt.js';
import type { DeclarationTraceEntry } from './model.js';

const parsedByEntry = new WeakMap<DeclarationTraceEntry, Result<ParsedRnpt>>();

export function rnptOfEntry(entry: DeclarationTraceEntry): Result<ParsedRnpt> {
  let parsed = parsedByEntry.get(entry);
  if (parsed === undefined) {
    parsed = parseRnpt(entry.registrationNumber);
    parsedByEntry.set(entry, parsed);
  }
  return parsed;
}
