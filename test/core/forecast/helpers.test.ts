import { apportionCents } from '../../../src/core/forecast/apportionCents';
import { chooseMethod } from '../../../src/core/forecast/chooseMethod';
import { fiscalMonthPosition, fiscalYearOf, monthEnd } from '../../../src/core/forecast/fiscalYearOf';
import { monthlyHistories } from '../../../src/core/forecast/monthlyHistories';
import { percentile } from '../../../src/core/forecast/percentile';
import { roundCents, scaleCents } from '../../../src/core/forecast/roundCents';
import { yearToDate } from '../../../src/core/forecast/yearToDate';
import { day, makeTransactions } from './makeTransactions';

describe('fiscalYearOf', () => {
  it.each([
    ['2026-04-01', 4, 2027, 'FY2027', '2026-04-01', '2027-03-31'],
    ['2027-03-31', 4, 2027, 'FY2027', '2026-04-01', '2027-03-31'],
    ['2026-03-31', 1, 2026, '2026', '2026-01-01', '2026-12-31'],
    ['2024-02-29', 1, 2024, '2024', '2024-01-01', '2024-12-31'],
    ['2025-12-31', 10, 2026, 'FY2026', '2025-10-01', '2026-09-30'],
  ])('%s with start month %i is %i (%s)', (date, start, year, label, from, to) => {
    expect(fiscalYearOf(day(date), start)).toEqual({ year, label, start: day(from), end: day(to) });
  });

  it('positions months in the fiscal year and finds month ends', () => {
    expect([4, 12, 1, 3].map((m) => fiscalMonthPosition(m, 4))).toEqual([0, 8, 9, 11]);
    expect(monthEnd(2024 * 12 + 1)).toBe(day('2024-02-29'));
    expect(() => fiscalYearOf(day('2026-01-01'), 13)).toThrow(RangeError);
  });
});

describe('money helpers', () => {
  it('rounds half away from zero', () => {
    expect([2.5, -2.5, 0.49, -0.5, -0.2].map(roundCents)).toEqual([3, -3, 0, -1, 0]);
    expect(Object.is(roundCents(-0.2), 0)).toBe(true);
    expect(scaleCents(5, 1, 2)).toBe(3);
    expect(scaleCents(-5, 1, 2)).toBe(-3);
    expect(scaleCents(5, 1, -2)).toBe(-3);
  });

  it.each([
    [100, [33.4, 33.3, 33.3], [34, 33, 33]],
    [-100, [-33.4, -33.3, -33.3], [-34, -33, -33]],
    [10, [2.5, 2.5, 2.5, 2.5], [2, 2, 3, 3]],
    [0, [0.4, -0.4], [0, 0]],
    [0, [], []],
  ])('apportions %i over %j as %j', (total, parts, expected) => {
    const out = apportionCents(total, parts);
    expect(out.reduce((s, v) => s + v, 0)).toBe(total);
    expect(out).toEqual(expected);
  });

  it('takes percentiles like PERCENTILE.INC', () => {
    expect(percentile([4, 1, 3, 2], 0.1)).toBeCloseTo(1.3, 12);
    expect(percentile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('chooseMethod', () => {
  it.each([
    [0, 'run-rate'], [11, 'run-rate'], [12, 'seasonal'], [23, 'seasonal'], [24, 'ets'], [100, 'ets'],
  ] as const)('auto with %i whole months → %s', (months, method) => {
    expect(chooseMethod('auto', months)).toBe(method);
  });

  it('keeps an explicit choice', () => {
    expect(chooseMethod('seasonal', 3)).toBe('seasonal');
  });
});

describe('monthlyHistories', () => {
  const tx = makeTransactions([
    ['2026-03-15', 'Anna', 100],
    ['2024-01-31', 'Anna', 7], // older than anything before: the buffer grows
    ['2026-03-16', 'Anna', 50], // after the as-of day of month: not in `early`
    ['2025-03-16', 'Anna', 20],
    ['2025-03-15', 'Bo', 1],
    ['2026-03-17', 'Bo', 1_000], // after the as-of day: ignored
    ['2019-03-01', 'Bo', 5], // more than 64 months back: the buffer grows again
  ]);
  const h = monthlyHistories(tx, day('2026-03-16'));

  it('builds each row from its first transaction month, gaps as 0', () => {
    const anna = h.managers[0];
    expect(anna?.firstMonth).toBe(2024 * 12);
    expect(anna?.values.length).toBe(27);
    expect(anna?.values[0]).toBe(7);
    expect(anna?.values[14]).toBe(20); // March 2025
    expect(anna?.values[26]).toBe(150); // March 2026 up to the 16th
    expect(anna?.lastTransactionMonth).toBe(2026 * 12 + 2);
    expect(h.total?.firstMonth).toBe(2019 * 12 + 2);
    expect(h.total?.values.reduce((s, v) => s + v, 0)).toBe(183);
  });

  it('keeps same-span sums: days of month up to the as-of day', () => {
    expect(h.managers[0]?.early[14]).toBe(20); // 16 March 2025 ≤ 16
    const early = monthlyHistories(tx, day('2026-03-15'));
    expect(early.managers[0]?.early[14]).toBe(0);
    expect(early.managers[0]?.values[14]).toBe(20);
  });

  it('cuts a fiscal year at an origin', () => {
    const anna = h.managers[0];
    if (!anna) throw new Error('no history');
    const y = yearToDate(anna, { month: 2026 * 12 + 2, day: 16 }, 1);
    expect(y).toMatchObject({
      ytd: 150, daysElapsed: 75, daysInYear: 365, previousYearTotal: 20, previousSameSpan: 20,
      previousYearCovered: true, position: 2,
    });
    expect(y.completeMonths.length).toBe(26); // March 2026 is partial
    expect(y.remaining[0]).toMatchObject({ month: 2026 * 12 + 2, days: 15, share: 15 / 31 });
    expect(y.remaining).toHaveLength(10);
  });
});
