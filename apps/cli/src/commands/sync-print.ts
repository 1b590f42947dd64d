/** The human face of `sledopyt sync 1c`: the run summary and the `--check` report, in Russian. */
import { MOVEMENT_KINDS, formatDateRu, isCalendarDate } from '@sledopyt/core';
import type { MovementKind } from '@sledopyt/core';
import type { CompositionCheck, EntitySetCounts, SyncSummary } from '@sledopyt/onec-sync';

const MARK = { ok: '✔', 'not-published': '✘', 'fields-missing': '✘', forbidden: '✘', error: '✘' } as const;

const dateRu = (date: string): string => (isCalendarDate(date) ? formatDateRu(date) : date);

function setLine(set: string, c: EntitySetCounts): string {
  const parts: [string, number][] = [
    ['прочитано', c.read],
    ['изменено или новых', c.fetched],
    ['без изменений', c.unchanged],
    ['записано документов', c.imported],
    ['движений', c.movements],
    ['отозвано', c.retracted],
    ['не проведено', c.notEffective],
    ['пропущено', c.skipped],
  ];
  return `  ${set}: ${parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n}`).join(', ') || 'пусто'}`;
}

export function describeSummary(s: SyncSummary): string {
  const d = s.documents;
  const out: string[] = [
    `1С: ${s.profileTitleRu} — ${s.source}, документы с ${dateRu(s.since)}${s.dryRun ? ' (пробный запуск: в базу ничего не записано)' : ''}`,
    `Документов прочитано: ${d.read}; новых и изменённых: ${d.fetched}; без изменений: ${d.unchanged}; отозвано (распроведены или удалены): ${d.retracted}.`,
    `Записано документов: ${d.imported}, движений по РНПТ: ${s.movements.written}.`,
  ];
  const kinds = Object.entries(s.movements.byKind);
  if (kinds.length > 0) out.push(`По видам движений: ${kinds.map(([kind, n]) => `${MOVEMENT_KINDS[kind as MovementKind].labelRu} — ${n}`).join('; ')}.`);
  out.push('', 'По объектам 1С:', ...Object.entries(s.entitySets).map(([set, counts]) => setLine(set, counts)));
  if (s.skipped.length > 0) {
    out.push('', `Пропущено (не стали движениями): ${s.skipped.reduce((n, e) => n + e.count, 0)}`);
    for (const entry of s.skipped) {
      out.push(`  ${entry.reason} — ${entry.count}: ${entry.reasonRu}`);
      for (const example of entry.examples) out.push(`    например: ${example}`);
    }
  }
  if (s.notPublished.length > 0) {
    out.push('', 'Не опубликованы в OData (необязательные; добавьте при необходимости, проверка: --check):');
    for (const missing of s.notPublished) out.push(`  ${missing.titleRu} (${missing.set}) — без него не будет: ${missing.purposeRu}`);
  }
  if (s.crossCheck !== null) {
    const c = s.crossCheck;
    out.push('', c.differing === 0 ? `Остатки по РНПТ совпадают с регистром 1С «${c.register}»: ${c.matching} из ${c.compared}.` : `Остатки по РНПТ расходятся с регистром 1С «${c.register}»: ${c.differing} из ${c.compared}.`);
    for (const example of c.examples) out.push(`  ${example.rnpt} (ИНН ${example.taxpayerInn}): в 1С ${example.onec}, в базе ${example.store}`);
  }
  if (s.aborted) out.push('', 'Синхронизация остановлена. Записанное сохранено; следующий запуск продолжит с места остановки.');
  out.push('', `Запросов к 1С: ${s.requests.total} (повторов ${s.requests.retries}), ${(s.durationMs / 1000).toFixed(1)} с.`);
  return `${out.join('\n')}\n`;
}

export function describeCheck(report: CompositionCheck): string {
  const out: string[] = [
    `Подключение: ${report.url}${report.user === null ? '' : ` (пользователь «${report.user}»)`} — есть`,
    `Конфигурация: ${report.profileTitleRu}; опубликовано объектов: ${report.publishedEntitySets}`,
    '',
  ];
  for (const object of report.objects) {
    const mark = object.status === 'ok' ? MARK.ok : object.required ? MARK[object.status] : '⚠';
    out.push(`${mark} ${object.titleRu} (${object.set})${object.required ? '' : ' — необязательный'}`);
    // The "how to add it" hint is printed once, below.
    if (object.status !== 'ok') out.push(`    ${object.messageRu.replace(`. Добавьте: ${report.hintRu}`, '')}`);
  }
  if (report.objects.some((o) => o.status === 'not-published')) out.push('', `Как добавить объект в состав OData: ${report.hintRu}.`);
  out.push('', `${report.taxpayer.known ? MARK.ok : MARK.error} Организация: ${report.taxpayer.messageRu}`, '');
  out.push(
    report.ok
      ? report.missingOptional.length === 0
        ? 'Итог: всё необходимое опубликовано, можно синхронизировать.'
        : `Итог: можно синхронизировать; необязательных объектов не хватает: ${report.missingOptional.length}.`
      : `Итог: синхронизация невозможна — не хватает обязательного: ${[...report.missingRequired, ...(report.taxpayer.known ? [] : ['ИНН организации'])].join(', ')}.`,
  );
  return `${out.join('\n')}\n`;
}
