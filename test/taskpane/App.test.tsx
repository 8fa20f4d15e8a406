import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CancelledError, type CancelToken, type Progress } from '../../src/app/ports';
import { App } from '../../src/taskpane/App';
import type { PaneRunOutcome, RunRequest } from '../../src/taskpane/paneActions';
import { defaultRunSettings } from '../../src/taskpane/settings/runSettings';
import { choose, deferred } from './support/choose';
import { fakeActions, SOURCE, SOURCE_MISSING, SUMMARY } from './support/fixtures';
import { renderApp } from './support/renderPane';

/** Renders the App and waits until the source is on show. */
async function open(actions = fakeActions(), displayLanguage?: string) {
  const user = userEvent.setup();
  renderApp(<App actions={actions} displayLanguage={displayLanguage} />);
  await screen.findByText('A1:F121');
  return { user, actions };
}

const createReports = () => screen.getByRole('button', { name: 'Create reports' });

/** A run the test drives: progress and the outcome come when the test says. */
function heldRun() {
  const outcome = deferred<PaneRunOutcome>();
  let progress: Progress = () => undefined;
  let token: CancelToken = { cancelled: false };
  const run = jest.fn((_r: RunRequest, p: Progress, c: CancelToken) => {
    progress = p;
    token = c;
    return outcome.promise;
  });
  return { run, outcome, progress: (e: Parameters<Progress>[0]) => act(() => progress(e)), token: () => token };
}

describe('App', () => {
  it('on open finds the data, loads the saved settings and the plan', async () => {
    const actions = fakeActions({ loadSettings: jest.fn(() => Promise.resolve({ fiscalStart: 4, forecast: 'ets' })) });
    const { user } = await open(actions);
    expect(actions.detectSource).toHaveBeenCalled();
    expect(actions.loadSettings).toHaveBeenCalled();
    expect(actions.loadPlan).toHaveBeenCalled();
    expect(screen.getByText('Sales')).toBeTruthy();
    expect(createReports().getAttribute('aria-disabled')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('combobox', { name: 'Fiscal year starts in' }).textContent).toBe('April');
    expect(screen.getByRole('combobox', { name: 'Forecast method' }).textContent).toBe('ETS (exponential smoothing)');
  });

  it('runs with what the pane shows, shows progress per phase, then the results', async () => {
    const held = heldRun();
    const { user, actions } = await open(fakeActions({ run: held.run }));
    await user.click(createReports());

    const [request] = held.run.mock.calls[0]!;
    expect(request.source).toBe(SOURCE);
    expect(request.mapping.amount).toEqual({ column: 3, header: 'Amount' });
    expect(request.settings).toEqual(defaultRunSettings('en'));
    expect(request.plan).toBeNull();

    expect(screen.getByRole('progressbar', { name: 'Reading rows: 0 of 120' })).toBeTruthy();
    held.progress({ phase: 'reading', done: 60, total: 120 });
    expect(screen.getByRole('progressbar', { name: 'Reading rows: 60 of 120' })).toBeTruthy();
    held.progress({ phase: 'computing', done: 4, total: 6, detail: 'forecast' });
    expect(screen.getByRole('progressbar', { name: 'Computing: step 4 of 6' })).toBeTruthy();
    held.progress({ phase: 'writing', done: 2, total: 5, detail: 'Commission' });
    expect(screen.getByRole('progressbar', { name: 'Writing sheet 2 of 5: Commission' })).toBeTruthy();
    // Nothing can be started or changed meanwhile.
    expect(createReports().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Use selection' }).hasAttribute('disabled')).toBe(true);

    await act(async () => held.outcome.resolve({ ok: true, summary: SUMMARY }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    const title = screen.getByRole('heading', { name: 'Reports created' });
    expect(document.activeElement).toBe(title);
    await user.click(screen.getByRole('button', { name: 'Account Status' }));
    expect(actions.activateSheet).toHaveBeenCalledWith('Account Status');
    await user.click(screen.getByRole('button', { name: 'Go to Sales, row 17, column Amount' }));
    expect(actions.selectSourceCell).toHaveBeenCalledWith({ sheet: 'Sales', row: 17, column: 'Amount' });
  });

  it('cancels a run: the token is flipped, and the pane says the workbook was left as it was', async () => {
    const held = heldRun();
    const { user } = await open(fakeActions({ run: held.run }));
    await user.click(createReports());
    held.progress({ phase: 'reading', done: 10, total: 120 });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(held.token().cancelled).toBe(true);
    expect(screen.getByText('Cancelling… AccountDesk stops after the current step.')).toBeTruthy();
    await act(async () => held.outcome.reject(new CancelledError()));
    expect(screen.getByText('Cancelled. The previous reports, if any, are unchanged.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(document.querySelector('[data-failure]')).toBeNull();
    // And it can run again.
    expect(createReports().getAttribute('aria-disabled')).toBeNull();
  });

  it('shows a refused run with what to do, opens the section to fix it, and dismisses it', async () => {
    const run = jest.fn(() =>
      Promise.resolve<PaneRunOutcome>({ ok: false, code: 'plan.invalid', message: 'Commission Plan, row 9: the first tier must start at 0', details: [] }),
    );
    const { user } = await open(fakeActions({ run }));
    await user.click(createReports());
    const bar = await waitFor(() => {
      const el = document.querySelector('[data-failure="planInvalid"]');
      if (el === null) throw new Error('no error bar yet');
      return el as HTMLElement;
    });
    expect(bar.textContent).toContain('The commission plan is not valid.');
    expect(bar.textContent).toContain('Details: Commission Plan, row 9: the first tier must start at 0');
    expect(screen.getByRole('button', { name: 'New plan' })).toBeTruthy();
    await user.click(within(bar).getByRole('button', { name: /^Dismiss/ }));
    expect(document.querySelector('[data-failure]')).toBeNull();
  });

  it('shows an Excel error thrown by a run', async () => {
    const run = jest.fn(() => Promise.reject(Object.assign(new Error('edit mode'), { code: 'InvalidOperationInCellEditMode' })));
    const { user } = await open(fakeActions({ run }));
    await user.click(createReports());
    expect(await screen.findByText('Excel is editing a cell.')).toBeTruthy();
    expect(screen.getByText(/Press Enter or Esc to finish editing/)).toBeTruthy();
  });

  it('says what to do when no data is found', async () => {
    const actions = fakeActions({ detectSource: jest.fn(() => Promise.reject(Object.assign(new Error('empty'), { code: 'source.empty' }))) });
    renderApp(<App actions={actions} />);
    expect(await screen.findByText('No sales data found.')).toBeTruthy();
    expect(createReports().getAttribute('aria-disabled')).toBe('true');
  });

  it('"Use selection" detects again and offers the new source', async () => {
    const detectSource = jest.fn().mockResolvedValueOnce(SOURCE).mockResolvedValueOnce({ ...SOURCE, sheet: 'Q3', address: 'C5:H40' });
    const { user } = await open(fakeActions({ detectSource }));
    await user.click(screen.getByRole('button', { name: 'Use selection' }));
    expect(await screen.findByText('C5:H40')).toBeTruthy();
    expect(screen.getByText('Q3')).toBeTruthy();
  });

  it('blocks a run until every required column is mapped', async () => {
    const actions = fakeActions({ detectSource: jest.fn(() => Promise.resolve(SOURCE_MISSING)) });
    const user = userEvent.setup();
    renderApp(<App actions={actions} />);
    await screen.findByText('B3:E50');
    expect(createReports().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Choose a column for every required field under Columns first.')).toBeTruthy();
    // Columns opened by itself, with the message.
    expect((await screen.findByTestId('mapping-missing')).textContent).toContain('Account manager and Amount');
    await choose(user, /^Account manager/, 'Rep Name (column D)');
    await choose(user, /^Amount/, 'Total Due (column E)');
    expect(createReports().getAttribute('aria-disabled')).toBeNull();
    await user.click(createReports());
    const [request] = actions.run.mock.calls[0]!;
    expect(request.mapping.manager).toEqual({ column: 2, header: 'Rep Name' });
    expect(request.mapping.amount).toEqual({ column: 3, header: 'Total Due' });
  });

  it('saves a changed setting in the workbook, once, and runs with it', async () => {
    const { user, actions } = await open();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await choose(user, 'Fiscal year starts in', 'July');
    expect(actions.saveSettings).toHaveBeenCalledTimes(1);
    expect(actions.saveSettings).toHaveBeenLastCalledWith({ ...defaultRunSettings('en'), fiscalStart: 7 });
    await user.click(createReports());
    expect(actions.run.mock.calls[0]![0].settings.fiscalStart).toBe(7);
    expect(actions.saveSettings).toHaveBeenCalledTimes(1);
  });

  it('blocks a run while a setting is invalid', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.type(screen.getByLabelText('Reporting currency'), 'E');
    await user.tab();
    expect(createReports().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Fix the settings marked in red first.')).toBeTruthy();
  });

  it('tells when settings could not be saved', async () => {
    const actions = fakeActions({ saveSettings: jest.fn(() => Promise.reject(new Error('read-only'))) });
    const { user } = await open(actions);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await choose(user, 'Date order', 'Day/month/year (31/03/2026)');
    expect(await screen.findByText('The settings could not be saved in the workbook.')).toBeTruthy();
    expect(screen.getByText('Details: read-only')).toBeTruthy();
  });

  it('creates a plan from the template, saves it to the workbook and runs with it', async () => {
    const { user, actions } = await open();
    await user.click(screen.getByRole('button', { name: 'Commission plan' }));
    expect(screen.getByText(/No commission plan yet/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New plan' }));
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(actions.savePlan).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Plan saved to the Commission Plan sheet.')).toBeTruthy();
    expect(screen.getByText('0% → 2%, 50% → 5%, and 100% → 8%')).toBeTruthy();
    await user.click(createReports());
    expect(actions.run.mock.calls[0]![0].plan).toBe(actions.savePlan.mock.calls[0]![0]);
  });

  it('edits the plan the workbook has', async () => {
    const loadPlan = jest.fn(() =>
      Promise.resolve({
        ok: true as const,
        plan: {
          period: 'year' as const,
          basis: 'attainment' as const,
          method: 'retroactive' as const,
          tiers: [
            { from: { digits: 0n, scale: 0 }, rate: { digits: 25n, scale: 3 } },
            { from: { digits: 1n, scale: 0 }, rate: { digits: 6n, scale: 2 } },
          ],
          bonuses: [],
        },
      }),
    );
    const { user, actions } = await open(fakeActions({ loadPlan }));
    await user.click(screen.getByRole('button', { name: 'Commission plan' }));
    expect(screen.getByText('0% → 2.5% and 100% → 6%')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Edit plan' }));
    expect((screen.getByLabelText('Tier 1: rate in %') as HTMLInputElement).value).toBe('2.5');
    await user.clear(screen.getByLabelText('Tier 2: rate in %'));
    await user.type(screen.getByLabelText('Tier 2: rate in %'), '7');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    const saved = actions.savePlan.mock.calls[0]![0];
    expect(saved.period).toBe('year');
    expect(saved.tiers[1]?.rate).toEqual({ digits: 7n, scale: 2 });
  });

  it('shows the problems of an invalid plan sheet', async () => {
    const loadPlan = jest.fn(() =>
      Promise.resolve({
        ok: false as const,
        errors: [{ code: 'plan.firstTierNotZero', sheet: 'Commission Plan', row: 9, column: 'From', value: '10%', reason: 'the first tier must start at 0', severity: 'error' as const }],
      }),
    );
    const { user } = await open(fakeActions({ loadPlan }));
    await user.click(screen.getByRole('button', { name: 'Commission plan' }));
    expect(screen.getByText('The Commission Plan sheet has errors')).toBeTruthy();
    expect(screen.getByText('Row 9 · From: the first tier must start at 0')).toBeTruthy();
  });

  it('starts in the Office display language, and the language switch changes every text', async () => {
    const actions = fakeActions();
    const user = userEvent.setup();
    renderApp(<App actions={actions} displayLanguage="pl-PL" />);
    await screen.findByText('A1:F121');
    expect(screen.getByRole('button', { name: 'Utwórz raporty' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ustawienia' })).toBeTruthy();
    await choose(user, 'Język', 'Deutsch');
    expect(screen.getByRole('button', { name: 'Berichte erstellen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Auswahl verwenden' })).toBeTruthy();
    expect(screen.queryByText('Utwórz raporty')).toBeNull();
    expect(document.querySelector('main')?.getAttribute('lang')).toBe('de');
    // Switching the language does not reload the workbook's state.
    expect(actions.detectSource).toHaveBeenCalledTimes(1);
  });

  it('defaults the report language to the display language', async () => {
    const actions = fakeActions();
    const user = userEvent.setup();
    renderApp(<App actions={actions} displayLanguage="es-MX" />);
    await screen.findByText('A1:F121');
    await user.click(screen.getByRole('button', { name: 'Crear informes' }));
    expect(actions.run.mock.calls[0]![0].settings.reportLanguage).toBe('es');
  });
});
