/**
 * The table of discrepancies: one row per finding with the facts auditors scan for (severity, type, RNPT,
 * document, counterparty, expected vs found, fine), and a native <details> with the explanation. The
 * catalog's long texts (why it matters, what to do, basis) are written once, in the reference section,
 * and copied into a row when it is opened, so 20 000 rows do not repeat them 20 000 times.
 */
import { SEVERITY_LABELS_RU, SEVERITY_RANK, countRu, dateRu, detailsRu, documentKindRu, rubRu } from '../format-ru.js';
import { fineKindRu } from '../fines-note.js';
import type { ReportCatalog } from '../model.js';
import type { ReportRow } from '../rows.js';
import type { CodeSummary } from '../summary/summarize.js';
import { escapeHtml } from './escape.js';

interface HtmlColumn {
  headerRu: string;
  type: 'number' | 'text';
  numeric?: true;
}

const HTML_COLUMNS: readonly HtmlColumn[] = [
  { headerRu: '№', type: 'number', numeric: true },
  { headerRu: 'Важность', type: 'number' },
  { headerRu: 'Расхождение', type: 'text' },
  { headerRu: 'РНПТ', type: 'text' },
  { headerRu: 'Документ', type: 'text' },
  { headerRu: 'Дата', type: 'text' },
  { headerRu: 'Контрагент', type: 'text' },
  { headerRu: 'Раздел', type: 'text' },
  { headerRu: 'Ожидалось', type: 'text' },
  { headerRu: 'Фактически', type: 'text' },
  { headerRu: 'Штраф', type: 'number', numeric: true },
  { headerRu: 'Описание (нажмите, чтобы раскрыть)', type: 'text' },
];

export function tableHeadHtml(): string {
  const cells = HTML_COLUMNS.map((c) => `<th scope="col" data-type="${c.type}"${c.numeric ? ' class="num"' : ''}><button type="button">${escapeHtml(c.headerRu)}</button></th>`);
  return `<thead><tr>${cells.join('')}</tr></thead>`;
}

const text = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : escapeHtml(value));

export interface RowHtmlContext {
  catalog: ReportCatalog;
  counterpartyNames: Readonly<Record<string, string>>;
}

export function tableRowHtml(row: ReportRow, index: number, context: RowHtmlContext): string {
  const rule = context.catalog[row.code];
  const doc = row.document;
  const inn = doc?.counterpartyInn ?? null;
  const name = inn === null ? undefined : context.counterpartyNames[inn];
  const facts: [string, string | null][] = [
    ['Ожидалось', row.expected],
    ['Фактически', row.actual],
    ['Документ', doc ? `${documentKindRu(doc.kind)} № ${doc.number} от ${dateRu(doc.date)}` : null],
    ['Строка декларации', row.declarationLineId],
    ['Движения учёта', row.movementIds.length > 0 ? row.movementIds.join(', ') : null],
    ['Подробности', Object.keys(row.details).length > 0 ? detailsRu(row.details) : null],
    // The catalog's texts come from the reference section; a row that says otherwise keeps its own.
    ['Что сделать', row.fixRu !== rule.fixRu ? row.fixRu : null],
    ['Основание', row.legalBasisRu !== rule.legalBasisRu ? row.legalBasisRu : null],
  ];
  const factList = facts
    .filter((fact): fact is [string, string] => fact[1] !== null && fact[1] !== '')
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const explain = `<div class="explain"><dl>${factList}</dl><div class="why"><a href="#why-${escapeHtml(row.code)}">Почему это важно, что сделать и основание — в справочнике ниже</a></div></div>`;
  const cells = [
    `<td class="num" data-sort="${index + 1}">${index + 1}</td>`,
    `<td data-sort="${SEVERITY_RANK[row.severity]}"><span class="sev sev-${row.severity}">${SEVERITY_LABELS_RU[row.severity]}</span></td>`,
    `<td>${escapeHtml(row.titleRu)}<br><code>${escapeHtml(row.code)}</code></td>`,
    `<td class="mono">${text(row.rnpt)}</td>`,
    `<td>${doc ? `${escapeHtml(documentKindRu(doc.kind))} № ${escapeHtml(doc.number)}` : '—'}</td>`,
    `<td data-sort="${doc ? escapeHtml(doc.date) : ''}">${doc ? escapeHtml(dateRu(doc.date)) : '—'}</td>`,
    `<td class="mono">${text(inn)}${name === undefined ? '' : `<span class="cp-name">${escapeHtml(name)}</span>`}</td>`,
    `<td>${text(row.section)}</td>`,
    `<td>${text(row.expected)}</td>`,
    `<td>${text(row.actual)}</td>`,
    `<td class="num" data-sort="${row.fineRub}">${row.fineRub > 0 ? escapeHtml(rubRu(row.fineRub)) : '—'}</td>`,
    `<td><details><summary>${escapeHtml(row.messageRu)}</summary>${explain}</details></td>`,
  ];
  return `<tr data-severity="${row.severity}" data-code="${escapeHtml(row.code)}">${cells.join('')}</tr>\n`;
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
