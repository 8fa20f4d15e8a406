import { dayNumber, type DayNumber } from './dayNumber';
import type { QuarterNumber } from './fiscalQuarter';
import type { FiscalStartMonth } from './fiscalStartMonth';

/**
 * First day of quarter `q` of fiscal year `fy`.
 * @example isoDate(firstDayOfFiscalQuarter(2027, 4, 4)) // "2027-01-01"
 */
export function firstDayOfFiscalQuarter(fy: number, q: QuarterNumber, fiscalStart: FiscalStartMonth): DayNumber {
  // Months since January of the calendar year in which the fiscal year starts.
  const offset = fiscalStart - 1 + 3 * (q - 1);
  const startYear = fiscalStart === 1 ? fy : fy - 1;
  return dayNumber(startYear + Math.floor(offset / 12), (offset % 12) + 1, 1);
}

/**
 * Last day of quarter `q` of fiscal year `fy`.
 * @example isoDate(lastDayOfFiscalQuarter(2027, 4, 4)) // "2027-03-31"
 */
export function lastDayOfFiscalQuarter(fy: number, q: QuarterNumber, fiscalStart: FiscalStartMonth): DayNumber {
  return q === 4
    ? firstDayOfFiscalQuarter(fy + 1, 1, fiscalStart) - 1
    : firstDayOfFiscalQuarter(fy, (q + 1) as QuarterNumber, fiscalStart) - 1;
}
