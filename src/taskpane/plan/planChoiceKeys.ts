import type { PlanBasis, PlanMethod, PlanPeriod } from '../../core/commission/commissionPlan';
import type { CatalogKey } from '../../reports/i18n/catalog';

/** One of the plan's three choices: period, basis or method. */
export type PlanChoice = PlanPeriod | PlanBasis | PlanMethod;

/**
 * The catalog words for the plan's choices, shared by the editor's dropdowns and the plan
 * summary so both name a choice the same way.
 */
export const PLAN_CHOICE_KEYS: Readonly<Record<PlanChoice, CatalogKey>> = {
  quarter: 'pane.plan.period.quarter',
  year: 'pane.plan.period.year',
  attainment: 'pane.plan.basis.attainment',
  revenue: 'pane.plan.basis.revenue',
  marginal: 'pane.plan.method.marginal',
  retroactive: 'pane.plan.method.retroactive',
};
