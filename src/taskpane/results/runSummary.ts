import type { RunDigest } from '../../app/computeReports';
import type { HhiBand } from '../../core/concentration/concentration';
import type { Issue } from '../../core/issues/issue';
import { isoDate } from '../../core/periods/dayNumber';
import type { WrittenSheet } from '../paneActions';

/**
 * A row of the Data Issues list: where (sheet, row, column), what (the raw value) and why (the
 * engine's reason, with its message key so the pane says it in its language) — an engine issue.
 */
export type IssueRow = Issue;

/** What the results card shows after a run. Money in cents, ratios unrounded, dates ISO. */
export interface RunSummary {
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
  /** `2026` or `FY2027`. */
  readonly reportYear: string;
  /** Reporting currency code, or `null` when the data names none. */
  readonly currency: string | null;
  readonly managers: number;
  /** Net revenue of the report year to date, all managers, in cents. */
  readonly totalRevenue: number;
  /** Team attainment year to date; `null` without quotas. */
  readonly teamAttainment: number | null;
  /** Commission plus bonuses of every manager and period, in cents; `null` without a plan. */
  readonly totalPayout: number | null;
  readonly hhi: number;
  readonly band: HhiBand;
  readonly keyAccountShare: number | null;
  /** Rows below the header; accepted + rejected + blank = rows. */
  readonly rows: number;
  readonly rejected: number;
  /** Rejected transaction rows first (sheet-row order), then problems in the other tables. */
  readonly issues: readonly IssueRow[];
  /** The report sheets written, in order. */
  readonly sheets: readonly WrittenSheet[];
}

/**
 * The results card's summary of a finished run (`runAnalysis`) and the sheets written: the
 * composition roots (index.tsx, playground) call it after writing the reports.
 * @example summaryFromRun(outcome, written).totalRevenue // cents
 */
export function summaryFromRun(result: RunDigest, sheets: readonly WrittenSheet[]): RunSummary {
  const { analysis, intake } = result;
  const concentration = analysis.concentration;
  const totals = analysis.commission?.totals;
  const issue = (i: IssueRow): IssueRow => ({
    code: i.code,
    sheet: i.sheet,
    row: i.row,
    column: i.column,
    value: i.value,
    reason: i.reason,
    ...(i.message !== undefined && { message: i.message }),
  });
  return {
    asOf: isoDate(analysis.asOf),
    reportYear: analysis.calendar.reportYearLabel,
    currency: intake.currency,
    managers: analysis.managers.length,
    totalRevenue: analysis.attainment.teamYtd.revenue,
    teamAttainment: analysis.attainment.teamYtd.attainment,
    totalPayout: totals === undefined ? null : totals.reduce((sum, t) => sum + t.payout, 0),
    hhi: concentration.year.hhi,
    band: concentration.year.band,
    keyAccountShare: concentration.keyAccountShare,
    rows: intake.rows,
    rejected: intake.rejected,
    issues: [...intake.issues.map(issue), ...result.tableIssues.map(issue)],
    sheets,
  };
}
