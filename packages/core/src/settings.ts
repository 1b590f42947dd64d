/**
 * Settings of the core rules, as a zod schema with defaults so that the application's config file can
 * embed it (`{ core: coreSettingsSchema }`) and an empty object yields the defaults. Defaults are given
 * as input (`prefault`) so they go through the same parsing as user values.
 */
import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';

/** How loudly a rule reports; `off` disables it. */
export const ruleSeveritySchema = z.enum(['error', 'warning', 'info', 'off']);
export type RuleSeverity = z.infer<typeof ruleSeveritySchema>;
/** The severity of a reported finding (a rule that is `off` reports nothing). */
export type FindingSeverity = Exclude<RuleSeverity, 'off'>;

/**
 * The seed-000 rule «from 01.10.2026 the RNPT must be obtained before an EAEU import and named in the ДОПП»
 * (traceability-rules §6.2: not confirmed in any official act, hence a setting, default `warning`).
 */
export const eaeuRnptBeforeImportSettingsSchema = z.object({
  /** Imports on or after this day are checked. */
  effectiveFrom: calendarDateSchema.prefault('2026-10-01'),
  severity: ruleSeveritySchema.default('warning'),
});

export const coreSettingsSchema = z.object({
  eaeuRnptBeforeImport: eaeuRnptBeforeImportSettingsSchema.prefault({}),
});

export type CoreSettings = z.output<typeof coreSettingsSchema>;
export type CoreSettingsInput = z.input<typeof coreSettingsSchema>;

export const DEFAULT_CORE_SETTINGS: CoreSettings = coreSettingsSchema.parse({});
