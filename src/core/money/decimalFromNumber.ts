import { normaliseDecimal, pow10, type Decimal } from './decimal';

// What toPrecision(15) produces: "-4.28500000000000", "1.00000000000000e+21", "4.94065645841247e-324".
const PRECISION_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * A JavaScript number as the decimal Excel shows for it: first normalised to 15 significant
 * digits (Excel's display precision, so `0.1 + 0.2` is 0.3), then taken exactly.
 * Every finite double is representable (exponents reach ±324, so digits may be long).
 * @returns the normalised {@link Decimal}, or `null` for NaN and ±Infinity.
 * @example decimalFromNumber(0.1 + 0.2) // { digits: 3n, scale: 1 }
 * @example decimalFromNumber(4.285) // { digits: 4285n, scale: 3 }
 */
export function decimalFromNumber(n: number): Decimal | null {
  if (!Number.isFinite(n)) return null;
  const m = PRECISION_TEXT.exec(n.toPrecision(15));
  if (m === null) return null; // cannot happen for a finite number; kept total, not thrown
  const frac = m[3] ?? '';
  let digits = BigInt((m[2] ?? '') + frac);
  let scale = frac.length - (m[4] === undefined ? 0 : Number(m[4]));
  if (scale < 0) {
    digits *= pow10(-scale);
    scale = 0;
  }
  return normaliseDecimal({ digits: m[1] === '-' ? -digits : digits, scale });
}
