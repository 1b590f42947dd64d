/**
 * What `sledopyt parse` says about a VAT declaration section: read as a stream (files of gigabytes), so
 * memory stays bounded — RNPTs are listed up to a cap, counted in full.
 */
import type { Kopecks } from '@sledopyt/core';
import type { DocumentSummary } from '../read-document.js';
import { FORMAT_KINDS, type FormatKind } from '../xml/detect.js';
import { isTraceabilityEntry } from './model.js';
import { readNdsLines, type NdsSource } from './reader.js';

/** RNPTs listed in a summary. */
export const SUMMARY_RNPT_LIMIT = 1_000;
/** Distinct RNPTs counted exactly up to this many (bounded memory on huge files). */
export const SUMMARY_DISTINCT_LIMIT = 100_000;

export interface NdsSectionSummary extends DocumentSummary {
  /** Distinct RNPTs in the section, exact up to SUMMARY_DISTINCT_LIMIT (then `distinctRnptsAtLeast`). */
  distinctRnpts: number;
  distinctRnptsAtLeast: boolean;
}

export async function summarizeNdsSection(source: NdsSource, fileName: string): Promise<NdsSectionSummary> {
  const reader = readNdsLines(source, { fileName });
  const header = await reader.header();
  const seen = new Set<string>();
  let lines = 0;
  let traceableItems = 0;
  let cost: Kopecks = 0n;
  for await (const batch of reader.batches()) {
    lines += batch.length;
    for (const line of batch) {
      for (const entry of line.СвРегНом) {
        if (!isTraceabilityEntry(entry)) continue;
        traceableItems += 1;
        cost += entry.СтоимТовПросл ?? 0n;
        if (entry.kind === 'rnpt' && seen.size < SUMMARY_DISTINCT_LIMIT) seen.add(entry.number);
      }
    }
  }
  const kind: FormatKind = `nds-${header.section}`;
  const summary: NdsSectionSummary = {
    kind,
    titleRu: FORMAT_KINDS[kind].titleRu,
    version: header.ВерсФорм,
    fileId: header.ИдФайл,
    // A section file names its taxpayer only in ИдФайл (ИНН and КПП, no name).
    parties: header.taxpayer ? [{ role: 'налогоплательщик', name: `по имени файла (ИдФайл)${header.taxpayer.КПП === undefined ? '' : `, КПП ${header.taxpayer.КПП}`}`, inn: header.taxpayer.ИНН }] : [],
    lines,
    traceableItems,
    rnpts: [...seen].slice(0, SUMMARY_RNPT_LIMIT),
    traceableCostWithoutVat: cost,
    distinctRnpts: seen.size,
    distinctRnptsAtLeast: seen.size >= SUMMARY_DISTINCT_LIMIT,
  };
  if (header.НомКорр > 0) summary.number = `корректировка ${header.НомКорр}`;
  return summary;
}
