import type { Issue } from '../issues/issue';
import { englishReason, type IssueMessage } from '../issues/messages';

/**
 * How much an issue matters: an `error` means the line was not used, a `warning` means it was
 * used but looks wrong (e.g. a quota for a manager without transactions).
 * (Candidate for `core/issues/issue.ts`; kept here until that module grows a severity.)
 */
export type Severity = 'error' | 'warning';

/** An {@link Issue} found in a settings table (quotas, plan, key accounts, targets). */
export interface TableIssue extends Issue {
  readonly severity: Severity;
}

/**
 * Builds a {@link TableIssue}; its English `reason` is made from `message`.
 * @example tableIssue('quotas.duplicate', 'Quotas', 7, 'Quota', '5000', issueMessage('quotas.duplicate', { … }), 'warning')
 */
export function tableIssue(
  code: string,
  sheet: string,
  row: number,
  column: string,
  value: string,
  message: IssueMessage,
  severity: Severity,
): TableIssue {
  return { code, sheet, row, column, value, reason: englishReason(message), message, severity };
}
