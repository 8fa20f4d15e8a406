/**
 * An exact decimal number `digits / 10^scale` (scale ≥ 0). Commission rates, tier starts,
 * caps and their products with money are held this way, so that 1 000 000 × 0.10 is exactly
 * 100 000 and rounding happens once, where SPEC §5 says (DESIGN.md §3). Products add scales,
 * sums align them: no division is ever needed, so every result stays exact.
 *
 * Local to the commission engine until `core/money` offers the same (to be merged).
 */
export interface ExactDecimal {
  readonly digits: bigint;
  readonly scale: number;
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/**
 * An integer as an exact decimal (e.g. an amount in cents).
 * @example decimalFromInteger(12345) // { digits: 12345n, scale: 0 }
 */
export function decimalFromInteger(n: number | bigint): ExactDecimal {
  return { digits: typeof n === 'bigint' ? n : BigInt(n), scale: 0 };
}

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses plain decimal text (`12`, `-0.05`, `.5`, `1e-3`) exactly. No grouping, no symbols.
 * @returns `null` when the text is not such a number.
 * @example parseDecimalText('0.05') // { digits: 5n, scale: 2 }
 */
export function parseDecimalText(text: string): ExactDecimal | null {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) return null;
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  if (whole === '' && frac === '') return null;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 400) return null;
  let digits = BigInt(whole + frac || '0');
  let scale = frac.length - exp;
  if (scale < 0) {
    digits *= pow10(-scale);
    scale = 0;
  }
  return normalize({ digits: m[1] === '-' ? -digits : digits, scale });
}

/**
 * A JavaScript number as the decimal Excel shows: first normalised to 15 significant digits
 * (so 0.1 + 0.2 reads as 0.3, like Excel's cell), then taken exactly.
 * @returns `null` for NaN and ±Infinity.
 * @example decimalFromNumber(0.1 + 0.2) // { digits: 3n, scale: 1 }
 */
export function decimalFromNumber(n: number): ExactDecimal | null {
  if (!Number.isFinite(n)) return null;
  if (n === 0) return { digits: 0n, scale: 0 };
  return parseDecimalText(n.toPrecision(15));
}

/**
 * Removes trailing zero digits so equal values have one representation.
 * @example normalize({ digits: 500n, scale: 3 }) // { digits: 5n, scale: 1 }
 */
export function normalize(x: ExactDecimal): ExactDecimal {
  let { digits, scale } = x;
  if (digits === 0n) return { digits: 0n, scale: 0 };
  while (scale > 0 && digits % TEN === 0n) {
    digits /= TEN;
    scale--;
  }
  return { digits, scale };
}

function align(a: ExactDecimal, b: ExactDecimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.digits, b.digits, a.scale];
  if (a.scale > b.scale) return [a.digits, b.digits * pow10(a.scale - b.scale), a.scale];
  return [a.digits * pow10(b.scale - a.scale), b.digits, b.scale];
}

/** a + b, exactly. @example add(dec('0.1'), dec('0.2')) // 0.3 */
export function add(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y, scale] = align(a, b);
  return { digits: x + y, scale };
}

/** a − b, exactly. @example subtract(dec('1'), dec('0.9')) // 0.1 */
export function subtract(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [x, y, scale] = align(a, b);
  return { digits: x - y, scale };
}

/** a × b, exactly (scales add). @example multiply(dec('100000000'), dec('0.10')) // 10000000 */
export function multiply(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { digits: a.digits * b.digits, scale: a.scale + b.scale };
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. @example compare(dec('0.50'), dec('0.5')) // 0 */
export function compare(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The smaller of a and b. @example min(dec('2'), dec('1.5')) // 1.5 */
export function min(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return compare(a, b) <= 0 ? a : b;
}

/** The larger of a and b. @example max(dec('0'), dec('-3')) // 0 */
export function max(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return compare(a, b) >= 0 ? a : b;
}

/** The sign of x. @example sign(dec('-0.01')) // -1 */
export function sign(x: ExactDecimal): -1 | 0 | 1 {
  return x.digits < 0n ? -1 : x.digits > 0n ? 1 : 0;
}

/** x × 10^n for n ≥ 0 (e.g. currency units → cents with n = 2). @example shiftLeft(dec('12.345'), 2) // 1234.5 */
export function shiftLeft(x: ExactDecimal, n: number): ExactDecimal {
  return x.scale >= n ? { digits: x.digits, scale: x.scale - n } : { digits: x.digits * pow10(n - x.scale), scale: 0 };
}

/**
 * Rounds to an integer, half away from zero: 0.5 → 1, −0.5 → −1, 2.4999 → 2.
 * Applied to amounts in cents this is the one rounding to cents of SPEC §5.
 * @example roundHalfAwayFromZero({ digits: 5n, scale: 1 }) // 1n
 * @example roundHalfAwayFromZero({ digits: -5n, scale: 1 }) // -1n
 */
export function roundHalfAwayFromZero(x: ExactDecimal): bigint {
  if (x.scale === 0) return x.digits;
  const unit = pow10(x.scale);
  const magnitude = x.digits < 0n ? -x.digits : x.digits;
  // 2·remainder ≥ unit ⇔ the dropped fraction is at least one half.
  const q = magnitude / unit;
  const r = magnitude % unit;
  const rounded = 2n * r >= unit ? q + 1n : q;
  return x.digits < 0n ? -rounded : rounded;
}

/**
 * The nearest JavaScript number, for ratios shown unrounded and for display. Not for sums.
 * @example toNumber({ digits: 5n, scale: 2 }) // 0.05
 */
export function toNumber(x: ExactDecimal): number {
  return Number(toText(x));
}

/**
 * Plain decimal text without exponent, e.g. `-1234.5`.
 * @example toText({ digits: -12345n, scale: 1 }) // "-1234.5"
 */
export function toText(x: ExactDecimal): string {
  const negative = x.digits < 0n;
  const abs = (negative ? -x.digits : x.digits).toString();
  if (x.scale === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(x.scale + 1, '0');
  const cut = padded.length - x.scale;
  const frac = padded.slice(cut).replace(/0+$/, '');
  return (negative ? '-' : '') + padded.slice(0, cut) + (frac ? '.' + frac : '');
}

/** Whole cents `c` as an exact decimal. @example cents(12345) // { digits: 12345n, scale: 0 } */
export function cents(c: number): ExactDecimal {
  return decimalFromInteger(c);
}

/**
 * True when `num / den ≥ threshold`, exactly, for den > 0 (integers such as cents).
 * Used for statuses (Met, Near) and bonus thresholds, where a float division could put a
 * value that is exactly on the threshold on the wrong side.
 * @example ratioAtLeast(90, 100, { digits: 9n, scale: 1 }) // true
 */
export function ratioAtLeast(num: number, den: number, threshold: ExactDecimal): boolean {
  // num/den ≥ d/10^s ⇔ num·10^s ≥ d·den, because den > 0.
  return BigInt(num) * pow10(threshold.scale) >= threshold.digits * BigInt(den);
}
