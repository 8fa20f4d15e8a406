import type { AttainmentReport } from '../attainment/attainmentReport';
import type { QuarterNumber } from '../periods/fiscalQuarter';
import type { ReportCalendar } from '../periods/reportCalendar';
import type { CommissionPlan } from './commissionPlan';
import { computeCommission, type CommissionResult } from './computeCommission';

/** Commission of one manager and one period of the plan. */
export interface CommissionRow extends CommissionResult {
  readonly manager: string;
  /** `2026-Q1` (quarter plan) or `2026` (year plan: the report year to date). */
  readonly period: string;
  /** The quarter, or `null` on a year plan. */
  readonly quarter: QuarterNumber | null;
  readonly quotaDerived: boolean;
}

/** Sums of the rounded values of one period (SPEC §5: totals are sums of the rounded values). */
export interface CommissionTotal {
  readonly period: string;
  readonly commission: number;
  readonly bonus: number;
  readonly payout: number;
}

/** Commission for every listed manager and plan period (SPEC §5). */
export interface CommissionReport {
  readonly plan: CommissionPlan;
  readonly rows: readonly CommissionRow[];
  readonly totals: readonly CommissionTotal[];
}

/**
 * Applies a plan to the attainment report: a quarter plan gives one row per manager and
 * report-year quarter up to the as-of quarter (the open quarter to date); a year plan gives one
 * row per manager for the report year to date against the annual quota (explicit or derived).
 * Rows are ordered by manager, then period. Totals skip `null` (No quota) rows.
 * @example commissionReport(plan, attainment, calendar).rows[0].payout
 */
export function commissionReport(plan: CommissionPlan, attainment: AttainmentReport, calendar: ReportCalendar): CommissionReport {
  const rows: CommissionRow[] = [];
  for (const m of attainment.managers) {
    if (plan.period === 'quarter') {
      for (const q of m.quarters) {
        rows.push({
          ...computeCommission(plan, q.revenue, q.quota),
          manager: m.manager, period: q.label, quarter: q.quarter, quotaDerived: q.quotaDerived,
        });
      }
    } else {
      rows.push({
        ...computeCommission(plan, m.ytd.revenue, m.annualQuota),
        manager: m.manager, period: calendar.reportYearLabel, quarter: null, quotaDerived: m.annualQuotaDerived,
      });
    }
  }
  const labels = plan.period === 'quarter' ? calendar.quarters.map((q) => q.label) : [calendar.reportYearLabel];
  const totals = labels.map((period): CommissionTotal => {
    let commission = 0;
    let bonus = 0;
    let payout = 0;
    for (const r of rows) {
      if (r.period !== period) continue;
      commission += r.commission ?? 0;
      bonus += r.bonus ?? 0;
      payout += r.payout ?? 0;
    }
    return { period, commission, bonus, payout };
  });
  return { plan, rows, totals };
}
