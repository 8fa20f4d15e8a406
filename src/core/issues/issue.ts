import type { IssueMessage } from './messages';

export { englishReason, fillPlaceholders, issueMessage, ISSUE_MESSAGES } from './messages';
export type { IssueMessage, IssueMessageKey, IssueMessageParams } from './messages';

/**
 * A problem found in the user's data: a rejected row, a questionable quota line, an invalid plan row.
 * Issues are values, never exceptions: the engine keeps going and the user sees every one of them
 * on the Data Issues sheet.
 */
export interface Issue {
  /** Stable machine code, e.g. `amount.unparseable`: what kind of problem (one code may have several sentences). */
  readonly code: string;
  /** Sheet or file the value came from (e.g. `Sales`, `quotas.csv`). */
  readonly sheet: string;
  /** 1-based row number as the user sees it in the sheet or file; 0 when not tied to a row. */
  readonly row: number;
  /** The column: the header text as found in the source (or the field name when no header). */
  readonly column: string;
  /** The raw value as text, exactly as found (empty string for an empty cell). */
  readonly value: string;
  /** Plain-words reason in English (SPEC §1.3, `--json`): `englishReason(message)` for engine issues. */
  readonly reason: string;
  /**
   * The reason as data: the key of its sentence in `ISSUE_MESSAGES` and the values it carries, so
   * the reports and the pane can say it in their language. Every issue the engine makes has one;
   * an issue from elsewhere without one is shown with its English `reason`.
   */
  readonly message?: IssueMessage;
}
