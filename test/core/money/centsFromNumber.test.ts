import { centsFromNumber, decimalFromNumber, roundHalfAwayFromZero } from '../../../src/core/money';
import fc from 'fast-check';

describe('centsFromNumber', () => {
  it.each([
    [0, 0],
    [-0, 0],
    [1, 100],
    [-1, -100],
    [0.005, 1],
    [-0.005, -1],
    [0.004, 0],
    [-0.004, 0],
    [1.005, 101],
    [-1.005, -101],
    [2.675, 268],
    [1.115, 112],
    [0.1 + 0.2, 30],
    [0.1 * 3, 30],
    [1234.56, 123456],
    [-1234.56, -123456],
    [1e-7, 0],
    [0.00499999, 0],
    [1234567.891, 123456789],
    [99999999999.995, 9999999999999 + 1],
    [1e13, 1e15],
    [123456789012.345, 12345678901235],
    [46 - 4e-15, 4600], // 45.99999999999999…: Excel shows 46
  ])('%p → %p cents', (n, cents) => {
    expect(centsFromNumber(n)).toBe(cents);
  });

  it('gives 0, never -0', () => {
    expect(Object.is(centsFromNumber(-0.001), 0)).toBe(true);
    expect(Object.is(centsFromNumber(-0), 0)).toBe(true);
  });

  it.each([NaN, Infinity, -Infinity, 1e17, -1e17, 1e300])('refuses %p', (n) => {
    expect(centsFromNumber(n)).toBeNull();
  });

  it('equals rounding the 15-digit decimal text half away from zero (bigint reference)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (n) => {
        const d = decimalFromNumber(n);
        if (d === null) throw new Error('finite');
        const expected = d.scale >= 2 ? roundHalfAwayFromZero(d.digits, 10n ** BigInt(d.scale - 2)) : d.digits * 10n ** BigInt(2 - d.scale);
        expect(centsFromNumber(n)).toBe(Number(expected));
      }),
    );
  });

  it('round-trips every cents value written as a number of currency units', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        expect(centsFromNumber(cents / 100)).toBe(cents === 0 ? 0 : cents);
      }),
    );
  });
});
