import type { ExactDecimal } from './exactDecimal';

/** Period a commission is computed for: each report-year quarter, or the report year to date. */
export type PlanPeriod = 'quarter' | 'year';
/** What tier starts are measured in: fraction of quota, or currency. */
export type PlanBasis = 'attainment' | 'revenue';
/** Marginal: each slice at its own rate. Retroactive: all revenue at the rate of the tier reached. */
export type PlanMethod = 'marginal' | 'retroactive';

/** A tier: starts at `from` (a fraction of quota, 0.5 = 50 %, or an amount in currency units). */
export interface Tier {
  readonly from: ExactDecimal;
  /** Commission rate as a fraction: 0.05 = 5 %. */
  readonly rate: ExactDecimal;
}

/** A one-off bonus paid when attainment ≥ `threshold` (a fraction: 1 = 100 %). */
export interface Bonus {
  readonly threshold: ExactDecimal;
  /** In currency units. */
  readonly amount: ExactDecimal;
}

/** A commission plan (SPEC §5), already validated: tiers ascend from 0, rates are 0–100 %. */
export interface CommissionPlan {
  readonly period: PlanPeriod;
  readonly basis: PlanBasis;
  readonly method: PlanMethod;
  readonly tiers: readonly Tier[];
  /** Revenue is counted up to this attainment (2 = 200 %). */
  readonly capAttainment?: ExactDecimal;
  /** Maximum commission per manager and period, bonuses excluded, in currency units. */
  readonly capAmount?: ExactDecimal;
  readonly bonuses: readonly Bonus[];
}
