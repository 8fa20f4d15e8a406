import fc from 'fast-check';
import {
  add,
  compare,
  decimalFromNumber,
  multiply,
  normalize,
  parseDecimalText,
  ratioAtLeast,
  roundHalfAwayFromZero,
  shiftLeft,
  toNumber,
  toText,
  type ExactDecimal,
} from '../../../src/core/commission/exactDecimal';

const dec = (s: string): ExactDecimal => parseDecimalText(s) as ExactDecimal;

describe('exactDecimal', () => {
  it('1 000 000.00 × 10 % = 100 000.00 exactly', () => {
    const product = multiply(shiftLeft(dec('1000000.00'), 2), dec('0.10'));
    expect(roundHalfAwayFromZero(product)).toBe(10_000_000n);
    expect(compare(product, dec('10000000'))).toBe(0);
    expect(toText(normalize(product))).toBe('10000000');
  });

  it('rounds 0.005 → 0.01 and −0.005 → −0.01 (half away from zero, in cents)', () => {
    expect(roundHalfAwayFromZero(shiftLeft(dec('0.005'), 2))).toBe(1n);
    expect(roundHalfAwayFromZero(shiftLeft(dec('-0.005'), 2))).toBe(-1n);
    expect(roundHalfAwayFromZero(shiftLeft(dec('1.005'), 2))).toBe(101n); // where Math.round(1.005 * 100) gives 100
    expect(roundHalfAwayFromZero(shiftLeft(dec('0.0049999'), 2))).toBe(0n);
    expect(roundHalfAwayFromZero(shiftLeft(dec('-0.0049999'), 2))).toBe(0n);
    expect(roundHalfAwayFromZero(dec('2.5'))).toBe(3n);
    expect(roundHalfAwayFromZero(dec('-2.5'))).toBe(-3n);
  });

  it.each([
    ['12', '12'],
    ['-0.050', '-0.05'],
    ['.5', '0.5'],
    ['1e-3', '0.001'],
    ['1.5E3', '1500'],
    ['+7', '7'],
  ])('parses %s', (text, out) => {
    expect(toText(normalize(dec(text)))).toBe(out);
  });

  it.each(['', '.', 'abc', '1,5', '1.2.3', '--1'])('rejects %p', (text) => {
    expect(parseDecimalText(text)).toBeNull();
  });

  it('reads numbers at 15 significant digits, as Excel shows them', () => {
    expect(toText(decimalFromNumber(0.1 + 0.2) as ExactDecimal)).toBe('0.3');
    expect(toText(decimalFromNumber(0.05) as ExactDecimal)).toBe('0.05');
    expect(toText(decimalFromNumber(-1234.5) as ExactDecimal)).toBe('-1234.5');
    expect(toText(decimalFromNumber(1e21) as ExactDecimal)).toBe('1000000000000000000000');
    expect(decimalFromNumber(NaN)).toBeNull();
    expect(toNumber(dec('0.07'))).toBe(0.07);
  });

  it('compares ratios exactly', () => {
    expect(ratioAtLeast(90, 100, dec('0.9'))).toBe(true);
    expect(ratioAtLeast(89, 100, dec('0.9'))).toBe(false);
    expect(ratioAtLeast(2, 3, dec('0.666666666666667'))).toBe(false);
  });

  it('property: sums of cents are exact and associative', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { maxLength: 20 }), fc.nat({ max: 6 }), (xs, scale) => {
        const total = xs.reduce<ExactDecimal>((s, x) => add(s, { digits: x, scale }), { digits: 0n, scale: 0 });
        expect(compare(total, { digits: xs.reduce((s, x) => s + x, 0n), scale })).toBe(0);
      }),
    );
  });
});
