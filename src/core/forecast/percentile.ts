/**
 * Percentile of values by linear interpolation between closest ranks (Excel's
 * PERCENTILE.INC, LibreOffice's PERCENTILE), p in [0, 1]. NaN for no values.
 * @example percentile([1, 2, 3, 4], 0.1) // 1.3
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (rank - lo) * (b - a);
}
