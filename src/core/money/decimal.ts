/**
 * An exact decimal number `digits / 10^scale` with `scale ≥ 0`, for rates (FX, commission):
 * `0.1` is `{ digits: 1n, scale: 1 }`, never the float 0.1000000000000000055…
 * Values made by this module are normalised (no trailing zero digits when scale > 0), so equal
 * values have one representation. Same shape as the commission engine's `ExactDecimal`.
 */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

const POW10: bigint[] = [];

/**
 * 10^n as a bigint, cached for the small exponents every money operation uses.
 * @example pow10(2) // 100n
 */
export function pow10(n: number): bigint {
  if (n < 64) {
    let p = POW10[n];
    if (p === undefined) {
      p = 10n ** BigInt(n);
      POW10[n] = p;
    }
    return p;
  }
  return 10n ** BigInt(n);
}

/**
 * Removes trailing zero digits so equal values compare equal with `toEqual`.
 * @example normaliseDecimal({ digits: 100n, scale: 2 }) // { digits: 1n, scale: 0 }
 */
export function normaliseDecimal(x: Decimal): Decimal {
  let { digits, scale } = x;
  if (digits === 0n) return { digits: 0n, scale: 0 };
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  return { digits, scale };
}

/**
 * Plain decimal text of a {@link Decimal}, without exponent.
 * @example decimalToText({ digits: -12345n, scale: 3 }) // "-12.345"
 */
export function decimalToText(x: Decimal): string {
  const negative = x.digits < 0n;
  const abs = (negative ? -x.digits : x.digits).toString();
  if (x.scale === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(x.scale + 1, '0');
  const cut = padded.length - x.scale;
  return (negative ? '-' : '') + padded.slice(0, cut) + '.' + padded.slice(cut);
}
