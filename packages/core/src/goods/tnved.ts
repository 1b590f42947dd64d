/**
 * ТН ВЭД ЕАЭС codes: normalisation to digits and the display form 4-2-3-1 (`8418 10 200 1`).
 *
 * What is accepted (and why it is safe):
 * - 10 digits, unspaced or grouped by any whitespace (space, NBSP, tab — УПД print forms and Excel use them)
 *   or dots (`8418.10.200.1`, the international habit). Separators never change digits, but a wrongly placed
 *   one can glue two codes together (`8418 8450` would read as 84188450), so grouped input must follow the
 *   4-2-3-1 pattern or its usual variants (4-6, 4-2-4, and 4-2-2 / 4-2 for a shortened code).
 * - Shorter prefixes only when asked for (`allowPartial`) and only at the levels that mean something for the
 *   goods list: 4 digits (товарная позиция), 6 (субпозиция), 8 (подсубпозиция). 9 digits are refused: that is
 *   nearly always a full code that lost a digit — a leading zero in Excel, or a truncated last digit
 *   (one published copy of the list prints «9401 80 000»).
 * - The first two digits must be an existing group (01–97 without the reserved 77).
 */
import { z } from 'zod';
import { SledopytError, fail, ok, unwrap } from '../errors.js';
import type { Result } from '../errors.js';

/** Number of digits of a code or prefix we accept. */
export type TnvedLength = 4 | 6 | 8 | 10;

export interface TnvedCode {
  /** Digits only: 10 for a full code, 4/6/8 for a prefix. */
  readonly digits: string;
  readonly length: TnvedLength;
  /** True for a full 10-digit code. */
  readonly complete: boolean;
  /** 4-2-3-1 grouping, shortened for a prefix: `8418 10 200 1`, `8418 10`, `8418`. */
  readonly display: string;
}

export interface ParseTnvedOptions {
  /** Accept a 4-, 6- or 8-digit prefix as well as a full code. Default false. */
  allowPartial?: boolean | undefined;
}

/** Why a code was refused (in `SledopytError.details.problem`). */
export type TnvedProblem = 'EMPTY' | 'CHARACTER' | 'LENGTH' | 'GROUPING' | 'GROUP_UNKNOWN';

const SEPARATOR = /[\s.]+/u;
const ALLOWED_CHAR = /[\d\s.]/u;
const DISPLAY_BREAKS = [4, 6, 9];
/** Group sizes allowed in grouped input (see the module comment). */
const ALLOWED_GROUPINGS = new Set(['4-2-3-1', '4-6', '4-2-4', '4-2-2', '4-2']);
const PARTIAL_LENGTHS: ReadonlySet<number> = new Set([4, 6, 8]);
const EXAMPLE = 'например 8418102001 или 8418 10 200 1';

/** Formats digits (4–10) in the 4-2-3-1 grouping. Does not validate. */
export function formatTnved(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (DISPLAY_BREAKS.includes(i)) out += ' ';
    out += digits.charAt(i);
  }
  return out;
}

/** Validates a ТН ВЭД code; never throws. */
export function checkTnved(input: string, options: ParseTnvedOptions = {}): Result<TnvedCode> {
  const text = input.trim();
  if (text === '') return fail(tnvedError(input, 'EMPTY', 'ТН ВЭД code is empty', 'Код ТН ВЭД не указан: нужен 10-значный код, ' + EXAMPLE + '.'));

  const badChar = [...text].findIndex((ch) => !ALLOWED_CHAR.test(ch));
  if (badChar >= 0) {
    const ch = [...text][badChar] ?? '';
    const what = /\p{L}/u.test(ch) ? 'букву' : 'символ';
    return fail(
      tnvedError(
        input,
        'CHARACTER',
        `ТН ВЭД code contains "${ch}" at position ${badChar + 1}`,
        `Код ТН ВЭД «${input}» содержит ${what} «${ch}» (${badChar + 1}-й знак): код состоит только из цифр, ` +
          `группы можно разделять пробелами — ${EXAMPLE}.`,
      ),
    );
  }
  if (SEPARATOR.test(text.charAt(0)) || SEPARATOR.test(text.charAt(text.length - 1))) {
    return fail(tnvedError(input, 'GROUPING', 'ТН ВЭД code starts or ends with a dot', groupingMessageRu(input)));
  }

  const groups = text.split(SEPARATOR);
  const digits = groups.join('');
  const lengthProblem = lengthMessageRu(input, digits.length, options.allowPartial === true);
  if (lengthProblem !== null) {
    return fail(tnvedError(input, 'LENGTH', `ТН ВЭД code has ${digits.length} digits`, lengthProblem));
  }
  if (groups.length > 1 && !ALLOWED_GROUPINGS.has(groups.map((g) => g.length).join('-'))) {
    return fail(tnvedError(input, 'GROUPING', 'ТН ВЭД digit groups are not 4-2-3-1', groupingMessageRu(input)));
  }
  const chapter = Number(digits.slice(0, 2));
  if (chapter < 1 || chapter > 97 || chapter === 77) {
    return fail(
      tnvedError(
        input,
        'GROUP_UNKNOWN',
        `ТН ВЭД has no chapter ${digits.slice(0, 2)}`,
        `Код ТН ВЭД «${input}» не может быть верным: группы ${digits.slice(0, 2)} в ТН ВЭД ЕАЭС нет (группы 01–97). ` +
          'Проверьте первые цифры кода.',
      ),
    );
  }
  const length = digits.length as TnvedLength;
  return ok({ digits, length, complete: length === 10, display: formatTnved(digits) });
}

/** Parses a ТН ВЭД code; throws `SledopytError` `TNVED_INVALID` with a Russian explanation. */
export function parseTnved(input: string, options: ParseTnvedOptions = {}): TnvedCode {
  return unwrap(checkTnved(input, options));
}

/** The canonical 10-digit form of a full code (`8418 10 200 1` → `8418102001`). Throws `TNVED_INVALID`. */
export function normalizeTnved(input: string): string {
  return parseTnved(input).digits;
}

/** A full ТН ВЭД code in any accepted notation; outputs the 10 digits. */
export const tnvedSchema = z.string().transform((s, ctx) => {
  const result = checkTnved(s);
  if (result.ok) return result.value.digits;
  ctx.addIssue({ code: 'custom', message: result.error.messageRu });
  return z.NEVER;
});

/** A full code or a 4/6/8-digit prefix; outputs the parsed `TnvedCode`. */
export const tnvedPrefixSchema = z.string().transform((s, ctx) => {
  const result = checkTnved(s, { allowPartial: true });
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: result.error.messageRu });
  return z.NEVER;
});

function lengthMessageRu(input: string, count: number, allowPartial: boolean): string | null {
  if (count === 10 || (allowPartial && PARTIAL_LENGTHS.has(count))) return null;
  const head = `Код ТН ВЭД «${input}» состоит из ${count} ${digitsWord(count)}, а нужно 10`;
  if (PARTIAL_LENGTHS.has(count)) {
    return `${head}: это только начало кода (товарная позиция или субпозиция). Укажите полный 10-значный код.`;
  }
  const partialHint = allowPartial ? ' (или 4, 6, 8 — для товарной позиции и субпозиций)' : '';
  if (count === 9) {
    return (
      `${head}${partialHint}. Похоже, потеряна цифра: последняя, или ведущий ноль (так бывает, когда код ` +
      'хранится в Excel как число). Проверьте код по декларации на товары или счёту-фактуре.'
    );
  }
  return `${head}${partialHint}: ${EXAMPLE}.`;
}

function groupingMessageRu(input: string): string {
  return (
    `Код ТН ВЭД «${input}» разбит на группы не по формату: пишите 10 цифр подряд (8418102001) или группами ` +
    '4-2-3-1 (8418 10 200 1). Возможно, в поле попали два кода.'
  );
}

/** Genitive after «из N»: «из 1 цифры», «из 9 цифр». */
function digitsWord(count: number): string {
  return count % 10 === 1 && count % 100 !== 11 ? 'цифры' : 'цифр';
}

function tnvedError(input: string, problem: TnvedProblem, message: string, messageRu: string): SledopytError {
  return new SledopytError({ code: 'TNVED_INVALID', message, messageRu, actor: 'user', details: { input, problem } });
}
