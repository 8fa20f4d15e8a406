import type { CommissionPlan } from '../../core/commission/commissionPlan';
import type { PlanResult } from '../../core/commission/validatePlan';
import type { Issue } from '../../core/issues/issue';

/** The workbook's commission plan as the pane knows it. */
export type PlanState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'plan'; readonly plan: CommissionPlan }
  /** The Commission Plan sheet exists but is not a valid plan: its problems, row by row. */
  | { readonly status: 'invalid'; readonly errors: readonly Issue[] };

/**
 * The pane's plan state from what `loadPlan` returned (`null`: no plan sheet).
 * @example planStateFrom(null) // { status: 'none' }
 */
export function planStateFrom(result: PlanResult | null): PlanState {
  if (result === null) return { status: 'none' };
  return result.ok ? { status: 'plan', plan: result.plan } : { status: 'invalid', errors: result.errors };
}
