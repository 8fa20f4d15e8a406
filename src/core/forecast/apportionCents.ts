import { roundCents } from './roundCents';

/**
 * Rounds parts to whole cents so that they add up exactly to `total` (largest remainder
 * method): each part is rounded, then the cents still missing (or in excess) go to the parts
 * that rounding moved furthest in the other direction. Keeps a chart's quarters summing to the
 * reported forecast.
 * @param total integer cents the parts must sum to
 * @param parts unrounded cents (any sign)
 * @example apportionCents(100, [33.4, 33.3, 33.3]) // [34, 33, 33]
 */
export function apportionCents(total: number, parts: readonly number[]): number[] {
  if (parts.length === 0) {
    if (total !== 0) throw new RangeError('apportionCents: nothing to put a non-zero total on');
    return [];
  }
  const rounded = parts.map(roundCents);
  let missing = total - rounded.reduce((s, v) => s + v, 0);
  if (missing === 0) return rounded;
  const step = Math.sign(missing);
  // Parts whose rounding lost most in the direction we need come first; ties by position.
  const order = parts
    .map((p, i) => ({ i, loss: step * (p - (rounded[i] as number)) }))
    .sort((a, b) => b.loss - a.loss || a.i - b.i);
  for (let k = 0; missing !== 0; k = (k + 1) % order.length) {
    const i = (order[k] as { i: number }).i;
    rounded[i] = (rounded[i] as number) + step;
    missing -= step;
  }
  return rounded;
}
