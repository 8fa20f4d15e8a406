// Letters that NFD does not decompose into a base letter plus a mark.
const FOLD: Readonly<Record<string, string>> = { 'ł': 'l', 'ß': 'ss', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'đ': 'd' };

/**
 * Folds a header or label for matching: case-, accent- and whitespace-insensitive, with any
 * parenthesised note (`Quota (EUR)`) and punctuation dropped.
 * @example normalizeLabel('  Kwartał ') // "kwartal"
 * @example normalizeLabel('Período') // "periodo"
 * @example normalizeLabel('Quota (EUR)') // "quota"
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łßøæœđ]/g, (c) => FOLD[c] ?? c)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Folds a name (manager, account, product) for lookups that ignore case and spacing but keep
 * every other character: `  ACME  gmbh ` and `Acme GmbH` are the same account.
 * @example nameKey('  ACME  gmbh ') // "acme gmbh"
 */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
