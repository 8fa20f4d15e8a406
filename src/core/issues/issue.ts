/**
 * A problem found in the user's data: a rejected row, a questionable quota line, an invalid plan row.
 * Issues are values, never exceptions: the engine keeps going and the user sees every one of them
 * on the Data Issues sheet.
 */
export interface Issue {
  /** Stable machine code, e.g. `amount.unparseable`; the message catalog is keyed by it. */
  readonly code: string;
  /** Sheet or file the value came from (e.g. `Sales`, `quotas.csv`). */
  readonly sheet: string;
  /** 1-based row number as the user sees it in the sheet or file; 0 when not tied to a row. */
  readonly row: number;
  /** The column: the header text as found in the source (or the field name when no header). */
  readonly column: string;
  /** The raw value as text, exactly as found (empty string for an empty cell). */
  readonly value: string;
  /** Plain-words reason in English; the reports translate by `code` where a translation exists. */
  readonly reason: string;
}
