import type { Transactions } from '../intake/transactions';
import { dayNumber, ymd, type DayNumber } from '../periods/dayNumber';
import { apportionCents } from './apportionCents';
import type { ForecastMethod, ForecastMethodOption } from './chooseMethod';
import { fiscalMonthPosition, fiscalYearOf, monthEnd, type FiscalYear } from './fiscalYearOf';
import { forecastRange } from './forecastRange';
import { monthlyHistories, type MonthlyHistory } from './monthlyHistories';
import { projectYear } from './projectYear';
import { yearToDate, type ProjectionOrigin, type YearToDate } from './yearToDate';

/** Name of the total row, as in SPEC §9. */
export const TOTAL_ROW = '(total)';

/** Options of {@link forecastYear}. */
export interface ForecastYearOptions {
  /** First month of the fiscal year, 1–12 (SPEC §2). */
  readonly fiscalStartMonth: number;
  /** As-of day: transactions after it are ignored. */
  readonly asOf: DayNumber;
  /** Method, default `auto`. */
  readonly method?: ForecastMethodOption;
  /** Annual quota per manager index, in cents; null or absent when there is none. */
  readonly quotas?: ReadonlyMap<number, number> | null;
}

/** Actual and forecast revenue of one fiscal quarter of the report year (for the chart). */
export interface QuarterForecast {
  /** `2026-Q1` when the fiscal year starts in January, else `FY2027-Q1`. */
  readonly label: string;
  /** 1–4. */
  readonly quarter: number;
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** closed: ended on or before the as-of day; current: contains it; future: after it. */
  readonly state: 'closed' | 'current' | 'future';
  /** Revenue booked in the quarter up to the as-of day, cents. */
  readonly actual: number;
  /** Revenue forecast for the rest of the quarter, cents (0 for closed quarters). */
  readonly forecast: number;
}

/** One row of the forecast: a manager or the total. Money in cents. */
export interface ForecastRow {
  /** Manager name, or {@link TOTAL_ROW}. */
  readonly manager: string;
  /** Index into `Transactions.managers`; −1 for the total row. */
  readonly managerIndex: number;
  /** Fiscal year to date, up to and including the as-of day. */
  readonly actualYtd: number;
  /** projected − actualYtd. */
  readonly forecastRemainder: number;
  readonly projected: number;
  /** Annual quota, or null when there is none. */
  readonly quota: number | null;
  /** projected / quota; null without a quota > 0 (SPEC §3). */
  readonly projectedAttainment: number | null;
  /** 80 % range; low ≤ projected ≤ high. */
  readonly low: number;
  readonly high: number;
  /** Method actually used. */
  readonly method: ForecastMethod;
  /** Why this method, in plain words. */
  readonly reason: string;
  /** How low–high was obtained, in plain words. */
  readonly rangeBasis: string;
  /** Whole months of the row's history up to the as-of day. */
  readonly monthsOfHistory: number;
  /** The four fiscal quarters of the report year; actual + forecast sum to `projected`. */
  readonly quarters: readonly QuarterForecast[];
}

/** The annual forecast of the report year (SPEC §6). */
export interface YearForecast {
  readonly asOf: DayNumber;
  readonly fiscalStartMonth: number;
  /** The report year: the fiscal year containing the as-of day. */
  readonly fiscalYear: FiscalYear;
  /** Managers (in `Transactions.managers` order) then the total row. */
  readonly rows: readonly ForecastRow[];
}

/**
 * The annual forecast for the report year, per manager and in total (SPEC §6).
 *
 * Listed managers: those with a transaction in the report year up to the as-of day, or a
 * quota (SPEC §2). The total row is forecast on the total monthly series — not the sum of
 * the managers' forecasts — so it gets the method its own (longer) history supports, and the
 * noise of small books does not add up; its quota is the sum of the listed managers' quotas
 * when every one of them has a quota (else null).
 * One pass over the transactions builds every monthly series.
 *
 * @example
 * const f = forecastYear(transactions, { fiscalStartMonth: 1, asOf: dayNumber(2026, 9, 30) });
 * f.rows.at(-1) // { manager: '(total)', actualYtd, projected, low, high, method: 'ets', … }
 */
export function forecastYear(tx: Transactions, options: ForecastYearOptions): YearForecast {
  const { fiscalStartMonth, asOf } = options;
  const method = options.method ?? 'auto';
  const quotas = options.quotas ?? null;
  const fiscalYear = fiscalYearOf(asOf, fiscalStartMonth);
  const histories = monthlyHistories(tx, asOf);
  const origin: ProjectionOrigin = { month: histories.asOfMonth, day: ymd(asOf).d };
  const fyStartMonth = histories.asOfMonth - fiscalMonthPosition(ymd(asOf).m, fiscalStartMonth);

  const rows: ForecastRow[] = [];
  let quotaTotal = 0;
  let everyQuota = true;
  tx.managers.forEach((name, index) => {
    const history = histories.managers[index] ?? null;
    const quota = quotas?.get(index) ?? null;
    const active = history !== null && history.lastTransactionMonth >= fyStartMonth;
    if (!active && quota === null) return;
    if (quota === null) everyQuota = false;
    else quotaTotal += quota;
    rows.push(forecastRow(name, index, history, quota, method, origin, fiscalStartMonth, fiscalYear));
  });
  // A team quota only when every listed manager has one: a partial sum would overstate the
  // total's attainment.
  const totalQuota = everyQuota && rows.length > 0 ? quotaTotal : null;
  rows.push(forecastRow(TOTAL_ROW, -1, histories.total, totalQuota, method, origin, fiscalStartMonth, fiscalYear));
  return { asOf, fiscalStartMonth, fiscalYear, rows };
}

function forecastRow(
  manager: string,
  managerIndex: number,
  history: MonthlyHistory | null,
  quota: number | null,
  option: ForecastMethodOption,
  origin: ProjectionOrigin,
  fiscalStartMonth: number,
  fiscalYear: FiscalYear,
): ForecastRow {
  // A manager with a quota but no transactions yet: an empty history ending at the as-of month.
  const h = history ?? {
    firstMonth: origin.month, values: new Float64Array(0), early: new Float64Array(0),
    lastTransactionMonth: origin.month, lastMonthComplete: false,
  };
  const ytd = yearToDate(h, origin, fiscalStartMonth);
  const projection = projectYear(option, ytd);
  const range = forecastRange(projection, ytd, history, origin, fiscalStartMonth);
  const remainder = projection.projected - ytd.ytd;
  return {
    manager,
    managerIndex,
    actualYtd: ytd.ytd,
    forecastRemainder: remainder,
    projected: projection.projected,
    quota,
    projectedAttainment: quota !== null && quota > 0 ? projection.projected / quota : null,
    low: range.low,
    high: range.high,
    method: projection.method,
    reason: history === null ? `${projection.reason} (no revenue yet)` : projection.reason,
    rangeBasis: range.basis,
    monthsOfHistory: projection.monthsOfHistory,
    quarters: quarters(h, ytd, apportionCents(remainder, projection.monthly), origin, fiscalStartMonth, fiscalYear),
  };
}

function quarters(
  history: MonthlyHistory,
  ytd: YearToDate,
  monthlyForecast: readonly number[],
  origin: ProjectionOrigin,
  fiscalStartMonth: number,
  fiscalYear: FiscalYear,
): QuarterForecast[] {
  const fyStartMonth = origin.month - ytd.position;
  const forecastByMonth = new Map<number, number>();
  ytd.remaining.forEach((r, k) => forecastByMonth.set(r.month, monthlyForecast[k] as number));
  const out: QuarterForecast[] = [];
  for (let q = 0; q < 4; q++) {
    const first = fyStartMonth + 3 * q;
    const start = dayNumber(Math.floor(first / 12), (first % 12) + 1, 1);
    const end = monthEnd(first + 2);
    let actual = 0;
    let forecast = 0;
    for (let month = first; month < first + 3; month++) {
      const i = month - history.firstMonth;
      if (month <= origin.month && i >= 0 && i < history.values.length) actual += history.values[i] as number;
      forecast += forecastByMonth.get(month) ?? 0;
    }
    out.push({
      label: `${fiscalYear.label}-Q${q + 1}`,
      quarter: q + 1,
      start,
      end,
      state: end <= ytd.origin ? 'closed' : start <= ytd.origin ? 'current' : 'future',
      actual,
      forecast,
    });
  }
  return out;
}
