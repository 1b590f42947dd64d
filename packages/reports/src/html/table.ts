/**
 * The table of discrepancies: one row per finding with the facts auditors scan for (severity, type, RNPT,
 * document, counterparty, expected vs found, fine), and a native <details> with the explanation.
 *
 * It is a grid of <div>s with table roles, not a <table>: Chromium lays out a 20 000-row <table> as a
 * whole (measured: ~45 s of layout on this machine), while rows with `content-visibility: auto` are
 * laid out only when scrolled to (~2 s). The catalog's long texts (why it matters, what to do, basis)
 * are written once, in the reference section, and joined to a row's facts when it is opened.
 */
import { SEVERITY_LABELS_RU, SEVERITY_RANK, countRu, dateRu, detailsRu, documentKindRu, rubRu } from '../format-ru.js';
import { fineKindRu } from '../fines-note.js';
import type { ReportCatalog } from '../model.js';
import type { ReportRow } from '../rows.js';
import type { CodeSummary } from '../summary/summarize.js';
import { escapeHtml } from './escape.js';

interface HtmlColumn {
  headerRu: string;
  /** How a click sorts it; columns without one do not sort. */
  sort?: 'number' | 'text';
  numeric?: true;
}

const HTML_COLUMNS: readonly HtmlColumn[] = [
  { headerRu: '№', sort: 'number', numeric: true },
  { headerRu: 'Расхождение', sort: 'text' },
  { headerRu: 'РНПТ', sort: 'text' },
  { headerRu: 'Документ', sort: 'text' },
  { headerRu: 'Контрагент', sort: 'text' },
  { headerRu: 'Ожидалось / фактически' },
  { headerRu: 'Штраф', sort: 'number', numeric: true },
  { headerRu: 'Описание (нажмите, чтобы раскрыть)', sort: 'text' },
];

export function tableHeadHtml(): string {
  const cells = HTML_COLUMNS.map((c) => {
    const label = escapeHtml(c.headerRu);
    const attributes = `role="columnheader"${c.sort ? ` data-type="${c.sort}"` : ''} class="th${c.numeric ? ' num' : ''}"`;
    return `<div ${attributes}>${c.sort ? `<button type="button">${label}</button>` : label}</div>`;
  });
  return `<div class="thead" role="rowgroup"><div class="tr" role="row">${cells.join('')}</div></div>`;
}

const text = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : escapeHtml(value));

export interface RowHtmlContext {
  catalog: ReportCatalog;
  counterpartyNames: Readonly<Record<string, string>>;
}

const cell = (content: string, attributes = '') => `<div role="cell"${attributes}>${content}</div>`;

export function tableRowHtml(row: ReportRow, index: number, context: RowHtmlContext): string {
  const rule = context.catalog[row.code];
  const doc = row.document;
  const inn = doc?.counterpartyInn ?? null;
  const name = inn === null ? undefined : context.counterpartyNames[inn];
  // Only what the row's cells do not show; the script adds expected/actual and the catalog's texts on opening.
  const facts: [string, string | null][] = [
    ['Строка декларации', row.declarationLineId],
    ['Движения учёта', row.movementIds.length > 0 ? row.movementIds.join(', ') : null],
    ['Подробности', Object.keys(row.details).length > 0 ? detailsRu(row.details) : null],
    ['Что сделать', row.fixRu !== rule.fixRu ? row.fixRu : null],
    ['Основание', row.legalBasisRu !== rule.legalBasisRu ? row.legalBasisRu : null],
  ];
  const factList = facts
    .filter((fact): fact is [string, string] => fact[1] !== null && fact[1] !== '')
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const explain = `<div class="explain"><dl>${factList}</dl><p class="why"><a href="#why-${escapeHtml(row.code)}">Почему это важно и что делать — в справочнике</a></p></div>`;
  const docNote = doc ? [`от ${dateRu(doc.date)}`, ...(row.section === null ? [] : [`раздел ${row.section}`])].join(' · ') : '';
  const cells = [
    cell(String(index + 1), ` class="num" data-sort="${index + 1}"`),
    // Sorting by type puts errors first, then by title.
    cell(
      `<span class="sev sev-${row.severity}">${SEVERITY_LABELS_RU[row.severity]}</span><span class="title">${escapeHtml(row.titleRu)}</span><code class="sub">${escapeHtml(row.code)}</code>`,
      ` class="kind" data-sort="${SEVERITY_RANK[row.severity]} ${escapeHtml(row.titleRu)}"`,
    ),
    cell(text(row.rnpt), ' class="mono"'),
    // Sorting by document sorts by date, then number.
    doc
      ? cell(`${escapeHtml(documentKindRu(doc.kind))}<span class="first">№ ${escapeHtml(doc.number)}</span><span class="sub">${escapeHtml(docNote)}</span>`, ` class="doc" data-sort="${escapeHtml(`${doc.date} ${doc.number}`)}"`)
      : cell('—', ' data-sort=""'),
    cell(`${text(inn)}${name === undefined ? '' : `<span class="sub">${escapeHtml(name)}</span>`}`, ' class="mono party"'),
    row.expected === null && row.actual === null ? cell('—') : cell(`<span>${text(row.expected)}</span><span>${text(row.actual)}</span>`, ' class="vs"'),
    cell(row.fineRub > 0 ? escapeHtml(rubRu(row.fineRub)) : '—', ` class="num" data-sort="${row.fineRub}"`),
    cell(`<details><summary>${escapeHtml(row.messageRu)}</summary>${explain}</details>`, ' class="msg"'),
  ];
  return `<div class="tr" role="row" data-severity="${row.severity}" data-code="${escapeHtml(row.code)}">${cells.join('')}</div>\n`;
}

/** One entry per type found: when it is flagged, why it matters, what to do, the basis, the fine. */
export function referenceHtml(codes: readonly CodeSummary[], catalog: ReportCatalog): string {
  return codes
    .map((code) => {
      const rule = catalog[code.code];
      const fine = rule.fine === 'none' ? 'не оценивается: в проекте КоАП нет отдельного штрафа за это' : fineKindRu(rule.fine);
      return `<section class="ref" id="why-${escapeHtml(code.code)}">
<h3><span class="sev sev-${code.severity}">${SEVERITY_LABELS_RU[code.severity]}</span> ${escapeHtml(rule.titleRu)} <code>${escapeHtml(code.code)}</code> — ${countRu(code.count)}</h3>
<dl><dt>Когда</dt><dd>${escapeHtml(rule.whenRu)}</dd><dt>Почему это важно</dt><dd>${escapeHtml(rule.whyRu)}</dd><dt>Что сделать</dt><dd>${escapeHtml(rule.fixRu)}</dd><dt>Основание</dt><dd>${escapeHtml(rule.legalBasisRu)}</dd><dt>Риск штрафа</dt><dd>${escapeHtml(fine)}</dd></dl>
</section>`;
    })
    .join('\n');
}
