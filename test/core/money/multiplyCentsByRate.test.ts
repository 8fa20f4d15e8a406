import { asCents, multiplyCentsByRate, parseDecimal } from '../../../src/core/money';

describe('multiplyCentsByRate', () => {
  const rate = (t: string) => {
    const d = parseDecimal(t);
    if (d === null) throw new Error(t);
    return d;
  };

  it.each([
    [100_000_000, '0.10', 10_000_000], // 1 000 000.00 × 10 % = 100 000.00 exactly
    [100_000_000, '0.1', 10_000_000],
    [1, '0.5', 1],
    [-1, '0.5', -1],
    [3, '0.5', 2],
    [-3, '0.5', -2],
    [12345, '4.2850', 52898], // 123.45 × 4.285 = 528.98325
    [100, '0.2345', 23],
    [250, '0.002', 1], // 0.5 cent → 1
    [-250, '0.002', -1],
    [249, '0.002', 0],
    [123456789, '1', 123456789],
    [0, '3.7', 0],
  ])('%p cents × %p = %p cents', (cents, r, expected) => {
    expect(multiplyCentsByRate(asCents(cents), rate(r))).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(multiplyCentsByRate(asCents(-1), rate('0.1')), 0)).toBe(true);
  });

  it('throws on results beyond 2^53 cents (callers check first)', () => {
    expect(() => multiplyCentsByRate(asCents(9e15), rate('2'))).toThrow(RangeError);
  });
});
