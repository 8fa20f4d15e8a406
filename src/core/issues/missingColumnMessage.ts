import { issueMessage, type IssueMessage } from './messages';

/** The required columns of the settings tables (quotas, key accounts, account targets). */
export type RequiredColumn = 'manager' | 'period' | 'quota' | 'account' | 'target';

/**
 * "no quota column; headers found: Manager, Period": a settings table lacks a required column;
 * lists the header texts that were found (blank ones left out).
 * @example missingColumnMessage('quota', ['Manager', '', 'Period']) // { key: 'column.missing.quota', params: { headers: 'Manager, Period' } }
 */
export function missingColumnMessage(column: RequiredColumn, headers: readonly string[]): IssueMessage {
  const found = headers.filter((h) => h !== '').join(', ');
  if (found === '') {
    switch (column) {
      case 'manager': return issueMessage('column.missing.manager.noHeaders');
      case 'period': return issueMessage('column.missing.period.noHeaders');
      case 'quota': return issueMessage('column.missing.quota.noHeaders');
      case 'account': return issueMessage('column.missing.account.noHeaders');
      case 'target': return issueMessage('column.missing.target.noHeaders');
    }
  }
  const params = { headers: found };
  switch (column) {
    case 'manager': return issueMessage('column.missing.manager', params);
    case 'period': return issueMessage('column.missing.period', params);
    case 'quota': return issueMessage('column.missing.quota', params);
    case 'account': return issueMessage('column.missing.account', params);
    case 'target': return issueMessage('column.missing.target', params);
  }
}
