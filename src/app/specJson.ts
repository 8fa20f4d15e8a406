import type { Analysis } from '../core/analyze';
import { roundHalfAwayFromZero, toNumber, type ExactDecimal } from '../core/commission/exactDecimal';
import type { Issue } from '../core/issues/issue';
import { isoDate } from '../core/periods/dayNumber';

/** What `--json` needs from intake (kept minimal so this does not depend on the intake result type). */
export interface IntakeSummary {
  /** Rows below the header. */
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly blank: number;
  readonly issues: readonly Issue[];
  /** Reporting currency code, or `null` when there is none. */
  readonly currency: string | null;
}

/** SPEC §9 money: currency units, rounded to cents. */
type Money = number;

export interface SpecJsonAttainment {
  readonly manager: string;
  readonly period: string;
  readonly revenue: Money;
  readonly quota: Money | null;
  readonly attainment: number | null;
  readonly status: string;
  readonly review: boolean;
}

export interface SpecJsonCommission {
  readonly manager: string;
  readonly period: string;
  readonly revenue: Money;
  readonly quota: Money | null;
  readonly attainment: number | null;
  readonly commission: Money | null;
  readonly bonus: Money | null;
  readonly payout: Money | null;
  readonly tiers: readonly { readonly lower: Money; readonly upper: Money | null; readonly rate: number; readonly amount: Money }[];
}

export interface SpecJsonConcentration {
  readonly period: string;
  readonly total: Money;
  readonly hhi: number;
  readonly band: string;
  readonly cr: { readonly '1': number; readonly '5': number; readonly '10': number };
  readonly keyAccountShare: number | null;
  readonly keyAccountShareByQuarter: Readonly<Record<string, number | null>>;
  readonly accounts: readonly { readonly account: string; readonly revenue: Money; readonly share: number; readonly cumulative: number; readonly class: string }[];
}

export interface SpecJsonAccount {
  readonly account: string;
  readonly manager: string;
  readonly revenue: Money;
  readonly priorRevenue: Money;
  readonly growth: number | null;
  readonly share: number | null;
  readonly class: string | null;
  readonly key: boolean;
  readonly orders: number;
  readonly lastOrder: string | null;
  readonly daysSinceLastOrder: number | null;
  readonly status: string;
}

/** The SPEC §9 object without `forecast` (added by the forecast engine). */
export interface SpecJson {
  readonly asOf: string;
  readonly reportYear: string;
  readonly currency: string | null;
  readonly intake: {
    readonly rows: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly blank: number;
    readonly issues: readonly { readonly row: number; readonly column: string; readonly value: string; readonly reason: string }[];
  };
  readonly attainment: readonly SpecJsonAttainment[];
  readonly commission: readonly SpecJsonCommission[];
  readonly concentration: SpecJsonConcentration;
  readonly accounts: readonly SpecJsonAccount[];
}

// Whole cents → currency units. Cents are integers, so /100 gives the nearest double of the decimal.
const money = (cents: number): Money => cents / 100;
const exactMoney = (cents: ExactDecimal): Money => Number(roundHalfAwayFromZero(cents)) / 100;

/**
 * Builds SPEC §9's machine-readable result (all sections but `forecast`): money in currency units
 * rounded to cents, ratios unrounded, dates ISO, `null` where a value is undefined (no quota,
 * growth without prior revenue …). Attainment rows: per manager, one row per report-year quarter
 * up to the as-of quarter, then one year-to-date row whose period is the report-year label
 * (`2026`), with the YTD quota (Σ quotas Q1..as-of quarter) and `review` true when any quarter
 * row has it. Commission is `[]` without a plan. Rows keep the engine's order.
 * @example JSON.stringify(toSpecJson(intake, analyze(tx, options)))
 */
export function toSpecJson(intake: IntakeSummary, analysis: Analysis): SpecJson {
  const { calendar } = analysis;
  const attainment: SpecJsonAttainment[] = [];
  for (const m of analysis.attainment.managers) {
    for (const q of m.quarters) {
      attainment.push({
        manager: m.manager, period: q.label, revenue: money(q.revenue), quota: q.quota === null ? null : money(q.quota),
        attainment: q.attainment, status: q.status, review: q.review,
      });
    }
    attainment.push({
      manager: m.manager, period: calendar.reportYearLabel, revenue: money(m.ytd.revenue),
      quota: m.ytd.quota === null ? null : money(m.ytd.quota), attainment: m.ytd.attainment, status: m.ytd.status, review: m.review,
    });
  }
  const commission: SpecJsonCommission[] = (analysis.commission?.rows ?? []).map((r) => ({
    manager: r.manager,
    period: r.period,
    revenue: money(r.revenue),
    quota: r.quota === null ? null : money(r.quota),
    attainment: r.attainment,
    commission: r.commission === null ? null : money(r.commission),
    bonus: r.bonus === null ? null : money(r.bonus),
    payout: r.payout === null ? null : money(r.payout),
    tiers: r.tiers.map((t) => ({
      lower: exactMoney(t.lower),
      upper: t.upper === null ? null : exactMoney(t.upper),
      rate: toNumber(t.rate),
      amount: money(t.amountCents),
    })),
  }));
  const c = analysis.concentration;
  const byQuarter: Record<string, number | null> = {};
  for (const q of c.quarters) byQuarter[q.label] = q.keyAccountShare;
  return {
    asOf: isoDate(analysis.asOf),
    reportYear: calendar.reportYearLabel,
    currency: intake.currency,
    intake: {
      rows: intake.rows,
      accepted: intake.accepted,
      rejected: intake.rejected,
      blank: intake.blank,
      issues: intake.issues.map((i) => ({ row: i.row, column: i.column, value: i.value, reason: i.reason })),
    },
    attainment,
    commission,
    concentration: {
      period: c.period,
      total: money(c.year.total),
      hhi: c.year.hhi,
      band: c.year.band,
      cr: { '1': c.year.cr[1], '5': c.year.cr[5], '10': c.year.cr[10] },
      keyAccountShare: c.keyAccountShare,
      keyAccountShareByQuarter: byQuarter,
      accounts: c.year.accounts.map((a) => ({
        account: a.name, revenue: money(a.revenue), share: a.share, cumulative: a.cumulative, class: a.abcClass,
      })),
    },
    accounts: analysis.accounts.map((a) => ({
      account: a.account,
      manager: a.manager,
      revenue: money(a.revenue),
      priorRevenue: money(a.priorRevenue),
      growth: a.growth,
      share: a.share,
      class: a.abcClass,
      key: a.key,
      orders: a.orders,
      lastOrder: a.lastOrder === null ? null : isoDate(a.lastOrder),
      daysSinceLastOrder: a.daysSinceLastOrder,
      status: a.status,
    })),
  };
}
