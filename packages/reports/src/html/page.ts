/**
 * The parts of report.html around the table rows: the head (inline CSS, a CSP that forbids any load),
 * the header, the summary cards with the fine risk, the charts, the table's controls and head, and after
 * the rows the reference section, the footer and the script.
 */
import { FINE_EXEMPTION_RU, fineKindRu, fineStatusNoteRu, fineStatusRu } from '../fines-note.js';
import { SEVERITIES, SEVERITY_PLURALS_RU, countRu, periodRu, rubRu, timestampRu } from '../format-ru.js';
import type { ReportModel } from '../model.js';
import type { ReportSummary } from '../summary/summarize.js';
import type { TopList } from '../summary/top-counter.js';
import { byTypeChartSvg, topKeysChartSvg } from './charts.js';
import { escapeHtml } from './escape.js';
import { REPORT_SCRIPT } from './script.js';
import { REPORT_CSS } from './styles.js';
import { referenceHtml, tableHeadHtml } from './table.js';

export interface PageContext {
  model: ReportModel;
  summary: ReportSummary;
  timeZone: string;
  /** Rows in the table (the first `rowsShown` of `summary.total`). */
  rowsShown: number;
  /** The other files of the run, named where the table is capped. */
  companionFiles: readonly string[];
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function pageStartHtml(context: PageContext): string {
  const { model, summary } = context;
  const period = periodRu(model.period);
  const title = `Расхождения прослеживаемости — ${model.taxpayer.name} — ${period}`;
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<div class="brand">Следопыт · сверка декларации по НДС с учётом прослеживаемых товаров</div>
<h1>Расхождения прослеживаемости за ${escapeHtml(period)}</h1>
<p class="who"><strong>${escapeHtml(model.taxpayer.name)}</strong> · ИНН ${escapeHtml(model.taxpayer.inn)}${model.taxpayer.kpp === null ? '' : ` · КПП ${escapeHtml(model.taxpayer.kpp)}`}</p>
<p class="meta">Период ${escapeHtml(model.period)} · сформирован ${escapeHtml(timestampRu(model.generatedAt, context.timeZone))} · запуск сверки ${escapeHtml(model.runId)}</p>
</header>
${cardsHtml(context)}
${summary.total === 0 ? '<p class="all-clear">Расхождений не найдено.</p>' : `${chartsHtml(context)}\n${tableStartHtml(context)}`}`;
}

function cardsHtml({ model, summary }: PageContext): string {
  const card = (cls: string, label: string, value: string, note = '') =>
    `<div class="card ${cls}"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>${note}</div>`;
  const cards = [
    card('total', 'Всего расхождений', countRu(summary.total)),
    ...SEVERITIES.map((severity) => card(severity, SEVERITY_PLURALS_RU[severity], countRu(summary.bySeverity[severity]))),
    card('fine', 'Риск штрафа', rubRu(model.fines.totalRub), `<p class="note">${escapeHtml(fineStatusNoteRu(model.fines))}</p>`),
  ];
  const byKind =
    model.fines.byKind.length === 0
      ? ''
      : `<table class="small-table"><thead><tr><th>Вид нарушения</th><th class="num">Документов</th><th class="num">Сумма</th><th>Предел</th><th>Норма</th></tr></thead><tbody>${model.fines.byKind
          .map(
            (k) =>
              `<tr><td>${escapeHtml(fineKindRu(k.kind))}</td><td class="num">${countRu(k.documents)}</td><td class="num">${escapeHtml(rubRu(k.rub))}</td><td>${k.capped ? 'достигнут' : 'нет'}</td><td>${escapeHtml(fineStatusRu(k.status))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<section class="cards" aria-label="Итоги">${cards.join('')}</section>
<p class="exemption">${escapeHtml(FINE_EXEMPTION_RU)}</p>
${byKind === '' ? '' : `<h2>Риск штрафа по видам нарушений</h2>\n<div class="panel">${byKind}<p class="note">Штраф считается один раз на документ, даже если в нём несколько ошибок; сумма по каждому виду ограничена пределом.</p></div>`}`;
}

function topCaption(list: TopList, noun: string): string {
  const parts = [list.approximate ? `${list.top.length} самых частых; подсчёт приблизительный` : `${list.top.length} из ${countRu(list.distinct)}`];
  if (list.withoutKey > 0) parts.push(`без ${noun}: ${countRu(list.withoutKey)}`);
  return parts.join(' · ');
}

function chartsHtml({ model, summary }: PageContext): string {
  const figure = (id: string, caption: string, note: string, svg: string) =>
    `<figure class="panel" data-chart="${id}"><figcaption>${escapeHtml(caption)} <small>${escapeHtml(note)}</small></figcaption>${svg}</figure>`;
  const counterparty = (inn: string) => {
    const name = model.counterpartyNames[inn];
    return name === undefined ? inn : `${inn} ${name}`;
  };
  const figures = [figure('by-type', 'По типам расхождений', `${summary.byCode.length} типов`, byTypeChartSvg(summary.byCode))];
  if (summary.byRnpt.top.length > 0) {
    figures.push(figure('by-rnpt', 'По РНПТ', topCaption(summary.byRnpt, 'РНПТ'), topKeysChartSvg(summary.byRnpt.top, (key) => key, 'Расхождения по РНПТ')));
  }
  if (summary.byCounterparty.top.length > 0) {
    figures.push(
      figure('by-counterparty', 'По контрагентам', topCaption(summary.byCounterparty, 'контрагента'), topKeysChartSvg(summary.byCounterparty.top, counterparty, 'Расхождения по контрагентам')),
    );
  }
  return `<h2>Где расхождения</h2>\n<div class="charts">${figures.join('\n')}</div>`;
}

function tableStartHtml({ summary, rowsShown, companionFiles }: PageContext): string {
  const capped =
    rowsShown < summary.total
      ? `<p class="notice">В таблице — первые ${countRu(rowsShown)} из ${countRu(summary.total)} расхождений, в порядке сверки (сначала ошибки); сводка и графики выше учитывают все. Полный список — в ${
          companionFiles.length > 0 ? companionFiles.map((f) => `«${escapeHtml(f)}»`).join(' и ') : 'выгрузке XLSX или CSV'
        } рядом с этим файлом.</p>`
      : '';
  const codeOptions = summary.byCode.map((c) => `<option value="${escapeHtml(c.code)}">${escapeHtml(c.titleRu)} (${countRu(c.count)})</option>`).join('');
  const severityOptions = SEVERITIES.filter((s) => summary.bySeverity[s] > 0)
    .map((s) => `<option value="${s}">${SEVERITY_PLURALS_RU[s]} (${countRu(summary.bySeverity[s])})</option>`)
    .join('');
  return `<h2>Все расхождения</h2>
${capped}
<div class="controls" id="controls" hidden>
<input type="search" id="filter-text" placeholder="Поиск: РНПТ, номер документа, ИНН, текст" aria-label="Поиск по тексту">
<select id="filter-severity" aria-label="Важность"><option value="">Любая важность</option>${severityOptions}</select>
<select id="filter-code" aria-label="Тип расхождения"><option value="">Все типы</option>${codeOptions}</select>
<span>Показано: <strong id="shown-count">${countRu(rowsShown)}</strong> из ${countRu(rowsShown)}</span>
</div>
<div class="table-wrap">
<div id="findings" role="table" aria-label="Расхождения">
${tableHeadHtml()}
<div class="tbody" role="rowgroup">
`;
}

export function pageEndHtml(context: PageContext): string {
  const { model, summary } = context;
  const table = summary.total === 0 ? '' : `</div>\n</div>\n</div>\n<h2>Справочник: что означают расхождения</h2>\n${referenceHtml(summary.byCode, model.catalog)}`;
  return `${table}
<footer>Отчёт сформирован программой «Следопыт» по данным налогоплательщика: декларации по НДС и документам учёта прослеживаемых товаров. Это подсказка аудитору, а не решение налогового органа.</footer>
</main>
${summary.total === 0 ? '' : `<script>${REPORT_SCRIPT}</script>`}
</body>
</html>
`;
}
