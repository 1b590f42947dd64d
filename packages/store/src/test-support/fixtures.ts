/**
 * Realistic test data: a Moscow importer of refrigerators and washing machines, its supplier and buyer,
 * RNPTs of real shape, real traceable ТН ВЭД codes.
 */
import { createHash } from 'node:crypto';
import { completeInn, movementSchema } from '@sledopyt/core';
import type { Movement, MovementInput } from '@sledopyt/core';
import type { ImportDocumentInput } from '../repositories/documents.js';

export const TAXPAYER_INN = completeInn('772801234');
export const SUPPLIER_INN = completeInn('500312345');
export const BUYER_INN = completeInn('781054321');

/** Холодильники бытовые и стиральные машины — in the goods list № 1110. */
export const TNVED_FRIDGE = '8418102001';
export const TNVED_WASHER = '8450111100';

export const rnpt = (item: number, seq = 1): string => `10702070/150126/${String(seq).padStart(7, '0')}/${String(item).padStart(3, '0')}`;

export function movement(input: Partial<MovementInput> = {}): Movement {
  return movementSchema.parse({
    kind: 'purchase',
    taxpayerInn: TAXPAYER_INN,
    rnpt: rnpt(1),
    tnved: TNVED_FRIDGE,
    unit: '796',
    quantity: '10',
    costWithoutVat: '450000.00',
    date: '2026-01-20',
    document: { kind: 'upd', number: 'УТ-15', date: '2026-01-20' },
    counterpartyInn: SUPPLIER_INN,
    ...input,
  });
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const json = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** A document around its movements (taken from the first), hashed over its content. */
export function documentOf(movements: Movement[], extra: Partial<ImportDocumentInput> = {}): ImportDocumentInput {
  const first = movements[0];
  if (first === undefined) throw new Error('a document needs at least one movement here');
  const header = {
    taxpayerInn: first.taxpayerInn,
    kind: first.document.kind,
    number: first.document.number,
    date: first.document.date,
    ...(first.counterpartyInn === undefined ? {} : { counterpartyInn: first.counterpartyInn }),
    source: 'file' as const,
    sourceRef: `/srv/edo/in/ON_NSCHFDOPPR_${first.document.number}.xml`,
  };
  return { ...header, contentHash: sha256(json({ header, movements })), movements, ...extra };
}
