/**
 * `numerator / denominator` rounded to an integer, half away from zero: the rounding finance
 * expects (and Excel's ROUND does), unlike banker's rounding or `Math.round` (which rounds −0.5
 * up to 0). Exact for any size because it works on bigints.
 *
 * Throws `RangeError` when the denominator is zero (a programming error).
 * @example roundHalfAwayFromZero(5n, 2n) // 3n   (2.5 → 3)
 * @example roundHalfAwayFromZero(-5n, 2n) // -3n (−2.5 → −3)
 * @example roundHalfAwayFromZero(149n, 100n) // 1n
 */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('roundHalfAwayFromZero: division by zero');
  let num = numerator;
  let den = denominator;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  const quotient = magnitude / den;
  // 2·remainder ≥ denominator ⇔ the dropped fraction is at least one half.
  const rounded = 2n * (magnitude % den) >= den ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}
