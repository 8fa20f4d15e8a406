import type { TextTable } from './textTable';

/** An Excel cell error such as `#N/A` or `#VALUE!`, kept apart from text so it can be reported. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell as a source hands it to intake: what Office JS `values`, exceljs or a CSV parser give.
 * Dates may arrive as serial numbers (Office JS), JS `Date` (exceljs) or text (CSV).
 */
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

/**
 * True for a {@link CellError}.
 * @example isCellError({ error: '#N/A' }) // true
 * @example isCellError('#N/A') // false (text; see `excelErrorOf` for error literals in text)
 */
export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

/**
 * A rectangular block of cells read from one sheet or file.
 * `rows[i]` is the sheet row `firstRow + i` (1-based), so issues can name the row the user sees.
 */
export interface Grid {
  /** Sheet name, or file name for CSV. */
  readonly sheet: string;
  /** 1-based sheet row number of `rows[0]`. */
  readonly firstRow: number;
  /** Cell values, row-major. Rows may be ragged; missing cells are empty. */
  readonly rows: readonly (readonly CellValue[])[];
  /**
   * Optional number formats parallel to `rows` (Office JS `numberFormat`), used to tell a date
   * serial from a plain number in columns that are not mapped to the date field.
   */
  readonly numberFormats?: readonly (readonly string[])[];
  /**
   * Optional: the same cells as a {@link TextTable} (CSV files), which intake reads without
   * making an array per row. When present, `rows` must hold exactly the cells it describes.
   */
  readonly text?: TextTable;
}
