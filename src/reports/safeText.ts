/**
 * Formula-injection safety (SPEC §8: text that starts with `=`, `+`, `-` or `@` is written as
 * literal text, never as a formula).
 *
 * Following OWASP's CSV-injection guidance, a text is *formula-like* when its first character
 * is `=`, `+`, `-`, `@`, a tab or a carriage return; we also look past leading whitespace and
 * line breaks (a pasted `" =HYPERLINK(…)"` is just as dangerous once a user edits the cell) and
 * treat the full-width forms `＝ ＋ － ＠` (which East-Asian IMEs turn into formulas) the same.
 *
 * Sinks never change the text itself (finance must see the account name exactly as
 * typed); they write it so the application stores it as a string: exceljs always writes a
 * JS string as a shared string (never as `<f>`), and the Office JS sink sets the cell's
 * number format to `@` (Text) before writing the value. See {@link mustBeText}.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
// OWASP names tab (0x09) and carriage return (0x0D) as triggers of their own.
const CONTROL_TRIGGERS = new Set(['\t', '\r', '\n']);

/**
 * True when a spreadsheet could read this text as a formula.
 * @example isFormulaLike('=HYPERLINK("http://x","y")') // true
 * @example isFormulaLike('  +48 22 123') // true
 * @example isFormulaLike('ACME GmbH') // false
 */
export function isFormulaLike(text: string): boolean {
  const first = text.charAt(0);
  if (first === '') return false;
  if (TRIGGERS.has(first) || CONTROL_TRIGGERS.has(first)) return true;
  const trimmed = text.replace(/^[\s\u00A0\u2000-\u200B\u3000\uFEFF]+/, '');
  return TRIGGERS.has(trimmed.charAt(0));
}

/**
 * True when Excel would turn this text into something else if it were typed or written
 * through Office JS `values` (a number, date, boolean, error or formula), so a sink that goes
 * through such an API must first give the cell the Text format `@`. Formula-like texts
 * always qualify; the other cases (`00123`, `1/2`, `TRUE`, `#N/A`, `12%`) keep account ids
 * and product codes exactly as they were.
 * @example mustBeText('00123') // true
 * @example mustBeText('Kunde 7') // false
 */
export function mustBeText(text: string): boolean {
  if (isFormulaLike(text)) return true;
  const t = text.trim();
  if (t === '') return false;
  if (/^[(]?[$€£¥]?\s?[\d][\d.,'\s]*[%]?[)]?$/.test(t)) return true; // numbers, 1,234.5, 12%, (5)
  if (/^\d[\d\s]*[eE][+-]?\d+$/.test(t)) return true; // 1E5
  if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) return true; // dates like 1/2, 2026-03-31
  if (/^\d{1,2}:\d{2}(:\d{2})?(\s?[ap]m)?$/i.test(t)) return true; // times
  if (/^(true|false)$/i.test(t)) return true;
  if (/^#(N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|SPILL!|CALC!|GETTING_DATA)$/i.test(t)) return true;
  return false;
}
