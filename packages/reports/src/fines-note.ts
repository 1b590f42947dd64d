/**
 * What the reports say next to the fine risk: the amounts come from a draft (its status is in the core's
 * FINE_RULES), and errors corrected before ФНС asks are exempt (FINE_EXEMPTION_RU).
 */
import { FINE_EXEMPTION_RU, FINE_RULES, type FineRule } from '@sledopyt/core';
import type { ReportFines } from './model.js';

export { FINE_EXEMPTION_RU };

type FineKindName = FineRule['kind'];

/** «Непредставление или несвоевременное представление уведомления». */
export function fineKindRu(kind: FineKindName): string {
  const description = FINE_RULES.find((rule) => rule.kind === kind)?.descriptionRu ?? kind;
  return description.charAt(0).toUpperCase() + description.slice(1);
}

/** The status of the estimate in one sentence; says «draft» whenever any rule used (or known) is one. */
export function fineStatusNoteRu(fines: ReportFines): string {
  const kinds = new Set(fines.byKind.map((k) => k.kind));
  const rules = fines.byKind.length > 0 ? FINE_RULES.filter((rule) => kinds.has(rule.kind)) : FINE_RULES;
  const drafts = rules.filter((rule) => rule.status === 'draft');
  if (drafts.length === 0) return 'Оценка риска по действующим нормам; это не начисление штрафа.';
  const bases = [...new Set(drafts.map((rule) => rule.basisRu))];
  return `Оценка риска, а не начисление. Суммы взяты из проекта, а не из действующего закона: ${bases.join('; ')}.`;
}

export const fineStatusRu = (status: FineRule['status']): string => (status === 'draft' ? 'проект' : 'действует');
