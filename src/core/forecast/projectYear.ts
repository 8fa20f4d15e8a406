import { chooseMethod, type ForecastMethod, type ForecastMethodOption } from './chooseMethod';
import { fitEts, type EtsModel } from './fitEts';
import { forecastEts } from './forecastEts';
import { projectRunRate } from './projectRunRate';
import { projectSeasonal } from './projectSeasonal';
import { roundCents } from './roundCents';
import type { YearToDate } from './yearToDate';

/** A projection of one row's fiscal year. */
export interface Projection {
  /** The method actually used (after any fallback). */
  readonly method: ForecastMethod;
  /** Why, in plain words. */
  readonly reason: string;
  /** Whole months of history the choice was based on. */
  readonly monthsOfHistory: number;
  /** Projected fiscal-year revenue, cents. */
  readonly projected: number;
  /**
   * Forecast per remaining month (same order as `YearToDate.remaining`), unrounded cents;
   * sums to `projected − ytd` up to rounding. Used to split the remainder by quarter.
   */
  readonly monthly: readonly number[];
  /** The ETS model when the method is `ets`. */
  readonly model: EtsModel | null;
}

const SEASON = 12;

/**
 * Projects a fiscal year at an origin with a method option (SPEC §6), including the fallbacks:
 * seasonal → run rate when last year's same span is ≤ 0 or last year is not fully in the data;
 * ETS → run rate with fewer than 2 whole months.
 *
 * ETS is fitted on whole months in currency units (cents / 100): exactly the monthly totals a
 * user would put in a sheet, so `FORECAST.ETS` on that sheet gives the same forecast (its
 * initial state is not scale-free). A partial as-of month is left out of the fit; its
 * forecast is prorated by the days still to come.
 *
 * @example projectYear('auto', yearToDate(history, origin, 1)).method // 'ets' with 24+ months
 */
export function projectYear(option: ForecastMethodOption, ytd: YearToDate): Projection {
  const months = ytd.completeMonths.length;
  const wanted = chooseMethod(option, months);
  const lead = option === 'auto'
    ? `${plural(months, 'month')} of history: `
    : `${label(wanted)} chosen in the settings (${plural(months, 'month')} of history): `;

  if (wanted === 'ets') {
    if (months < 2) return runRate(ytd, months, `${lead}exponential smoothing needs at least 2 whole months; run rate instead`);
    const model = fitEts(Array.from(ytd.completeMonths, (c) => c / 100), SEASON);
    const ahead = forecastEts(model, ytd.remaining.length);
    const monthly = ytd.remaining.map((r, k) => (ahead[k] as number) * 100 * r.share);
    const projected = roundCents(ytd.ytd + monthly.reduce((s, v) => s + v, 0));
    const what = model.kind === 'holt-winters'
      ? `exponential smoothing (ETS) with a ${SEASON}-month season`
      : `exponential smoothing (ETS) with a trend but no season (a season needs ${2 * SEASON} months)`;
    return { method: 'ets', reason: lead + what, monthsOfHistory: months, projected, monthly, model };
  }

  if (wanted === 'seasonal') {
    if (!ytd.previousYearCovered) {
      return runRate(ytd, months, `${lead}last fiscal year is not fully in the data, so no seasonal pattern; run rate instead`);
    }
    const s = projectSeasonal(ytd);
    if (s.fellBack) {
      return runRate(ytd, months, `${lead}revenue in the same period last year is not positive; run rate instead`);
    }
    const remainder = s.projected - ytd.ytd;
    const weights = ytd.remaining.map((r) => r.previousYear);
    const usable = weights.every((w) => w >= 0) && weights.some((w) => w > 0);
    const monthly = split(remainder, usable ? weights : ytd.remaining.map((r) => r.days));
    return {
      method: 'seasonal',
      reason: `${lead}this year to date × last year's total / last year's same period (seasonal)`,
      monthsOfHistory: months, projected: s.projected, monthly, model: null,
    };
  }
  return runRate(ytd, months, `${lead}run rate (year to date × days in the year / days elapsed)`);
}

function runRate(ytd: YearToDate, months: number, reason: string): Projection {
  const projected = projectRunRate(ytd);
  const monthly = split(projected - ytd.ytd, ytd.remaining.map((r) => r.days));
  return { method: 'run-rate', reason, monthsOfHistory: months, projected, monthly, model: null };
}

function split(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return weights.map(() => 0);
  return weights.map((w) => (amount * w) / total);
}

function label(method: ForecastMethod): string {
  return method === 'ets' ? 'ETS' : method === 'seasonal' ? 'Seasonal' : 'Run rate';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
