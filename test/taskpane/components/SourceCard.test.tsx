import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SourceCard, type SourceCardProps } from '../../../src/taskpane/components/SourceCard';
import { SOURCE } from '../support/fixtures';
import { renderPane } from '../support/renderPane';

function setup(patch: Partial<SourceCardProps> = {}, language: 'en' | 'pl' = 'en') {
  const user = userEvent.setup();
  const props: SourceCardProps = { source: SOURCE, detecting: false, running: false, onCreateReports: jest.fn(), onUseSelection: jest.fn(), ...patch };
  renderPane(<SourceCard {...props} />, language);
  return { user, props };
}

const facts = () =>
  Object.fromEntries(screen.getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));

describe('SourceCard', () => {
  it('shows what was found and creates reports in one click', async () => {
    const { user, props } = setup();
    expect(facts()).toEqual({
      Found: 'Used range of the sheet',
      Sheet: 'Sales',
      Range: 'A1:F121',
      Rows: '120',
      'Also found': 'Quotas and Commission plan',
    });
    await user.click(screen.getByRole('button', { name: 'Create reports' }));
    expect(props.onCreateReports).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Use selection' }));
    expect(props.onUseSelection).toHaveBeenCalledTimes(1);
  });

  it('names a table', () => {
    setup({ source: { ...SOURCE, kind: 'table', tableName: 'SalesTable', auxiliary: [] } });
    expect(facts()).toMatchObject({ Found: 'Table SalesTable', 'Also found': 'none' });
  });

  it('says why reports cannot be created yet, and the button says so too', async () => {
    const { user, props } = setup({ blocker: 'mapping' });
    const button = screen.getByRole('button', { name: 'Create reports' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const hint = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('Choose a column for every required field under Columns first.');
    await user.click(button);
    expect(props.onCreateReports).not.toHaveBeenCalled();
  });

  it('waits while detecting', () => {
    setup({ source: undefined, detecting: true });
    expect(screen.getByText('Looking for sales data…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use selection' }).hasAttribute('disabled')).toBe(true);
  });

  it('says what to do when nothing was found', () => {
    setup({ source: undefined });
    expect(screen.getByText(/No sales data found yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create reports' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Use selection' }).hasAttribute('disabled')).toBe(false);
  });

  it('speaks Polish', () => {
    setup({}, 'pl');
    expect(screen.getByRole('button', { name: 'Utwórz raporty' })).toBeTruthy();
    expect(facts()).toMatchObject({ Wiersze: '120', 'Znaleziono też': 'Plany sprzedażowe i Plan prowizyjny' });
  });
});
