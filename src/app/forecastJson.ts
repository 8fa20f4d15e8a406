import type { YearForecast } from '../core/forecast/forecastYear';

/** One SPEC §9 forecast row. */
export interface SpecJsonForecast {
  readonly manager: string;
  readonly actualYtd: number;
  readonly forecastRemainder: number;
  readonly projected: number;
  readonly quota: number | null;
  readonly projectedAttainment: number | null;
  readonly low: number;
  readonly high: number;
  readonly method: string;
}

/**
 * SPEC §9's `forecast` section: one row per manager and the `(total)` row, money in currency
 * units (cents / 100), ratios unrounded.
 * @example toForecastJson(forecastYear(tx, { fiscalStartMonth: 1, asOf }))[0].method // 'ets'
 */
export function toForecastJson(forecast: YearForecast): SpecJsonForecast[] {
  return forecast.rows.map((r) => ({
    manager: r.manager,
    actualYtd: r.actualYtd / 100,
    forecastRemainder: r.forecastRemainder / 100,
    projected: r.projected / 100,
    quota: r.quota === null ? null : r.quota / 100,
    projectedAttainment: r.projectedAttainment,
    low: r.low / 100,
    high: r.high / 100,
    method: r.method,
  }));
}
