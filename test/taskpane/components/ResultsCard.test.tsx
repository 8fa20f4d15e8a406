import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResultsCard } from '../../../src/taskpane/components/ResultsCard';
import type { RunSummary } from '../../../src/taskpane/results/runSummary';
import { SUMMARY } from '../support/fixtures';
import { renderPane } from '../support/renderPane';
import { englishReason, issueMessage, type IssueMessage } from '../../../src/core/issues/messages';
import type { IssueRow } from '../../../src/taskpane/results/runSummary';

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

function facts(): Record<string, string> {
  const terms = screen.getAllByRole('term');
  return Object.fromEntries(terms.map((dt) => [dt.textContent ?? '', plain(dt.nextElementSibling?.textContent)]));
}

/** The text parts of each issue in a list: [row link, column, value] on the first line, then the reason. */
function items(list: HTMLElement): string[][] {
  return within(list)
    .getAllByRole('listitem')
    .filter((li) => li.querySelector('ul') === null)
    .map((li) => {
      const [where, reason] = [...li.children];
      return [...[...(where?.children ?? [])].map((e) => plain(e.textContent)), plain(reason?.textContent)];
    });
}

const engineIssue = (row: number, column: string, value: string, message: IssueMessage, sheet = 'Sales'): IssueRow => ({
  code: message.key, sheet, row, column, value, reason: englishReason(message), message,
});

/** Issues as the engine makes them (with message keys), from two sheets. */
const WITH_MESSAGES: RunSummary = {
  ...SUMMARY,
  issues: [
    engineIssue(17, 'Amount', 'abc', issueMessage('value.notANumber')),
    engineIssue(42, 'Invoice Date', '', issueMessage('date.missing')),
    { code: 'keyAccounts.unknown', sheet: 'Key Accounts', row: 0, column: 'Account', value: 'Zeta', reason: 'no such account' },
  ],
};

/** A summary with `n` rejected amounts, rows 2, 3, … */
const many = (n: number): RunSummary => ({
  ...SUMMARY,
  issues: Array.from({ length: n }, (_, i) => engineIssue(i + 2, 'Amount', `x${i}`, issueMessage('value.notANumber'))),
});

function setup(summary: RunSummary = SUMMARY, language: 'en' | 'de' = 'en', maxIssues?: number) {
  const user = userEvent.setup();
  const onActivateSheet = jest.fn();
  const onSelectSourceCell = jest.fn();
  renderPane(
    <ResultsCard summary={summary} onActivateSheet={onActivateSheet} onSelectSourceCell={onSelectSourceCell} {...(maxIssues !== undefined && { maxIssues })} />,
    language,
  );
  return { user, onActivateSheet, onSelectSourceCell };
}

describe('ResultsCard', () => {
  it('shows the headline numbers formatted for the locale', () => {
    setup();
    expect(facts()).toEqual({
      'As of': 'Sep 30, 2026',
      'Report year': '2026',
      'Account managers': '4',
      'Total revenue': '€1,234,567.89',
      'Team attainment': '87.3%',
      'Total payout': '€45,678.00',
      'Concentration (HHI)': '1,235 (moderate)',
      'Key-account share': '42%',
      'Rows rejected': '2 of 120',
    });
  });

  it('in German', () => {
    setup(SUMMARY, 'de');
    expect(facts()).toMatchObject({
      Stand: '30.09.2026',
      Gesamtumsatz: '1.234.567,89 €',
      'Zielerreichung Team': '87,3 %',
      'Konzentration (HHI)': '1.235 (mittel)',
      'Abgelehnte Zeilen': '2 von 120',
    });
  });

  it('shows issue reasons in the pane language, by their message key', () => {
    setup(WITH_MESSAGES, 'de');
    expect(screen.getByText('keine Zahl')).toBeTruthy();
    expect(screen.getByText('das Datum fehlt')).toBeTruthy();
    // A reason without a message (not made by the engine) stays as it was written.
    expect(screen.getByText('no such account')).toBeTruthy();
  });

  it('says when there is no plan or no quota', () => {
    setup({ ...SUMMARY, totalPayout: null, teamAttainment: null, keyAccountShare: null });
    expect(facts()).toMatchObject({ 'Total payout': 'no plan', 'Team attainment': '–', 'Key-account share': '–' });
  });

  it('opens each report sheet from its link', async () => {
    const { user, onActivateSheet } = setup();
    const nav = screen.getByRole('navigation', { name: 'Open a report' });
    const links = within(nav).getAllByRole('button');
    expect(links.map((l) => l.textContent)).toEqual(['Quarterly Results', 'Commission', 'Forecast (2)', 'Account Status', 'Data Issues']);
    await user.click(within(nav).getByRole('button', { name: 'Commission' }));
    expect(onActivateSheet).toHaveBeenCalledWith('Commission');
    await user.click(within(nav).getByRole('button', { name: 'Forecast (2)' }));
    expect(onActivateSheet).toHaveBeenLastCalledWith('Forecast (2)');
  });

  it('says where a report went when its name was taken by a sheet AccountDesk did not create', () => {
    setup();
    expect(
      screen.getByText('A sheet named "Forecast" already exists and was not created by AccountDesk, so this report is in "Forecast (2)".'),
    ).toBeTruthy();
  });

  it('lists the data issues, one compact item each: row, column and value, then the reason', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Data issues: 2' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Data issues: 2' });
    expect(items(list)).toEqual([
      ['Row 17', 'Amount', 'abc', 'not a number'],
      ['Row 42', 'Invoice Date', 'empty', 'no date'],
    ]);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('selects the source cell from the row link, or a click anywhere on the item (once)', async () => {
    const { user, onSelectSourceCell } = setup();
    await user.click(screen.getByText('no date'));
    expect(onSelectSourceCell).toHaveBeenCalledWith({ sheet: 'Sales', row: 42, column: 'Invoice Date' });
    const link = screen.getByRole('button', { name: 'Go to Sales, row 17, column Amount' });
    expect(link.textContent).toBe('Row 17');
    await user.click(link);
    expect(onSelectSourceCell).toHaveBeenCalledTimes(2);
    expect(onSelectSourceCell).toHaveBeenLastCalledWith({ sheet: 'Sales', row: 17, column: 'Amount' });
  });

  it('selects a source cell from the keyboard', async () => {
    const { user, onSelectSourceCell } = setup();
    screen.getByRole('button', { name: 'Go to Sales, row 42, column Invoice Date' }).focus();
    await user.keyboard('{Enter}');
    expect(onSelectSourceCell).toHaveBeenCalledWith({ sheet: 'Sales', row: 42, column: 'Invoice Date' });
  });

  it('does not select anything for an issue without a row, and offers no link for it', async () => {
    const { user, onSelectSourceCell } = setup({
      ...SUMMARY,
      issues: [{ code: 'plan.badValue', sheet: 'plan.json', row: 0, column: 'tiers[0].rate', value: 'x', reason: 'no such rate' }],
    });
    await user.click(screen.getByText('no such rate'));
    expect(onSelectSourceCell).not.toHaveBeenCalled();
    expect(within(screen.getByRole('list', { name: 'Data issues: 1' })).queryByRole('button')).toBeNull();
  });

  it('groups the issues by sheet when they come from more than one', () => {
    setup(WITH_MESSAGES);
    const groups = within(screen.getByRole('list', { name: 'Data issues: 3' })).getAllByRole('heading', { level: 4 });
    expect(groups.map((h) => plain(h.textContent))).toEqual(['Sales (2)', 'Key Accounts (1)']);
    expect(items(screen.getByRole('list', { name: 'Key Accounts (1)' }))).toEqual([['Account', 'Zeta', 'no such account']]);
  });

  it('shows ten issues, then ten more on request, moving focus to the first new one', async () => {
    const { user } = setup(many(25));
    const list = () => screen.getByRole('list', { name: 'Data issues: 25' });
    expect(items(list())).toHaveLength(10);
    await user.click(screen.getByRole('button', { name: 'Show 10 more' }));
    expect(items(list())).toHaveLength(20);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Go to Sales, row 12, column Amount' }));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    await user.click(screen.getByRole('button', { name: 'Show 5 more' }));
    expect(items(list())).toHaveLength(25);
    expect(screen.queryByRole('button', { name: /^Show/ })).toBeNull();
    expect(screen.queryByText(/All of them are on the Data Issues sheet/)).toBeNull();
  });

  it('stops at the most it may show and says where the rest are', async () => {
    const { user } = setup(many(25), 'en', 12);
    await user.click(screen.getByRole('button', { name: 'Show 2 more' }));
    expect(items(screen.getByRole('list', { name: 'Data issues: 25' }))).toHaveLength(12);
    expect(screen.getByText('Showing the first 12 of 25. All of them are on the Data Issues sheet.')).toBeTruthy();
  });

  it('says when every row could be used', () => {
    setup({ ...SUMMARY, rejected: 0, issues: [], sheets: SUMMARY.sheets.filter((s) => s.role !== 'issues') });
    expect(screen.getByText('Every row could be used.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: /Data issues/ })).toBeNull();
  });
});
