import type { Grid } from './cellValue';
import { headerText } from './cellText';
import { isBlankCell } from './isBlankCell';
import { mapColumns, type ColumnMapping, type HeaderFailure, type HeaderSpec } from './mapColumns';

/** How many non-blank rows are searched for the header (title rows may sit above it). */
export const HEADER_SEARCH_ROWS = 20;

/** The header row of a table and its column mapping. */
export interface DetectedHeader<F extends string> {
  readonly ok: true;
  /** Index of the header in `grid.rows`. */
  readonly headerIndex: number;
  /** 1-based sheet row number of the header. */
  readonly headerRow: number;
  /** The header cells as text (trimmed; blank cells are `''`). */
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping<F>;
}

/**
 * Why no row of a table can be its header: the failure of the row that comes closest (see
 * {@link detectHeader}), and that row's index in `grid.rows` (undefined when every row is blank).
 */
export type HeaderNotFound<F extends string> = HeaderFailure<F> & { readonly headerIndex: number | undefined };

/** How many fields a row names, overrides and required fields aside: how much it looks like the header. */
function fieldsNamed<F extends string>(headers: readonly string[], spec: HeaderSpec<F>): number {
  const lenient = mapColumns(headers, { ...spec, required: [] });
  return lenient.ok ? spec.fields.filter((f) => lenient.mapping[f] !== undefined).length : 0;
}

/**
 * Finds the header row of a table and maps its columns (SPEC §1.1). The first non-blank row is
 * the header, unless it lacks a required field: real workbooks often have a title row ("Sales
 * 2026") above the table, so the next non-blank rows (up to {@link HEADER_SEARCH_ROWS} in all)
 * are tried, and the first that maps is the header. If none does, the failure is that of the
 * row naming the most fields (the first such row on a tie): the real header that lacks one
 * column, not a title row above it, so the message lists the headers the user sees.
 * @example detectHeader({ sheet: 'S', firstRow: 1, rows: [['Sales 2026'], ['Date', 'Customer', 'Owner', 'Amount']] }, TRANSACTION_HEADERS).headerRow // 2
 */
export function detectHeader<F extends string>(
  grid: Grid,
  spec: HeaderSpec<F>,
  overrides: Partial<Record<F, string>> = {},
): DetectedHeader<F> | HeaderNotFound<F> {
  let best: { failure: HeaderFailure<F>; index: number; named: number } | undefined;
  let seen = 0;
  for (let index = 0; index < grid.rows.length && seen < HEADER_SEARCH_ROWS; index++) {
    const row = grid.rows[index] ?? [];
    if (row.every(isBlankCell)) continue;
    seen++;
    const headers = Array.from(row, headerText);
    const mapped = mapColumns(headers, spec, overrides);
    if (mapped.ok) return { ok: true, headerIndex: index, headerRow: grid.firstRow + index, headers, mapping: mapped.mapping };
    const named = fieldsNamed(headers, spec);
    if (best === undefined || named > best.named) best = { failure: mapped, index, named };
  }
  if (best !== undefined) return { ...best.failure, headerIndex: best.index };
  // No non-blank row at all: every required field is missing and no header was found.
  const missing = spec.required;
  return {
    ok: false,
    headerIndex: undefined,
    code: 'header.missing',
    field: missing[0] ?? (spec.fields[0] as F),
    missing,
    headersFound: [],
    message: `Missing required column${missing.length > 1 ? 's' : ''} ${missing.map((f) => `"${f}"`).join(', ')}. Headers found: (none).`,
  };
}
