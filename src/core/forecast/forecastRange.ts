import { daysInMonth } from '../periods/dayNumber';
import type { EtsModel } from './fitEts';
import type { MonthlyHistory } from './monthlyHistories';
import { percentile } from './percentile';
import { projectYear, type Projection } from './projectYear';
import { roundCents } from './roundCents';
import { yearToDate, type ProjectionOrigin, type YearToDate } from './yearToDate';

/** An 80 % range around a projection, in cents, with how it was obtained. */
export interface ForecastRange {
  readonly low: number;
  readonly high: number;
  /** How the range was computed, in plain words. */
  readonly basis: string;
}

/** z of a two-sided 80 % normal interval. */
export const Z80 = 1.2816;
/** Fewest backtests from which their 10th/90th percentiles are used. */
export const MIN_BACKTESTS = 4;
/**
 * Fallback half-width, as a share of the forecast remainder, when the history cannot show how
 * the method errs. On the sample workbook, ± 40 % of the remainder held 85 % of the outcomes.
 */
export const FALLBACK_SHARE = 0.4;

/**
 * The 80 % low–high range of a projection (SPEC §6), guaranteed low ≤ projected ≤ high:
 * - run rate and seasonal: rolling-origin backtests. In every earlier fiscal year fully in the
 *   history, the method projects the year from the same point of the year and from each of
 *   its first 11 month-ends, with only the data up to then; each relative error is divided by
 *   the share of the year that was still to come, pooled, and its 10th and 90th percentiles are
 *   scaled back by the share still to come now. With backtests from one earlier year only, the
 *   range is at least the fallback band (one year cannot show how years differ);
 * - ETS: normal interval from the one-step in-sample errors, grown over the remaining months;
 * - otherwise (fewer than 4 backtests, or no errors to measure): ± 40 % of the remainder.
 * Exact formulas in docs/forecast.md.
 *
 * @example
 * const range = forecastRange(projection, ytd, history, origin, 1);
 * range.low <= projection.projected && projection.projected <= range.high // true
 */
export function forecastRange(
  projection: Projection,
  ytd: YearToDate,
  history: MonthlyHistory | null,
  origin: ProjectionOrigin,
  fiscalStartMonth: number,
): ForecastRange {
  const p = projection.projected;
  if (ytd.remaining.length === 0) return { low: p, high: p, basis: 'the fiscal year is complete' };
  const half = FALLBACK_SHARE * Math.abs(p - ytd.ytd);
  const fallback = {
    low: roundCents(p - half),
    high: roundCents(p + half),
    basis: `± ${FALLBACK_SHARE * 100} % of the forecast remainder: too little history to measure the method's error`,
  };
  if (projection.model) return residualRange(projection.model, ytd, p) ?? fallback;
  if (!history) return fallback;
  const backtests = backtestErrors(projection.method, history, origin, ytd.position, fiscalStartMonth);
  if (backtests.errors.length < MIN_BACKTESTS) return fallback;
  const still = (ytd.daysInYear - ytd.daysElapsed) / ytd.daysInYear;
  const low = roundCents(p + Math.min(0, percentile(backtests.errors, 0.1)) * still * Math.abs(p));
  const high = roundCents(p + Math.max(0, percentile(backtests.errors, 0.9)) * still * Math.abs(p));
  const basis = `10th–90th percentile of the method's errors in ${backtests.errors.length} backtests on ${plural(backtests.years, 'earlier fiscal year')}`;
  if (backtests.years >= 2) return { low, high, basis };
  return {
    low: Math.min(low, fallback.low),
    high: Math.max(high, fallback.high),
    basis: `${basis}, widened to at least ± ${FALLBACK_SHARE * 100} % of the remainder (one year cannot show how years differ)`,
  };
}

/** Relative errors per share of the year still to come, and how many years they come from. */
function backtestErrors(
  method: Projection['method'], history: MonthlyHistory, origin: ProjectionOrigin, position: number, fiscalStartMonth: number,
): { errors: number[]; years: number } {
  const errors: number[] = [];
  let years = 0;
  const asOfIsMonthEnd = origin.day === null || origin.day >= monthLength(origin.month);
  for (let k = 1; origin.month - 12 * k - position >= history.firstMonth; k++) {
    const fyStart = origin.month - 12 * k - position;
    const origins: ProjectionOrigin[] = [{ month: origin.month - 12 * k, day: origin.day }];
    for (let p = 0; p <= 10; p++) {
      if (!(p === position && asOfIsMonthEnd)) origins.push({ month: fyStart + p, day: null });
    }
    let used = false;
    for (const o of origins) {
      const past = yearToDate(history, o, fiscalStartMonth);
      if (past.actualYearTotal === null) continue;
      const backtest = projectYear(method, past);
      // Only origins where the method itself ran (not its run-rate fallback): these are the
      // errors of the method the range is for.
      if (backtest.method !== method || backtest.projected === 0) continue;
      const still = (past.daysInYear - past.daysElapsed) / past.daysInYear;
      errors.push((past.actualYearTotal - backtest.projected) / Math.abs(backtest.projected) / still);
      used = true;
    }
    if (used) years++;
  }
  return { errors, years };
}

function residualRange(model: EtsModel, ytd: YearToDate, projected: number): ForecastRange | null {
  const usable = model.residuals.length - model.burnIn >= 3 ? model.residuals.slice(model.burnIn) : model.residuals;
  if (usable.length === 0) return null;
  // The model was fitted in currency units; back to cents.
  const sigma = 100 * Math.sqrt(usable.reduce((s, e) => s + e * e, 0) / usable.length);
  const w = ytd.remaining.map((r) => r.share);
  const h = w.length;
  // Innovations form of LibreOffice's recursions: an error at step t moves the level by α·ε,
  // the trend by αβ·ε and that month's seasonal term by γ(1−α)·ε; c_j is its effect j steps on.
  const c = (j: number): number =>
    model.alpha * (1 + j * model.beta) +
    (model.seasonLength > 0 && j % model.seasonLength === 0 ? model.gamma * (1 - model.alpha) : 0);
  let modelVariance = 0;
  let floorVariance = 0;
  for (let t = 0; t < h; t++) {
    let coefficient = w[t] as number;
    for (let k = t + 1; k < h; k++) coefficient += (w[k] as number) * c(k - t);
    modelVariance += coefficient * coefficient;
    floorVariance += (w[t] as number) ** 2 * (t + 1);
  }
  const half = Z80 * sigma * Math.sqrt(Math.max(modelVariance, floorVariance));
  if (!Number.isFinite(half)) return null;
  return {
    low: roundCents(projected - half),
    high: roundCents(projected + half),
    basis: `normal 80 % interval from the ETS one-step errors (σ ${(sigma / 100).toFixed(2)} per month over ${usable.length} months), widened over the ${h} month${h === 1 ? '' : 's'} still to come`,
  };
}

function plural(n: number, words: string): string {
  return `${n} ${words}${n === 1 ? '' : 's'}`;
}

function monthLength(absoluteMonth: number): number {
  const y = Math.floor(absoluteMonth / 12);
  return daysInMonth(y, absoluteMonth - y * 12 + 1);
}
