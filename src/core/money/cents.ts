declare const centsBrand: unique symbol;

/**
 * An amount of money as an integer count of minor units (cents), always a safe integer.
 *
 * Branded so that a float in currency units cannot be passed where cents are expected by
 * accident; create values with {@link asCents} or the money parsers. Arithmetic on cents gives
 * plain numbers: sums of safe integers stay exact, so re-brand the result with `asCents`.
 */
export type Cents = number & { readonly [centsBrand]: 'Cents' };

/** The largest magnitude a {@link Cents} value may have: 2^53 − 1 cents (≈ 90 trillion units). */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * Brands an integer as {@link Cents}. Throws `RangeError` for a non-integer or unsafe value,
 * because that can only be a programming error (amounts from users go through the parsers,
 * which report such values as issues instead).
 * @example asCents(12345) // 12345 (= 123.45)
 */
export function asCents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of cents: ${n}`);
  // -0 would print as "0" but compare oddly with Object.is; one zero only.
  return (n === 0 ? 0 : n) as Cents;
}
