/**
 * Sorts `items` in place by `values[item]` descending, ties by `tieBreak` — the ranking order of
 * SPEC §4 and the Account Status sheet — mostly without calling JavaScript per comparison.
 *
 * Values are whole numbers (cents). When every `(value − min) · 2^b + position` fits in a double
 * exactly (b bits for the positions: always, short of 2^53 / n cents of spread), the keys are
 * sorted by the engine's native numeric sort of a `Float64Array`, and only runs of equal values
 * are then sorted with `tieBreak`; otherwise it is `items.sort` with the full comparison. Both
 * give the same order: the one order by value descending, then `tieBreak`, which must be a total
 * order on the items (no two items compare equal).
 * @example orderByValueDesc([0, 1, 2], Float64Array.of(5, 9, 5), (x, y) => x - y) // [1, 0, 2]
 */
export function orderByValueDesc(items: number[], values: Float64Array, tieBreak: (x: number, y: number) => number): number[] {
  const n = items.length;
  if (n < 2) return items;
  const value = (item: number): number => values[item] as number;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = values[items[k] as number] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = 2 ** Math.ceil(Math.log2(n));
  const whole = Number.isSafeInteger(min) && Number.isSafeInteger(max);
  if (!whole || (max - min + 1) * scale > Number.MAX_SAFE_INTEGER) {
    return items.sort((x, y) => value(y) - value(x) || tieBreak(x, y));
  }
  // Key = (max − value) · scale + position: ascending keys are descending values, and a key
  // decodes back to its position exactly.
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = (max - (values[items[k] as number] as number)) * scale + k;
  keys.sort();
  const sorted = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const key = keys[k] as number;
    sorted[k] = items[key % scale] as number;
  }
  // Equal values came out in position order; put each run of them in tie-break order.
  for (let start = 0; start < n; ) {
    const v = values[sorted[start] as number];
    let end = start + 1;
    while (end < n && values[sorted[end] as number] === v) end++;
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(tieBreak);
      for (let k = start; k < end; k++) sorted[k] = run[k - start] as number;
    }
    start = end;
  }
  for (let k = 0; k < n; k++) items[k] = sorted[k] as number;
  return items;
}
