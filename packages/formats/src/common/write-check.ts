/**
 * Input checks shared by the writers: zod parsing with one readable error, rule checks in the spirit of the
 * schematron rules xmllint does not run, and the RNPT check with the core's validator.
 */
import { parseRnpt } from '@sledopyt/core';
import type { z } from 'zod';
import { formatError } from '../xml/format-error.js';

/** A problem found in a model before writing: where (a model path) and what. */
export interface WriteProblem {
  path: string;
  message: string;
  messageRu: string;
  code?: string;
}

/** Parses writer input with its zod schema; every issue is listed in one XML_WRITE_INVALID error. */
export function parseWriterInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw writeError(
    what,
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
      messageRu: issue.message,
    })),
  );
}

/** Throws when there are problems. */
export function assertNoProblems(what: string, problems: WriteProblem[]): void {
  if (problems.length > 0) throw writeError(what, problems);
}

function writeError(what: string, problems: WriteProblem[]) {
  const list = problems.map((problem) => `${problem.path || '(document)'}: ${problem.message}`).join('; ');
  const listRu = problems.map((problem) => `${problem.path || 'документ'}: ${problem.messageRu}`).join('; ');
  return formatError({
    code: 'XML_WRITE_INVALID',
    message: `Cannot write ${what}: ${list}`,
    messageRu: `нельзя сформировать ${what}: ${listRu}`,
    extra: { problems },
  });
}

/** The core's RNPT check (strict: the text must already be canonical, as it will be filed). */
export function rnptProblem(path: string, rnpt: string): WriteProblem | undefined {
  const parsed = parseRnpt(rnpt, { strict: true });
  if (parsed.ok) return undefined;
  return {
    path,
    code: parsed.error.code,
    message: `invalid RNPT "${rnpt}" (${parsed.error.code}): ${parsed.error.message}`,
    messageRu: `неверный РНПТ «${rnpt}»: ${parsed.error.messageRu}`,
  };
}
