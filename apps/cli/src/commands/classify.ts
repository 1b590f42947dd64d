import { classify, describeCountryRu, formatDateRu, type Classification } from '@sledopyt/core';
import type { RegisterCommand } from '../program.js';
import { toJson } from '../io.js';
import { fields, todayInMoscow } from '../format.js';

export const registerClassify: RegisterCommand = (program, ctx) => {
  program
    .command('classify')
    .description('подлежит ли товар прослеживаемости: код ТН ВЭД ЕАЭС, дата, страна происхождения')
    .argument('<tnved>', 'код ТН ВЭД ЕАЭС, с пробелами или без: 8418102001, "8418 10 200 1"')
    .option('--date <дата>', 'на какую дату (ГГГГ-ММ-ДД); по умолчанию — сегодня по Москве')
    .option('--origin <страна>', 'страна происхождения: RU, BY, CN, код ОКСМ (643, 112) или название')
    .option('--json', 'вывести результат одним объектом JSON')
    .addHelpText('after', '\nПример: sledopyt classify "8418 10 200 1" --date 2026-11-25 --origin BY')
    .action((tnved, options) => {
      // classify() validates the code, the date and the country, throwing a coded SledopytError (exit 2).
      const result = classify(tnved, options.date ?? todayInMoscow(), { originCountry: options.origin });
      ctx.io.stdout(options.json ? toJson(result) : describe(result));
    });
};

function describe(c: Classification): string {
  const verdict = c.traceable
    ? c.reasonCode === 'LISTED_IF_IMPORTED'
      ? 'ДА, если товар ввезён (импортный)'
      : 'ДА'
    : 'НЕТ';
  return fields([
    ['ТН ВЭД ЕАЭС', c.tnvedComplete ? c.tnvedDisplay : `${c.tnvedDisplay} (неполный код)`],
    ['Дата', formatDateRu(c.date)],
    ['Страна происхождения', c.origin ? describeCountryRu(c.origin) : 'не указана'],
    ['Прослеживается', verdict],
    ['Категория', c.category],
    ['Единица', c.unit ? `${c.unit.code} — ${c.unit.name}` : null],
    ['Причина', c.reason],
    ['Зависит от страны', c.dependsOnOrigin],
    ['Зависит от кода', c.dependsOnCode],
    ['Основание', c.legalBasis],
    ['Примечания', c.notes.length > 0 ? c.notes.join('\n') : null],
  ]);
}
