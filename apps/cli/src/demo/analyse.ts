/**
 * What the demo shows beside the reconciliation, which the reconciler does not: how the goods list classifies
 * each catalog item at the quarter's end, and the quarter's filing deadlines. (Findings come only from the
 * reconciler.) Returns plain data.
 */
import { classify, computeDeadline, formatQuarter, parseQuarter, quarterRange, type Classification, type Deadline } from '@sledopyt/core';
import type { DemoItem } from '@sledopyt/generators';

export interface DemoOverview {
  period: string;
  catalog: { item: DemoItem; classification: Classification }[];
  deadlines: Deadline[];
}

export function demoOverview(period: string, items: readonly DemoItem[]): DemoOverview {
  const quarter = parseQuarter(period);
  const { to: quarterEnd } = quarterRange(quarter);
  const catalog = items.map((item) => ({ item, classification: classify(item.tnved, quarterEnd, { originCountry: item.origin }) }));
  const id = formatQuarter(quarter);
  const deadlines = [computeDeadline({ kind: 'vat-declaration', date: id }), computeDeadline({ kind: 'operations-report', date: id })];
  return { period: id, catalog, deadlines };
}
