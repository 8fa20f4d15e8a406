import type { EtsModel } from './fitEts';

/**
 * Forecasts the next `horizon` steps of a model from `fitEts`, as LibreOffice's
 * `FORECAST.ETS.ADD` does for targets 1 … horizon steps after the last observation:
 * level + h · trend (+ the seasonal term for h).
 *
 * @param model a fitted model
 * @param horizon number of steps ahead (a non-negative integer)
 * @returns forecasts for steps 1 … horizon (index 0 is one step ahead)
 * @example
 * forecastEts(fitEts([5, 5, 5, 5, 5]), 2) // [5, 5]
 */
export function forecastEts(model: EtsModel, horizon: number): number[] {
  if (!Number.isInteger(horizon) || horizon < 0) {
    throw new RangeError('forecastEts: horizon must be a non-negative integer');
  }
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const seasonal = model.seasonLength > 0 ? (model.season[h % model.seasonLength] ?? 0) : 0;
    out.push(model.level + h * model.trend + seasonal);
  }
  return out;
}
