import { dayNumber, ymd, type DayNumber } from './dayNumber';

/**
 * The same calendar day one year earlier, used for "the same span one year earlier"
 * (SPEC §6, §7). 29 February maps to 28 February, so a span that ends on a leap day is
 * compared with a span that ends on the last day of the previous February.
 * @example isoDate(sameDayPreviousYear(dayNumber(2028, 2, 29))) // "2027-02-28"
 * @example isoDate(sameDayPreviousYear(dayNumber(2026, 9, 30))) // "2025-09-30"
 */
export function sameDayPreviousYear(day: DayNumber): DayNumber {
  const { y, m, d } = ymd(day);
  return dayNumber(y - 1, m, m === 2 && d === 29 ? 28 : d);
}
