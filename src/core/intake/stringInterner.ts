/**
 * Interns strings to small integers (0, 1, 2 … in order of first appearance), so columns of
 * names become `Int32Array`s and aggregates compare integers, not strings (DESIGN.md §3).
 * @example const names = new StringInterner(); names.intern('Acme'); names.intern('Beta'); names.intern('Acme') // 0
 */
export class StringInterner {
  private readonly index = new Map<string, number>();
  /** The interned strings; `names[i]` is the string of index i. */
  readonly names: string[] = [];

  /**
   * The index of `name`, adding it when new.
   * @example new StringInterner().intern('Acme') // 0
   */
  intern(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

/**
 * Drops the names no longer used by `refs[0..count)` and renumbers `refs` in place (keeping
 * first-appearance order), after rows were removed. Negative refs (no value) stay as they are.
 * @returns the names still used.
 * @example compactNames(Int32Array.of(2, 0), 2, ['a', 'b', 'c']) // ['c', 'a'] … refs become [0, 1]
 */
export function compactNames(refs: Int32Array, count: number, names: readonly string[]): string[] {
  const renumber = new Int32Array(names.length).fill(-1);
  const kept: string[] = [];
  for (let i = 0; i < count; i++) {
    const ref = refs[i] ?? -1;
    if (ref < 0) continue;
    let next = renumber[ref] ?? -1;
    if (next < 0) {
      next = kept.length;
      renumber[ref] = next;
      kept.push(names[ref] ?? '');
    }
    refs[i] = next;
  }
  return kept;
}
