import { issueMessage, type IssueMessage } from '../issues/messages';
import { tableIssue, type TableIssue } from '../quotas/tableIssue';
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

/** A plan's parts as a parser read them; a setting or cap that is absent or unreadable is null or undefined. */
export type PlanParts = { readonly [K in Exclude<keyof PlanDraft, 'tiers' | 'bonuses' | 'tiersAt'>]: PlanDraft[K] | null | undefined } & Pick<PlanDraft, 'tiers' | 'bonuses' | 'tiersAt'>;

/**
 * The draft both plan parsers (sheet and JSON) hand to {@link validatePlan}: the parts they
 * read, without those they did not.
 * @example planDraft({ period: 'quarter', basis: null, method: undefined, tiers: [], bonuses: [], capAttainment: null, capAmount: null, tiersAt }).basis // undefined
 */
export function planDraft(p: PlanParts): PlanDraft {
  return {
    ...(p.period ? { period: p.period } : {}),
    ...(p.basis ? { basis: p.basis } : {}),
    ...(p.method ? { method: p.method } : {}),
    tiers: p.tiers,
    bonuses: p.bonuses,
    ...(p.capAttainment ? { capAttainment: p.capAttainment } : {}),
    ...(p.capAmount ? { capAmount: p.capAmount } : {}),
    tiersAt: p.tiersAt,
  };
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
  const fail = (code: string, at: PlanLocation, message: IssueMessage) =>
    errors.push(tableIssue(code, sheet, at.row, at.column, at.value, message, 'error'));
  const basis = draft.basis ?? 'attainment';
  type Implausible = 'plan.implausibleTierStart' | 'plan.implausibleCap' | 'plan.implausibleThreshold';
  const plausible = (x: Located<ExactDecimal>, what: Implausible) => {
    if (compare(x.value, PLAUSIBLE_ATTAINMENT) > 0) fail('plan.implausiblePercent', x.at, issueMessage(what, { value: x.at.value }));
  };

  if (draft.tiers.length === 0) fail('plan.noTiers', draft.tiersAt, issueMessage('plan.noTiers'));
  draft.tiers.forEach((t, i) => {
    if (i === 0 && sign(t.from.value) !== 0) fail('plan.firstTierNotZero', t.from.at, issueMessage('plan.firstTierNotZero'));
    const prev = draft.tiers[i - 1];
    if (prev && compare(t.from.value, prev.from.value) <= 0) {
      fail('plan.tiersNotAscending', t.from.at, issueMessage('plan.tiersNotAscending', { value: t.from.at.value, previous: prev.from.at.value }));
    }
    if (basis === 'attainment') plausible(t.from, 'plan.implausibleTierStart');
    if (sign(t.rate.value) < 0) fail('plan.negativeRate', t.rate.at, issueMessage('plan.negativeRate'));
    if (compare(t.rate.value, ONE) > 0) {
      fail('plan.rateTooHigh', t.rate.at, issueMessage('plan.rateTooHigh', { value: t.rate.at.value }));
    }
  });
  if (draft.capAttainment) {
    if (sign(draft.capAttainment.value) <= 0) fail('plan.badValue', draft.capAttainment.at, issueMessage('plan.capNotPositive'));
    else plausible(draft.capAttainment, 'plan.implausibleCap');
  }
  if (draft.capAmount && sign(draft.capAmount.value) < 0) {
    fail('plan.badValue', draft.capAmount.at, issueMessage('plan.capAmountNegative'));
  }
  for (const b of draft.bonuses) {
    if (sign(b.threshold.value) < 0) fail('plan.badValue', b.threshold.at, issueMessage('plan.thresholdNegative'));
    else plausible(b.threshold, 'plan.implausibleThreshold');
    if (sign(b.amount.value) < 0) fail('plan.badValue', b.amount.at, issueMessage('plan.bonusNegative'));
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
