import { dayNumber, daysInMonth, type DayNumber } from '../periods/dayNumber';
import { fiscalMonthPosition, fiscalYearOf, type FiscalYear } from './fiscalYearOf';
import type { MonthlyHistory } from './monthlyHistories';

/**
 * The day a projection is made on: the as-of day itself (`day` = its day of month, which also
 * fixes the "same span" of earlier years), or the end of a month (`day` null; backtests).
 */
export interface ProjectionOrigin {
  /** Absolute month number `y · 12 + (m − 1)`. */
  readonly month: number;
  /** Day of month, or null for the month's end with whole months compared. */
  readonly day: number | null;
}

/** A month (or the rest of one) between the origin and the fiscal year's end. */
export interface RemainingMonth {
  readonly month: number;
  /** Share of the month still to come: 1 for whole months, (days left / days) for the origin's. */
  readonly share: number;
  /** Days still to come in it. */
  readonly days: number;
  /** Revenue of the same part of the month one year earlier (cents). */
  readonly previousYear: number;
}

/** Everything the forecast methods need about a fiscal year at an origin. */
export interface YearToDate {
  readonly fiscalYear: FiscalYear;
  readonly origin: DayNumber;
  /** Fiscal position of the origin's month, 0–11. */
  readonly position: number;
  readonly ytd: number;
  readonly daysElapsed: number;
  readonly daysInYear: number;
  readonly previousYearTotal: number;
  readonly previousSameSpan: number;
  /** True when the history starts on or before the previous fiscal year's first month. */
  readonly previousYearCovered: boolean;
  /** Whole months of history up to the origin (the origin's month counts when it is complete). */
  readonly completeMonths: Float64Array;
  readonly remaining: readonly RemainingMonth[];
  /** Revenue of the whole fiscal year when the history holds all of it (backtests), else null. */
  readonly actualYearTotal: number | null;
}

/**
 * Cuts a fiscal year out of a monthly history at an origin: year-to-date, days, last year's
 * total and same span, the months still to come.
 *
 * @example
 * yearToDate(history, { month: 2026 * 12 + 8, day: 30 }, 1).ytd // Jan–30 Sep 2026 in cents
 */
export function yearToDate(history: MonthlyHistory, origin: ProjectionOrigin, fiscalStartMonth: number): YearToDate {
  const y = Math.floor(origin.month / 12);
  const m = origin.month - y * 12 + 1;
  const dim = daysInMonth(y, m);
  const day = origin.day === null ? dim : Math.min(origin.day, dim);
  const originDay = dayNumber(y, m, day);
  const partial = day < dim;
  const fiscalYear = fiscalYearOf(originDay, fiscalStartMonth);
  const position = fiscalMonthPosition(m, fiscalStartMonth);

  const idx = origin.month - history.firstMonth;
  const fyStart = idx - position;
  const value = (i: number): number => (i >= 0 && i < history.values.length ? (history.values[i] as number) : 0);
  // Up to the origin's day in month i: the early sums when a day is given, else the whole month.
  const toDay = (i: number): number => {
    if (origin.day === null) return value(i);
    return i >= 0 && i < history.early.length ? (history.early[i] as number) : 0;
  };
  const sum = (from: number, to: number): number => {
    let s = 0;
    for (let i = from; i <= to; i++) s += value(i);
    return s;
  };

  const ytd = sum(fyStart, idx - 1) + toDay(idx);
  const previousYearTotal = sum(fyStart - 12, fyStart - 1);
  const previousSameSpan = sum(fyStart - 12, idx - 13) + toDay(idx - 12);

  const remaining: RemainingMonth[] = [];
  if (partial) {
    remaining.push({
      month: origin.month, share: (dim - day) / dim, days: dim - day,
      previousYear: value(idx - 12) - toDay(idx - 12),
    });
  }
  for (let p = position + 1; p < 12; p++) {
    const month = origin.month + (p - position);
    const my = Math.floor(month / 12);
    remaining.push({
      month, share: 1, days: daysInMonth(my, month - my * 12 + 1),
      previousYear: value(idx + (p - position) - 12),
    });
  }
  const fyEndIdx = fyStart + 11;
  const last = history.values.length - 1;
  const complete = fyStart >= 0 && (fyEndIdx < last || (fyEndIdx === last && history.lastMonthComplete));
  const actualYearTotal = complete ? sum(fyStart, fyEndIdx) : null;

  return {
    fiscalYear,
    origin: originDay,
    position,
    ytd,
    daysElapsed: originDay - fiscalYear.start + 1,
    daysInYear: fiscalYear.end - fiscalYear.start + 1,
    previousYearTotal,
    previousSameSpan,
    previousYearCovered: fyStart - 12 >= 0,
    completeMonths: history.values.subarray(0, Math.max(0, Math.min(history.values.length, partial ? idx : idx + 1))),
    remaining,
    actualYearTotal,
  };
}
