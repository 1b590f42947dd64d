/**
 * The report's charts as inline SVG, rendered on the server by echarts (SSR: no DOM, no canvas). Bars are
 * horizontal so that long Russian titles and RNPTs stay readable. Text is escaped by echarts itself; the
 * namespace attributes and the hover stylesheet are stripped so the page holds no URL and no shared
 * class names.
 */
import type { FindingSeverity } from '@sledopyt/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { SEVERITIES, SEVERITY_PLURALS_RU, countRu } from '../format-ru.js';
import type { CodeSummary } from '../summary/summarize.js';
import type { KeyTally } from '../summary/top-counter.js';

echarts.use([BarChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

export const SEVERITY_COLORS: Readonly<Record<FindingSeverity, string>> = { error: '#c62828', warning: '#ef6c00', info: '#1565c0' };

export const CHART_WIDTH = 880;
const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
const BAR_ROW = 26;

/** Renders an echarts option to an SVG string without a DOM. */
export function renderSvgChart(option: echarts.EChartsCoreOption, height: number, width = CHART_WIDTH): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return cleanSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Inline SVG in HTML needs no namespaces; the stylesheet only carries hover effects. */
export function cleanSvg(svg: string): string {
  return svg
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/^<svg /, '<svg role="img" ');
}

const MAX_LABEL_CHARS = 52;

/** Cuts a category label to what the margin holds. */
export function chartLabel(text: string): string {
  const chars = [...text];
  return chars.length > MAX_LABEL_CHARS ? `${chars.slice(0, MAX_LABEL_CHARS - 1).join('').trimEnd()}…` : text;
}

/**
 * The left margin for the category labels. SSR has no fonts to measure with, so its width guesses
 * (`containLabel`, `overflow: truncate`) are off for Cyrillic and digits; a margin from the label length
 * (about 7.2 px per character at 12 px) keeps labels whole, and `chartLabel` cuts the long ones.
 */
function labelMargin(labels: readonly string[]): number {
  const longest = labels.reduce((max, label) => Math.max(max, [...label].length), 0);
  return Math.ceil(longest * 7.2) + 22;
}

const baseOption = (description: string) => ({
  animation: false,
  aria: { enabled: true, label: { description } },
  textStyle: { fontFamily: FONT, fontSize: 12, color: '#202124' },
  xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e8eaed' } }, axisLabel: { color: '#5f6368', formatter: (value: number) => countRu(value) } },
});

/** Counts by discrepancy type, each bar in the colour of its severity. */
export function byTypeChartSvg(codes: readonly CodeSummary[]): string {
  const labels = codes.map((c) => chartLabel(c.titleRu));
  const left = labelMargin(labels);
  const option = {
    ...baseOption(`Расхождения по типам: ${codes.map((c) => `${c.titleRu} — ${c.count}`).join('; ')}`),
    grid: { left, right: 56, top: 8, bottom: 28 },
    yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false }, axisLabel: {} },
    series: [
      {
        type: 'bar',
        name: 'Расхождений',
        barMaxWidth: 18,
        data: codes.map((c) => ({ value: c.count, itemStyle: { color: SEVERITY_COLORS[c.severity] } })),
        label: { show: true, position: 'right', color: '#202124', formatter: (p: { value: number }) => countRu(p.value) },
      },
    ],
  };
  return renderSvgChart(option, 40 + BAR_ROW * codes.length);
}

/** The top keys (RNPT, counterparty) with bars stacked by severity. */
export function topKeysChartSvg(tallies: readonly KeyTally[], label: (key: string) => string, what: string): string {
  const severities = SEVERITIES.filter((severity) => tallies.some((t) => t.bySeverity[severity] > 0));
  const labels = tallies.map((t) => chartLabel(label(t.key)));
  const left = labelMargin(labels);
  const option = {
    ...baseOption(`${what}: ${tallies.map((t) => `${label(t.key)} — ${t.count}`).join('; ')}`),
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontFamily: FONT } },
    grid: { left, right: 56, top: 32, bottom: 28 },
    yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false }, axisLabel: {} },
    series: severities.map((severity, i) => ({
      type: 'bar',
      name: SEVERITY_PLURALS_RU[severity],
      stack: 'total',
      barMaxWidth: 18,
      itemStyle: { color: SEVERITY_COLORS[severity] },
      data: tallies.map((t) => t.bySeverity[severity]),
      // The total goes at the end of the last segment.
      label: i === severities.length - 1 ? { show: true, position: 'right', color: '#202124', formatter: (p: { dataIndex: number }) => countRu(tallies[p.dataIndex]?.count ?? 0) } : { show: false },
    })),
  };
  return renderSvgChart(option, 64 + BAR_ROW * tallies.length);
}
