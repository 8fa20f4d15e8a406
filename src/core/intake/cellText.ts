import { isCellError, type CellValue } from './cellValue';
import { isoDateOfUtc } from './dateParts';

/**
 * A cell as the text an issue shows (`Issue.value`): text exactly as found, numbers as
 * JavaScript prints them, `TRUE`/`FALSE`, dates as ISO days (exceljs hands dates as UTC
 * midnights; a time of day is kept so nothing the user typed is hidden), errors as `#N/A`.
 * @example cellText(12.5) // "12.5"
 * @example cellText(null) // ""
 * @example cellText(new Date(Date.UTC(2026, 2, 31))) // "2026-03-31"
 */
export function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const t = cell.getTime();
    if (Number.isNaN(t)) return 'Invalid Date';
    return t % 86_400_000 === 0 ? isoDateOfUtc(cell) : cell.toISOString();
  }
  return isCellError(cell) ? cell.error : '';
}

/**
 * A header cell as text: trimmed, numbers and dates as {@link cellText} prints them.
 * @example headerText('  Amount ') // "Amount"
 */
export function headerText(cell: CellValue): string {
  return cellText(cell).trim();
}
