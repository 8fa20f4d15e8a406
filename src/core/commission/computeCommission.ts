import type { CommissionPlan } from './commissionPlan';
import {
  add,
  cents,
  compare,
  max,
  min,
  multiply,
  roundHalfAwayFromZero,
  shiftLeft,
  sign,
  subtract,
  type ExactDecimal,
} from './exactDecimal';

const ZERO: ExactDecimal = { digits: 0n, scale: 0 };

/** One tier of a commission breakdown, money in exact cents. */
export interface TierSlice {
  /** Tier start in money (cents): `from · Q` or `from`. */
  readonly lower: ExactDecimal;
  /** Next tier's start, or `null` for the last tier. */
  readonly upper: ExactDecimal | null;
  readonly rate: ExactDecimal;
  /**
   * Exact commission of this tier in cents: marginal `rate · max(0, min(R', upper) − lower)`;
   * retroactive `R' · rate` on the tier reached and 0 on the others. Before the amount cap.
   */
  readonly amount: ExactDecimal;
  /** `amount` rounded to whole cents, half away from zero, for display only. */
  readonly amountCents: number;
}

/** Commission of one manager for one period (SPEC §5), money in cents. */
export interface CommissionResult {
  readonly revenue: number;
  /** Quota in cents, or `null` when there is none. */
  readonly quota: number | null;
  /** `revenue / quota` when quota > 0, else `null`. */
  readonly attainment: number | null;
  /** True on an attainment-basis plan without a quota > 0: commission, bonus and payout are `null`. */
  readonly noQuota: boolean;
  /** Revenue counted, `R' = min(R, capAttainment · Q)` in exact cents; `null` when noQuota. */
  readonly countedRevenue: ExactDecimal | null;
  /** Exact commission before the amount cap. */
  readonly uncappedCommission: ExactDecimal | null;
  /** Exact commission after the amount cap, before rounding. */
  readonly exactCommission: ExactDecimal | null;
  /** True when the amount cap lowered the commission. */
  readonly capped: boolean;
  /** Commission in whole cents, rounded once from the exact value, half away from zero. */
  readonly commission: number | null;
  /** Bonus in whole cents. */
  readonly bonus: number | null;
  /** commission + bonus. */
  readonly payout: number | null;
  /** Per-tier breakdown; empty when noQuota. */
  readonly tiers: readonly TierSlice[];
}

function toCents(x: ExactDecimal): number {
  return Number(roundHalfAwayFromZero(x));
}

/**
 * Commission, bonus and payout of one manager and period with revenue `revenueCents` and quota
 * `quotaCents`, exactly as SPEC §5 steps 1–5:
 * 1. tier boundaries `b_i = from_i · Q` (attainment basis; Q missing or ≤ 0 → No quota, all
 *    money `null`) or `b_i = from_i` (revenue basis);
 * 2. `R' = min(R, capAttainment · Q)` (the cap applies only where Q > 0); `R' ≤ 0` → 0;
 * 3. marginal `Σ rate_i · max(0, min(R', b_{i+1}) − b_i)`, retroactive `R' · rate_k` with
 *    `b_k ≤ R' < b_{k+1}`;
 * 4. `min(C, capAmount)`; bonus = Σ amounts with threshold ≤ attainment (R / Q, uncapped R;
 *    on a revenue-basis plan without a quota there is no attainment and the bonus is 0);
 * 5. every product is exact (bigint decimals), C and B are each rounded once to cents, half
 *    away from zero; payout = C + B.
 * @example computeCommission(plan, 13_000_000, 10_000_000).commission // 590000 (5 900.00, SPEC §5)
 */
export function computeCommission(plan: CommissionPlan, revenueCents: number, quotaCents: number | null): CommissionResult {
  const hasQuota = quotaCents !== null && quotaCents > 0;
  const attainment = hasQuota ? revenueCents / quotaCents : null;
  if (plan.basis === 'attainment' && !hasQuota) {
    return {
      revenue: revenueCents, quota: quotaCents, attainment, noQuota: true, countedRevenue: null,
      uncappedCommission: null, exactCommission: null, capped: false,
      commission: null, bonus: null, payout: null, tiers: [],
    };
  }
  const R = cents(revenueCents);
  const Q = hasQuota ? cents(quotaCents) : null;
  // Boundaries in cents: a fraction of the quota, or currency units × 100.
  const bounds = plan.tiers.map((t) => (plan.basis === 'attainment' && Q ? multiply(t.from, Q) : shiftLeft(t.from, 2)));
  let counted = R;
  if (plan.capAttainment && Q) counted = min(counted, multiply(plan.capAttainment, Q));
  const positive = sign(counted) > 0;

  // Retroactive: the tier reached is the last whose start is ≤ R'.
  let reached = 0;
  for (let i = 1; i < bounds.length; i++) if (compare(bounds[i] as ExactDecimal, counted) <= 0) reached = i;

  let total = ZERO;
  const tiers: TierSlice[] = plan.tiers.map((t, i) => {
    const lower = bounds[i] as ExactDecimal;
    const upper = bounds[i + 1] ?? null;
    let amount = ZERO;
    if (positive) {
      if (plan.method === 'marginal') {
        const top = upper === null ? counted : min(counted, upper);
        amount = multiply(t.rate, max(ZERO, subtract(top, lower)));
      } else if (i === reached) {
        amount = multiply(counted, t.rate);
      }
    }
    total = add(total, amount);
    return { lower, upper, rate: t.rate, amount, amountCents: toCents(amount) };
  });

  let exact = total;
  let capped = false;
  if (plan.capAmount) {
    const cap = shiftLeft(plan.capAmount, 2);
    if (compare(total, cap) > 0) {
      exact = cap;
      capped = true;
    }
  }
  let bonusExact = ZERO;
  if (Q) {
    // threshold ≤ R / Q ⇔ threshold · Q ≤ R, exact because Q > 0.
    for (const b of plan.bonuses) if (compare(multiply(b.threshold, Q), R) <= 0) bonusExact = add(bonusExact, b.amount);
  }
  const commission = toCents(exact);
  const bonus = toCents(shiftLeft(bonusExact, 2));
  return {
    revenue: revenueCents, quota: quotaCents, attainment, noQuota: false, countedRevenue: counted,
    uncappedCommission: total, exactCommission: exact, capped,
    commission, bonus, payout: commission + bonus, tiers,
  };
}
