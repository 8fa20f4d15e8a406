import { isCellError, type CellValue } from '../intake/cellValue';

/**
 * A cell as the text an issue shows (`value` of an Issue), and as the text a name is read from.
 * Dates print as ISO days (exceljs hands them as UTC midnights).
 * @example cellText(12.5) // "12.5"
 * @example cellText(null) // ""
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return isCellError(value) ? value.error : '';
}

/**
 * True for an empty cell or one holding only whitespace.
 * @example isBlankCell('  ') // true
 */
export function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * True when every cell of the row is blank (or the row is missing).
 * @example isBlankRow(['', null, '  ']) // true
 */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return row === undefined || row.every(isBlankCell);
}
