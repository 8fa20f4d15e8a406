import { decimalFromNumber } from '../commission/exactDecimal';
import type { QuarterNumber } from '../periods/fiscalQuarter';
import type { ReportCalendar } from '../periods/reportCalendar';
import { quotaFor, type QuotaTable } from '../quotas/quotaTable';
import { attainmentStatus, type AttainmentStatus } from './attainmentStatus';

/** Attainment of one manager (or the team) in one quarter of the report year, money in cents. */
export interface QuarterAttainment {
  readonly quarter: QuarterNumber;
  /** `2026-Q1` / `FY2027-Q1`. */
  readonly label: string;
  readonly closed: boolean;
  readonly revenue: number;
  readonly quota: number | null;
  readonly quotaDerived: boolean;
  /** revenue / quota, unrounded; `null` when the quota is missing or ≤ 0. */
  readonly attainment: number | null;
  readonly status: AttainmentStatus;
  /** Σ revenue Q1..q. */
  readonly ytdRevenue: number;
  /**
   * Σ quota Q1..q, or `null` when no quarter in Q1..q has a quota, or when one with revenue ≠ 0
   * has none (see {@link attainmentReport}).
   */
  readonly ytdQuota: number | null;
  readonly ytdAttainment: number | null;
  readonly ytdStatus: AttainmentStatus;
  /** True on a closed quarter that completes a run of ≥ reviewAfter closed quarters below 100 %. */
  readonly review: boolean;
}

/** Attainment of one manager over the report year to date. */
export interface ManagerAttainment {
  readonly manager: string;
  /** Index into the transactions' managers, or -1 for a manager known only from the quota table. */
  readonly managerIndex: number;
  readonly quarters: readonly QuarterAttainment[];
  /** Year to date (= the as-of quarter's YTD values). */
  readonly ytd: { readonly revenue: number; readonly quota: number | null; readonly attainment: number | null; readonly status: AttainmentStatus };
  /** The annual quota of the report year (explicit or derived), for the forecast. */
  readonly annualQuota: number | null;
  readonly annualQuotaDerived: boolean;
  /** True when any quarter row has the review flag. */
  readonly review: boolean;
}

/** Quota attainment of the report year (SPEC §3). */
export interface AttainmentReport {
  readonly managers: readonly ManagerAttainment[];
  /** Team totals per quarter: sums of the rows above; `review` is always false. */
  readonly team: readonly QuarterAttainment[];
  readonly teamYtd: ManagerAttainment['ytd'];
}

/** A manager listed in the reports. */
export interface ListedManager {
  readonly name: string;
  /** Index into the transactions' managers, -1 when the manager has only a quota. */
  readonly index: number;
}

/** Inputs of {@link attainmentReport}. */
export interface AttainmentInput {
  readonly calendar: ReportCalendar;
  readonly managers: readonly ListedManager[];
  /** Cents at `index * 4 + quarter − 1` (see `managerQuarterRevenue`). */
  readonly revenue: Float64Array;
  readonly quotas: QuotaTable;
  /** Near threshold (default 0.9). */
  readonly nearThreshold: number;
  /** Closed quarters below 100 % in a row that flag a review (default 2). */
  readonly reviewAfter: number;
}

/**
 * Attainment per manager and report-year quarter, year to date and team totals (SPEC §3).
 *
 * - YTD at quarter q = Σ revenue Q1..q / Σ quota Q1..q. A quarter without a quota counts as a
 *   zero quota when its revenue is 0 too (a manager who started in Q2); when it has revenue,
 *   YTD quota and attainment are `null` for q and later, since a partial quota would overstate
 *   attainment.
 * - Review: counting the closed quarters of the report year in order, a quarter below 100 %
 *   (Near or Below) extends the run, anything else (Met, No quota) ends it; the row of each
 *   closed quarter where the run reaches `reviewAfter` or more carries `review: true`.
 * - Team: revenue, quota and YTD sums over the listed managers (a manager without a quota adds
 *   revenue, no quota); attainment = Σ revenue / Σ quota, as a SUM row in Excel would show.
 * @example attainmentReport({ calendar, managers, revenue, quotas, nearThreshold: 0.9, reviewAfter: 2 })
 */
export function attainmentReport(input: AttainmentInput): AttainmentReport {
  const { calendar, quotas } = input;
  const near = decimalFromNumber(input.nearThreshold) ?? { digits: 9n, scale: 1 };
  const fy = calendar.reportYear;
  const n = calendar.quarters.length;
  const teamRevenue = new Float64Array(n);
  const teamQuota = new Float64Array(n);
  const teamHasQuota = new Uint8Array(n);

  const managers = input.managers.map((m): ManagerAttainment => {
    const rows: QuarterAttainment[] = [];
    let ytdRevenue = 0;
    let ytdQuota = 0;
    let ytdBroken = false;
    let ytdHasQuota = false;
    let run = 0;
    calendar.quarters.forEach((cq, k) => {
      const revenue = m.index >= 0 ? (input.revenue[m.index * 4 + cq.quarter - 1] as number) : 0;
      const q = quotaFor(quotas, m.name, fy, cq.quarter);
      const quota = q ? q.cents : null;
      const status = attainmentStatus(revenue, quota, near);
      ytdRevenue += revenue;
      if (quota !== null) {
        ytdQuota += quota;
        ytdHasQuota = true;
      } else if (revenue !== 0) ytdBroken = true;
      const yq = ytdBroken || !ytdHasQuota ? null : ytdQuota;
      if (cq.closed) run = status === 'Near' || status === 'Below' ? run + 1 : 0;
      teamRevenue[k] = (teamRevenue[k] as number) + revenue;
      if (quota !== null) {
        teamQuota[k] = (teamQuota[k] as number) + quota;
        teamHasQuota[k] = 1;
      }
      rows.push({
        quarter: cq.quarter, label: cq.label, closed: cq.closed, revenue, quota, quotaDerived: q?.derived ?? false,
        attainment: quota !== null && quota > 0 ? revenue / quota : null, status,
        ytdRevenue, ytdQuota: yq, ytdAttainment: yq !== null && yq > 0 ? ytdRevenue / yq : null,
        ytdStatus: attainmentStatus(ytdRevenue, yq, near),
        review: cq.closed && run >= input.reviewAfter,
      });
    });
    const last = rows[rows.length - 1];
    const annual = quotaFor(quotas, m.name, fy, 0);
    return {
      manager: m.name,
      managerIndex: m.index,
      quarters: rows,
      ytd: {
        revenue: last?.ytdRevenue ?? 0,
        quota: last?.ytdQuota ?? null,
        attainment: last?.ytdAttainment ?? null,
        status: last?.ytdStatus ?? 'No quota',
      },
      annualQuota: annual?.cents ?? null,
      annualQuotaDerived: annual?.derived ?? false,
      review: rows.some((r) => r.review),
    };
  });

  const team: QuarterAttainment[] = [];
  let ytdRevenue = 0;
  let ytdQuota = 0;
  let anyQuota = false;
  calendar.quarters.forEach((cq, k) => {
    const revenue = teamRevenue[k] as number;
    const quota = teamHasQuota[k] === 1 ? (teamQuota[k] as number) : null;
    ytdRevenue += revenue;
    if (quota !== null) {
      ytdQuota += quota;
      anyQuota = true;
    }
    const yq = anyQuota ? ytdQuota : null;
    team.push({
      quarter: cq.quarter, label: cq.label, closed: cq.closed, revenue, quota, quotaDerived: false,
      attainment: quota !== null && quota > 0 ? revenue / quota : null,
      status: attainmentStatus(revenue, quota, near),
      ytdRevenue, ytdQuota: yq, ytdAttainment: yq !== null && yq > 0 ? ytdRevenue / yq : null,
      ytdStatus: attainmentStatus(ytdRevenue, yq, near), review: false,
    });
  });
  const lastTeam = team[team.length - 1];
  return {
    managers,
    team,
    teamYtd: {
      revenue: lastTeam?.ytdRevenue ?? 0,
      quota: lastTeam?.ytdQuota ?? null,
      attainment: lastTeam?.ytdAttainment ?? null,
      status: lastTeam?.ytdStatus ?? 'No quota',
    },
  };
}
