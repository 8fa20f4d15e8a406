/**
 * exceljs's rule (`utils.isDateFmt`) for "this number format shows a date or time", which
 * decides whether a numeric cell is read as a `Date`: drop `[…]` sections (colours, locales,
 * elapsed-time brackets) and `"…"` literals, then look for any of `y m d h M s b`. Kept
 * identical — including its quirks (a literal `\h` counts, `[h]:mm` alone does not) — so the
 * streaming reader turns exactly the same cells into dates as the full load did.
 * @example isDateFormat('dd.mm.yyyy') // true
 * @example isDateFormat('[$-409]mmmm d, yyyy') // true
 * @example isDateFormat('0.00%') // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}
