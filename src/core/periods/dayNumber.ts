/**
 * Calendar days as integers with Excel's 1900 date-system numbering: 1 = 1900-01-01,
 * 60 = the phantom 1900-02-29 Excel inherited from Lotus 1-2-3, 61 = 1900-03-01,
 * 45658 = 2025-01-01. Using Excel's numbering means serials read from a workbook are day
 * numbers as they are, and no `Date` (with its time zones) is needed in the core.
 */
export type DayNumber = number;

/** Calendar date parts; `m` is 1–12. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

// Days from 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// 1899-12-30 is serial 0 for every date from 1900-03-01 on.
const EPOCH_OFFSET = 25569; // serial of 1970-01-01

/**
 * Day number of a valid calendar date.
 * @example dayNumber(2025, 1, 1) // 45658
 * @example dayNumber(1900, 2, 28) // 59
 */
export function dayNumber(y: number, m: number, d: number): DayNumber {
  const serial = daysFromCivil(y, m, d) + EPOCH_OFFSET;
  // Before 1900-03-01 Excel's count is one lower, because of its phantom 29 Feb 1900.
  return serial <= 60 ? serial - 1 : serial;
}

/**
 * Calendar date of a day number. Serial 60 (the phantom 1900-02-29) maps to {1900, 2, 29}
 * so that it can be reported as Excel shows it; callers that need real dates reject it.
 * @example ymd(45658) // { y: 2025, m: 1, d: 1 }
 */
export function ymd(day: DayNumber): Ymd {
  if (day === 60) return { y: 1900, m: 2, d: 29 };
  const z = (day < 60 ? day + 1 : day) - EPOCH_OFFSET + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** True when y-m-d names a real Gregorian date. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** True for Gregorian leap years. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * ISO text `YYYY-MM-DD` of a day number.
 * @example isoDate(45658) // "2025-01-01"
 */
export function isoDate(day: DayNumber): string {
  const { y, m, d } = ymd(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
