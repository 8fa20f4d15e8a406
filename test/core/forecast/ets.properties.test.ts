import fc from 'fast-check';
import { fitEts } from '../../../src/core/forecast/fitEts';
import { forecastEts } from '../../../src/core/forecast/forecastEts';

const HORIZON = 14;
const close = (actual: number, expected: number, scale: number): boolean =>
  Math.abs(actual - expected) <= 1e-9 * Math.max(1, scale);

describe('fitEts properties', () => {
  it('a constant series forecasts that constant (any length, season or not)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 60 }),
        (c, n) => {
          const model = fitEts(Array.from({ length: n }, () => c));
          return forecastEts(model, HORIZON).every((f) => close(f, c, Math.abs(c)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a pure linear trend is extrapolated', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: -500_000, max: 500_000 }),
        fc.integer({ min: 2, max: 60 }),
        (a, b, n) => {
          const series = Array.from({ length: n }, (_, t) => a + b * t);
          const ahead = forecastEts(fitEts(series), HORIZON);
          const scale = Math.abs(a) + Math.abs(b) * (n + HORIZON);
          return ahead.every((f, k) => close(f, a + b * (n - 1 + k + 1), scale));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('forecasts, residuals and RMSE are finite for series with zeros and negative months', () => {
    const month = fc.oneof(
      fc.constant(0),
      fc.integer({ min: -50_000_000, max: 50_000_000 }),
      fc.integer({ min: -100, max: 100 }),
    );
    fc.assert(
      fc.property(fc.array(month, { minLength: 0, maxLength: 72 }), (series) => {
        const model = fitEts(series);
        const values = [...forecastEts(model, HORIZON), ...model.residuals, model.rmse, model.level, model.trend];
        return values.every(Number.isFinite);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    const series = Array.from({ length: 40 }, (_, t) => 1000 + 37 * t + ((t * 7919) % 13) * 50);
    expect(fitEts(series)).toEqual(fitEts(series));
  });

  it('falls back below two seasons: Holt (trend, no season), then flat, then empty', () => {
    expect(fitEts(Array.from({ length: 23 }, (_, t) => t)).kind).toBe('holt');
    expect(fitEts(Array.from({ length: 24 }, (_, t) => t)).kind).toBe('holt-winters');
    expect(fitEts([7]).kind).toBe('flat');
    expect(forecastEts(fitEts([7]), 3)).toEqual([7, 7, 7]);
    expect(forecastEts(fitEts([]), 2)).toEqual([0, 0]);
    expect(fitEts(Array.from({ length: 30 }, (_, t) => t), 0).kind).toBe('holt');
  });

  it('a season of exact zeros (LibreOffice: #DIV/0!) still fits', () => {
    const series = [...Array.from({ length: 12 }, () => 0), ...Array.from({ length: 14 }, (_, t) => 100 + t)];
    expect(forecastEts(fitEts(series), 12).every(Number.isFinite)).toBe(true);
  });

  it('rejects non-finite observations and bad arguments', () => {
    expect(() => fitEts([1, NaN, 3])).toThrow(RangeError);
    expect(() => fitEts([1, 2], -1)).toThrow(RangeError);
    expect(() => forecastEts(fitEts([1, 2]), 1.5)).toThrow(RangeError);
  });
});
