/**
 * Legal, unique Excel table names. Excel's rules for names: start with a letter or `_`;
 * then letters, digits, `_` and `.`; no spaces; at most 255 characters; not `C`, `R` or
 * anything that reads as a cell reference (`A1`, `R1C1`); unique in the workbook
 * (tables and defined names share one namespace), ignoring case.
 */

const MAX = 255;

function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name);
}

/**
 * A legal table name for `wanted` (diacritics kept, other characters → `_`).
 * @example legalTableName('Account Status 2026') // "Account_Status_2026"
 */
export function legalTableName(wanted: string): string {
  let s = wanted.normalize('NFC').replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(s)) s = `_${s}`;
  if (looksLikeReference(s)) s = `${s}_`;
  return s.slice(0, MAX);
}

/**
 * A legal name for `wanted` not in `taken` (case-insensitive): `Name`, `Name_2`, `Name_3` …
 * @example uniqueTableName('Accounts', ['ACCOUNTS']) // "Accounts_2"
 */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toUpperCase());
  const base = legalTableName(wanted);
  if (!used.has(base.toUpperCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = base.slice(0, MAX - suffix.length) + suffix;
    if (!used.has(candidate.toUpperCase())) return candidate;
  }
}
