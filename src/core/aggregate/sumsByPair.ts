import { SumsByKey } from './sumsByKey';

/**
 * Sums by pair `(first, second)` of small integers — revenue by account × manager — tuned for
 * data where each `first` comes almost always with the same `second` (an account has one
 * manager): the first `second` seen for each `first` is summed in plain typed arrays, and only
 * the other pairs go to a {@link SumsByKey}. So a row costs two array reads and a write, not a
 * hash, whatever the number of pairs.
 *
 * Entries are listed primaries first (by `first`), then the other pairs in order of first
 * addition.
 * @example
 * const sums = new SumsByPair(accounts.length, managers.length);
 * sums.add(a, m, amount);
 * for (let e = 0; e < sums.size; e++) use(sums.firstAt(e), sums.secondAt(e), sums.sumAt(e));
 */
export class SumsByPair {
  /** The first `second` seen per `first`, -1 before any. */
  private readonly primary: Int32Array;
  private readonly primarySum: Float64Array;
  /** The `first`s with a primary, in increasing order once {@link seal}ed. */
  private firsts: Int32Array = new Int32Array(0);
  private readonly others = new SumsByKey();
  private sealed = false;

  constructor(
    firstCount: number,
    private readonly secondCount: number,
  ) {
    this.primary = new Int32Array(firstCount).fill(-1);
    this.primarySum = new Float64Array(firstCount);
  }

  /** Adds `value` to the sum of `(first, second)`; a sum starts at 0 (so -0 reads as 0). */
  add(first: number, second: number, value: number): void {
    if (this.sealed) throw new Error('SumsByPair: add after the entries were read');
    const p = this.primary[first] as number;
    if (p === second) this.primarySum[first] = (this.primarySum[first] as number) + value;
    else if (p < 0) {
      this.primary[first] = second;
      this.primarySum[first] = 0 + value;
    } else this.others.add(first * this.secondCount + second, value);
  }

  /** The number of distinct pairs; stops further additions. */
  get size(): number {
    this.seal();
    return this.firsts.length + this.others.size;
  }

  /** The `first` of entry `e`. */
  firstAt(e: number): number {
    this.seal();
    const n = this.firsts.length;
    return e < n ? (this.firsts[e] as number) : Math.floor(this.others.keyAt(e - n) / this.secondCount);
  }

  /** The `second` of entry `e`. */
  secondAt(e: number): number {
    this.seal();
    const n = this.firsts.length;
    if (e < n) return this.primary[this.firsts[e] as number] as number;
    const key = this.others.keyAt(e - n);
    return key - Math.floor(key / this.secondCount) * this.secondCount;
  }

  /** The sum of entry `e`. */
  sumAt(e: number): number {
    this.seal();
    const n = this.firsts.length;
    return e < n ? (this.primarySum[this.firsts[e] as number] as number) : this.others.sumAt(e - n);
  }

  private seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    let count = 0;
    for (let f = 0; f < this.primary.length; f++) if ((this.primary[f] as number) >= 0) count++;
    this.firsts = new Int32Array(count);
    let k = 0;
    for (let f = 0; f < this.primary.length; f++) if ((this.primary[f] as number) >= 0) this.firsts[k++] = f;
  }
}
