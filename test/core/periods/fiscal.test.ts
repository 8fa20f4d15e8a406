import fc from 'fast-check';
import { dayNumber, isoDate, ymd } from '../../../src/core/periods/dayNumber';
import { fiscalQuarter, quarterOfMonth } from '../../../src/core/periods/fiscalQuarter';
import { firstDayOfFiscalQuarter, lastDayOfFiscalQuarter } from '../../../src/core/periods/fiscalQuarterBounds';
import { fiscalYear } from '../../../src/core/periods/fiscalYear';
import { firstDayOfFiscalYear, lastDayOfFiscalYear } from '../../../src/core/periods/fiscalYearBounds';
import { isFiscalStartMonth, type FiscalStartMonth } from '../../../src/core/periods/fiscalStartMonth';
import { periodLabel, quarterLabel, yearLabel } from '../../../src/core/periods/periodLabel';
import { sameDayPreviousYear } from '../../../src/core/periods/sameDayPreviousYear';
import { day } from '../support/makeTransactions';

describe('fiscal quarter and year (SPEC §2)', () => {
  it.each<[string, FiscalStartMonth, number, number, string]>([
    ['2026-01-01', 1, 2026, 1, '2026-Q1'],
    ['2026-03-31', 1, 2026, 1, '2026-Q1'],
    ['2026-04-01', 1, 2026, 2, '2026-Q2'],
    ['2026-12-31', 1, 2026, 4, '2026-Q4'],
    ['2026-04-01', 4, 2027, 1, 'FY2027-Q1'],
    ['2026-06-30', 4, 2027, 1, 'FY2027-Q1'],
    ['2026-12-31', 4, 2027, 3, 'FY2027-Q3'],
    ['2027-01-01', 4, 2027, 4, 'FY2027-Q4'],
    ['2027-03-31', 4, 2027, 4, 'FY2027-Q4'],
    ['2026-03-31', 4, 2026, 4, 'FY2026-Q4'],
    ['2026-07-01', 7, 2027, 1, 'FY2027-Q1'],
    ['2026-06-30', 7, 2026, 4, 'FY2026-Q4'],
    ['2026-12-01', 12, 2027, 1, 'FY2027-Q1'],
    ['2026-11-30', 12, 2026, 4, 'FY2026-Q4'],
    ['2026-02-01', 2, 2027, 1, 'FY2027-Q1'],
    ['2026-01-31', 2, 2026, 4, 'FY2026-Q4'],
  ])('%s with M=%i is FY %i Q%i (%s)', (iso, m, fy, q, label) => {
    const d = day(iso);
    expect(fiscalYear(d, m)).toBe(fy);
    expect(fiscalQuarter(d, m)).toBe(q);
    expect(quarterLabel(fy, q as 1, m)).toBe(label);
  });

  it('labels years as 2026 or FY2027', () => {
    expect(yearLabel(2026, 1)).toBe('2026');
    expect(yearLabel(2027, 4)).toBe('FY2027');
    expect(periodLabel({ kind: 'year', fiscalYear: 2027 }, 4)).toBe('FY2027');
    expect(periodLabel({ kind: 'quarter', fiscalYear: 2026, quarter: 3 }, 1)).toBe('2026-Q3');
  });

  it('fiscal start 4: FY2027 runs 2026-04-01 … 2027-03-31', () => {
    expect(isoDate(firstDayOfFiscalYear(2027, 4))).toBe('2026-04-01');
    expect(isoDate(lastDayOfFiscalYear(2027, 4))).toBe('2027-03-31');
    expect(isoDate(firstDayOfFiscalQuarter(2027, 1, 4))).toBe('2026-04-01');
    expect(isoDate(lastDayOfFiscalQuarter(2027, 3, 4))).toBe('2026-12-31');
    expect(isoDate(firstDayOfFiscalQuarter(2027, 4, 4))).toBe('2027-01-01');
    expect(isoDate(lastDayOfFiscalQuarter(2027, 4, 4))).toBe('2027-03-31');
    expect(isoDate(lastDayOfFiscalQuarter(2028, 4, 3))).toBe('2028-02-29');
  });

  it('calendar fiscal year M = 1', () => {
    expect(isoDate(firstDayOfFiscalYear(2026, 1))).toBe('2026-01-01');
    expect(isoDate(lastDayOfFiscalYear(2026, 1))).toBe('2026-12-31');
    expect(isoDate(lastDayOfFiscalQuarter(2026, 1, 1))).toBe('2026-03-31');
    expect(isoDate(lastDayOfFiscalQuarter(2026, 4, 1))).toBe('2026-12-31');
  });

  it('quarterOfMonth follows floor(((month − M) mod 12) / 3) + 1', () => {
    for (let M = 1; M <= 12; M++) {
      for (let month = 1; month <= 12; month++) {
        expect(quarterOfMonth(month, M as FiscalStartMonth)).toBe(Math.floor((((month - M) % 12) + 12) % 12 / 3) + 1);
      }
    }
  });

  it('validates the fiscal start month', () => {
    expect([0, 1, 12, 13, 4.5, '4', null].map(isFiscalStartMonth)).toEqual([false, true, true, false, false, false, false]);
  });

  it('property: every day lies inside its fiscal quarter and year', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1990, 1, 1), max: dayNumber(2100, 12, 31) }), fc.integer({ min: 1, max: 12 }), (d, m) => {
        const M = m as FiscalStartMonth;
        const fy = fiscalYear(d, M);
        const q = fiscalQuarter(d, M);
        expect(firstDayOfFiscalQuarter(fy, q, M)).toBeLessThanOrEqual(d);
        expect(lastDayOfFiscalQuarter(fy, q, M)).toBeGreaterThanOrEqual(d);
        expect(firstDayOfFiscalYear(fy, M)).toBeLessThanOrEqual(d);
        expect(lastDayOfFiscalYear(fy, M)).toBeGreaterThanOrEqual(d);
        // named by the calendar year in which it ends
        expect(ymd(lastDayOfFiscalYear(fy, M)).y).toBe(fy);
      }),
    );
  });
});

describe('sameDayPreviousYear', () => {
  it('maps 29 Feb 2028 to 28 Feb 2027', () => {
    expect(isoDate(sameDayPreviousYear(day('2028-02-29')))).toBe('2027-02-28');
  });
  it.each([
    ['2026-09-30', '2025-09-30'],
    ['2028-02-28', '2027-02-28'],
    ['2029-03-01', '2028-03-01'],
    ['2026-01-01', '2025-01-01'],
  ])('%s → %s', (a, b) => {
    expect(isoDate(sameDayPreviousYear(day(a)))).toBe(b);
  });
});
