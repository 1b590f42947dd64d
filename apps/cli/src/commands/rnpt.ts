import { parseRnpt, type ParsedRnpt, type SledopytError } from '@sledopyt/core';
import type { RegisterCommand } from '../program.js';
import { EXIT } from '../exit-codes.js';
import { toJson } from '../io.js';

/** One checked number in `rnpt check --json` (documented in the README). */
interface RnptCheckResult {
  input: string;
  valid: boolean;
  rnpt: string | null;
  parts: { customsOffice: string; registrationDate: string; serial: string; item: number } | null;
  error: { code: string; messageRu: string; message: string; details: Record<string, unknown> } | null;
  warnings: { code: string; messageRu: string }[];
}

export const registerRnpt: RegisterCommand = (program, ctx) => {
  const rnpt = program.command('rnpt').description('регистрационные номера партий товаров (РНПТ)');
  rnpt
    .command('check')
    .description('проверить РНПТ: формат, группы, дата; код выхода 2, если хоть один неверен')
    .argument('<rnpt...>', 'номера вида 10702070/010126/0000001/001 (каждый — отдельным аргументом)')
    .option('--json', 'вывести результат одним объектом JSON')
    .addHelpText('after', '\nПример: sledopyt rnpt check 10702070/010126/0000001/001 10702070/310226/0000002/001')
    .action((numbers, options) => {
      const results = numbers.map(check);
      const invalid = results.filter((r) => !r.valid).length;
      if (options.json) {
        ctx.io.stdout(toJson({ valid: results.length - invalid, invalid, results }));
      } else {
        for (const r of results) ctx.io.stdout(describe(r));
        ctx.io.stdout(`\nВерных: ${results.length - invalid}, неверных: ${invalid}\n`);
      }
      if (invalid > 0) ctx.setExitCode(EXIT.BAD_INPUT);
    });
};

function check(input: string): RnptCheckResult {
  const parsed = parseRnpt(input);
  if (parsed.ok) return success(input, parsed.value);
  return failure(input, parsed.error);
}

function success(input: string, p: ParsedRnpt): RnptCheckResult {
  return {
    input,
    valid: true,
    rnpt: p.rnpt,
    parts: { customsOffice: p.customsOffice, registrationDate: p.registrationDate, serial: p.serial, item: p.item },
    error: null,
    warnings: p.warnings.map((w) => ({ code: w.code, messageRu: w.messageRu })),
  };
}

function failure(input: string, e: SledopytError): RnptCheckResult {
  return {
    input,
    valid: false,
    rnpt: null,
    parts: null,
    error: { code: e.code, messageRu: e.messageRu, message: e.message, details: e.details },
    warnings: [],
  };
}

function describe(r: RnptCheckResult): string {
  if (!r.valid) return `✘ ${r.input}\n  ${r.error?.messageRu ?? ''} [${r.error?.code ?? ''}]\n`;
  const shown = r.rnpt === r.input ? r.input : `${r.input} → ${r.rnpt ?? ''}`;
  const warnings = r.warnings.map((w) => `  ⚠ ${w.messageRu} [${w.code}]\n`).join('');
  return `✔ ${shown}\n${warnings}`;
}
