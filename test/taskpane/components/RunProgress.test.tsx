import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RunProgress, type RunProgressProps } from '../../../src/taskpane/components/RunProgress';
import { renderPane } from '../support/renderPane';

const base: RunProgressProps = { phase: 'reading', done: 1200, total: 5000, cancelRequested: false, onCancel: () => undefined };

describe('RunProgress', () => {
  it.each<[string, Partial<RunProgressProps>, string, string | null]>([
    ['reading rows', {}, 'Reading rows: 1,200 of 5,000', '0.24'],
    ['computing', { phase: 'computing', done: 2, total: 6 }, 'Computing: step 2 of 6', String(2 / 6)],
    ['writing a named sheet', { phase: 'writing', done: 3, total: 5, detail: 'Forecast' }, 'Writing sheet 3 of 5: Forecast', '0.6'],
    ['writing', { phase: 'writing', done: 1, total: 5 }, 'Writing sheet 1 of 5', '0.2'],
    ['before the first report', { done: 0, total: 0 }, 'Starting…', null],
  ])('%s', (_name, patch, label, value) => {
    renderPane(<RunProgress {...base} {...patch} />);
    const bar = screen.getByRole('progressbar', { name: label });
    expect(bar.getAttribute('aria-valuenow')).toBe(value);
  });

  it('cancels, then says it is stopping and does not cancel twice', async () => {
    const user = userEvent.setup();
    const onCancel = jest.fn();
    const { rerender } = renderPane(<RunProgress {...base} onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<RunProgress {...base} onCancel={onCancel} cancelRequested />);
    expect(screen.getByRole('status').textContent).toBe('Cancelling… AccountDesk stops after the current step.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('is keyboard operable', async () => {
    const user = userEvent.setup();
    const onCancel = jest.fn();
    renderPane(<RunProgress {...base} onCancel={onCancel} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('speaks Polish with Polish number formats', () => {
    renderPane(<RunProgress {...base} done={12000} total={1000000} />, 'pl');
    // Polish groups digits with (narrow) no-break spaces.
    const name = (screen.getByRole('progressbar').getAttribute('aria-labelledby') ?? '').split(' ');
    const label = name.map((id) => document.getElementById(id)?.textContent ?? '').join('');
    expect(label.replace(/[\u00a0\u202f]/g, ' ')).toBe('Odczyt wierszy: 12 000 z 1 000 000');
    expect(screen.getByRole('button', { name: 'Anuluj' })).toBeTruthy();
  });
});
