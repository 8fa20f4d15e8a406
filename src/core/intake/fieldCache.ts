/**
 * What each distinct text of a column read as, looked up by the text's bytes in a source buffer,
 * so that a name seen before costs a hash and a comparison of its bytes and no new string — the
 * interning step of intake's text fast path (a million rows hold a few thousand names).
 *
 * Open addressing with linear probing over a power-of-two table, FNV-1a hashes, at most half
 * full. The keys' bytes are copied into one small arena, so comparing reads memory that stays
 * in cache rather than the first occurrence somewhere in a large file. `find` then `add` for a
 * miss: `add` reuses the place and hash `find` just looked up.
 * @example
 * const cache = new FieldCache<string>(bytes);
 * let slot = cache.find(11, 15); // -1: not seen yet
 * if (slot < 0) slot = cache.add('Acme');
 * cache.values[slot] // 'Acme'
 * @internal
 */
export class FieldCache<T> {
  /** Slot + 1 per bucket; 0 = empty. */
  private buckets = new Int32Array(1024);
  private mask = 1023;
  private hashes: Int32Array = new Int32Array(512);
  private starts: Int32Array = new Int32Array(512);
  private lengths: Int32Array = new Int32Array(512);
  private arena = new Uint8Array(8192);
  private used = 0;
  private lastHash = 0;
  private lastStart = 0;
  private lastEnd = 0;
  /** What each text read as, by slot. */
  readonly values: T[] = [];

  constructor(private readonly source: Uint8Array) {}

  /** The slot of the text `source[start, end)`, or -1 when it is not in the cache. */
  find(start: number, end: number): number {
    const source = this.source;
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (source[i] as number), 0x01000193);
    this.lastHash = h;
    this.lastStart = start;
    this.lastEnd = end;
    const length = end - start;
    const { buckets, mask, hashes, lengths, starts, arena } = this;
    for (let b = (h ^ (h >>> 16)) & mask; ; b = (b + 1) & mask) {
      const slot = (buckets[b] as number) - 1;
      if (slot < 0) return -1;
      if (hashes[slot] !== h || lengths[slot] !== length) continue;
      const key = starts[slot] as number;
      let i = 0;
      while (i < length && arena[key + i] === source[start + i]) i++;
      if (i === length) return slot;
    }
  }

  /**
   * Adds the text the last {@link find} looked up and did not find, with its value.
   * @returns its slot
   */
  add(value: T): number {
    const slot = this.values.length;
    this.values.push(value);
    if (slot === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
    }
    const length = this.lastEnd - this.lastStart;
    while (this.used + length > this.arena.length) {
      const bigger = new Uint8Array(this.arena.length * 2);
      bigger.set(this.arena);
      this.arena = bigger;
    }
    this.arena.set(this.source.subarray(this.lastStart, this.lastEnd), this.used);
    this.hashes[slot] = this.lastHash;
    this.starts[slot] = this.used;
    this.lengths[slot] = length;
    this.used += length;
    if (2 * this.values.length > this.buckets.length) this.rehash();
    else this.place(slot);
    return slot;
  }

  private place(slot: number): void {
    const mask = this.mask;
    const h = this.hashes[slot] as number;
    let b = (h ^ (h >>> 16)) & mask;
    while (this.buckets[b] !== 0) b = (b + 1) & mask;
    this.buckets[b] = slot + 1;
  }

  private rehash(): void {
    this.buckets = new Int32Array(this.buckets.length * 2);
    this.mask = this.buckets.length - 1;
    for (let slot = 0; slot < this.values.length; slot++) this.place(slot);
  }
}

function grown(a: Int32Array): Int32Array {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
