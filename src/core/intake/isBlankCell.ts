import type { CellValue } from './cellValue';

/**
 * True for an empty cell: `null`, `undefined`, `''` or text of whitespace only (including
 * no-break spaces, which `trim` removes). `0`, `FALSE` and error cells are not empty.
 * @example isBlankCell('  \u00a0') // true
 * @example isBlankCell(0) // false
 */
export function isBlankCell(cell: CellValue): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  // Fast path: most texts start with a visible character.
  const c = cell.charCodeAt(0);
  if (c > 32 && c !== 160 && c < 0x2000) return false;
  return cell.trim().length === 0;
}
