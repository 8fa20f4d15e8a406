import { roundHalfAwayFromZero } from '../../../src/core/money';
import fc from 'fast-check';

describe('roundHalfAwayFromZero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 2n, 2n],
    [149n, 100n, 1n],
    [150n, 100n, 2n],
    [-150n, 100n, -2n],
    [-149n, 100n, -1n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-2n, 3n, -1n],
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [0n, 7n, 0n],
    [10n ** 30n + 5n, 10n, 10n ** 29n + 1n],
  ])('%s / %s → %s', (n, d, expected) => {
    expect(roundHalfAwayFromZero(n, d)).toBe(expected);
  });

  it('refuses a zero denominator (a programming error)', () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it('is within half of the exact quotient and symmetric', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 20n), 10n ** 20n), fc.bigInt(1n, 10n ** 6n), (n, d) => {
        const q = roundHalfAwayFromZero(n, d);
        const twiceError = 2n * (q * d - n);
        expect(twiceError <= d && twiceError >= -d).toBe(true);
        expect(roundHalfAwayFromZero(-n, d)).toBe(-q);
      }),
    );
  });
});
