/** Report builders: engine results → ReportModel (SPEC §8). */
export { buildReportModel } from './buildReportModel';
export type { ReportInput, ReportOptions } from './reportInput';
export { QUARTERLY_KEY } from './quarterlySheet';
export { COMMISSION_KEY, COMMISSION_COLUMNS } from './commissionSheet';
export { FORECAST_KEY } from './forecastSheet';
export { ACCOUNTS_KEY } from './accountsSheet';
export { ISSUES_KEY } from './issuesSheet';
export { translateIssueReason } from './translateIssueReason';
export { translateForecastReason } from './translateForecastReason';
