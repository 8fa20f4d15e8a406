import { nameKey } from './normalizeLabel';

/**
 * Looks names from a settings table up among the names in the transactions: an exact match
 * first, else a trimmed, case- and spacing-insensitive one (the first such name wins).
 * @returns the spelling in the transactions, or `null` when the name is unknown.
 * @example nameResolver(['Anna Nowak'])(' anna  NOWAK ') // "Anna Nowak"
 */
export function nameResolver(known: readonly string[]): (name: string) => string | null {
  const exact = new Set(known);
  const folded = new Map<string, string>();
  for (const k of known) {
    const key = nameKey(k);
    if (!folded.has(key)) folded.set(key, k);
  }
  return (name) => {
    if (exact.has(name)) return name;
    return folded.get(nameKey(name)) ?? null;
  };
}
