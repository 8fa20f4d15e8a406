/**
 * Rounds an amount in cents to a whole cent, half away from zero (SPEC §1.2, §5).
 * Math.round alone rounds −2.5 to −2; money must round symmetrically.
 * @example roundCents(2.5) // 3
 * @example roundCents(-2.5) // -3
 */
export function roundCents(cents: number): number {
  const r = Math.sign(cents) * Math.round(Math.abs(cents));
  return r === 0 ? 0 : r; // no −0 in reports
}

/**
 * `amount × numerator / denominator` in whole cents, computed exactly with bigint and rounded
 * once, half away from zero (DESIGN §3: products of money are exact, rounded once).
 * @param amount integer cents
 * @param numerator integer (cents or days)
 * @param denominator non-zero integer
 * @example scaleCents(1000, 365, 181) // 2017 (1000 × 365 / 181 = 2016.57…)
 */
export function scaleCents(amount: number, numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('scaleCents: zero denominator');
  let n = BigInt(amount) * BigInt(numerator);
  let d = BigInt(denominator);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d); // floor((|n| + d/2) / d): half rounds up in magnitude
  return Number(negative ? -q : q);
}
