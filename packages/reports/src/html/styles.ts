/** The report's stylesheet, inlined: readable on screen and on paper, no web fonts. */
export const REPORT_CSS = `
:root { --error: #c62828; --warning: #ef6c00; --info: #1565c0; --ok: #2e7d32; --ink: #202124; --muted: #5f6368; --line: #dadce0; --bg: #f6f7f9;
  --sans: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; --mono: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 var(--sans); color: var(--ink); background: var(--bg); }
main { max-width: 1480px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 4px 0 8px; }
h2 { font-size: 18px; margin: 32px 0 12px; }
h3 { font-size: 15px; margin: 0 0 8px; }
code, .mono { font-family: var(--mono); font-size: 12.5px; }
.brand { color: var(--muted); font-size: 13px; letter-spacing: .02em; }
.who { font-size: 16px; margin: 0; }
.meta { color: var(--muted); margin: 4px 0 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin-top: 20px; }
.card { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 8px; padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 28px; font-weight: 650; margin-top: 2px; white-space: nowrap; }
.card.error { border-left-color: var(--error); } .card.error .value { color: var(--error); }
.card.warning { border-left-color: var(--warning); } .card.warning .value { color: var(--warning); }
.card.info { border-left-color: var(--info); } .card.info .value { color: var(--info); }
.card.fine { border-left-color: #6a1b9a; grid-column: span 2; }
.card .note { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
.exemption { background: #e8f5e9; border: 1px solid #c8e6c9; border-radius: 8px; padding: 10px 14px; margin: 12px 0 0; }
.all-clear { background: #e8f5e9; border: 1px solid #c8e6c9; color: var(--ok); border-radius: 8px; padding: 14px; font-size: 16px; font-weight: 600; }
.notice { background: #fff8e1; border: 1px solid #ffe082; border-radius: 8px; padding: 10px 14px; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.charts { display: grid; grid-template-columns: 1fr; gap: 16px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 8px; }
figcaption small { font-weight: 400; color: var(--muted); }
figure svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: #eef0f3; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
.sev { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.sev-error { background: var(--error); } .sev-warning { background: var(--warning); } .sev-info { background: var(--info); }
.table-wrap { border: 1px solid var(--line); border-radius: 8px; overflow: auto; max-height: 85vh; background: #fff; }
#findings { min-width: 1290px; font-size: 13px; }
#findings .tr { display: grid; grid-template-columns: 48px 160px 212px 150px 160px 180px 84px minmax(300px, 1fr); border-bottom: 1px solid var(--line); }
#findings .tr[hidden] { display: none; }
#findings .tr > div { padding: 6px 8px; overflow-wrap: anywhere; min-width: 0; }
/* Off-screen rows are not laid out until scrolled to: what keeps 20 000 rows quick to open. The first
   rows are always drawn (first paint, full-page screenshots). */
#findings .tbody > .tr:nth-child(n+41) { content-visibility: auto; contain-intrinsic-size: auto 84px; }
#findings .tbody > .tr:nth-child(even) { background: #fafbfc; }
.thead { position: sticky; top: 0; z-index: 1; background: #eef0f3; font-weight: 600; }
.thead button { all: unset; cursor: pointer; }
.thead button::after { content: ""; margin-left: 4px; color: var(--muted); }
.thead [aria-sort="ascending"] button::after { content: "▲"; }
.thead [aria-sort="descending"] button::after { content: "▼"; }
#findings .num { text-align: right; white-space: nowrap; }
#findings .mono { font-size: 12px; }
.sub { display: block; color: var(--muted); font-family: var(--sans); font-size: 12px; }
code.sub { font-family: var(--mono); font-size: 11.5px; }
.kind .title { display: block; margin-top: 3px; }
.doc .first { display: block; white-space: nowrap; }
.vs span { display: block; }
.vs span:first-child::before { content: "ожид.: "; color: var(--muted); }
.vs span:last-child::before { content: "факт.: "; color: var(--muted); }
details summary { cursor: pointer; }
details[open] summary { font-weight: 600; }
.explain { margin: 8px 0 4px; padding: 8px 10px; background: #f8f9fa; border-radius: 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
.why { margin: 6px 0 0; }
.explain dl { display: block; }
.explain dt { font-size: 12px; margin-top: 6px; }
.explain dt:first-child { margin-top: 0; }
.controls[hidden] { display: none; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin-bottom: 10px; }
.controls input, .controls select { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.controls input { min-width: 280px; }
.ref { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 10px; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
@media print {
  body { background: #fff; }
  .controls { display: none !important; }
  .table-wrap { max-height: none; overflow: visible; border: 0; }
  .thead { position: static; }
  #findings .tbody > .tr:nth-child(n+41) { content-visibility: visible; }
  details > :not(summary) { display: block; }
}
`;
