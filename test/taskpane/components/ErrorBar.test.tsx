import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorBar } from '../../../src/taskpane/components/ErrorBar';
import { renderPane } from '../support/renderPane';

describe('ErrorBar', () => {
  it('shows nothing when nothing failed', () => {
    const { container } = renderPane(<ErrorBar failures={[]} onDismiss={jest.fn()} />);
    expect(container.textContent).toBe('');
  });

  it('shows every failure with what to do and the detail; each can be dismissed', async () => {
    const user = userEvent.setup();
    const onDismiss = jest.fn();
    renderPane(
      <ErrorBar
        failures={[
          { id: 'run', failure: { kind: 'planInvalid', detail: 'Commission Plan, row 12, column "From": tier starts must ascend' } },
          { id: 'n1', failure: { kind: 'settingsNotSaved' } },
        ]}
        onDismiss={onDismiss}
      />,
    );
    const bars = document.querySelectorAll('[data-failure]');
    expect(bars).toHaveLength(2);
    expect(bars[0]?.textContent).toContain('The commission plan is not valid.');
    expect(bars[0]?.textContent).toContain('Open the commission plan, fix the values marked in red and save it.');
    expect(bars[0]?.textContent).toContain('Details: Commission Plan, row 12, column "From": tier starts must ascend');
    expect(bars[1]?.textContent).toContain('The settings could not be saved in the workbook.');
    expect(bars[1]?.textContent).not.toContain('Details');
    await user.click(screen.getByRole('button', { name: 'Dismiss: The settings could not be saved in the workbook.' }));
    expect(onDismiss).toHaveBeenCalledWith('n1');
  });

  it('speaks Spanish', () => {
    renderPane(<ErrorBar failures={[{ id: 'x', failure: { kind: 'cellEditMode' } }]} onDismiss={jest.fn()} />, 'es');
    expect(screen.getByText('Excel está editando una celda.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Descartar/ })).toBeTruthy();
  });
});
