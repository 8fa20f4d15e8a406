import type { GridRange } from '../a1';
import type { StyleName, TextRule } from '../model/reportModel';

/**
 * Conditional formats that colour status words: one "begins with" text rule per word. Text
 * rules (not static fills) so a user who sorts, filters or retypes a status keeps the colours;
 * "begins with" rather than "contains" because the words of one language never start with one
 * another (a catalog test checks it), while one may contain another.
 * @example statusRules(range, [['Met', 'good'], ['Below', 'bad']]).length // 2
 */
export function statusRules(range: GridRange, words: readonly (readonly [string, StyleName])[]): TextRule[] {
  return words.map(([text, style]) => ({ kind: 'text', range, operator: 'beginsWith', text, style }));
}
