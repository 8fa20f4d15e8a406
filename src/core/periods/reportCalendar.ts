import type { Transactions } from '../intake/transactions';
import type { DayNumber } from './dayNumber';
import { fiscalQuarter, type QuarterNumber } from './fiscalQuarter';
import { firstDayOfFiscalQuarter, lastDayOfFiscalQuarter } from './fiscalQuarterBounds';
import { fiscalYear } from './fiscalYear';
import { firstDayOfFiscalYear, lastDayOfFiscalYear } from './fiscalYearBounds';
import type { FiscalStartMonth } from './fiscalStartMonth';
import { quarterLabel, yearLabel } from './periodLabel';

/** One quarter of the report year, as the reports list it. */
export interface ReportQuarter {
  readonly quarter: QuarterNumber;
  /** `2026-Q1` or `FY2027-Q1`. */
  readonly label: string;
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  /** Last day counted: `min(lastDay, asOf)`; transactions after the as-of date are ignored. */
  readonly endDay: DayNumber;
  /** SPEC §2: the quarter's last day is ≤ the as-of date. */
  readonly closed: boolean;
}

/** The fiscal frame every report of one run shares (SPEC §2). */
export interface ReportCalendar {
  readonly fiscalStart: FiscalStartMonth;
  readonly asOf: DayNumber;
  /** Fiscal year containing the as-of date. */
  readonly reportYear: number;
  /** `2026` or `FY2027`. */
  readonly reportYearLabel: string;
  readonly yearFirstDay: DayNumber;
  readonly yearLastDay: DayNumber;
  /** Quarter containing the as-of date. */
  readonly asOfQuarter: QuarterNumber;
  /** Quarters 1..asOfQuarter of the report year; later quarters belong to the forecast. */
  readonly quarters: readonly ReportQuarter[];
  /** The previous fiscal year, in full. */
  readonly previousYearFirstDay: DayNumber;
  readonly previousYearLastDay: DayNumber;
}

/**
 * The as-of date: the one the user set, else the latest accepted transaction date (SPEC §2).
 * @returns `null` when nothing is set and there are no transactions.
 * @example resolveAsOf(transactions) // latest date in transactions.date
 */
export function resolveAsOf(transactions: Transactions, asOf?: DayNumber): DayNumber | null {
  if (asOf !== undefined) return asOf;
  const { date, count } = transactions;
  if (count === 0) return null;
  let latest = date[0] as number;
  for (let i = 1; i < count; i++) {
    const d = date[i] as number;
    if (d > latest) latest = d;
  }
  return latest;
}

/**
 * The report year, its quarters up to the as-of quarter and which of them are closed.
 * @example reportCalendar(dayNumber(2026, 9, 30), 1).quarters.map(q => q.label)
 * // ["2026-Q1", "2026-Q2", "2026-Q3"] (all closed: Q3 ends on the as-of date)
 */
export function reportCalendar(asOf: DayNumber, fiscalStart: FiscalStartMonth): ReportCalendar {
  const fy = fiscalYear(asOf, fiscalStart);
  const asOfQuarter = fiscalQuarter(asOf, fiscalStart);
  const quarters: ReportQuarter[] = [];
  for (let q = 1 as QuarterNumber; q <= asOfQuarter; q = (q + 1) as QuarterNumber) {
    const firstDay = firstDayOfFiscalQuarter(fy, q, fiscalStart);
    const lastDay = lastDayOfFiscalQuarter(fy, q, fiscalStart);
    quarters.push({
      quarter: q,
      label: quarterLabel(fy, q, fiscalStart),
      firstDay,
      lastDay,
      endDay: Math.min(lastDay, asOf),
      closed: lastDay <= asOf,
    });
  }
  return {
    fiscalStart,
    asOf,
    reportYear: fy,
    reportYearLabel: yearLabel(fy, fiscalStart),
    yearFirstDay: firstDayOfFiscalYear(fy, fiscalStart),
    yearLastDay: lastDayOfFiscalYear(fy, fiscalStart),
    asOfQuarter,
    quarters,
    previousYearFirstDay: firstDayOfFiscalYear(fy - 1, fiscalStart),
    previousYearLastDay: lastDayOfFiscalYear(fy - 1, fiscalStart),
  };
}
