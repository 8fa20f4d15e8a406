/**
 * Sums of numbers by integer key (such as `account × managers + manager`), for aggregates whose
 * keys are too many for a dense array but few compared with the rows: open addressing over
 * typed arrays, so adding a row costs a hash and a probe, with no allocation — unlike a
 * `Map<number, number>`, whose number values are boxed once they are not small integers.
 *
 * Entries are kept in the order their keys were first added, as a `Map` iterates.
 * @example
 * const sums = new SumsByKey();
 * sums.add(7, 100); sums.add(3, 5); sums.add(7, -20);
 * sums.size // 2; sums.keyAt(0) // 7; sums.sumAt(0) // 80
 */
export class SumsByKey {
  private keys = new Float64Array(64);
  private sums = new Float64Array(64);
  /** Entry + 1 per bucket; 0 = empty. */
  private buckets = new Int32Array(128);
  private mask = 127;
  /** Number of distinct keys. */
  size = 0;

  /**
   * Adds `value` to the sum of `key` (a non-negative integer below 2^53); a sum starts at 0, as
   * `(map.get(key) ?? 0) + value` would (so a lone -0 reads as 0).
   * @example sums.add(a * nm + m, amount)
   */
  add(key: number, value: number): void {
    const e = this.find(key);
    if (e >= 0) {
      this.sums[e] = (this.sums[e] as number) + value;
      return;
    }
    if (this.size === this.keys.length) this.growEntries();
    const entry = this.size++;
    this.keys[entry] = key;
    this.sums[entry] = 0 + value;
    if (2 * this.size > this.buckets.length) this.rehash();
    else this.place(entry);
  }

  /** The sum of `key`, or `undefined` when nothing was added for it. */
  get(key: number): number | undefined {
    const e = this.find(key);
    return e < 0 ? undefined : this.sums[e];
  }

  /** The key of entry `i` (0 ≤ i < size), in order of first addition. */
  keyAt(i: number): number {
    return this.keys[i] as number;
  }

  /** The sum of entry `i` (0 ≤ i < size). */
  sumAt(i: number): number {
    return this.sums[i] as number;
  }

  private find(key: number): number {
    const mask = this.mask;
    const buckets = this.buckets;
    for (let b = hash(key) & mask; ; b = (b + 1) & mask) {
      const e = (buckets[b] as number) - 1;
      if (e < 0 || this.keys[e] === key) return e;
    }
  }

  private place(entry: number): void {
    const mask = this.mask;
    let b = hash(this.keys[entry] as number) & mask;
    while (this.buckets[b] !== 0) b = (b + 1) & mask;
    this.buckets[b] = entry + 1;
  }

  private growEntries(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const sums = new Float64Array(this.sums.length * 2);
    sums.set(this.sums);
    this.sums = sums;
  }

  private rehash(): void {
    this.buckets = new Int32Array(this.buckets.length * 2);
    this.mask = this.buckets.length - 1;
    for (let e = 0; e < this.size; e++) this.place(e);
  }
}

/** Mixes both 32-bit halves of an integer key (a Fibonacci hash folded onto the low bits). */
function hash(key: number): number {
  const h = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x85ebca6b), 0x9e3779b1);
  return h ^ (h >>> 15);
}
