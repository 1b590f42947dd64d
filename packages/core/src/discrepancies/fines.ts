/**
 * Fine risk in roubles, in one table that is easy to update. The traceability sanctions come from the draft
 * amendment to КоАП announced by ФНС for 2026-01-01; whether and under which article it was adopted is not
 * confirmed (traceability-rules §9.1), so every amount carries its status. Fines are per document, not per
 * finding: several problems in one invoice risk one fine; totals are capped per kind of violation.
 */
import { compareDates, type CalendarDate } from '../calendar-date.js';

/** What a discrepancy puts at risk. */
export type FineKind = 'document_requisites' | 'paper_document' | 'notification' | 'report' | 'none';

export type TaxpayerKind = 'organisation' | 'sole_trader';

export interface FineRule {
  kind: Exclude<FineKind, 'none'>;
  /** Roubles per document (invoice, notification or report). */
  perDocumentRub: number;
  /** Maximum total per kind of violation. */
  capRub: Readonly<Record<TaxpayerKind, number>>;
  effectiveFrom: CalendarDate;
  status: 'draft' | 'adopted';
  basisRu: string;
  descriptionRu: string;
}

const DRAFT_BASIS =
  'проект изменений в КоАП РФ об операциях с прослеживаемыми товарами (ФНС: вступление ожидалось с 01.01.2026; принятие не подтверждено)';
const FROM = '2026-01-01' as CalendarDate;

export const FINE_RULES: readonly FineRule[] = [
  {
    kind: 'document_requisites',
    perDocumentRub: 1_000,
    capRub: { organisation: 100_000, sole_trader: 30_000 },
    effectiveFrom: FROM,
    status: 'draft',
    basisRu: DRAFT_BASIS,
    descriptionRu: 'неотражение или искажение реквизитов прослеживаемости в счёте-фактуре, УПД, декларации',
  },
  {
    kind: 'paper_document',
    perDocumentRub: 200,
    capRub: { organisation: 100_000, sole_trader: 30_000 },
    effectiveFrom: FROM,
    status: 'draft',
    basisRu: DRAFT_BASIS,
    descriptionRu: 'счёт-фактура / УПД с реквизитами прослеживаемости не в электронной форме',
  },
  {
    kind: 'notification',
    perDocumentRub: 1_000,
    capRub: { organisation: 100_000, sole_trader: 30_000 },
    effectiveFrom: FROM,
    status: 'draft',
    basisRu: DRAFT_BASIS,
    descriptionRu: 'непредставление или несвоевременное представление уведомления',
  },
  {
    kind: 'report',
    perDocumentRub: 1_000,
    capRub: { organisation: 100_000, sole_trader: 30_000 },
    effectiveFrom: FROM,
    status: 'draft',
    basisRu: DRAFT_BASIS,
    descriptionRu: 'непредставление, просрочка или искажение отчёта об операциях',
  },
];

/** Said next to every fine estimate: the draft's exemption for errors corrected before the tax office asks. */
export const FINE_EXEMPTION_RU =
  'Исправление до того, как ФНС запросит документы или обнаружит ошибку (исправленный счёт-фактура, уточнённая декларация, корректировочный отчёт), по проекту освобождает от штрафа: исправьте сейчас — 0 ₽.';

/** The rule in force for a kind on a date, or null (no sanction before it starts, or kind `none`). */
export function fineRuleFor(kind: FineKind, date: CalendarDate): FineRule | null {
  if (kind === 'none') return null;
  return FINE_RULES.find((r) => r.kind === kind && compareDates(date, r.effectiveFrom) >= 0) ?? null;
}

export interface FineInput {
  kind: FineKind;
  /** Identifies the document the fine is counted for (e.g. `upd|ТС-101|2026-09-01|7701234560`). */
  documentKey: string;
  date: CalendarDate;
}

export interface FineEstimate {
  /** Per input, in order: the roubles attributed to it (0 when its document was already counted or a cap was hit). */
  perFinding: number[];
  byKind: { kind: Exclude<FineKind, 'none'>; documents: number; rub: number; capped: boolean; status: FineRule['status'] }[];
  totalRub: number;
}

/**
 * Counts fines incrementally: one per (kind, document), capped per kind. Feed findings in any order; each
 * gets the roubles attributed to it (0 when its document was already counted or the cap is reached).
 */
export class FineCounter {
  readonly #counted = new Set<string>();
  readonly #totals = new Map<Exclude<FineKind, 'none'>, { documents: number; rub: number; capped: boolean; status: FineRule['status'] }>();

  constructor(private readonly taxpayerKind: TaxpayerKind) {}

  add(finding: FineInput): number {
    const rule = fineRuleFor(finding.kind, finding.date);
    if (rule === null) return 0;
    const key = `${rule.kind}|${finding.documentKey}`;
    if (this.#counted.has(key)) return 0;
    this.#counted.add(key);
    const total = this.#totals.get(rule.kind) ?? { documents: 0, rub: 0, capped: false, status: rule.status };
    total.documents += 1;
    const rub = Math.max(0, Math.min(rule.perDocumentRub, rule.capRub[this.taxpayerKind] - total.rub));
    if (rub < rule.perDocumentRub) total.capped = true;
    total.rub += rub;
    this.#totals.set(rule.kind, total);
    return rub;
  }

  byKind(): FineEstimate['byKind'] {
    return [...this.#totals].map(([kind, t]) => ({ kind, ...t }));
  }

  totalRub(): number {
    return this.byKind().reduce((sum, k) => sum + k.rub, 0);
  }
}

/** Counts one fine per (kind, document), applies the caps per kind, and says which input carries each rouble. */
export function estimateFines(findings: readonly FineInput[], taxpayerKind: TaxpayerKind): FineEstimate {
  const counter = new FineCounter(taxpayerKind);
  const perFinding = findings.map((finding) => counter.add(finding));
  return { perFinding, byKind: counter.byKind(), totalRub: counter.totalRub() };
}

export const taxpayerKindOf = (inn: string): TaxpayerKind => (inn.length === 12 ? 'sole_trader' : 'organisation');
