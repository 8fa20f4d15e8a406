/**
 * Legal, unique Excel sheet names. Excel's rules (support.microsoft.com, "Rename a
 * worksheet"): 1–31 characters; none of `: \ / ? * [ ]`; not starting or ending with `'`;
 * not the reserved name `History`; unique in the workbook ignoring case.
 */

/** Excel's maximum sheet-name length (UTF-16 code units, as Excel counts). */
export const MAX_SHEET_NAME_LENGTH = 31;

const RESERVED = ['history'];

/** Case-insensitive comparison key of a sheet name, as Excel compares them. */
export function sheetNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase();
}

// Cut to at most `max` UTF-16 units without splitting a surrogate pair.
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

function tidy(s: string): string {
  // Apostrophes and spaces may not open or close a name (spaces: Excel allows them, but they
  // are invisible on the tab and break look-ups by name).
  return s.replace(/^[\s']+/, '').replace(/[\s']+$/, '');
}

/**
 * A legal sheet name for `raw`: forbidden characters replaced (`[`→`(`, `]`→`)`, the others
 * by `-`), control characters dropped, whitespace collapsed, leading/trailing `'` and spaces
 * removed, cut to 31 characters; `fallback` when nothing is left.
 * @example legalSheetName('Q1/Q2: [draft]') // "Q1-Q2- (draft)"
 */
export function legalSheetName(raw: string, fallback = 'Sheet'): string {
  let s = raw
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/[:\\/?*]/g, '-')
    .replace(/\s+/g, ' ');
  s = tidy(cut(tidy(s), MAX_SHEET_NAME_LENGTH));
  return s === '' ? fallback : s;
}

/** True when `name` is a legal sheet name on its own (ignores uniqueness, except `History`). */
export function isLegalSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= MAX_SHEET_NAME_LENGTH &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !RESERVED.includes(name.toLowerCase())
  );
}

/**
 * A legal name for `wanted` that no name in `taken` has (compared case-insensitively) and that
 * is not `History`: the legal form of `wanted`, else with ` (2)`, ` (3)` … appended, the base
 * shortened so the whole stays within 31 characters.
 * @example uniqueSheetName('Commission', ['commission']) // "Commission (2)"
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>, fallback = 'Sheet'): string {
  const used = new Set<string>(RESERVED.map(sheetNameKey));
  for (const t of taken) used.add(sheetNameKey(t));
  const base = legalSheetName(wanted, fallback);
  if (!used.has(sheetNameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${tidy(cut(base, MAX_SHEET_NAME_LENGTH - suffix.length))}${suffix}`;
    if (!used.has(sheetNameKey(candidate))) return candidate;
  }
}
