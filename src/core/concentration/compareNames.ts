// UTF-16 code units sort surrogate pairs (U+10000…) below U+E000–U+FFFF; shifting the ranges
// like this makes a code-unit comparison agree with code-point order.
function fixup(u: number): number {
  if (u >= 0xd800 && u <= 0xdfff) return u + 0x2000;
  if (u >= 0xe000) return u - 0x800;
  return u;
}

/**
 * Code-point order of two strings (not locale collation: the same on every machine).
 * @example compareCodePoints('B', 'a') // negative: 'B' (U+0042) < 'a' (U+0061)
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

/**
 * Tie-break order of names (SPEC §4): case-insensitive code-point order, then the exact name.
 * @example ['b', 'B', 'a'].sort(compareNames) // ['a', 'B', 'b']
 */
export function compareNames(a: string, b: string): number {
  return compareCodePoints(a.toLowerCase(), b.toLowerCase()) || compareCodePoints(a, b);
}
