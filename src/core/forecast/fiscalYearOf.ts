import { dayNumber, daysInMonth, ymd, type DayNumber } from '../periods/dayNumber';

/**
 * A fiscal year (SPEC §2): named by the calendar year in which it ends.
 *
 * Local to the forecast on purpose while the shared fiscal-period helpers in `core/periods`
 * are being written; to be replaced by them (same semantics).
 */
export interface FiscalYear {
  /** Name year: FY2027 = April 2026 – March 2027 when the fiscal year starts in April. */
  readonly year: number;
  /** First day. */
  readonly start: DayNumber;
  /** Last day. */
  readonly end: DayNumber;
  /** Label as in reports: `2026` when the year starts in January, else `FY2027`. */
  readonly label: string;
}

/**
 * The fiscal year containing a day.
 * @param day any day number
 * @param startMonth first month of the fiscal year, 1–12
 * @example fiscalYearOf(dayNumber(2026, 4, 1), 4) // { year: 2027, label: 'FY2027', start: 46113 (2026-04-01), end: 46477 (2027-03-31) }
 * @example fiscalYearOf(dayNumber(2026, 3, 31), 1).label // '2026'
 */
export function fiscalYearOf(day: DayNumber, startMonth: number): FiscalYear {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError('fiscal start month must be an integer 1–12');
  }
  const { y, m } = ymd(day);
  const startYear = m >= startMonth ? y : y - 1;
  const year = startMonth === 1 ? startYear : startYear + 1;
  const start = dayNumber(startYear, startMonth, 1);
  const end = dayNumber(startYear + 1, startMonth, 1) - 1;
  return { year, start, end, label: startMonth === 1 ? String(year) : `FY${year}` };
}

/**
 * Position of a calendar month inside the fiscal year, 0–11 (0 = the fiscal start month).
 * @example fiscalMonthPosition(4, 4) // 0
 * @example fiscalMonthPosition(3, 4) // 11
 */
export function fiscalMonthPosition(month: number, startMonth: number): number {
  return (((month - startMonth) % 12) + 12) % 12;
}

/**
 * Last day of a calendar month given as an absolute month number `y · 12 + (m − 1)`.
 * @example monthEnd(2024 * 12 + 1) // day number of 2024-02-29
 */
export function monthEnd(absoluteMonth: number): DayNumber {
  const y = Math.floor(absoluteMonth / 12);
  const m = absoluteMonth - y * 12 + 1;
  return dayNumber(y, m, daysInMonth(y, m));
}
