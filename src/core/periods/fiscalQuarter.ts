import { ymd, type DayNumber } from './dayNumber';
import type { FiscalStartMonth } from './fiscalStartMonth';

/** A quarter of a fiscal year, counted from the fiscal start month. */
export type QuarterNumber = 1 | 2 | 3 | 4;

/**
 * Fiscal quarter of a day: `floor(((month − M) mod 12) / 3) + 1` (SPEC §2).
 * @example fiscalQuarter(dayNumber(2026, 4, 1), 4) // 1
 * @example fiscalQuarter(dayNumber(2026, 3, 31), 1) // 1
 */
export function fiscalQuarter(day: DayNumber, fiscalStart: FiscalStartMonth): QuarterNumber {
  return quarterOfMonth(ymd(day).m, fiscalStart);
}

/**
 * Fiscal quarter of a calendar month 1–12.
 * @example quarterOfMonth(3, 4) // 4
 */
export function quarterOfMonth(month: number, fiscalStart: FiscalStartMonth): QuarterNumber {
  // +12 keeps the dividend non-negative: JavaScript's % takes the sign of the dividend.
  return (Math.floor((((month - fiscalStart) % 12) + 12) % 12 / 3) + 1) as QuarterNumber;
}
