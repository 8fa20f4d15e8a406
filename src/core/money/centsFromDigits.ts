import { asCents, MAX_CENTS, type Cents } from './cents';

const ZERO = 48; // '0'
const FIVE = 53; // '5'

/**
 * Cents of the decimal number `intDigits.fracDigits` (ASCII digits only, either may be empty),
 * rounded half away from zero, digit by digit: the third decimal digit alone decides, because
 * the value is exact (0.004999… does not occur in a decimal string, unlike in a float).
 * No floating-point arithmetic touches a fraction, so `1.005` gives 101, not 100.
 *
 * @returns the cents, or `null` when they would not be a safe integer (> 90 trillion units).
 * @example centsFromDigits(false, '1', '005') // 101
 * @example centsFromDigits(true, '0', '005') // -1
 * @example centsFromDigits(false, '1234', '5') // 123450
 */
export function centsFromDigits(negative: boolean, intDigits: string, fracDigits: string): Cents | null {
  let start = 0;
  while (start < intDigits.length && intDigits.charCodeAt(start) === ZERO) start++;
  const intLength = intDigits.length - start;
  const d1 = fracDigits.length > 0 ? fracDigits.charCodeAt(0) - ZERO : 0;
  const d2 = fracDigits.length > 1 ? fracDigits.charCodeAt(1) - ZERO : 0;
  const up = fracDigits.length > 2 && fracDigits.charCodeAt(2) >= FIVE ? 1 : 0;
  let magnitude: number;
  if (intLength <= 13) {
    // Up to 13 integer digits the result stays below 10^15 < 2^53: plain numbers are exact.
    const whole = intLength === 0 ? 0 : Number(start === 0 ? intDigits : intDigits.slice(start));
    magnitude = whole * 100 + d1 * 10 + d2 + up;
  } else {
    const big = BigInt(intDigits.slice(start)) * 100n + BigInt(d1 * 10 + d2 + up);
    if (big > BigInt(MAX_CENTS)) return null;
    magnitude = Number(big);
  }
  return asCents(negative ? -magnitude : magnitude);
}

/**
 * Moves the decimal point of `intDigits.fracDigits` by `exponent` places (scientific notation
 * to plain digits), so that {@link centsFromDigits} can round it.
 * @returns `[intDigits, fracDigits]`, or `null` when the value has more than 20 integer digits
 *   (far beyond any amount; refusing it keeps the strings short).
 * @example shiftDecimalPoint('1', '5', 3) // ['1500', '']
 * @example shiftDecimalPoint('1', '', -7) // ['', '0']  (0.0000001: below half a cent)
 */
export function shiftDecimalPoint(intDigits: string, fracDigits: string, exponent: number): [string, string] | null {
  const all = intDigits + fracDigits;
  let lead = 0;
  while (lead < all.length && all.charCodeAt(lead) === ZERO) lead++;
  if (lead === all.length) return ['0', ''];
  // Work on the significant digits only, so leading zeros cannot make the point look far away.
  const digits = all.slice(lead);
  const point = intDigits.length - lead + exponent;
  if (point > 20) return null;
  if (point <= 0) {
    // 0.000ddd: with three or more zeros after the point the value is below half a cent.
    if (point < -2) return ['', '0'];
    return ['', '0'.repeat(-point) + digits];
  }
  if (point >= digits.length) return [digits + '0'.repeat(point - digits.length), ''];
  return [digits.slice(0, point), digits.slice(point)];
}
