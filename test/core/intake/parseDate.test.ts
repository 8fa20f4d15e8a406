import { parseDate, SERIAL_60_REASON, MAX_SERIAL, type DateOrder } from '../../../src/core/intake';
import type { CellValue } from '../../../src/core/intake';
import { dayNumber } from '../../../src/core/periods/dayNumber';

const D = dayNumber;

describe('parseDate: Excel serial numbers', () => {
  it.each([
    [1, 1],
    [59, 59],
    [61, 61],
    [46112, D(2026, 3, 31)],
    [46112.75, D(2026, 3, 31)], // time of day ignored
    [46112.999999, D(2026, 3, 31)],
    [1.5, 1],
    [MAX_SERIAL, D(9999, 12, 31)],
    [MAX_SERIAL + 0.5, MAX_SERIAL],
  ])('%p → day %p', (serial, day) => {
    expect(parseDate(serial, 'DMY')).toEqual({ ok: true, value: day });
  });

  it.each([60, 60.5])('refuses serial %p (the phantom 29 February 1900)', (serial) => {
    expect(parseDate(serial, 'DMY')).toEqual({ ok: false, code: 'date.serial60', reason: SERIAL_60_REASON, message: { key: 'date.serial60', params: {} } });
    expect(SERIAL_60_REASON).toBe('serial 60 is 29 February 1900, a day that does not exist (a known Excel quirk)');
  });

  it.each([0, 0.5, -1, -45000, MAX_SERIAL + 1, 1e9, NaN, Infinity, -Infinity])('refuses %p as out of range', (serial) => {
    const r = parseDate(serial, 'DMY');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('date.outOfRange');
      expect(r.reason).toMatch(/outside Excel's date range/);
    }
  });
});

describe('parseDate: JS Date (UTC calendar day, as exceljs gives it)', () => {
  it.each([
    [new Date(Date.UTC(2026, 2, 31)), D(2026, 3, 31)],
    [new Date(Date.UTC(2026, 2, 31, 23, 59, 59)), D(2026, 3, 31)],
    [new Date(Date.UTC(1900, 0, 1)), 1],
    [new Date(Date.UTC(1900, 1, 28)), 59],
    [new Date(Date.UTC(1900, 2, 1)), 61],
    [new Date(Date.UTC(2024, 1, 29, 12)), D(2024, 2, 29)],
    [new Date(Date.UTC(9999, 11, 31)), MAX_SERIAL],
  ])('%p → day %p', (date, day) => {
    expect(parseDate(date, 'MDY')).toEqual({ ok: true, value: day });
  });

  it.each([
    [new Date(NaN), 'date.invalid'],
    [new Date(Date.UTC(1899, 11, 31)), 'date.outOfRange'],
    [new Date(Date.UTC(10000, 0, 1)), 'date.outOfRange'],
    [new Date(Date.UTC(1800, 5, 1)), 'date.outOfRange'],
  ])('refuses %p (%p)', (date, code) => {
    expect(parseDate(date, 'DMY')).toMatchObject({ ok: false, code });
  });
});

describe('parseDate: text', () => {
  it.each<[string, DateOrder, number]>([
    ['2026-03-31', 'DMY', D(2026, 3, 31)],
    ['2026-03-31', 'MDY', D(2026, 3, 31)],
    ['  2026-03-31  ', 'MDY', D(2026, 3, 31)],
    ['2026-3-5', 'MDY', D(2026, 3, 5)],
    ['2026-03-31T10:00:00', 'DMY', D(2026, 3, 31)],
    ['2026-03-31T23:30:00Z', 'DMY', D(2026, 3, 31)],
    ['2026-03-31T23:30:00.000+05:00', 'DMY', D(2026, 3, 31)],
    ['2026-03-31 10:00', 'DMY', D(2026, 3, 31)],
    ['2026/03/31', 'DMY', D(2026, 3, 31)],
    ['2026.03.31', 'MDY', D(2026, 3, 31)],
    ['31.03.2026', 'MDY', D(2026, 3, 31)], // dots with the year last: always day first
    ['31-03-2026', 'MDY', D(2026, 3, 31)], // dashes with the year last: always day first
    ['01.02.2026', 'MDY', D(2026, 2, 1)],
    ['1.2.2026', 'DMY', D(2026, 2, 1)],
    ['31/03/2026', 'DMY', D(2026, 3, 31)],
    ['03/31/2026', 'MDY', D(2026, 3, 31)],
    ['31/12/2026', 'DMY', D(2026, 12, 31)],
    ['12/31/2026', 'MDY', D(2026, 12, 31)],
    ['01/02/2026', 'DMY', D(2026, 2, 1)],
    ['01/02/2026', 'MDY', D(2026, 1, 2)],
    ['3/4/2026', 'MDY', D(2026, 3, 4)],
    ['31/03/2026 10:00', 'DMY', D(2026, 3, 31)],
    ['3/31/2026 10:00 PM', 'MDY', D(2026, 3, 31)],
    ['3/31/2026 10:00:05 a.m.', 'MDY', D(2026, 3, 31)],
    ['29/02/2024', 'DMY', D(2024, 2, 29)],
    ['01/01/1900', 'DMY', 1],
    ['1900-02-28', 'DMY', 59],
    ['1900-03-01', 'DMY', 61],
    ['31/12/9999', 'DMY', MAX_SERIAL],
    // serials saved as text (a CSV written from a sheet without a date format)
    ['46112', 'DMY', D(2026, 3, 31)],
    [' 45748 ', 'DMY', 45748],
    ['1', 'DMY', 1],
    ['59', 'DMY', 59],
    ['61', 'MDY', 61],
    ['2958465', 'MDY', MAX_SERIAL],
    // YYYYMMDD
    ['20260331', 'DMY', D(2026, 3, 31)],
    // month names (EN, ES, DE, PL)
    ['31 Mar 2026', 'MDY', D(2026, 3, 31)],
    ['31-Mar-2026', 'MDY', D(2026, 3, 31)],
    ['Mar 31, 2026', 'DMY', D(2026, 3, 31)],
    ['March 31st, 2026', 'DMY', D(2026, 3, 31)],
    ['Tue, 31 Mar 2026', 'DMY', D(2026, 3, 31)],
    ['2026-Mar-31', 'DMY', D(2026, 3, 31)],
    ['31 de marzo de 2026', 'DMY', D(2026, 3, 31)],
    ['1 ene 2026', 'DMY', D(2026, 1, 1)],
    ['31. März 2026', 'DMY', D(2026, 3, 31)],
    ['31. Dezember 2026', 'DMY', D(2026, 12, 31)],
    ['31 marca 2026', 'DMY', D(2026, 3, 31)],
    ['15 października 2026', 'DMY', D(2026, 10, 15)],
    ['1 stycznia 2026 10:00', 'DMY', D(2026, 1, 1)],
  ])('%p read %p → day %p', (text, order, day) => {
    expect(parseDate(text, order)).toEqual({ ok: true, value: day });
  });

  it.each<[string, DateOrder, string, RegExp]>([
    ['31/02/2026', 'DMY', 'date.invalid', /no day 31 in month 2 of 2026 \(dates in this column are read as day\/month\/year\)/],
    ['02/31/2026', 'MDY', 'date.invalid', /no day 31 in month 2 of 2026 \(dates in this column are read as month\/day\/year\)/],
    ['12/31/2026', 'DMY', 'date.invalid', /month 31 does not exist \(dates in this column are read as day\/month\/year\)/],
    ['31/12/2026', 'MDY', 'date.invalid', /month 31 does not exist \(dates in this column are read as month\/day\/year\)/],
    ['2026-02-29', 'DMY', 'date.invalid', /no day 29 in month 2 of 2026/],
    ['2026-13-01', 'DMY', 'date.invalid', /month 13 does not exist/],
    ['2026-00-10', 'DMY', 'date.invalid', /month 0 does not exist/],
    ['2026-01-00', 'DMY', 'date.invalid', /no day 0/],
    ['31.04.2026', 'DMY', 'date.invalid', /no day 31 in month 4/],
    ['1900-02-29', 'DMY', 'date.invalid', /no day 29 in month 2 of 1900/],
    ['1899-12-31', 'DMY', 'date.outOfRange', /the year 1899/],
    ['31/03/26', 'DMY', 'date.shortYear', /two-digit year "26" is ambiguous/],
    ['03/31/26', 'MDY', 'date.shortYear', /four digits/],
    ['31.03.26', 'DMY', 'date.shortYear', /four digits/],
    ['31.03.202', 'DMY', 'date.shortYear', /four digits/],
    ['31 Mar 26', 'DMY', 'date.shortYear', /four digits/],
    ['2026', 'DMY', 'date.yearOnly', /^a year alone is not a date$/],
    ['1999', 'MDY', 'date.yearOnly', /^a year alone is not a date$/],
    ['60', 'DMY', 'date.serial60', /serial 60 is 29 February 1900/],
    ['0', 'DMY', 'date.outOfRange', /outside Excel's date range/],
    ['2958466', 'DMY', 'date.outOfRange', /outside Excel's date range/],
    ['20261332', 'DMY', 'date.invalid', /month 13 does not exist \(read as YYYYMMDD\)/],
    ['45748.5', 'DMY', 'date.unparseable', /recognised format/],
    ['-45748', 'DMY', 'date.unparseable', /recognised format/],
    ['31.03', 'DMY', 'date.unparseable', /recognised format/],
    ['tomorrow', 'DMY', 'date.unparseable', /recognised format/],
    ['31 Foo 2026', 'DMY', 'date.unparseable', /recognised format/],
    ['2026-03-31 junk', 'DMY', 'date.unparseable', /recognised format/],
    ['Q1 2026', 'DMY', 'date.unparseable', /recognised format/],
    ['31/03/2026/1', 'DMY', 'date.unparseable', /recognised format/],
    ['32 Mar 2026', 'DMY', 'date.invalid', /no day 32/],
    ['', 'DMY', 'date.missing', /^the date is missing$/],
    ['   ', 'DMY', 'date.missing', /^the date is missing$/],
    ['#N/A', 'DMY', 'cell.error', /^the cell holds the Excel error #N\/A$/],
    [' #value! ', 'DMY', 'cell.error', /^the cell holds the Excel error #VALUE!$/],
  ])('refuses %p read %p: %p', (text, order, code, reason) => {
    const r = parseDate(text, order);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('parseDate: other cells', () => {
  it.each<[CellValue, string, string]>([
    [null, 'date.missing', 'the date is missing'],
    [undefined, 'date.missing', 'the date is missing'],
    [true, 'date.unparseable', 'TRUE is a logical value, not a date'],
    [false, 'date.unparseable', 'FALSE is a logical value, not a date'],
    [{ error: '#REF!' }, 'cell.error', 'the cell holds the Excel error #REF!'],
    [{ error: '#GETTING_DATA' }, 'cell.error', 'the cell holds the Excel error #GETTING_DATA'],
  ])('%p → %p', (cell, code, reason) => {
    expect(parseDate(cell, 'DMY')).toEqual({ ok: false, code, reason, message: expect.objectContaining({ key: expect.any(String) }) });
  });
});
