import { asCents, formatCents } from '../../../src/core/money';

describe('asCents and formatCents', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [123456, '1234.56'],
    [-123456, '-1234.56'],
    [10000000, '100000.00'],
    [9007199254740991, '90071992547409.91'],
  ])('%p → %p', (cents, text) => {
    expect(formatCents(asCents(cents))).toBe(text);
  });

  it('asCents refuses fractions and unsafe numbers', () => {
    expect(() => asCents(1.5)).toThrow(RangeError);
    expect(() => asCents(2 ** 53)).toThrow(RangeError);
    expect(() => asCents(NaN)).toThrow(RangeError);
    expect(Object.is(asCents(-0), 0)).toBe(true);
  });
});
