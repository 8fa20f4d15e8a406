import type { CellValue } from './cellValue';
import type { DecimalSeparator } from './parseAmount';

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
    if (DOT_THEN_COMMA.test(cell) || (COMMA_DECIMAL.test(cell) && !cell.includes('.'))) comma = true;
    if (COMMA_THEN_DOT.test(cell) || (DOT_DECIMAL.test(cell) && !cell.includes(','))) return '.';
  }
  return comma ? ',' : '.';
}
