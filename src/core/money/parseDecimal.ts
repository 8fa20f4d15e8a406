import { normaliseDecimal, pow10, type Decimal } from './decimal';

// Sign (ASCII or U+2212 minus), digits, one decimal separator, optional exponent, optional %.
const WITH_DOT = /^([+\-\u2212])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?(\s*%)?$/;
const WITH_COMMA = /^([+\-\u2212])?(\d*)(?:,(\d*))?(?:[eE]([+-]?\d{1,4}))?(\s*%)?$/;

/** Exponents beyond this are not rates anyone means; refusing them keeps bigints small. */
const MAX_EXPONENT = 100;

/**
 * Reads a rate written as plain decimal text exactly: `0.1`, `4.2850`, `-0.05`, `.5`,
 * `1.5E-3`, `10%` (= 0.1), with `decimal` as the one decimal separator.
 *
 * No thousands separators: rates do not need them, and refusing them keeps `1,000` from being
 * read as one thousand where a comma is the decimal separator.
 * @returns the normalised {@link Decimal}, or `null` when the text is not such a number.
 * @example parseDecimal('0.10') // { digits: 1n, scale: 1 }
 * @example parseDecimal('4,2850', ',') // { digits: 4285n, scale: 3 }
 * @example parseDecimal('12.5%') // { digits: 125n, scale: 3 }
 */
export function parseDecimal(text: string, decimal: '.' | ',' = '.'): Decimal | null {
  const m = (decimal === ',' ? WITH_COMMA : WITH_DOT).exec(text.trim());
  if (m === null) return null;
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  if (whole === '' && frac === '') return null;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > MAX_EXPONENT) return null;
  let digits = BigInt(whole + frac);
  let scale = frac.length - exponent + (m[5] === undefined ? 0 : 2);
  if (scale < 0) {
    digits *= pow10(-scale);
    scale = 0;
  }
  const negative = m[1] === '-' || m[1] === '\u2212';
  return normaliseDecimal({ digits: negative ? -digits : digits, scale });
}
