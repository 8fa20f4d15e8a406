/**
 * Annual forecast (SPEC §6): run rate, seasonal and LibreOffice-compatible ETS, with ranges.
 * The curated surface of this folder; everything else is internal.
 */
export { fitEts, type EtsKind, type EtsModel } from './fitEts';
export { forecastEts } from './forecastEts';
export { projectRunRate, type RunRateInput } from './projectRunRate';
export { projectSeasonal, type SeasonalInput, type SeasonalProjection } from './projectSeasonal';
export {
  chooseMethod, ETS_MIN_MONTHS, SEASONAL_MIN_MONTHS, type ForecastMethod, type ForecastMethodOption,
} from './chooseMethod';
export {
  forecastYear, TOTAL_ROW, type ForecastRow, type ForecastYearOptions, type QuarterForecast, type YearForecast,
} from './forecastYear';
export {
  backtestHistory, backtestTransactions, formatBacktestTable, BACKTEST_METHODS, type BacktestResult,
} from './backtest';
export { monthlyHistories, type MonthlyHistories, type MonthlyHistory } from './monthlyHistories';
