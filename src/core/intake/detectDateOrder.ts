import type { CellValue } from './cellValue';
import type { DateOrder } from './parseDate';

// A slash date with the year last: "13/01/2026", " 5/31/2026 10:00".
const SLASH_DATE = /^\s*(\d{1,2})\/\d{1,2}\/\d/;

/**
 * True when the cell is a year-last slash date whose first part is above 12, which can only be
 * a day: the evidence that the column is day-first.
 * @example isDayFirstEvidence('31/03/2026') // true
 * @example isDayFirstEvidence('03/31/2026') // false
 */
export function isDayFirstEvidence(cell: CellValue): boolean {
  if (typeof cell !== 'string' || cell.indexOf('/') < 0) return false;
  const m = SLASH_DATE.exec(cell);
  return m !== null && Number(m[1]) > 12;
}

/**
 * The day/month order of a date column when none is configured (SPEC §1.2): `DMY` if any
 * slash date in the column has a first part above 12, else `MDY`. Dot and dash dates do not
 * count (they are always day first); numbers, `Date`s and ISO text carry no evidence.
 * @example detectDateOrder(['01/02/2026', '13/02/2026']) // 'DMY'
 * @example detectDateOrder(['01/02/2026', '12/31/2026']) // 'MDY'
 */
export function detectDateOrder(cells: Iterable<CellValue>): DateOrder {
  for (const cell of cells) if (isDayFirstEvidence(cell)) return 'DMY';
  return 'MDY';
}
