/** Builds the whole emulated company from a seed: reference catalogs first, then the documents. */
import { parseCalendarDate } from '@sledopyt/core';
import type { CalendarDate } from '@sledopyt/core';
import { Random } from '@sledopyt/generators';
import type { BusinessData, VatRateRecord } from './business.js';
import { generateCountries, generateCounterparties, generateItems, generateTnved, generateUnits } from './catalog-generator.js';
import { DocumentGenerator } from './document-generator.js';
import { VersionClock, newRef } from './ids.js';

export interface GenerateOptions {
  readonly seed: number;
  /** Purchases and sales; customs documents and notifications come on top (about 30 % more). */
  readonly documents: number;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly remainsNotices: number;
}

export interface GeneratedBase {
  readonly data: BusinessData;
  readonly clock: VersionClock;
  readonly generator: DocumentGenerator;
}

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(max, value));

function vatRates(random: Random, clock: VersionClock): VatRateRecord[] {
  const rates: [VatRateRecord['rate'], string, number][] = [
    ['НДС20', '20%', 20],
    ['НДС22', '22%', 22],
    ['НДС10', '10%', 10],
    ['НДС0', '0%', 0],
    ['БезНДС', 'Без НДС', 0],
  ];
  return rates.map(([rate, name, percent]) => ({ ref: newRef(random), version: clock.next(), deletionMark: false, rate, name, percent }));
}

export function generateBase(options: GenerateOptions): GeneratedBase {
  const random = new Random(options.seed);
  const clock = new VersionClock();
  const context = { random, clock };
  const from = parseCalendarDate(options.from);
  const countries = generateCountries(context);
  const units = generateUnits(context);
  const pieceRef = units.find((u) => u.code === '796')?.ref ?? '';
  const tnved = generateTnved(context, pieceRef, from);
  const data: BusinessData = {
    organizationRef: newRef(random),
    warehouseRef: newRef(random),
    ownStockKindRef: newRef(random),
    vatRates: vatRates(random, clock),
    countries,
    units,
    tnved,
    counterparties: generateCounterparties(context, countries, clamp(Math.round(options.documents / 30), 12, 3000)),
    items: generateItems(context, { countries, tnved, pieceRef, on: from }, clamp(Math.round(options.documents / 40), 11, 1500)),
    batchNumbers: [],
    documents: [],
  };
  const generator = new DocumentGenerator(random, clock, data);
  generator.openingRemains(from, options.remainsNotices);
  generator.documents(options.documents, from, parseCalendarDate(options.to));
  return { data, clock, generator };
}
