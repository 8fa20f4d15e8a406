import { forecastYear, type ForecastRow } from '../../../src/core/forecast/forecastYear';
import { projectRunRate } from '../../../src/core/forecast/projectRunRate';
import { projectSeasonal } from '../../../src/core/forecast/projectSeasonal';
import { day, makeTransactions, type Row } from './makeTransactions';

/** The single manager's row of a forecast with a forced method. */
function row(rows: Row[], asOf: string, fiscalStartMonth: number, method: 'run-rate' | 'seasonal'): ForecastRow {
  const f = forecastYear(makeTransactions(rows), { fiscalStartMonth, asOf: day(asOf), method });
  return f.rows[0] as ForecastRow;
}

describe('projectRunRate', () => {
  it.each([
    // ytd, days elapsed, days in year, expected cents
    [100_000, 60, 366, 610_000], // leap year, as of 29 Feb: 1 000.00 × 366 / 60
    [91_000, 91, 365, 365_000], // April FY, as of 30 June
    [10_000_000, 90, 365, 40_555_556], // 40 555 555.56 rounds up
    [1, 2, 365, 183], // 182.5 → 183 (half away from zero)
    [-1, 2, 365, -183], // −182.5 → −183, not −182
    [123_456, 365, 365, 123_456], // last day of the year: the year itself
  ])('ytd %i after %i of %i days → %i', (ytd, daysElapsed, daysInYear, expected) => {
    expect(projectRunRate({ ytd, daysElapsed, daysInYear })).toBe(expected);
  });

  it('stays exact beyond 2^53 cents × days (bigint), e.g. 300 bn a year', () => {
    const ytd = 30_000_000_000_334; // × 365 exceeds 2^53; × 365 / 364 is an exact tie at .5
    expect(projectRunRate({ ytd, daysElapsed: 364, daysInYear: 365 })).toBe(Number((BigInt(ytd) * 365n + 182n) / 364n));
  });

  it('rejects days elapsed outside the year', () => {
    expect(() => projectRunRate({ ytd: 1, daysElapsed: 0, daysInYear: 365 })).toThrow(RangeError);
  });
});

describe('projectSeasonal', () => {
  const days = { daysElapsed: 90, daysInYear: 365 };
  it.each([
    [300_00, 1_200_00, 400_00, 900_00, false],
    [100_000, 130_000, 40_000, 325_000, false],
    [1, 3, 2, 2, false], // 1.5 → 2
    [-1, 3, 2, -2, false], // −1.5 → −2
    [300_00, 1_200_00, 0, 1_216_67, true], // same span 0: run rate 300.00 × 365 / 90
    [300_00, 1_200_00, -5_00, 1_216_67, true], // same span negative (credit notes): run rate
  ])('ytd %i, last year %i of which %i in the span → %i (run rate: %s)', (ytd, total, span, expected, fellBack) => {
    expect(projectSeasonal({ ytd, previousYearTotal: total, previousSameSpan: span, ...days }))
      .toEqual({ projected: expected, fellBack });
  });
});

describe('run rate and seasonal through forecastYear (days, spans, fiscal years)', () => {
  // Calendar fiscal year, as of 29 Feb 2024 (leap): 60 of 366 days; last year's span ends 28 Feb 2023.
  const leap: Row[] = [
    ['2023-01-15', 'Anna', 30_000],
    ['2023-02-28', 'Anna', 10_000], // in last year's span
    ['2023-03-01', 'Anna', 5_000], // after it
    ['2023-07-01', 'Anna', 85_000],
    ['2024-01-10', 'Anna', 80_000],
    ['2024-02-29', 'Anna', 20_000], // the as-of day itself counts
    ['2024-03-01', 'Anna', 99_999], // after the as-of day: ignored
  ];

  it('leap year, calendar FY, run rate: 1 000.00 × 366 / 60', () => {
    const r = row(leap, '2024-02-29', 1, 'run-rate');
    expect(r).toMatchObject({ actualYtd: 100_000, projected: 610_000, forecastRemainder: 510_000, method: 'run-rate' });
  });

  it('leap year, calendar FY, seasonal: 1 000.00 × 1 300.00 / 400.00', () => {
    const r = row(leap, '2024-02-29', 1, 'seasonal');
    expect(r).toMatchObject({ actualYtd: 100_000, projected: 325_000, method: 'seasonal' });
  });

  it('as of 28 Feb after a leap year: last year\'s span stops at 28 Feb, not 29 Feb', () => {
    const rows: Row[] = [
      ['2028-01-05', 'Anna', 100_000],
      ['2028-02-28', 'Anna', 20_000],
      ['2028-02-29', 'Anna', 40_000], // the day after the span
      ['2028-12-01', 'Anna', 40_000],
      ['2029-01-20', 'Anna', 60_000],
    ];
    expect(row(rows, '2029-02-28', 1, 'seasonal').projected).toBe(100_000); // 600.00 × 2 000.00 / 1 200.00
    expect(row(rows, '2029-02-28', 1, 'run-rate').projected).toBe(371_186); // 600.00 × 365 / 59 = 3 711.8644
  });

  // Fiscal year starting in April: FY2027 = 1 Apr 2026 – 31 Mar 2027; as of 30 June = 91 days.
  const april: Row[] = [
    ['2025-03-31', 'Bo', 7_777], // FY2025: in neither year
    ['2025-04-01', 'Bo', 20_000],
    ['2025-06-30', 'Bo', 10_000], // last day of last year's span
    ['2025-07-01', 'Bo', 30_000],
    ['2026-03-31', 'Bo', 60_000], // last day of FY2026
    ['2026-04-05', 'Bo', 50_000],
    ['2026-06-30', 'Bo', 41_000],
  ];

  it('fiscal year starting in April, run rate: 910.00 × 365 / 91', () => {
    const f = forecastYear(makeTransactions(april), { fiscalStartMonth: 4, asOf: day('2026-06-30'), method: 'run-rate' });
    expect(f.fiscalYear).toMatchObject({ year: 2027, label: 'FY2027', start: day('2026-04-01'), end: day('2027-03-31') });
    expect(f.rows[0]).toMatchObject({ actualYtd: 91_000, projected: 365_000 });
  });

  it('fiscal year starting in April, seasonal: 910.00 × 1 200.00 / 300.00', () => {
    expect(row(april, '2026-06-30', 4, 'seasonal')).toMatchObject({ actualYtd: 91_000, projected: 364_000, method: 'seasonal' });
  });

  it('April fiscal year holding 29 Feb 2028: 366 days, last year\'s span ends 28 Feb 2027', () => {
    const rows: Row[] = [
      ['2026-04-10', 'Cy', 100_000],
      ['2027-02-28', 'Cy', 50_000], // in the span
      ['2027-03-01', 'Cy', 70_000], // not
      ['2027-05-01', 'Cy', 200_000],
      ['2028-02-29', 'Cy', 1_000],
    ];
    // 2 010.00 × 366 / 335 = 2 196.00; 2 010.00 × 2 200.00 / 1 500.00 = 2 948.00
    expect(row(rows, '2028-02-29', 4, 'run-rate')).toMatchObject({ actualYtd: 201_000, projected: 219_600 });
    expect(row(rows, '2028-02-29', 4, 'seasonal')).toMatchObject({ actualYtd: 201_000, projected: 294_800 });
  });

  it('seasonal falls back to the run rate when last year\'s span is not positive, and says so', () => {
    const rows: Row[] = [
      ['2025-01-10', 'Di', 50_000],
      ['2025-02-10', 'Di', -60_000], // credit note: span = −100.00
      ['2025-08-10', 'Di', 300_000],
      ['2026-01-10', 'Di', 59_000],
    ];
    const r = row(rows, '2026-02-28', 1, 'seasonal');
    expect(r.method).toBe('run-rate');
    expect(r.projected).toBe(365_000); // 590.00 × 365 / 59
    expect(r.reason).toMatch(/not positive.*run rate instead/);
  });

  it('seasonal falls back to the run rate when last fiscal year is not fully in the data', () => {
    const rows: Row[] = [
      ['2025-03-10', 'Ed', 50_000],
      ['2025-08-10', 'Ed', 300_000],
      ['2026-03-31', 'Ed', 90_000],
    ];
    const r = row(rows, '2026-03-31', 1, 'seasonal');
    expect(r.method).toBe('run-rate');
    expect(r.reason).toMatch(/not fully in the data/);
  });
});
