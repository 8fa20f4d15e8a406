import type { CellValue } from './cellValue';
import { dayNumber, isValidYmd, type DayNumber } from '../periods/dayNumber';
import { CELL_ERROR_CODE, excelErrorOf, excelErrorReason } from './excelError';
import { foldWord, isWeekdayName, monthOfName } from './monthNames';
import { refuse, rejectionSlot, toParsed, type Parsed, type RejectionSlot } from './parsed';

/** Day/month order of slash dates such as `03/04/2026`. */
export type DateOrder = 'DMY' | 'MDY';

/** Excel's last date, 9999-12-31. */
export const MAX_SERIAL = 2958465;

/** Reason for serial 60, which Excel shows as 29 February 1900. */
export const SERIAL_60_REASON = 'serial 60 is 29 February 1900, a day that does not exist (a known Excel quirk)';

const RANGE_REASON = "outside Excel's date range (serial 1 = 1900-01-01 to 2958465 = 9999-12-31)";
const FORMAT_REASON = 'not a date in a recognised format (for example 2026-03-31, 31.03.2026 or 31/03/2026)';

// An optional time of day after a date: "10:00", "10:00:05.123", "10:00 PM", "T10:00:00Z", "+01:00".
const TIME_OF_DAY = String.raw`\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?`;
const TIME = String.raw`(?:(?:T|\s+)${TIME_OF_DAY})?`;
/** Year first: 2026-03-31, 2026/3/31, 2026.03.31, always year-month-day. */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
/** Year last: 31.03.2026, 31-03-2026 (day first), 31/03/2026 or 03/31/2026 (by the order). */
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{1,4})${TIME}$`);
const DIGITS = /^\d+$/;
const TRAILING_TIME = new RegExp(String.raw`\s+${TIME_OF_DAY}$`);
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th)?$/;

/**
 * Reads a date cell into a day number, or returns 0 (never a valid day) and fills `slot`.
 * The allocation-free core of {@link parseDate}, for the intake loop.
 * @example readDate('2026-03-31', 'DMY', slot) // 46112
 * @internal
 */
export function readDate(cell: CellValue, order: DateOrder, slot: RejectionSlot): DayNumber {
  if (typeof cell === 'number') return readSerial(cell, slot);
  if (typeof cell === 'string') return readDateText(cell, order, slot);
  if (cell === null || cell === undefined) return refuse(slot, 'date.missing', 'the date is missing', 0);
  if (cell instanceof Date) return readJsDate(cell, slot);
  if (typeof cell === 'boolean') return refuse(slot, 'date.unparseable', `${cell ? 'TRUE' : 'FALSE'} is a logical value, not a date`, 0);
  const error = excelErrorOf(cell);
  return refuse(slot, CELL_ERROR_CODE, excelErrorReason(error ?? '?'), 0);
}

function readSerial(n: number, slot: RejectionSlot): DayNumber {
  if (!Number.isFinite(n)) return refuse(slot, 'date.outOfRange', `the number is ${RANGE_REASON}`, 0);
  // The fraction is the time of day, which reports ignore.
  const day = Math.floor(n);
  if (day < 1 || day > MAX_SERIAL) return refuse(slot, 'date.outOfRange', `the serial number ${n} is ${RANGE_REASON}`, 0);
  if (day === 60) return refuse(slot, 'date.serial60', SERIAL_60_REASON, 0);
  return day;
}

function readJsDate(date: Date, slot: RejectionSlot): DayNumber {
  if (Number.isNaN(date.getTime())) return refuse(slot, 'date.invalid', 'the cell holds an invalid date', 0);
  // UTC components: exceljs (and our CSV/xlsx readers) give dates as UTC instants, so the UTC
  // calendar day is the day the sheet shows, whatever the time zone of the machine running us.
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), '', slot);
}

function fromParts(y: number, m: number, d: number, readAs: string, slot: RejectionSlot): DayNumber {
  if (y < 1900 || y > 9999) return refuse(slot, 'date.outOfRange', `the year ${y} is ${RANGE_REASON}`, 0);
  if (!isValidYmd(y, m, d)) {
    const why = m < 1 || m > 12 ? `month ${m} does not exist` : `there is no day ${d} in month ${m} of ${y}`;
    return refuse(slot, 'date.invalid', `not a real calendar date: ${why}${readAs}`, 0);
  }
  return dayNumber(y, m, d);
}

function readDateText(raw: string, order: DateOrder, slot: RejectionSlot): DayNumber {
  const text = raw.trim();
  if (text === '') return refuse(slot, 'date.missing', 'the date is missing', 0);
  const error = excelErrorOf(text);
  if (error !== null) return refuse(slot, CELL_ERROR_CODE, excelErrorReason(error), 0);

  let m = YEAR_FIRST.exec(text);
  if (m !== null) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]), '', slot);

  m = YEAR_LAST.exec(text);
  if (m !== null) {
    const year = m[4] ?? '';
    if (year.length === 2) {
      return refuse(slot, 'date.shortYear', `the two-digit year "${year}" is ambiguous: write the year with four digits`, 0);
    }
    if (year.length !== 4) return refuse(slot, 'date.shortYear', 'the year must have four digits', 0);
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dots and dashes with the year last are day-first everywhere they are used; only the
    // slash is written both ways, so only the slash follows the configured order.
    if (m[2] === '/' && order === 'MDY') return fromParts(Number(year), a, b, ' (dates in this column are read as month/day/year)', slot);
    const readAs = m[2] === '/' ? ' (dates in this column are read as day/month/year)' : '';
    return fromParts(Number(year), b, a, readAs, slot);
  }

  if (DIGITS.test(text)) return readDigits(text, slot);
  if (/\p{L}/u.test(text)) {
    const day = readMonthName(text, slot);
    if (day !== NOT_THIS_FORMAT) return day;
  }
  return refuse(slot, 'date.unparseable', FORMAT_REASON, 0);
}

function readDigits(text: string, slot: RejectionSlot): DayNumber {
  if (text.length === 4) return refuse(slot, 'date.yearOnly', 'a year alone is not a date', 0);
  if (text.length === 8 && (text.startsWith('19') || text.startsWith('20'))) {
    // YYYYMMDD, as ERP exports write it; 8-digit serials are beyond 9999-12-31 anyway.
    return fromParts(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6)), ' (read as YYYYMMDD)', slot);
  }
  // A serial number saved as text (a CSV written from a sheet without a date format).
  return readSerial(Number(text), slot);
}

const NOT_THIS_FORMAT = -1;

/** "31 March 2026", "Mar 31, 2026", "31-Mar-2026", "31. März 2026", "31 de marzo de 2026". */
function readMonthName(text: string, slot: RejectionSlot): DayNumber {
  const tokens = foldWord(text.replace(TRAILING_TIME, ''))
    .split(/[\s,./-]+/)
    .filter((t) => t !== '' && t !== 'de' && t !== 'of' && t !== 'the' && !isWeekdayName(t));
  if (tokens.length !== 3) return NOT_THIS_FORMAT;
  const [t0 = '', t1 = '', t2 = ''] = tokens;
  let day: RegExpExecArray | null;
  let month: number;
  let year: string;
  if ((month = monthOfName(t1)) !== 0 && (day = ORDINAL.exec(t0)) !== null) year = t2; // 31 Mar 2026
  else if ((month = monthOfName(t0)) !== 0 && (day = ORDINAL.exec(t1)) !== null) year = t2; // Mar 31 2026
  else if ((month = monthOfName(t1)) !== 0 && (day = ORDINAL.exec(t2)) !== null) year = t0; // 2026 Mar 31
  else return NOT_THIS_FORMAT;
  if (!/^\d{4}$/.test(year)) return refuse(slot, 'date.shortYear', 'the year must have four digits', 0);
  return fromParts(Number(year), month, Number(day[1]), '', slot);
}

/**
 * Reads a date cell into a day number (Excel 1900 serial). Never throws.
 *
 * Accepts: Excel serial numbers 1–2958465 (the fraction, a time of day, is ignored; serial 60,
 * Excel's phantom 29 February 1900, is refused); JS `Date`s (their UTC calendar day, since
 * exceljs hands dates as UTC instants); ISO text `2026-03-31` with an optional time; year-last
 * text `31.03.2026`, `31-03-2026` (always day first) and `31/03/2026` / `03/31/2026` (by
 * `order`), with an optional time; month names in English, Spanish, German and Polish
 * (`31 Mar 2026`, `March 31, 2026`, `31. März 2026`, `31 marca 2026`); `YYYYMMDD`; and a serial
 * saved as text (`45748`). Years must have four digits (two-digit years are ambiguous), and a
 * bare 4-digit number is refused as "a year alone is not a date". Impossible calendar dates
 * (31/02/2026) are refused.
 * @example parseDate('2026-03-31', 'DMY') // { ok: true, value: 46112 }
 * @example parseDate('03/31/2026', 'MDY') // { ok: true, value: 46112 }
 * @example parseDate(60, 'DMY') // { ok: false, code: 'date.serial60', reason: 'serial 60 is 29 February 1900, …' }
 */
export function parseDate(cell: CellValue, order: DateOrder): Parsed<DayNumber> {
  const slot = rejectionSlot();
  const day = readDate(cell, order, slot);
  return toParsed(day, day === 0, slot);
}
