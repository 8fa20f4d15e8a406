import type { CellValue } from './cellValue';
import { dayNumber, isValidYmd, type DayNumber } from '../periods/dayNumber';
import { englishReason, issueMessage, type IssueMessage } from '../issues/messages';
import { CELL_ERROR_CODE, excelErrorMessage, excelErrorOf } from './excelError';
import { foldWord, isWeekdayName, monthOfName } from './monthNames';
import { refuse, rejectionSlot, toParsed, type Parsed, type RejectionSlot } from './parsed';

/** Day/month order of slash dates such as `03/04/2026`. */
export type DateOrder = 'DMY' | 'MDY';

/** Excel's last date, 9999-12-31. */
export const MAX_SERIAL = 2958465;

const SERIAL_60 = issueMessage('date.serial60');
/** Reason for serial 60, which Excel shows as 29 February 1900. */
export const SERIAL_60_REASON = englishReason(SERIAL_60);

const MISSING = issueMessage('date.missing');
const UNRECOGNISED = issueMessage('date.unrecognised');
const NUMBER_OUT_OF_RANGE = issueMessage('date.numberOutOfRange');
const INVALID_DATE = issueMessage('cell.invalidDate');
const YEAR_ONLY = issueMessage('date.yearOnly');
const FOUR_DIGIT_YEAR = issueMessage('date.fourDigitYear');
const TRUE_NOT_DATE = issueMessage('date.logical', { value: 'TRUE' });
const FALSE_NOT_DATE = issueMessage('date.logical', { value: 'FALSE' });

/** How the day, month and year of a text date were told apart, for the reason of an impossible one. */
type ReadAs = '' | 'dmy' | 'mdy' | 'yyyymmdd';

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
  if (cell === null || cell === undefined) return refuse(slot, 'date.missing', MISSING, 0);
  if (cell instanceof Date) return readJsDate(cell, slot);
  if (typeof cell === 'boolean') return refuse(slot, 'date.unparseable', cell ? TRUE_NOT_DATE : FALSE_NOT_DATE, 0);
  const error = excelErrorOf(cell);
  return refuse(slot, CELL_ERROR_CODE, excelErrorMessage(error ?? '?'), 0);
}

function readSerial(n: number, slot: RejectionSlot): DayNumber {
  if (!Number.isFinite(n)) return refuse(slot, 'date.outOfRange', NUMBER_OUT_OF_RANGE, 0);
  // The fraction is the time of day, which reports ignore.
  const day = Math.floor(n);
  if (day < 1 || day > MAX_SERIAL) return refuse(slot, 'date.outOfRange', issueMessage('date.serialOutOfRange', { serial: n }), 0);
  if (day === 60) return refuse(slot, 'date.serial60', SERIAL_60, 0);
  return day;
}

function readJsDate(date: Date, slot: RejectionSlot): DayNumber {
  if (Number.isNaN(date.getTime())) return refuse(slot, 'date.invalid', INVALID_DATE, 0);
  // UTC components: exceljs (and our CSV/xlsx readers) give dates as UTC instants, so the UTC
  // calendar day is the day the sheet shows, whatever the time zone of the machine running us.
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), '', slot);
}

function fromParts(y: number, m: number, d: number, readAs: ReadAs, slot: RejectionSlot): DayNumber {
  if (y < 1900 || y > 9999) return refuse(slot, 'date.outOfRange', issueMessage('date.yearOutOfRange', { year: y }), 0);
  if (!isValidYmd(y, m, d)) return refuse(slot, 'date.invalid', notACalendarDate(y, m, d, readAs), 0);
  return dayNumber(y, m, d);
}

/** Why y-m-d is no calendar date, and how the text was read when that matters. */
function notACalendarDate(y: number, m: number, d: number, readAs: ReadAs): IssueMessage {
  if (m < 1 || m > 12) {
    const month = { month: m };
    if (readAs === 'dmy') return issueMessage('date.noSuchMonth.dmy', month);
    if (readAs === 'mdy') return issueMessage('date.noSuchMonth.mdy', month);
    if (readAs === 'yyyymmdd') return issueMessage('date.noSuchMonth.yyyymmdd', month);
    return issueMessage('date.noSuchMonth', month);
  }
  const day = { day: d, month: m, year: y };
  if (readAs === 'dmy') return issueMessage('date.noSuchDay.dmy', day);
  if (readAs === 'mdy') return issueMessage('date.noSuchDay.mdy', day);
  if (readAs === 'yyyymmdd') return issueMessage('date.noSuchDay.yyyymmdd', day);
  return issueMessage('date.noSuchDay', day);
}

function readDateText(raw: string, order: DateOrder, slot: RejectionSlot): DayNumber {
  const text = raw.trim();
  if (text === '') return refuse(slot, 'date.missing', MISSING, 0);
  const error = excelErrorOf(text);
  if (error !== null) return refuse(slot, CELL_ERROR_CODE, excelErrorMessage(error), 0);

  let m = YEAR_FIRST.exec(text);
  if (m !== null) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]), '', slot);

  m = YEAR_LAST.exec(text);
  if (m !== null) {
    const year = m[4] ?? '';
    if (year.length === 2) {
      return refuse(slot, 'date.shortYear', issueMessage('date.twoDigitYear', { year }), 0);
    }
    if (year.length !== 4) return refuse(slot, 'date.shortYear', FOUR_DIGIT_YEAR, 0);
    const a = Number(m[1]);
    const b = Number(m[3]);
    // Dots and dashes with the year last are day-first everywhere they are used; only the
    // slash is written both ways, so only the slash follows the configured order.
    if (m[2] === '/' && order === 'MDY') return fromParts(Number(year), a, b, 'mdy', slot);
    const readAs = m[2] === '/' ? 'dmy' : '';
    return fromParts(Number(year), b, a, readAs, slot);
  }

  if (DIGITS.test(text)) return readDigits(text, slot);
  if (/\p{L}/u.test(text)) {
    const day = readMonthName(text, slot);
    if (day !== NOT_THIS_FORMAT) return day;
  }
  return refuse(slot, 'date.unparseable', UNRECOGNISED, 0);
}

function readDigits(text: string, slot: RejectionSlot): DayNumber {
  if (text.length === 4) return refuse(slot, 'date.yearOnly', YEAR_ONLY, 0);
  if (text.length === 8 && (text.startsWith('19') || text.startsWith('20'))) {
    // YYYYMMDD, as ERP exports write it; 8-digit serials are beyond 9999-12-31 anyway.
    return fromParts(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6)), 'yyyymmdd', slot);
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
  if (!/^\d{4}$/.test(year)) return refuse(slot, 'date.shortYear', FOUR_DIGIT_YEAR, 0);
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
