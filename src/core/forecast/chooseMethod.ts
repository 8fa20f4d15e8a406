/** A forecast method of SPEC §6. */
export type ForecastMethod = 'ets' | 'seasonal' | 'run-rate';
/** The user's choice: a method, or `auto` (the default). */
export type ForecastMethodOption = 'auto' | ForecastMethod;

/** Whole months of history from which `auto` picks ETS (two seasons, as ETS needs). */
export const ETS_MIN_MONTHS = 24;
/** Whole months of history from which `auto` picks the seasonal method. */
export const SEASONAL_MIN_MONTHS = 12;

/**
 * The method to try for a row (SPEC §6 "auto"): ETS with ≥ 24 whole months of history,
 * seasonal with ≥ 12, else run rate; an explicit choice is kept. The method actually used can
 * still fall back (see `projectYear`).
 * @example chooseMethod('auto', 31) // 'ets'
 * @example chooseMethod('auto', 12) // 'seasonal'
 * @example chooseMethod('run-rate', 40) // 'run-rate'
 */
export function chooseMethod(option: ForecastMethodOption, monthsOfHistory: number): ForecastMethod {
  if (option !== 'auto') return option;
  if (monthsOfHistory >= ETS_MIN_MONTHS) return 'ets';
  if (monthsOfHistory >= SEASONAL_MIN_MONTHS) return 'seasonal';
  return 'run-rate';
}
