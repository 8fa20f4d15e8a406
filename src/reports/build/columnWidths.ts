/**
 * Readable column widths from the cells themselves, so a long Polish header or a seven-digit
 * amount in euros is neither cut off nor shown as `####`, whatever the language and data.
 * Widths are in the model's unit (characters of the default font's digits, see `ColumnSpec`).
 */
import type { Cell, ColumnSpec, StyleName } from '../model/reportModel';

/** Bounds for one column; absent fields take the defaults of {@link fitColumnWidths}. */
export interface WidthBounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Width of a text in the model's unit (the default font's digit width), from the widths of
 * Calibri 11's glyphs relative to its digits: narrow punctuation and i/l/t, average lowercase,
 * wide capitals and m/w. An estimate, kept on the generous side.
 * @example textWidth('Prior year, same span') // 17.8
 */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    w += code < 128 ? (ASCII_WIDTH[code] ?? 0.9) : 0.9;
  }
  return bold ? w * 1.1 : w;
}

// Relative glyph widths of ASCII characters (looked up per character: the Account Status sheet
// of a large book has hundreds of thousands of cells).
const ASCII_WIDTH: readonly number[] = (() => {
  const table = new Array<number>(128).fill(0.9);
  const set = (chars: string, width: number): void => {
    for (const ch of chars) table[ch.charCodeAt(0)] = width;
  };
  set(" .,;:'!|ijl()[]-", 0.55);
  set('ft', 0.65);
  set('ABCDEFGHIJKLNOPQRSTUVXYZ0123456789$#&', 1.05);
  set('mwMW@%', 1.4);
  return table;
})();

const BOLD: ReadonlySet<StyleName | undefined> = new Set<StyleName | undefined>(['header', 'label', 'total', 'title']);
/** Styles of cells that span several columns (merged titles, notes): they never set a width. */
const SPANNING: ReadonlySet<StyleName | undefined> = new Set<StyleName | undefined>(['title', 'subtitle', 'note']);
/**
 * Room around the text of a cell, in characters: Excel's own margins plus a gap, so a
 * right-aligned number never touches the left-aligned text of the next column.
 */
const PADDING = 3;
const EXCELJS_DEFAULT_WIDTH = 9;

function firstSection(format: string): string {
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === ';' && !inQuote) return format.slice(0, i);
  }
  return format;
}

/**
 * Characters a number takes when shown with a format code: digits, grouping separators,
 * decimals, sign, percent sign and quoted literals such as a currency symbol.
 * @example formattedLength(1234567.5, '"€"#,##0.00') // 14 ("-€1,234,567.50" with room for a sign)
 */
export function formattedLength(value: number, format: string | undefined): number {
  const f = firstSection(format ?? 'General');
  if (/^General$/i.test(f)) return String(value).length;
  const literals = [...f.matchAll(/"([^"]*)"/g)].reduce((n, m) => n + (m[1] ?? '').length, 0);
  const bare = f.replace(/"[^"]*"/g, '');
  if (/[ymd]/i.test(bare)) return Math.max(10, bare.length);
  const percent = bare.includes('%');
  const decimals = /0\.(0+)/.exec(bare)?.[1]?.length ?? 0;
  const shown = Math.abs(percent ? value * 100 : value);
  const intDigits = Math.max(1, Math.floor(shown).toString().length);
  const groups = bare.includes(',') ? Math.floor((intDigits - 1) / 3) : 0;
  const spaces = (bare.match(/ /g) ?? []).length;
  return 1 + intDigits + groups + (decimals > 0 ? decimals + 1 : 0) + (percent ? 1 : 0) + literals + spaces;
}

/** Characters a cell needs on one line (header cells: their longest word, since headers wrap). */
export function cellLength(cell: Cell | null | undefined): number {
  if (cell === null || cell === undefined || SPANNING.has(cell.style)) return 0;
  const isBold = BOLD.has(cell.style);
  const bold = isBold ? 1.1 : 1;
  switch (cell.kind) {
    case 'text': {
      // Headers wrap: they need their longest word, and at most two lines for the whole label.
      if (cell.style === 'header') return Math.max(...cell.text.split(/\s+/).map((w) => textWidth(w, true)), textWidth(cell.text, true) / 2 + 1);
      return textWidth(cell.text, isBold);
    }
    case 'number':
      return formattedLength(cell.value, cell.format) * bold;
    case 'date':
      return 10;
    case 'boolean':
      return 5;
    case 'formula':
      return (typeof cell.cached === 'number' ? formattedLength(cell.cached, cell.format) : String(cell.cached).length) * bold;
    case 'empty':
      return 0;
  }
}

/**
 * Column widths that fit every cell of each column (header cells on at most two lines),
 * within per-column bounds (default 8–60 characters). Rows in `skip` (text meant to run on
 * over empty neighbours) do not count.
 * @example fitColumnWidths(rows, 3, [{ min: 20 }]) // [{ width: 22 }, { width: 10 }, …]
 */
export function fitColumnWidths(
  rows: readonly (readonly (Cell | null)[])[],
  count: number,
  bounds: readonly WidthBounds[] = [],
  skip: ReadonlySet<number> = new Set(),
): ColumnSpec[] {
  const need = new Array<number>(count).fill(0);
  const headers: number[][] = Array.from({ length: count }, () => []);
  for (const [r, line] of rows.entries()) {
    if (skip.has(r)) continue;
    for (let c = 0; c < Math.min(count, line.length); c++) {
      const cell = line[c];
      need[c] = Math.max(need[c] ?? 0, cellLength(cell));
      if (cell?.kind === 'text' && cell.style === 'header') headers[c]?.push(textWidth(cell.text, true));
    }
  }
  return need.map((n, c) => {
    const b = bounds[c] ?? {};
    const max = b.max ?? 60;
    let width = Math.min(max, Math.max(b.min ?? 8, Math.ceil(n + PADDING)));
    // A header that may just fit on one line would touch the next header in the same coloured
    // band (and estimates of text width are only estimates): give it the same room as any other
    // cell. Headers clearly longer than the column wrap instead.
    for (const h of headers[c] ?? []) if (width < h + PADDING && h < width + PADDING) width = Math.min(max, Math.ceil(h + PADDING));
    // exceljs takes a width of exactly 9 for its default and leaves it out of the file (Excel
    // then shows 8.43); half a character more keeps the column as wide in both sinks.
    if (width === EXCELJS_DEFAULT_WIDTH) width += 0.5;
    return { width };
  });
}

/**
 * Height in points of a header row whose cells wrap, so every word shows: the most lines any
 * cell needs at its column's width (see {@link textWidth}), 15 points a line.
 * @example headerRowHeight(['Prior year, same span'], [{ width: 12 }]) // 45 (three lines)
 */
export function headerRowHeight(labels: readonly string[], columns: readonly ColumnSpec[], firstCol = 0): number {
  let lines = 1;
  labels.forEach((label, i) => {
    const width = columns[firstCol + i]?.width ?? 9;
    const capacity = Math.max(1, width - 1.5);
    let n = 1;
    let used = 0;
    for (const word of label.split(/\s+/)) {
      const w = textWidth(word, true);
      if (used === 0) used = w;
      else if (used + 0.5 + w <= capacity) used += 0.5 + w;
      else {
        n++;
        used = w;
      }
    }
    lines = Math.max(lines, n);
  });
  return 15 * lines + 3;
}
