import type { Transactions } from '../intake/transactions';
import type { DayNumber } from '../periods/dayNumber';
import type { ForecastMethod } from './chooseMethod';
import { fiscalMonthPosition, fiscalYearOf, monthEnd } from './fiscalYearOf';
import { TOTAL_ROW } from './forecastYear';
import { monthlyHistories, type MonthlyHistory } from './monthlyHistories';
import { projectYear } from './projectYear';
import { yearToDate } from './yearToDate';

/** The methods compared by a backtest, in table order. */
export const BACKTEST_METHODS: readonly ForecastMethod[] = ['run-rate', 'seasonal', 'ets'];

/** How well each method would have forecast the last closed fiscal year of one series. */
export interface BacktestResult {
  /** Series name: a manager or `(total)`. */
  readonly series: string;
  /** Label of the fiscal year tested (`2025`, `FY2026`). */
  readonly fiscalYear: string;
  /** Actual revenue of that year, cents. */
  readonly actual: number;
  /** Number of forecast origins: the month-ends of its first 11 months. */
  readonly origins: number;
  /**
   * Mean absolute percentage error of the projected year total over the origins, as a ratio
   * (0.05 = 5 %); null when the year's actual revenue is 0.
   */
  readonly mape: Readonly<Record<ForecastMethod, number | null>>;
  /** Origins at which the method fell back to the run rate (too little history for it). */
  readonly fallbacks: Readonly<Record<ForecastMethod, number>>;
}

/**
 * Backtests every method on the last fiscal year that is complete in a monthly history: from
 * each of its first 11 month-ends, project the year with only the data up to then (as the
 * method would have, fallbacks included) and compare with what the year turned out to be.
 * Month-end origins compare whole months with the year before.
 * Null when the history holds no complete fiscal year.
 *
 * @example
 * backtestHistory('(total)', history, 1)?.mape // { 'run-rate': 0.08, seasonal: 0.03, ets: 0.02 }
 */
export function backtestHistory(series: string, history: MonthlyHistory, fiscalStartMonth: number): BacktestResult | null {
  let end = history.values.length - (history.lastMonthComplete ? 1 : 2);
  while (end >= 0 && fiscalMonthPosition(((history.firstMonth + end) % 12) + 1, fiscalStartMonth) !== 11) end--;
  const start = end - 11;
  if (start < 0) return null;
  let actual = 0;
  for (let i = start; i <= end; i++) actual += history.values[i] as number;
  const sums: Record<ForecastMethod, number> = { 'run-rate': 0, seasonal: 0, ets: 0 };
  const fallbacks: Record<ForecastMethod, number> = { 'run-rate': 0, seasonal: 0, ets: 0 };
  for (let i = start; i < end; i++) {
    const ytd = yearToDate(history, { month: history.firstMonth + i, day: null }, fiscalStartMonth);
    for (const method of BACKTEST_METHODS) {
      const p = projectYear(method, ytd);
      sums[method] += Math.abs(p.projected - actual);
      if (p.method !== method) fallbacks[method]++;
    }
  }
  const origins = end - start;
  const mape = (method: ForecastMethod): number | null => (actual === 0 ? null : sums[method] / origins / Math.abs(actual));
  return {
    series,
    fiscalYear: fiscalYearOf(monthEnd(history.firstMonth + end), fiscalStartMonth).label,
    actual,
    origins,
    mape: { 'run-rate': mape('run-rate'), seasonal: mape('seasonal'), ets: mape('ets') },
    fallbacks,
  };
}

/**
 * Backtests the total and every manager of a transaction set (what the CLI prints for a
 * workbook). Rows without a complete fiscal year are left out.
 * @example
 * formatBacktestTable(backtestTransactions(tx, { fiscalStartMonth: 1, asOf }))
 */
export function backtestTransactions(
  tx: Transactions, options: { readonly fiscalStartMonth: number; readonly asOf: DayNumber },
): BacktestResult[] {
  const histories = monthlyHistories(tx, options.asOf);
  const out: BacktestResult[] = [];
  const add = (name: string, h: MonthlyHistory | null): void => {
    const r = h ? backtestHistory(name, h, options.fiscalStartMonth) : null;
    if (r) out.push(r);
  };
  add(TOTAL_ROW, histories.total);
  tx.managers.forEach((name, i) => add(name, histories.managers[i] ?? null));
  return out;
}

/**
 * A plain-text table of backtest results, one row per series, MAPE in percent; the best
 * method of each row is marked with `*`, a method that fell back to the run rate at some
 * origins with `†` (explained under the table).
 * @example
 * formatBacktestTable(results)
 * // series   year  origins  run-rate  seasonal   ets
 * // (total)  2025       11    7.9 %     3.1 % *   3.4 %
 */
export function formatBacktestTable(results: readonly BacktestResult[]): string {
  const header = ['series', 'year', 'origins', ...BACKTEST_METHODS];
  const body = results.map((r) => {
    const values = BACKTEST_METHODS.map((m) => r.mape[m]);
    const best = Math.min(...values.map((v) => (v === null ? Infinity : v)));
    return [
      r.series, r.fiscalYear, String(r.origins),
      ...values.map((v, k) => {
        if (v === null) return '–';
        const method = BACKTEST_METHODS[k] as ForecastMethod;
        return `${(v * 100).toFixed(1)} %${r.fallbacks[method] > 0 ? '†' : ' '}${v === best ? '*' : ' '}`;
      }),
    ];
  });
  const rows = [header, ...body];
  const widths = header.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const table = rows
    .map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '))
    .join('\n');
  const note = results.some((r) => BACKTEST_METHODS.some((m) => r.fallbacks[m] > 0))
    ? '\n† fell back to the run rate at some origins (not enough history for the method)'
    : '';
  return `${table}\n* best method of the row (mean absolute percentage error of the year total)${note}`;
}
