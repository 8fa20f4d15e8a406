import { asCents, MAX_CENTS, type Cents } from './cents';
import { pow10, type Decimal } from './decimal';
import { roundHalfAwayFromZero } from './roundHalfAwayFromZero';

/**
 * `cents × rate` rounded once to cents, half away from zero, computed on bigints so the product
 * is exact before the one rounding: 1 000 000.00 × 10 % is exactly 100 000.00.
 *
 * Throws `RangeError` when the result exceeds ±2^53 − 1 cents (≈ 90 trillion units): a
 * programming error, since callers that handle user data check the magnitude first.
 * @example multiplyCentsByRate(asCents(100_000_000), { digits: 1n, scale: 1 }) // 10_000_000
 * @example multiplyCentsByRate(asCents(1), { digits: 5n, scale: 1 }) // 1  (0.5 cent → 1)
 */
export function multiplyCentsByRate(cents: Cents, rate: Decimal): Cents {
  const product = roundHalfAwayFromZero(BigInt(cents) * rate.digits, pow10(rate.scale));
  if (product > BigInt(MAX_CENTS) || product < -BigInt(MAX_CENTS)) {
    throw new RangeError(`multiplyCentsByRate: ${cents} × rate is beyond ${MAX_CENTS} cents`);
  }
  return asCents(Number(product));
}
