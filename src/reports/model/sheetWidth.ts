import type { Cell, ReportSheet } from './reportModel';

/** Number of columns the sheet's cells span (the longest row). */
export function sheetWidth(sheet: Pick<ReportSheet, 'rows'>): number {
  let w = 0;
  for (const row of sheet.rows) if (row.length > w) w = row.length;
  return w;
}

/** The cell at a 0-based position, or null when empty / outside the rows. */
export function cellAt(sheet: Pick<ReportSheet, 'rows'>, row: number, col: number): Cell | null {
  return sheet.rows[row]?.[col] ?? null;
}
