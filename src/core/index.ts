/**
 * The engine's curated public surface (DESIGN.md §1): what the app layer, the report builders
 * and the adapters use. Internals stay internal; import from here.
 */
export * from './intake';
export * from './money';
export * from './forecast';
export type { Issue } from './issues/issue';
export { analyze, type Analysis, type AnalyzeOptions } from './analyze';
export { dayNumber, ymd, isoDate, isValidYmd, type DayNumber, type Ymd } from './periods/dayNumber';
export { fiscalQuarter } from './periods/fiscalQuarter';
export { fiscalYear } from './periods/fiscalYear';
export { reportCalendar, resolveAsOf, type ReportCalendar } from './periods/reportCalendar';
export { parsePeriodLabel } from './periods/parsePeriodLabel';
export { parseQuotaTable, type QuotaTableResult } from './quotas/parseQuotaTable';
export type { QuotaTable } from './quotas/quotaTable';
export type { TableIssue } from './quotas/tableIssue';
export type { CommissionPlan } from './commission/commissionPlan';
export { parsePlanGrid } from './commission/parsePlanGrid';
export { parsePlanJson } from './commission/parsePlanJson';
export { planToRows } from './commission/planToRows';
export { computeCommission } from './commission/computeCommission';
export { parseKeyAccounts, resolveKeyAccounts, type KeyAccountList } from './concentration/keyAccounts';
export { concentration, type Concentration } from './concentration/concentration';
export { parseAccountTargets, resolveAccountTargets, type AccountTargetList } from './accounts/accountTargets';
export { accountStatus } from './accounts/accountStatus';
