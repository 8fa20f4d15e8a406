import fc from 'fast-check';
import { fitEts } from '../../../src/core/forecast/fitEts';
import { forecastEts } from '../../../src/core/forecast/forecastEts';
import { forecastYear, TOTAL_ROW, type ForecastRow } from '../../../src/core/forecast/forecastYear';
import { roundCents } from '../../../src/core/forecast/roundCents';
import { day, makeTransactions, monthlyRows, type Row } from './makeTransactions';

const SHAPE = [-0.8, -0.6, 0.1, 0.3, 0.2, -0.2, -0.5, -0.4, 0.1, 0.4, 0.6, 0.8];
/** Seasonal monthly totals in cents with a little deterministic wobble. */
const seasonal = (n: number, level: number, phase = 0): number[] =>
  Array.from({ length: n }, (_, t) =>
    Math.round(level * (1 + 0.01 * t + 0.3 * (SHAPE[(t + phase) % 12] as number) + 0.04 * Math.sin(3.7 * t + phase))));

const byName = (rows: readonly ForecastRow[], name: string): ForecastRow => {
  const r = rows.find((x) => x.manager === name);
  if (!r) throw new Error(`no row ${name}`);
  return r;
};

describe('forecastYear', () => {
  // Anna since Jan 2023 (44 whole months by 20 Sep 2026), Tom since Mar 2025, Eve since Apr 2026.
  const rows: Row[] = [
    ...monthlyRows('Anna', 2023, 1, seasonal(45, 1_000_000)),
    ...monthlyRows('Tom', 2025, 3, seasonal(19, 500_000, 2)),
    ...monthlyRows('Eve', 2026, 4, seasonal(6, 300_000, 5)),
    ['2024-05-05', 'Old', 123_456], // left in 2024: not listed, but in the total
  ];
  const tx = makeTransactions(rows);
  const asOf = day('2026-09-20');
  const f = forecastYear(tx, { fiscalStartMonth: 1, asOf, quotas: new Map([[0, 15_000_000], [1, 6_000_000], [2, 2_000_000]]) });

  it('lists managers active in the report year or with a quota, then the total', () => {
    expect(f.rows.map((r) => r.manager)).toEqual(['Anna', 'Tom', 'Eve', TOTAL_ROW]);
    expect(f.fiscalYear.label).toBe('2026');
  });

  it('chooses the method by history and says why', () => {
    expect(byName(f.rows, 'Anna')).toMatchObject({
      method: 'ets', monthsOfHistory: 44,
      reason: '44 months of history: exponential smoothing (ETS) with a 12-month season',
    });
    expect(byName(f.rows, 'Tom')).toMatchObject({ method: 'run-rate', monthsOfHistory: 18 });
    expect(byName(f.rows, 'Tom').reason).toMatch(/^18 months of history: last fiscal year is not fully in the data/);
    expect(byName(f.rows, 'Eve')).toMatchObject({
      method: 'run-rate', reason: '5 months of history: run rate (year to date × days in the year / days elapsed)',
    });
  });

  it('ETS fits whole months only and prorates the partial as-of month', () => {
    const anna = byName(f.rows, 'Anna');
    const months = seasonal(45, 1_000_000).slice(0, 44); // Jan 2023 … Aug 2026
    const ahead = forecastEts(fitEts(months.map((c) => c / 100)), 4); // Sep … Dec
    const remainder = ahead.reduce((s, v, k) => s + v * 100 * (k === 0 ? 10 / 30 : 1), 0);
    expect(anna.actualYtd).toBe(months.slice(36).reduce((s, v) => s + v, 0) + Math.trunc((seasonal(45, 1_000_000)[44] as number) / 2));
    expect(anna.projected).toBe(roundCents(anna.actualYtd + remainder));
  });

  it('forecasts the total on the total series, with actuals that add up', () => {
    const total = byName(f.rows, TOTAL_ROW);
    const listed = f.rows.filter((r) => r.manager !== TOTAL_ROW);
    expect(total.actualYtd).toBe(listed.reduce((s, r) => s + r.actualYtd, 0));
    expect(total.method).toBe('ets');
    expect(total.monthsOfHistory).toBe(44);
    expect(total.quota).toBe(23_000_000);
    expect(total.projectedAttainment).toBeCloseTo(total.projected / 23_000_000, 12);
  });

  it('splits actual and forecast by fiscal quarter', () => {
    for (const r of f.rows) {
      expect(r.quarters.map((q) => [q.label, q.state])).toEqual([
        ['2026-Q1', 'closed'], ['2026-Q2', 'closed'], ['2026-Q3', 'current'], ['2026-Q4', 'future'],
      ]);
      expect(r.quarters.reduce((s, q) => s + q.actual, 0)).toBe(r.actualYtd);
      expect(r.quarters.reduce((s, q) => s + q.forecast, 0)).toBe(r.forecastRemainder);
      expect(r.quarters[0]?.forecast).toBe(0);
      expect(r.quarters[3]?.actual).toBe(0);
    }
  });

  it('ignores transactions after the as-of day', () => {
    const later = makeTransactions([...rows, ['2026-09-21', 'Anna', 999_999_99], ['2027-01-01', 'Zed', 5]]);
    const g = forecastYear(later, { fiscalStartMonth: 1, asOf, quotas: new Map([[0, 15_000_000], [1, 6_000_000], [2, 2_000_000]]) });
    expect(g.rows).toEqual(f.rows);
  });

  it('lists a manager with a quota and no revenue; no team quota unless everyone has one', () => {
    const g = forecastYear(makeTransactions([...rows, ['2020-01-01', 'Neu', 0]]), {
      fiscalStartMonth: 1, asOf, quotas: new Map([[0, 15_000_000], [4, 1_000_000]]),
    });
    expect(g.rows.map((r) => r.manager)).toEqual(['Anna', 'Tom', 'Eve', 'Neu', TOTAL_ROW]);
    expect(byName(g.rows, 'Neu')).toMatchObject({ actualYtd: 0, projected: 0, low: 0, high: 0, projectedAttainment: 0 });
    expect(byName(g.rows, 'Tom')).toMatchObject({ quota: null, projectedAttainment: null });
    expect(byName(g.rows, TOTAL_ROW)).toMatchObject({ quota: null, projectedAttainment: null });
  });

  it('labels quarters of a fiscal year starting in April', () => {
    const g = forecastYear(tx, { fiscalStartMonth: 4, asOf, method: 'seasonal' });
    expect(g.fiscalYear.label).toBe('FY2027');
    expect(byName(g.rows, 'Anna').quarters.map((q) => `${q.label} ${q.state}`))
      .toEqual(['FY2027-Q1 closed', 'FY2027-Q2 current', 'FY2027-Q3 future', 'FY2027-Q4 future']);
    expect(byName(g.rows, 'Anna').method).toBe('seasonal');
  });

  it('uses backtests of earlier years for the range of run rate and seasonal', () => {
    const g = forecastYear(tx, { fiscalStartMonth: 1, asOf, method: 'seasonal' });
    expect(byName(g.rows, 'Anna').rangeBasis).toBe("10th–90th percentile of the method's errors in 24 backtests on 2 earlier fiscal years");
    expect(byName(g.rows, 'Anna').low).toBeLessThan(byName(g.rows, 'Anna').projected);
    expect(byName(g.rows, 'Eve').rangeBasis).toMatch(/± 40 % of the forecast remainder/);
  });

  it('widens a range measured on one earlier year to at least the fallback band', () => {
    const g = forecastYear(makeTransactions(monthlyRows('Ute', 2024, 1, seasonal(33, 800_000))), {
      fiscalStartMonth: 1, asOf: day('2026-09-20'), method: 'seasonal',
    });
    const ute = g.rows[0] as ForecastRow;
    expect(ute.rangeBasis).toMatch(/on 1 earlier fiscal year, widened to at least ± 40 % of the remainder/);
    expect(ute.projected - ute.low).toBeGreaterThanOrEqual(Math.floor(0.4 * ute.forecastRemainder));
    expect(ute.high - ute.projected).toBeGreaterThanOrEqual(Math.floor(0.4 * ute.forecastRemainder));
  });

  it('ETS range: z · σ(one-step errors after the first season) · √(growth over the months to come)', () => {
    const anna = byName(f.rows, 'Anna');
    const model = fitEts(seasonal(45, 1_000_000).slice(0, 44).map((c) => c / 100));
    const errors = model.residuals.slice(12);
    const sigma = 100 * Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    const w = [10 / 30, 1, 1, 1]; // rest of September, October … December
    const c = (j: number): number => model.alpha * (1 + j * model.beta);
    const modelVariance = w.reduce((s, wt, t) => {
      const k = wt + w.slice(t + 1).reduce((a, wk, i) => a + wk * c(i + 1), 0);
      return s + k * k;
    }, 0);
    const floorVariance = w.reduce((s, wt, t) => s + wt * wt * (t + 1), 0);
    const half = 1.2816 * sigma * Math.sqrt(Math.max(modelVariance, floorVariance));
    expect(anna.high).toBe(roundCents(anna.projected + half));
    expect(anna.low).toBe(roundCents(anna.projected - half));
    expect(anna.rangeBasis).toMatch(/^normal 80 % interval from the ETS one-step errors/);
  });

  it('on the last day of the fiscal year the projection is the actual', () => {
    const g = forecastYear(tx, { fiscalStartMonth: 1, asOf: day('2025-12-31') });
    for (const r of g.rows) expect(r).toMatchObject({ forecastRemainder: 0, projected: r.actualYtd, low: r.actualYtd, high: r.actualYtd });
  });
});

describe('forecastYear properties', () => {
  const month = fc.oneof(fc.constant(0), fc.integer({ min: -2_000_000, max: 20_000_000 }));
  const book = fc.record({
    start: fc.integer({ min: 0, max: 30 }),
    totals: fc.array(month, { minLength: 1, maxLength: 40 }),
  });

  it('low ≤ projected ≤ high, whole cents, quarters that add up, for every method', () => {
    fc.assert(
      fc.property(
        fc.array(book, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('auto', 'run-rate', 'seasonal', 'ets') as fc.Arbitrary<'auto' | 'run-rate' | 'seasonal' | 'ets'>,
        (books, fiscalStartMonth, asOfMonth, asOfDay, method) => {
          const rows = books.flatMap((b, i) => monthlyRows(`M${i}`, 2020 + Math.floor(b.start / 12), (b.start % 12) + 1, b.totals));
          const a = 2020 * 12 + asOfMonth;
          const y = Math.floor(a / 12);
          const m = (a % 12) + 1;
          const asOf = day(`${y}-${String(m).padStart(2, '0')}-01`) + Math.min(asOfDay, 28) - 1;
          const f = forecastYear(makeTransactions(rows), { fiscalStartMonth, asOf, method });
          for (const r of f.rows) {
            const money = [r.actualYtd, r.forecastRemainder, r.projected, r.low, r.high];
            if (!money.every(Number.isSafeInteger)) return false;
            if (!(r.low <= r.projected && r.projected <= r.high)) return false;
            if (r.actualYtd + r.forecastRemainder !== r.projected) return false;
            if (r.quarters.reduce((s, q) => s + q.actual + q.forecast, 0) !== r.projected) return false;
          }
          return true;
        },
      ),
      { numRuns: 120 },
    );
  });
});
