/**
 * The calendar month (1–12) in which the fiscal year starts (SPEC §2). 1 = calendar year.
 */
export type FiscalStartMonth = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** SPEC §2 default: the fiscal year is the calendar year. */
export const DEFAULT_FISCAL_START_MONTH: FiscalStartMonth = 1;

/**
 * True when `value` is a whole month number 1–12, i.e. a valid fiscal start month.
 * @example isFiscalStartMonth(4) // true
 * @example isFiscalStartMonth(13) // false
 */
export function isFiscalStartMonth(value: unknown): value is FiscalStartMonth {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12;
}
