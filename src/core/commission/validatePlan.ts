import type { TableIssue } from '../quotas/tableIssue';
import { compare, sign, type ExactDecimal } from './exactDecimal';
import type { Bonus, CommissionPlan, PlanBasis, PlanMethod, PlanPeriod, Tier } from './commissionPlan';

/** Where a value of a plan came from, so an error can name it. */
export interface PlanLocation {
  /** Sheet row (1-based), or 0 for JSON. */
  readonly row: number;
  /** Header of the sheet column, or JSON path such as `tiers[2].from`. */
  readonly column: string;
  /** The raw value as text. */
  readonly value: string;
}

/** A value read from a plan source, with its location. */
export interface Located<T> {
  readonly value: T;
  readonly at: PlanLocation;
}

/** A plan as read, before validation. */
export interface PlanDraft {
  readonly period?: PlanPeriod;
  readonly basis?: PlanBasis;
  readonly method?: PlanMethod;
  readonly tiers: readonly { readonly from: Located<ExactDecimal>; readonly rate: Located<ExactDecimal> }[];
  readonly capAttainment?: Located<ExactDecimal>;
  readonly capAmount?: Located<ExactDecimal>;
  readonly bonuses: readonly { readonly threshold: Located<ExactDecimal>; readonly amount: Located<ExactDecimal> }[];
  /** Where the tiers are (block header row, or `tiers`), for "no tiers". */
  readonly tiersAt: PlanLocation;
}

/** A plan, or every reason it is not one. */
export type PlanResult =
  | { readonly ok: true; readonly plan: CommissionPlan }
  | { readonly ok: false; readonly errors: readonly TableIssue[] };

const ONE: ExactDecimal = { digits: 1n, scale: 0 };
// Attainment above 1 000 % is not a plan anyone writes, but `50` meant as 50 % is a common slip.
const PLAUSIBLE_ATTAINMENT: ExactDecimal = { digits: 10n, scale: 0 };

/**
 * Checks a plan draft against SPEC §5: at least one tier, the first starting at 0, starts strictly
 * ascending, rates between 0 and 100 %, caps positive, bonus thresholds and amounts not negative,
 * and (attainment basis) no tier start, threshold or cap above 1 000 %, which would be a
 * percentage typed as a number. Every problem is reported, each naming its row or JSON path.
 * @example validatePlan(draft, 'Commission Plan') // { ok: false, errors: [{ row: 12, column: 'From', reason: 'tier starts must ascend …' }] }
 */
export function validatePlan(draft: PlanDraft, sheet: string): PlanResult {
  const errors: TableIssue[] = [];
  const fail = (code: string, at: PlanLocation, reason: string) =>
    errors.push({ code, sheet, row: at.row, column: at.column, value: at.value, reason, severity: 'error' });
  const basis = draft.basis ?? 'attainment';
  const plausible = (x: Located<ExactDecimal>, what: string) => {
    if (compare(x.value, PLAUSIBLE_ATTAINMENT) > 0) {
      fail('plan.implausiblePercent', x.at, `${what} ${x.at.value} means ${x.at.value}00 %; write 50% or 0.5 for 50 %`);
    }
  };

  if (draft.tiers.length === 0) fail('plan.noTiers', draft.tiersAt, 'the plan has no tiers (From | Rate)');
  draft.tiers.forEach((t, i) => {
    if (i === 0 && sign(t.from.value) !== 0) fail('plan.firstTierNotZero', t.from.at, 'the first tier must start at 0');
    const prev = draft.tiers[i - 1];
    if (prev && compare(t.from.value, prev.from.value) <= 0) {
      fail('plan.tiersNotAscending', t.from.at, `tier starts must ascend: ${t.from.at.value} is not above ${prev.from.at.value}`);
    }
    if (basis === 'attainment') plausible(t.from, 'a tier start of');
    if (sign(t.rate.value) < 0) fail('plan.negativeRate', t.rate.at, 'a rate cannot be negative');
    if (compare(t.rate.value, ONE) > 0) {
      fail('plan.rateTooHigh', t.rate.at, `rate ${t.rate.at.value} means more than 100 %; write 5% or 0.05 for 5 %`);
    }
  });
  if (draft.capAttainment) {
    if (sign(draft.capAttainment.value) <= 0) fail('plan.badValue', draft.capAttainment.at, 'the attainment cap must be above 0');
    else plausible(draft.capAttainment, 'an attainment cap of');
  }
  if (draft.capAmount && sign(draft.capAmount.value) < 0) {
    fail('plan.badValue', draft.capAmount.at, 'the commission cap cannot be negative');
  }
  for (const b of draft.bonuses) {
    if (sign(b.threshold.value) < 0) fail('plan.badValue', b.threshold.at, 'a bonus threshold cannot be negative');
    else plausible(b.threshold, 'a bonus threshold of');
    if (sign(b.amount.value) < 0) fail('plan.badValue', b.amount.at, 'a bonus cannot be negative');
  }
  if (errors.length > 0) return { ok: false, errors };

  const tiers: Tier[] = draft.tiers.map((t) => ({ from: t.from.value, rate: t.rate.value }));
  const bonuses: Bonus[] = draft.bonuses.map((b) => ({ threshold: b.threshold.value, amount: b.amount.value }));
  const plan: CommissionPlan = {
    period: draft.period ?? 'quarter',
    basis,
    method: draft.method ?? 'marginal',
    tiers,
    bonuses,
    ...(draft.capAttainment ? { capAttainment: draft.capAttainment.value } : {}),
    ...(draft.capAmount ? { capAmount: draft.capAmount.value } : {}),
  };
  return { ok: true, plan };
}
