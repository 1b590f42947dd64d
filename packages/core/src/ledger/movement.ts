/**
 * One movement of traceable goods under one RNPT, as the company's own documents state it.
 * Quantity and cost are never negative here: the direction comes from the kind (a storno line in a
 * declaration is the reconciler's business, not the ledger's).
 */
import { z } from 'zod';
import { calendarDateSchema, formatDateRu } from '../calendar-date.js';
import { SledopytError, fail, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { okeiCodeSchema } from '../goods/okei.js';
import { tnvedSchema } from '../goods/tnved.js';
import { nonNegativeRublesSchema } from '../money/money.js';
import { nonNegativeQuantitySchema } from '../money/quantity.js';
import { rnptSchema } from '../rnpt/schema.js';
import { innSchema } from '../taxpayer.js';
import { MOVEMENT_KINDS, movementKindSchema } from './movement-kinds.js';
import { OPERATION_CODES, operationCodeSchema } from './operation-codes.js';

/** Kinds of primary documents. The first four are `ВидДок` 1–4 of the отчёт об операциях; the rest are 5 (иной). */
export const DOCUMENT_KINDS = [
  'invoice',
  'correction_invoice',
  'upd',
  'ukd',
  'customs_declaration',
  'fns_receipt',
  'inventory_act',
  'other',
] as const;

export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const DOCUMENT_KIND_LABELS_RU: Readonly<Record<DocumentKind, string>> = {
  invoice: 'счёт-фактура',
  correction_invoice: 'корректировочный счёт-фактура',
  upd: 'УПД',
  ukd: 'УКД',
  customs_declaration: 'декларация на товары',
  fns_receipt: 'квитанция ФНС',
  inventory_act: 'акт инвентаризации',
  other: 'документ',
};

/** `ВидДок` of the отчёт об операциях: 1 СФ, 2 КСФ, 3 УПД, 4 УКД, 5 иной первичный документ. */
export function reportDocumentKindCode(documentKind: DocumentKind): 1 | 2 | 3 | 4 | 5 {
  switch (documentKind) {
    case 'invoice':
      return 1;
    case 'correction_invoice':
      return 2;
    case 'upd':
      return 3;
    case 'ukd':
      return 4;
    default:
      return 5;
  }
}

export const movementDocumentSchema = z.object({
  kind: documentKindSchema,
  number: z.string().trim().min(1, { message: 'не указан номер документа' }),
  date: calendarDateSchema,
});

export const movementSchema = z
  .object({
    /** The caller's id (1С document GUID, file line…), echoed in findings. */
    id: z.string().min(1).optional(),
    kind: movementKindSchema,
    taxpayerInn: innSchema,
    rnpt: rnptSchema,
    tnved: tnvedSchema.optional(),
    /** ОКЕИ code of the traceability unit (796 = штука). */
    unit: okeiCodeSchema,
    quantity: nonNegativeQuantitySchema,
    /** Cost without VAT, roubles in the input, kopecks in the output. */
    costWithoutVat: nonNegativeRublesSchema,
    date: calendarDateSchema,
    document: movementDocumentSchema,
    counterpartyInn: innSchema.optional(),
    /** Overrides the kind's default code where the document decides (e.g. 02 vs 03 for a write-off). */
    operationCode: operationCodeSchema.optional(),
  })
  .superRefine((movement, ctx) => {
    const rule = MOVEMENT_KINDS[movement.kind];
    const code = movement.operationCode;
    if (code !== undefined && !rule.allowedOperationCodes.includes(code)) {
      const allowed = rule.allowedOperationCodes.join(', ');
      ctx.addIssue({
        code: 'custom',
        path: ['operationCode'],
        message:
          `код операции ${code} («${OPERATION_CODES[code].nameRu}») не подходит для движения «${rule.labelRu}»` +
          (allowed === '' ? ': для него код операции не указывается' : `: допустимо ${allowed}`),
        params: { code: 'MOVEMENT_OPERATION_CODE' },
      });
    }
  });

export type Movement = z.output<typeof movementSchema>;
export type MovementDocument = Movement['document'];
export type MovementInput = z.input<typeof movementSchema>;

/** The operation code of a movement: its own, or its kind's default (null when none applies). */
export const movementOperationCode = (movement: Movement) => movement.operationCode ?? MOVEMENT_KINDS[movement.kind].operationCode;

/** Validates one movement (e.g. a JSON line) into a `Movement` or a `MOVEMENT_INVALID` error listing every issue. */
export function parseMovement(input: unknown): Result<Movement> {
  const parsed = movementSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return fail(
    new SledopytError({
      code: 'MOVEMENT_INVALID',
      message: `Invalid movement: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      messageRu: `Движение товара заполнено неверно: ${issues.map((i) => `${i.path || 'запись'} — ${i.message}`).join('; ')}`,
      details: { issues },
    }),
  );
}

/** «УПД № 15 от 12.02.2026», for messages. */
export function describeDocumentRu(document: MovementDocument): string {
  return `${DOCUMENT_KIND_LABELS_RU[document.kind]} № ${document.number} от ${formatDateRu(document.date)}`;
}
