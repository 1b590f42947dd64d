import { Option } from '@commander-js/extra-typings';
import { computeDeadline, DEADLINE_KINDS, DEADLINE_KIND_IDS, isLate, type Deadline, type LatenessCheck } from '@sledopyt/core';
import type { RegisterCommand } from '../program.js';
import { toJson } from '../io.js';
import { dateWithWeekday, fields } from '../format.js';

const KINDS_HELP = DEADLINE_KINDS.map((kind) => `  ${kind.id.padEnd(34)}${kind.titleRu}\n  ${' '.repeat(34)}${kind.eventRu}`).join('\n');

export const registerDeadlines: RegisterCommand = (program, ctx) => {
  program
    .command('deadlines')
    .description('последний день подачи уведомления, отчёта об операциях или декларации по НДС')
    .addOption(new Option('--event <вид>', 'вид срока (см. список ниже)').choices(DEADLINE_KIND_IDS).makeOptionMandatory())
    .requiredOption('--date <дата>', 'дата события (ГГГГ-ММ-ДД); для квартальных сроков — любая дата квартала или 2026-Q3')
    .option('--filed <дата>', 'дата фактической подачи: проверить, не опоздали ли')
    .option('--refrigerators', 'перемещение бытовых холодильников (ПП № 2162: уведомление — до пересечения границы)')
    .option('--border-crossing <дата>', 'для холодильников: дата пересечения границы (по умолчанию — дата отгрузки)')
    .option('--json', 'вывести результат одним объектом JSON')
    .addHelpText('after', `\nВиды сроков:\n${KINDS_HELP}\n\nПример: sledopyt deadlines --event eaeu-movement-notification --date 2026-04-29`)
    .action((options) => {
      const request = {
        kind: options.event,
        date: options.date,
        householdRefrigerators: options.refrigerators === true,
        borderCrossingDate: options.borderCrossing,
      };
      if (options.filed !== undefined) {
        const check = isLate(request.kind, request.date, options.filed, request);
        ctx.io.stdout(options.json ? toJson(check) : describe(check.deadline) + describeLateness(check));
        return;
      }
      const deadline = computeDeadline(request);
      ctx.io.stdout(options.json ? toJson(deadline) : describe(deadline));
    });
};

function describe(d: Deadline): string {
  return fields([
    ['Срок', d.titleRu],
    ['Событие', d.period ? `квартал ${d.period}, последний день ${dateWithWeekday(d.eventDate)}` : dateWithWeekday(d.eventDate)],
    ['Подать не позднее', dateWithWeekday(d.due)],
    ['Правило', d.ruleRu],
    ['Основание', `${d.legalBasisRu}${d.basisKind === 'inferred' ? ' (не подтверждено актом — наше толкование)' : ''}`],
    ['Внимание', d.provisional ? 'производственный календарь этого года предварительный' : null],
    ['Примечание', d.note],
  ]);
}

function describeLateness(check: LatenessCheck): string {
  const verdict = check.late
    ? `опоздание: ${check.calendarDaysLate} календ. дн. (${check.workingDaysLate} рабочих)`
    : 'в срок';
  return fields([['Подано', `${dateWithWeekday(check.filedDate)} — ${verdict}`]]);
}
