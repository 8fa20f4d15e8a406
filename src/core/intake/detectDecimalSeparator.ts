import type { CellValue, Grid } from './cellValue';
import type { DecimalSeparator } from './parseAmount';
import { fieldText } from './textTable';

// Separators between digits only: currency symbols, spaces and signs around them do not matter.
const COMMA_DECIMAL = /\d,\d{1,2}(?!\d)/; // "12,5", "1.234,56", "-7,00 zł"
const DOT_DECIMAL = /\d\.\d{1,2}(?!\d)/; // "12.5", "1,234.56"
const COMMA_THEN_DOT = /,\d{3}\.\d/; // "1,234.5"
const DOT_THEN_COMMA = /\.\d{3},\d/; // "1.234,5"

/**
 * The decimal separator of an amount column when none is configured ("auto"): `,` when some text
 * amount can only have a decimal comma (`12,50`, `1.234,56`) and none can only have a decimal
 * point (`12.50`, `1,234.56`); otherwise `.`. Numbers carry no evidence (they have no
 * separator). Ambiguous texts such as `1.234` are then read by the detected separator, the way
 * the rest of the column is written; a column with evidence both ways keeps `.` and the rows
 * that do not read are reported, never guessed.
 * @example detectDecimalSeparator(['12,50', '1.234']) // ','
 * @example detectDecimalSeparator(['12.50', '7,5']) // '.'
 */
export function detectDecimalSeparator(cells: Iterable<CellValue>): DecimalSeparator {
  let comma = false;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const evidence = textEvidence(cell);
    if ((evidence & COMMA) !== 0) comma = true;
    if ((evidence & DOT) !== 0) return '.';
  }
  return comma ? ',' : '.';
}

/** Evidence bits: only a decimal comma fits / only a decimal point fits. */
export const COMMA = 1;
export const DOT = 2;

/**
 * What one text amount shows: {@link COMMA} when only a decimal comma fits, {@link DOT} when
 * only a decimal point does (both bits, or none, are possible).
 * @internal
 */
export function textEvidence(cell: string): number {
  let evidence = 0;
  if (DOT_THEN_COMMA.test(cell) || (COMMA_DECIMAL.test(cell) && !cell.includes('.'))) evidence |= COMMA;
  if (COMMA_THEN_DOT.test(cell) || (DOT_DECIMAL.test(cell) && !cell.includes(','))) evidence |= DOT;
  return evidence;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;

/**
 * {@link textEvidence} of ASCII bytes `[s, e)`, without a string: the four patterns checked
 * byte by byte (`\d<sep>\d{1,2}(?!\d)` = a digit, the separator, then a run of one or two
 * digits; `<a>\d{3}<b>\d` = the one separator, three digits, the other, a digit).
 * @internal
 */
export function bytesEvidence(bytes: Uint8Array, s: number, e: number): number {
  let hasComma = false;
  let hasDot = false;
  let commaDecimal = false;
  let dotDecimal = false;
  let commaThenDot = false;
  let dotThenComma = false;
  for (let i = s; i < e; i++) {
    const c = bytes[i];
    if (c !== 44 && c !== 46) continue;
    if (c === 44) hasComma = true;
    else hasDot = true;
    // A digit, the separator, then a run of exactly one or two digits.
    if (i > s && isDigit(bytes[i - 1]) && i + 1 < e && isDigit(bytes[i + 1])) {
      let run = 1;
      while (i + 1 + run < e && isDigit(bytes[i + 1 + run])) run++;
      if (run <= 2) {
        if (c === 44) commaDecimal = true;
        else dotDecimal = true;
      }
    }
    // The separator, three digits, the other separator, a digit.
    if (i + 5 < e && isDigit(bytes[i + 1]) && isDigit(bytes[i + 2]) && isDigit(bytes[i + 3]) && isDigit(bytes[i + 5])) {
      const other = bytes[i + 4];
      if (c === 44 && other === 46) commaThenDot = true;
      if (c === 46 && other === 44) dotThenComma = true;
    }
  }
  let evidence = 0;
  if (dotThenComma || (commaDecimal && !hasDot)) evidence |= COMMA;
  if (commaThenDot || (dotDecimal && !hasComma)) evidence |= DOT;
  return evidence;
}

/**
 * {@link detectDecimalSeparator} of the cells of `column` from grid row `from` on. On a CSV's
 * text table it reads the bytes: only a field with a `.` or `,` can be evidence either way (every
 * pattern needs one), and an ASCII field is checked byte by byte — a column costs one pass over
 * its bytes, not a string and four regular expressions per row.
 * @example detectColumnDecimalSeparator(grid, mapping.amount.column, headerIndex + 1) // ','
 */
export function detectColumnDecimalSeparator(grid: Grid, column: number, from: number): DecimalSeparator {
  const table = grid.text;
  if (table === undefined) {
    const rows = grid.rows;
    const cells = function* (): Generator<CellValue> {
      for (let r = from; r < rows.length; r++) yield rows[r]?.[column];
    };
    return detectDecimalSeparator(cells());
  }
  const { bytes, rowStart, fieldStart, fieldEnd } = table;
  let comma = false;
  for (let r = from; r < table.rowCount; r++) {
    const first = rowStart[r] ?? 0;
    if (column >= (rowStart[r + 1] ?? first) - first) continue;
    const f = first + column;
    const start = fieldStart[f] ?? 0;
    const end = fieldEnd[f] ?? start;
    let separator = false;
    let ascii = table.escaped[f] !== 1;
    for (let i = start; i < end; i++) {
      const c = bytes[i] as number;
      if (c === 44 || c === 46) separator = true;
      else if (c >= 0x80) ascii = false;
    }
    if (!separator) continue;
    const evidence = ascii ? bytesEvidence(bytes, start, end) : textEvidence(fieldText(table, f));
    if ((evidence & COMMA) !== 0) comma = true;
    if ((evidence & DOT) !== 0) return '.';
  }
  return comma ? ',' : '.';
}
