import { isoDate } from '../../../src/core/periods/dayNumber';
import { reportCalendar, resolveAsOf } from '../../../src/core/periods/reportCalendar';
import { day, makeTransactions } from '../support/makeTransactions';

describe('reportCalendar (SPEC §2)', () => {
  it('lists report-year quarters up to the as-of quarter and marks closed ones', () => {
    const c = reportCalendar(day('2026-08-15'), 1);
    expect(c.reportYear).toBe(2026);
    expect(c.reportYearLabel).toBe('2026');
    expect(c.asOfQuarter).toBe(3);
    expect(c.quarters.map((q) => [q.label, q.closed, isoDate(q.endDay)])).toEqual([
      ['2026-Q1', true, '2026-03-31'],
      ['2026-Q2', true, '2026-06-30'],
      ['2026-Q3', false, '2026-08-15'],
    ]);
    expect(isoDate(c.previousYearFirstDay)).toBe('2025-01-01');
    expect(isoDate(c.previousYearLastDay)).toBe('2025-12-31');
  });

  it('closes the as-of quarter when the as-of date is its last day', () => {
    const c = reportCalendar(day('2026-09-30'), 1);
    expect(c.quarters.map((q) => q.closed)).toEqual([true, true, true]);
  });

  it('uses fiscal years with M = 4', () => {
    const c = reportCalendar(day('2027-01-10'), 4);
    expect(c.reportYearLabel).toBe('FY2027');
    expect(c.quarters.map((q) => q.label)).toEqual(['FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3', 'FY2027-Q4']);
    expect(isoDate(c.yearFirstDay)).toBe('2026-04-01');
    expect(isoDate(c.previousYearFirstDay)).toBe('2025-04-01');
  });

  it('resolves the as-of date: set wins, else the latest transaction, else null', () => {
    const tx = makeTransactions([
      { date: '2026-02-01', account: 'A', manager: 'M', amount: 1 },
      { date: '2026-05-09', account: 'A', manager: 'M', amount: 1 },
      { date: '2026-03-01', account: 'A', manager: 'M', amount: 1 },
    ]);
    expect(isoDate(resolveAsOf(tx) as number)).toBe('2026-05-09');
    expect(resolveAsOf(tx, day('2026-04-01'))).toBe(day('2026-04-01'));
    expect(resolveAsOf(makeTransactions([]))).toBeNull();
  });
});
