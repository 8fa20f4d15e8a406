import { englishReason, issueMessage, type IssueMessage } from '../issues/messages';
import { isCellError, type CellValue } from './cellValue';

/**
 * Every error value Excel can show in a cell. Text that is exactly one of these (a CSV saved
 * from a sheet with errors) is treated like the error itself.
 */
export const EXCEL_ERROR_LITERALS: readonly string[] = [
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#PYTHON!',
];

const LITERALS = new Set(EXCEL_ERROR_LITERALS);

/**
 * The Excel error a cell holds, as Excel writes it, or `null` when it holds none: a
 * {@link CellError}, or text that is exactly an error literal (any case, surrounding spaces
 * ignored, since CSV exports and hand-typed text vary).
 * @example excelErrorOf({ error: '#N/A' }) // "#N/A"
 * @example excelErrorOf(' #div/0! ') // "#DIV/0!"
 * @example excelErrorOf('#1') // null
 */
export function excelErrorOf(cell: CellValue): string | null {
  if (typeof cell === 'string') {
    // Cheap test first: almost no text starts with '#'.
    const t = cell.charCodeAt(0) === 35 ? cell : cell.trimStart();
    if (t.charCodeAt(0) !== 35) return null;
    const upper = t.trim().toUpperCase();
    return LITERALS.has(upper) ? upper : null;
  }
  if (isCellError(cell)) return cell.error;
  return null;
}

/**
 * The issue message for a cell holding an Excel error.
 * @example excelErrorMessage('#N/A') // { key: 'cell.excelError', params: { error: '#N/A' } }
 */
export function excelErrorMessage(error: string): IssueMessage {
  return issueMessage('cell.excelError', { error });
}

/**
 * The plain-words reason for a cell holding an Excel error.
 * @example excelErrorReason('#N/A') // "the cell holds the Excel error #N/A"
 */
export function excelErrorReason(error: string): string {
  return englishReason(excelErrorMessage(error));
}

/** The issue code for a cell holding an Excel error (the same for every field). */
export const CELL_ERROR_CODE = 'cell.error';
