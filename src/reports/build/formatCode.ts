/**
 * Small edits of Excel number-format codes (invariant syntax, sections separated by `;`),
 * applied to every section so negative numbers look like positive ones.
 */

/** The sections of a format code (split at `;` outside quotes). */
function sections(format: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    if (format[i] === '"') inQuote = !inQuote;
    else if (format[i] === ';' && !inQuote) {
      out.push(format.slice(start, i));
      start = i + 1;
    }
  }
  out.push(format.slice(start));
  return out;
}

/**
 * The format with a space the width of `)` after the number (`_)`, the accounting-format
 * convention), for a right-aligned figure directly followed by left-aligned text, so the two
 * never touch.
 * @example padded('0.0%') // '0.0%_)'
 */
export function padded(format: string): string {
  return sections(format).map((s) => `${s}_)`).join(';');
}

/**
 * Appends a literal to every section of a format code (`"*"`: in a format code a bare `*`
 * repeats the next character, so it must be quoted).
 * @example withSuffix('#,##0.00;[Red]-#,##0.00', '*') // '#,##0.00"*";[Red]-#,##0.00"*"'
 */
export function withSuffix(format: string, suffix: string): string {
  return sections(format).map((s) => `${s}"${suffix}"`).join(';');
}

