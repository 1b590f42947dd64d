/**
 * Where an RNPT came from. The origin cannot be read off the number — every origin has the same
 * `8/6/7/3` shape (traceability-rules §3.1) — so it is context the caller supplies (the document the
 * RNPT was taken from). For ФНС-assigned numbers the meaning of groups 1–3 is unknown: nothing in
 * this package derives a customs office or a declaration from them.
 */
import { z } from 'zod';

export const RNPT_ORIGINS = ['customs_declaration', 'eaeu_import_notification', 'remains_notification'] as const;

export type RnptOrigin = (typeof RNPT_ORIGINS)[number];

export const rnptOriginSchema = z.enum(RNPT_ORIGINS);

export const RNPT_ORIGIN_LABELS_RU: Readonly<Record<RnptOrigin, string>> = {
  customs_declaration: 'сформирован импортёром по декларации на товары',
  eaeu_import_notification: 'присвоен ФНС по уведомлению о ввозе из ЕАЭС',
  remains_notification: 'присвоен ФНС по уведомлению об остатках',
};

/** True when ФНС assigned the number (its groups carry no known customs meaning). */
export const isFnsAssignedOrigin = (origin: RnptOrigin): boolean => origin !== 'customs_declaration';
