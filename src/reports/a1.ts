/**
 * A1 references: column letters, cell addresses, ranges and sheet-qualified references in
 * the form Excel writes them in formulas and chart series (`'Quarterly Results'!$B$2:$B$9`).
 * Rows and columns are 0-based here, as everywhere in the ReportModel.
 */

/** A rectangle on a sheet: 0-based top-left cell and its size (as Office JS `getRangeByIndexes`). */
export interface GridRange {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** Excel's last column (XFD) and row, 0-based. */
export const MAX_COL = 16383;
export const MAX_ROW = 1048575;

/**
 * Column letters of a 0-based column index.
 * @example columnLetters(0) // "A"
 * @example columnLetters(27) // "AB"
 */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col > MAX_COL) throw new RangeError(`column index out of range: ${col}`);
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * 0-based column index of column letters (case-insensitive).
 * @example columnIndex("AB") // 27
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not column letters: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n - 1 > MAX_COL) throw new RangeError(`column out of range: ${letters}`);
  return n - 1;
}

function checkRow(row: number): void {
  if (!Number.isInteger(row) || row < 0 || row > MAX_ROW) throw new RangeError(`row index out of range: ${row}`);
}

/**
 * A1 address of a 0-based cell; `absolute` gives `$B$3`.
 * @example a1(2, 1) // "B3"
 * @example a1(2, 1, true) // "$B$3"
 */
export function a1(row: number, col: number, absolute = false): string {
  checkRow(row);
  const d = absolute ? '$' : '';
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/**
 * A1 reference of a range; a single cell gives a single address.
 * @example rangeA1({ row: 1, col: 1, rowCount: 8, colCount: 1 }, true) // "$B$2:$B$9"
 */
export function rangeA1(range: GridRange, absolute = false): string {
  if (range.rowCount < 1 || range.colCount < 1) throw new RangeError(`empty range: ${JSON.stringify(range)}`);
  const first = a1(range.row, range.col, absolute);
  if (range.rowCount === 1 && range.colCount === 1) return first;
  return `${first}:${a1(range.row + range.rowCount - 1, range.col + range.colCount - 1, absolute)}`;
}

/**
 * Parses `B3` / `$B$3` into a 0-based cell.
 * @example parseA1("$B$3") // { row: 2, col: 1 }
 */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m || m[1] === undefined || m[2] === undefined) throw new RangeError(`not an A1 address: ${address}`);
  const row = Number(m[2]) - 1;
  checkRow(row);
  return { row, col: columnIndex(m[1]) };
}

/**
 * Parses `B2:C9` (or a single cell) into a {@link GridRange}.
 * @example parseRangeA1("B2:C9") // { row: 1, col: 1, rowCount: 8, colCount: 2 }
 */
export function parseRangeA1(ref: string): GridRange {
  const [from, to, extra] = ref.split(':');
  if (from === undefined || extra !== undefined) throw new RangeError(`not an A1 range: ${ref}`);
  const a = parseA1(from);
  const b = to === undefined ? a : parseA1(to);
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rowCount: Math.abs(b.row - a.row) + 1, colCount: Math.abs(b.col - a.col) + 1 };
}

/**
 * A sheet name as it must appear before `!` in a formula: bare when it is a plain identifier
 * that cannot be mistaken for a cell reference, else in single quotes with `'` doubled.
 * @example quoteSheetName("Data") // "Data"
 * @example quoteSheetName("Quarterly Results") // "'Quarterly Results'"
 * @example quoteSheetName("O'Brien") // "'O''Brien'"
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name);
  const looksLikeRef = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr](\d*)([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
  const isBool = /^(true|false)$/i.test(name);
  if (plain && !looksLikeRef && !isBool) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Sheet-qualified absolute reference, as chart series and cross-sheet formulas use.
 * @example sheetRangeRef("Quarterly Results", { row: 1, col: 1, rowCount: 8, colCount: 1 })
 * // "'Quarterly Results'!$B$2:$B$9"
 */
export function sheetRangeRef(sheetName: string, range: GridRange): string {
  return `${quoteSheetName(sheetName)}!${rangeA1(range, true)}`;
}

/** True when two ranges share at least one cell. */
export function rangesOverlap(a: GridRange, b: GridRange): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}
