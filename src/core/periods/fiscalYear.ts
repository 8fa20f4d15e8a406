import { ymd, type DayNumber } from './dayNumber';
import type { FiscalStartMonth } from './fiscalStartMonth';

/**
 * Fiscal year of a day, named by the calendar year in which that fiscal year ends (SPEC §2):
 * with M = 4, April 2026 – March 2027 is FY2027; with M = 1 it is the calendar year.
 * @example fiscalYear(dayNumber(2026, 4, 1), 4) // 2027
 * @example fiscalYear(dayNumber(2026, 3, 31), 4) // 2026
 * @example fiscalYear(dayNumber(2026, 12, 31), 1) // 2026
 */
export function fiscalYear(day: DayNumber, fiscalStart: FiscalStartMonth): number {
  const { y, m } = ymd(day);
  // A fiscal year that starts in month M > 1 of year Y ends in year Y + 1.
  return fiscalStart > 1 && m >= fiscalStart ? y + 1 : y;
}
