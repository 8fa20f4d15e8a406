import { dayNumber, type DayNumber } from './dayNumber';
import type { FiscalStartMonth } from './fiscalStartMonth';

/**
 * First day of fiscal year `fy` (named by the calendar year in which it ends).
 * @example isoDate(firstDayOfFiscalYear(2027, 4)) // "2026-04-01"
 * @example isoDate(firstDayOfFiscalYear(2026, 1)) // "2026-01-01"
 */
export function firstDayOfFiscalYear(fy: number, fiscalStart: FiscalStartMonth): DayNumber {
  return dayNumber(fiscalStart === 1 ? fy : fy - 1, fiscalStart, 1);
}

/**
 * Last day of fiscal year `fy`.
 * @example isoDate(lastDayOfFiscalYear(2027, 4)) // "2027-03-31"
 */
export function lastDayOfFiscalYear(fy: number, fiscalStart: FiscalStartMonth): DayNumber {
  return firstDayOfFiscalYear(fy + 1, fiscalStart) - 1;
}
