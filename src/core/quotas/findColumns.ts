import type { CellValue, Grid } from '../intake/cellValue';
import { cellText, isBlankRow } from './cellText';
import { normalizeLabel } from './normalizeLabel';

/** Where a table's header is and which column holds each wanted field (-1 = not found). */
export interface HeaderMatch<F extends string> {
  /** Index into `grid.rows` of the header row, or -1 when the grid has no non-blank row. */
  readonly headerIndex: number;
  /** Header texts as found (trimmed), for messages. */
  readonly headers: readonly string[];
  readonly columns: Readonly<Record<F, number>>;
}

/**
 * Finds the header row (the first non-blank row, as for the transaction table, SPEC §1) and
 * the first column whose folded header equals one of each field's folded synonyms.
 * @example findColumns(grid, { manager: ['manager', 'owner'], quota: ['quota'] })
 */
export function findColumns<F extends string>(
  grid: Grid,
  synonyms: Readonly<Record<F, readonly string[]>>,
): HeaderMatch<F> {
  const headerIndex = grid.rows.findIndex((row) => !isBlankRow(row));
  const headerRow: readonly CellValue[] = headerIndex >= 0 ? (grid.rows[headerIndex] ?? []) : [];
  const headers = headerRow.map((c) => cellText(c).trim());
  const folded = headers.map(normalizeLabel);
  const columns = {} as Record<F, number>;
  for (const field of Object.keys(synonyms) as F[]) {
    const wanted = new Set(synonyms[field].map(normalizeLabel));
    columns[field] = folded.findIndex((h) => h !== '' && wanted.has(h));
  }
  return { headerIndex, headers, columns };
}

/**
 * The cell at `column` of `row`, or undefined beyond a ragged row's end or for column -1.
 * @example cellAt(['a', 'b'], 5) // undefined
 */
export function cellAt(row: readonly CellValue[] | undefined, column: number): CellValue {
  return column < 0 || row === undefined ? undefined : row[column];
}
