/**
 * Loads the catalogs of the plan into `ReferenceData`, page by page with the fields the base publishes.
 * Catalogs are read whole on every run (a few hundred pages even for a large base): they are small next to
 * the documents, and a full read also sees every change without per-object bookkeeping.
 */
import { parseRnpt } from '@sledopyt/core';
import type { Progress } from '@sledopyt/contract';
import type { ObjectRole } from './composition.js';
import { classifyBatchNumber, ReferenceData } from './mapping/reference-data.js';
import type { TaxpayerSettings } from './mapping/reference-data.js';
import { flag, ref, text } from './mapping/row.js';
import type { Row } from './mapping/row.js';
import type { ResolvedObject, SyncPlan } from './plan.js';
import type { ODataTransport } from './transport.js';

export const CATALOG_ROLES: readonly ObjectRole[] = ['batch-numbers', 'items', 'tnved', 'units', 'counterparties', 'countries', 'organizations'];

type Loader = (data: ReferenceData, row: Row, key: string) => void;

const LOADERS: Readonly<Partial<Record<ObjectRole, Loader>>> = {
  'batch-numbers': (data, row, key) => {
    if (flag(row, 'IsFolder') === true) return;
    const code = text(row, 'Code');
    const kind = classifyBatchNumber(code, { isRnpt: flag(row, 'ЭтоРНПТ'), isCustoms: flag(row, 'ЭтоНомерТД'), numberType: text(row, 'ТипНомераГТД') || null });
    // The canonical form (the store and the declaration compare RNPTs as text); a malformed one stays as typed.
    const parsed = kind === 'rnpt' ? parseRnpt(code) : null;
    data.batchNumbers.set(key, { code: parsed?.ok === true ? parsed.value.rnpt : code, kind, registrationNumber: text(row, 'РегистрационныйНомер') });
  },
  items: (data, row, key) => {
    data.items.set(key, { name: text(row, 'Description'), tnvedRef: ref(row, 'КодТНВЭД_Key'), tnvedUnitRef: ref(row, 'ЕдиницаИзмеренияТНВЭД_Key'), traceable: flag(row, 'ПрослеживаемыйТовар') });
  },
  tnved: (data, row, key) => {
    data.tnved.set(key, { code: text(row, 'Code'), unitRef: ref(row, 'ЕдиницаИзмерения_Key') });
  },
  units: (data, row, key) => {
    data.units.set(key, text(row, 'Code'));
  },
  counterparties: (data, row, key) => {
    const legalForm = text(row, 'ЮрФизЛицо');
    data.counterparties.set(key, {
      name: text(row, 'Description'),
      inn: text(row, 'ИНН'),
      kpp: text(row, 'КПП'),
      countryRef: ref(row, 'СтранаРегистрации_Key'),
      person: (text(row, 'ЮридическоеФизическоеЛицо') === 'ФизическоеЛицо' && flag(row, 'ИндивидуальныйПредприниматель') !== true) || legalForm === 'ФизЛицо',
      nonResident: legalForm === 'ЮрЛицоНеРезидент',
    });
  },
  countries: (data, row, key) => {
    data.countries.set(key, { code: text(row, 'Code'), alpha2: text(row, 'КодАльфа2'), eaeu: flag(row, 'УчастникЕАЭС') });
  },
  organizations: (data, row, key) => {
    data.organizations.set(key, { inn: text(row, 'ИНН'), kpp: text(row, 'КПП'), name: text(row, 'Description') });
  },
};

export interface ReferenceLoadOptions {
  pageSize: number;
  progress: Progress;
  taxpayers: TaxpayerSettings;
  signal?: AbortSignal | undefined;
}

async function loadCatalog(transport: ODataTransport, object: ResolvedObject, data: ReferenceData, options: ReferenceLoadOptions): Promise<number> {
  const loader = LOADERS[object.spec.role];
  if (loader === undefined) return 0;
  const task = options.progress.task(object.spec.set, { unit: 'записей' });
  let count = 0;
  try {
    const filter = object.fields.includes('IsFolder') ? 'IsFolder eq false' : undefined;
    for await (const page of transport.pages<Row>(object.spec.set, { select: object.fields, filter, orderBy: ['Ref_Key'], pageSize: options.pageSize })) {
      for (const row of page.rows) {
        const key = ref(row, 'Ref_Key');
        if (key !== null) loader(data, row, key);
      }
      count += page.rows.length;
      task.advance(page.rows.length);
    }
  } finally {
    task.finish();
  }
  return count;
}

/** Reads every usable catalog of the plan; returns the data and the rows read per entity set. */
export async function loadReferenceData(transport: ODataTransport, plan: SyncPlan, options: ReferenceLoadOptions): Promise<{ data: ReferenceData; counts: Record<string, number> }> {
  const data = new ReferenceData(options.taxpayers);
  const counts: Record<string, number> = {};
  for (const object of plan.usable(CATALOG_ROLES)) counts[object.spec.set] = await loadCatalog(transport, object, data, options);
  return { data, counts };
}
