/**
 * Placeholders for report-sheet names inside formulas. The model cannot know a sheet's final
 * name (a user's sheet may already be called "Commission"), so a formula that refers to
 * another report sheet writes `{{sheet:KEY}}!$B$2`; the sink replaces the token with the
 * quoted final name. `{{` never occurs in a valid English Excel formula outside a string.
 */
import { quoteSheetName } from '../a1';

/**
 * The token standing for the sheet with this key.
 * @example `=${sheetToken('commission')}!$F$9` // "={{sheet:commission}}!$F$9"
 */
export function sheetToken(key: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(key)) throw new RangeError(`sheet key must be [A-Za-z0-9_.-]+: ${key}`);
  return `{{sheet:${key}}}`;
}

const TOKEN = /\{\{sheet:([A-Za-z0-9_.-]+)\}\}/g;

/** Keys referenced by tokens in a formula. */
export function sheetTokenKeys(formula: string): string[] {
  return [...formula.matchAll(TOKEN)].map((m) => m[1] ?? '');
}

/**
 * Replaces every token with the quoted final sheet name.
 * @example resolveSheetTokens('={{sheet:q}}!A1', (k) => 'Quarterly Results') // "='Quarterly Results'!A1"
 */
export function resolveSheetTokens(formula: string, nameOf: (key: string) => string): string {
  return formula.replace(TOKEN, (_m, key: string) => quoteSheetName(nameOf(key)));
}
