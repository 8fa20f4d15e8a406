import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResultsCard } from '../../../src/taskpane/components/ResultsCard';
import type { RunSummary } from '../../../src/taskpane/results/runSummary';
import { SUMMARY } from '../support/fixtures';
import { renderPane } from '../support/renderPane';
import { message } from '../../../src/reports/i18n/catalog';

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

function facts(): Record<string, string> {
  const terms = screen.getAllByRole('term');
  return Object.fromEntries(terms.map((dt) => [dt.textContent ?? '', plain(dt.nextElementSibling?.textContent)]));
}

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

  it('shows issue reasons in the pane language when the engine reason has a translation', () => {
    setup(SUMMARY, 'de');
    const german = message('de', 'reason.notANumber');
    expect(german).not.toBe('not a number');
    expect(screen.getByText(german)).toBeTruthy();
    // A reason without a translation stays as the engine wrote it.
    expect(screen.getByText('no date')).toBeTruthy();
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

  it('lists the data issues; clicking a row selects its source cell (once)', async () => {
    const { user, onSelectSourceCell } = setup();
    expect(screen.getByRole('heading', { name: 'Data issues: 2' })).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent))).toEqual([
      [],
      ['17', 'Amount', 'abc', 'not a number'],
      ['42', 'Invoice Date', '', 'no date'],
    ]);
    await user.click(within(rows[2]!).getByText('no date'));
    expect(onSelectSourceCell).toHaveBeenCalledWith({ sheet: 'Sales', row: 42, column: 'Invoice Date' });
    await user.click(screen.getByRole('button', { name: 'Go to Sales, row 17, column Amount' }));
    expect(onSelectSourceCell).toHaveBeenCalledTimes(2);
    expect(onSelectSourceCell).toHaveBeenLastCalledWith({ sheet: 'Sales', row: 17, column: 'Amount' });
  });

  it('selects a source cell from the keyboard', async () => {
    const { user, onSelectSourceCell } = setup();
    screen.getByRole('button', { name: 'Go to Sales, row 42, column Invoice Date' }).focus();
    await user.keyboard('{Enter}');
    expect(onSelectSourceCell).toHaveBeenCalledWith({ sheet: 'Sales', row: 42, column: 'Invoice Date' });
  });

  it('does not select anything for an issue without a row', async () => {
    const { user, onSelectSourceCell } = setup({
      ...SUMMARY,
      issues: [{ code: 'keyAccounts.unknown', sheet: 'Key Accounts', row: 0, column: '', value: 'Zeta', reason: 'no such account' }],
    });
    await user.click(screen.getByText('no such account'));
    expect(onSelectSourceCell).not.toHaveBeenCalled();
  });

  it('shows the first issues and says where the rest are', () => {
    setup(SUMMARY, 'en', 1);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('Showing the first 1 of 2. All of them are on the Data Issues sheet.')).toBeTruthy();
  });

  it('says when every row could be used', () => {
    setup({ ...SUMMARY, rejected: 0, issues: [], sheets: SUMMARY.sheets.filter((s) => s.role !== 'issues') });
    expect(screen.getByText('Every row could be used.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
