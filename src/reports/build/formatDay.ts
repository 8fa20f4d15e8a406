import { ymd, type DayNumber } from '../../core/periods/dayNumber';

/**
 * A day written with a date format code made of `yyyy`, `mm` and `dd` (the catalog's `format.date`).
 * @example formatDay(dayNumber(2026, 3, 31), 'dd.mm.yyyy') // "31.03.2026"
 */
export function formatDay(day: DayNumber, code: string): string {
  const { y, m, d } = ymd(day);
  return code
    .replace(/yyyy/i, String(y).padStart(4, '0'))
    .replace(/mm/i, String(m).padStart(2, '0'))
    .replace(/dd/i, String(d).padStart(2, '0'));
}

