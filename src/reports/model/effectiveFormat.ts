import { isFormulaLike } from '../safeText';
import type { Cell } from './reportModel';

/** The format code a date cell gets when its builder gave none. */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';

/**
 * The number format a sink writes for a cell: `@` for text that must stay text (whatever the
 * builder said, so a forgotten flag cannot open a formula injection), the date default for
 * dates without a format, else the cell's format or `General`.
 * @example effectiveFormat({ kind: 'text', text: '+48 22 123' }) // "@"
 */
export function effectiveFormat(cell: Cell | null | undefined): string {
  if (cell === null || cell === undefined) return 'General';
  if (cell.kind === 'text' && (cell.asText === true || isFormulaLike(cell.text))) return '@';
  if (cell.kind === 'date' && cell.format === undefined) return DEFAULT_DATE_FORMAT;
  return cell.format ?? 'General';
}
