import type { QuarterNumber } from './fiscalQuarter';
import type { FiscalStartMonth } from './fiscalStartMonth';

/** A fiscal year or one of its quarters. */
export type FiscalPeriod =
  | { readonly kind: 'year'; readonly fiscalYear: number }
  | { readonly kind: 'quarter'; readonly fiscalYear: number; readonly quarter: QuarterNumber };

/**
 * Label of a fiscal year: `2026` when the fiscal year is the calendar year, `FY2027` otherwise (SPEC §2).
 * @example yearLabel(2026, 1) // "2026"
 * @example yearLabel(2027, 4) // "FY2027"
 */
export function yearLabel(fy: number, fiscalStart: FiscalStartMonth): string {
  return fiscalStart === 1 ? String(fy) : `FY${fy}`;
}

/**
 * Label of a fiscal quarter: `2026-Q1` when M = 1, `FY2027-Q1` otherwise (SPEC §2).
 * @example quarterLabel(2027, 1, 4) // "FY2027-Q1"
 */
export function quarterLabel(fy: number, q: QuarterNumber, fiscalStart: FiscalStartMonth): string {
  return `${yearLabel(fy, fiscalStart)}-Q${q}`;
}

/**
 * Label of a {@link FiscalPeriod}.
 * @example periodLabel({ kind: 'quarter', fiscalYear: 2026, quarter: 3 }, 1) // "2026-Q3"
 */
export function periodLabel(period: FiscalPeriod, fiscalStart: FiscalStartMonth): string {
  return period.kind === 'year'
    ? yearLabel(period.fiscalYear, fiscalStart)
    : quarterLabel(period.fiscalYear, period.quarter, fiscalStart);
}
