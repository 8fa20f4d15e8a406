import { decimalFromNumber, decimalToText, normaliseDecimal, parseDecimal } from '../../../src/core/money';

describe('parseDecimal', () => {
  it.each([
    ['0.10', '.', 1n, 1],
    ['10%', '.', 1n, 1],
    ['12.5%', '.', 125n, 3],
    ['4.2850', '.', 4285n, 3],
    ['4,2850', ',', 4285n, 3],
    ['-0.05', '.', -5n, 2],
    ['\u22120.05', '.', -5n, 2],
    ['+3', '.', 3n, 0],
    ['.5', '.', 5n, 1],
    ['5.', '.', 5n, 0],
    ['1.5E-3', '.', 15n, 4],
    ['1.5e+3', '.', 1500n, 0],
    [' 0.2345 ', '.', 2345n, 4],
    ['0', '.', 0n, 0],
    ['0.000', '.', 0n, 0],
  ] as const)('%p (decimal %p) → %p / 10^%p', (text, decimal, digits, scale) => {
    expect(parseDecimal(text, decimal)).toEqual({ digits, scale });
  });

  it.each([['', '.'], ['.', '.'], ['abc', '.'], ['1,5', '.'], ['1.5', ','], ['1,000.5', '.'], ['1e999', '.'], ['--1', '.'], ['1 000', '.']] as const)(
    'refuses %p (decimal %p)',
    (text, decimal) => {
      expect(parseDecimal(text, decimal)).toBeNull();
    },
  );
});

describe('decimalFromNumber', () => {
  it.each([
    [0.1 + 0.2, 3n, 1],
    [4.285, 4285n, 3],
    [100, 100n, 0],
    [1e21, 10n ** 21n, 0],
    [1e-7, 1n, 7],
    [-0.25, -25n, 2],
    [0, 0n, 0],
  ])('%p → %p / 10^%p', (n, digits, scale) => {
    expect(decimalFromNumber(n)).toEqual({ digits, scale });
  });

  it('refuses NaN and infinities', () => {
    expect(decimalFromNumber(NaN)).toBeNull();
    expect(decimalFromNumber(Infinity)).toBeNull();
  });
});

describe('decimalFromNumber on extreme doubles', () => {
  it.each([5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308])('%p is exact to 15 digits', (n) => {
    const d = decimalFromNumber(n);
    expect(d).not.toBeNull();
    if (d !== null) expect(Number(decimalToText(d))).toBe(Number(n.toPrecision(15)));
  });
});

describe('normaliseDecimal and decimalToText', () => {
  it.each([
    [{ digits: 100n, scale: 2 }, { digits: 1n, scale: 0 }, '1.00'],
    [{ digits: -12345n, scale: 3 }, { digits: -12345n, scale: 3 }, '-12.345'],
    [{ digits: 5n, scale: 3 }, { digits: 5n, scale: 3 }, '0.005'],
    [{ digits: 0n, scale: 4 }, { digits: 0n, scale: 0 }, '0.0000'],
  ])('%p', (x, normal, text) => {
    expect(normaliseDecimal(x)).toEqual(normal);
    expect(decimalToText(x)).toBe(text);
  });
});
