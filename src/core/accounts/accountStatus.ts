import { decimalFromNumber, type ExactDecimal } from '../commission/exactDecimal';

/** SPEC §7 account status, by precedence. */
export type AccountStatusName = 'Dormant' | 'New' | 'At risk' | 'Declining' | 'Growing' | 'Stable';

/** Thresholds of the account status (SPEC §7 defaults). Growth values are fractions: −0.2 = −20 %. */
export interface StatusThresholds {
  /** Days since the last order from which an account is Dormant (180). */
  readonly dormantDays: number;
  /** Days since the last order from which an account is At risk (90). */
  readonly atRiskDays: number;
  /** Growth at or below which a key account is At risk (−0.2). */
  readonly keyAtRiskGrowth: number;
  /** Growth at or below which an account is Declining (−0.1). */
  readonly decliningGrowth: number;
  /** Growth at or above which an account is Growing (0.1). */
  readonly growingGrowth: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = {
  dormantDays: 180,
  atRiskDays: 90,
  keyAtRiskGrowth: -0.2,
  decliningGrowth: -0.1,
  growingGrowth: 0.1,
};

/** What the status depends on. */
export interface StatusFacts {
  /** as-of − last order with amount > 0; `null` when the account never had such an order. */
  readonly daysSinceLastOrder: number | null;
  /** First ever order with amount > 0 falls in the report year. */
  readonly firstOrderInReportYear: boolean;
  readonly key: boolean;
  /** Revenue YTD and prior-year same span, cents. */
  readonly revenue: number;
  readonly prior: number;
}

// growth = R / P − 1 compared with g exactly: R / P − 1 ≤ g ⇔ R · 10^s ≤ (10^s + g·10^s) · P for P > 0.
// (In floats 90 / 100 − 1 is −0.0999…98, which would miss a −10 % threshold.)
function growthCompare(revenue: number, prior: number, g: ExactDecimal): number {
  const unit = 10n ** BigInt(g.scale);
  const lhs = BigInt(revenue) * unit;
  const rhs = (unit + g.digits) * BigInt(prior);
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/**
 * Growth R / P − 1 compared with a threshold, exactly. `null` when P ≤ 0 (growth undefined).
 * @example compareGrowth(90, 100, -0.1) // 0 (exactly −10 %)
 */
export function compareGrowth(revenue: number, prior: number, threshold: number): number | null {
  if (prior <= 0) return null;
  const g = thresholdDecimal(threshold);
  if (g === null) return null;
  // Floats decide unless the growth lies within rounding noise (~1e-15) of the threshold; only
  // then is the exact comparison needed, and made.
  const ratio = revenue / prior;
  const diff = ratio - (1 + threshold);
  if (Math.abs(diff) > 1e-9 * (Math.abs(ratio) + Math.abs(threshold) + 1)) return diff < 0 ? -1 : 1;
  return growthCompare(revenue, prior, g);
}

/** `decimalFromNumber` of each threshold, remembered: a report compares every account with the same few. */
const thresholdDecimals = new Map<number, ExactDecimal | null>();

function thresholdDecimal(threshold: number): ExactDecimal | null {
  let g = thresholdDecimals.get(threshold);
  if (g === undefined) {
    if (thresholdDecimals.size >= 64) thresholdDecimals.clear();
    g = decimalFromNumber(threshold);
    thresholdDecimals.set(threshold, g);
  }
  return g;
}

/**
 * Account status, first match wins (SPEC §7):
 * 1. Dormant — ≥ dormantDays since the last order, or never an order with amount > 0;
 * 2. New — first ever order in the report year;
 * 3. At risk — key account with growth ≤ keyAtRiskGrowth, or ≥ atRiskDays since the last order;
 * 4. Declining — growth ≤ decliningGrowth;
 * 5. Growing — growth ≥ growingGrowth;
 * 6. Stable — otherwise, also when growth is undefined (prior span ≤ 0).
 * @example accountStatus({ daysSinceLastOrder: 10, firstOrderInReportYear: false, key: false, revenue: 80, prior: 100 }) // 'Declining'
 */
export function accountStatus(f: StatusFacts, t: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): AccountStatusName {
  return statusOf(f.daysSinceLastOrder, f.firstOrderInReportYear, f.key, f.revenue, f.prior, t);
}

/**
 * {@link accountStatus} of the facts given one by one (no object per account in the report loop).
 * @internal
 */
export function statusOf(
  daysSinceLastOrder: number | null,
  firstOrderInReportYear: boolean,
  key: boolean,
  revenue: number,
  prior: number,
  t: StatusThresholds,
): AccountStatusName {
  if (daysSinceLastOrder === null || daysSinceLastOrder >= t.dormantDays) return 'Dormant';
  if (firstOrderInReportYear) return 'New';
  if ((key && atMost(revenue, prior, t.keyAtRiskGrowth)) || daysSinceLastOrder >= t.atRiskDays) return 'At risk';
  if (atMost(revenue, prior, t.decliningGrowth)) return 'Declining';
  if (atLeast(revenue, prior, t.growingGrowth)) return 'Growing';
  return 'Stable';
}

/** Growth defined and ≤ g. */
function atMost(revenue: number, prior: number, g: number): boolean {
  const c = compareGrowth(revenue, prior, g);
  return c !== null && c <= 0;
}

/** Growth defined and ≥ g. */
function atLeast(revenue: number, prior: number, g: number): boolean {
  const c = compareGrowth(revenue, prior, g);
  return c !== null && c >= 0;
}
