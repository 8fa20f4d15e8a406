/**
 * The report builder: engine results in, one {@link ReportModel} out — the Quarterly Results,
 * Commission, Forecast, Account Status and (when needed) Data Issues sheets, every label in the
 * chosen language. Pure and deterministic: the same input gives the same model, which both sinks
 * (the CLI's .xlsx writer and the add-in's Office JS writer) render.
 */
import type { ReportModel, ReportSheet } from '../model/reportModel';
import { reportStyles } from '../model/reportStyles';
import { accountsSheet } from './accountsSheet';
import { commissionSheet } from './commissionSheet';
import { forecastSheet } from './forecastSheet';
import { issuesSheet } from './issuesSheet';
import { quarterlySheet } from './quarterlySheet';
import { reportContext } from './reportContext';
import type { ReportInput, ReportOptions } from './reportInput';

/**
 * Builds the report sheets of one run.
 * @example
 * const run = analyseTables(tables, options);
 * if (run.ok) writeReportXlsx(buildReportModel(run, { language: 'de', sourceLabel: 'sales.xlsx' }), { outPath })
 */
export function buildReportModel(input: ReportInput, options: ReportOptions): ReportModel {
  const ctx = reportContext(input, options);
  const sheets: ReportSheet[] = [quarterlySheet(input, ctx), commissionSheet(input, ctx), forecastSheet(input, ctx), accountsSheet(input, ctx)];
  const issues = issuesSheet(input, ctx);
  if (issues !== null) sheets.push(issues);
  return { version: 1, language: options.language, styles: reportStyles, sheets };
}
