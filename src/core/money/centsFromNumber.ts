import { asCents, type Cents } from './cents';
import { centsFromDigits, shiftDecimalPoint } from './centsFromDigits';

// What toPrecision(15) produces: "-1.00500000000000", "123456.000000000", "1.23000000000000e-7".
const PRECISION_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** Cents below 10^15 have at most 15 digits, so their decimal survives a double exactly. */
const FAST_LIMIT = 1e15;

/**
 * Cents of an Excel number: first normalised to 15 significant digits, as Excel displays it
 * (so `0.1 + 0.2` is 0.30 and `1.005` is the 1.005 the user typed, not 1.00499999999999989…),
 * then rounded to cents half away from zero on the decimal digits. Never `Math.round(x * 100)`,
 * which turns 1.005 into 1.00.
 * @returns the cents, or `null` for NaN, ±Infinity and amounts beyond ±90 trillion.
 * @example centsFromNumber(1.005) // 101
 * @example centsFromNumber(-0.005) // -1
 * @example centsFromNumber(0.1 + 0.2) // 30
 */
export function centsFromNumber(n: number): Cents | null {
  if (!Number.isFinite(n)) return null;
  // Fast path for the common case, amounts with at most two decimals: when n is the double
  // nearest to c/100 for an integer c of at most 15 digits, Excel shows exactly c/100 (every
  // decimal of ≤ 15 significant digits survives the round trip through a double), so the cents
  // are c. 1.005 fails the test (it is stored as 1.00499999…, not as 100/100 or 101/100) and
  // takes the digit-wise path below.
  const c = Math.round(n * 100);
  if (Math.abs(c) < FAST_LIMIT && c / 100 === n) return asCents(c);
  const m = PRECISION_TEXT.exec(n.toPrecision(15));
  if (m === null) return null; // cannot happen for a finite number; kept total, not thrown
  let intDigits = m[2] ?? '';
  let fracDigits = m[3] ?? '';
  if (m[4] !== undefined) {
    const plain = shiftDecimalPoint(intDigits, fracDigits, Number(m[4]));
    if (plain === null) return null;
    [intDigits, fracDigits] = plain;
  }
  return centsFromDigits(m[1] === '-', intDigits, fracDigits);
}
