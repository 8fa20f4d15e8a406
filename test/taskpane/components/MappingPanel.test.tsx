import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { Field } from '../../../src/core/intake/fields';
import { MappingPanel } from '../../../src/taskpane/components/MappingPanel';
import { assignColumn, detectMapping } from '../../../src/taskpane/mapping/fieldMapping';
import { choose } from '../support/choose';
import { SOURCE, SOURCE_MISSING } from '../support/fixtures';
import { renderPane } from '../support/renderPane';

function Stateful({ headers, firstColumn }: { headers: readonly string[]; firstColumn: number }) {
  const [mapping, setMapping] = useState(() => detectMapping(headers));
  return (
    <MappingPanel
      headers={headers}
      firstColumn={firstColumn}
      mapping={mapping}
      onChange={(field: Field, column) => setMapping((m) => assignColumn(m, headers, field, column))}
    />
  );
}

describe('MappingPanel', () => {
  it('shows every field with the detected column and its letter', () => {
    renderPane(<MappingPanel headers={SOURCE.headers} firstColumn={0} mapping={detectMapping(SOURCE.headers)} onChange={jest.fn()} />);
    expect(screen.getByRole('combobox', { name: /^Date/ }).textContent).toBe('Invoice Date (column A)');
    expect(screen.getByRole('combobox', { name: /^Account manager/ }).textContent).toBe('Account Manager (column C)');
    expect(screen.getByRole('combobox', { name: /^Product/ }).textContent).toBe('Product (column E)');
    expect(screen.getByRole('combobox', { name: /^Currency/ }).textContent).toBe('Not used');
    expect(screen.getAllByRole('combobox')).toHaveLength(7);
    expect(screen.queryByTestId('mapping-missing')).toBeNull();
  });

  it('overrides a field from its dropdown', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderPane(<MappingPanel headers={SOURCE.headers} firstColumn={0} mapping={detectMapping(SOURCE.headers)} onChange={onChange} />);
    await choose(user, /^Product/, 'Notes (column F)');
    expect(onChange).toHaveBeenCalledWith('product', 5);
    await choose(user, /^Date/, 'Not used');
    expect(onChange).toHaveBeenLastCalledWith('date', undefined);
  });

  it('names the missing required fields and lists the headers found', () => {
    renderPane(<Stateful headers={SOURCE_MISSING.headers} firstColumn={1} />);
    const bar = screen.getByTestId('mapping-missing');
    expect(bar.textContent).toContain('Required column missing');
    expect(bar.textContent).toContain('No column was found for: Account manager and Amount.');
    expect(bar.textContent).toContain('Headers found: Date, Customer, Rep Name, and Total Due.');
    // The table starts in column B.
    expect(screen.getByRole('combobox', { name: /^Date/ }).textContent).toBe('Date (column B)');
  });

  it('clears the message once every required field has a column', async () => {
    const user = userEvent.setup();
    renderPane(<Stateful headers={SOURCE_MISSING.headers} firstColumn={1} />);
    await choose(user, /^Account manager/, 'Rep Name (column D)');
    expect(screen.getByTestId('mapping-missing').textContent).toContain('No column was found for: Amount.');
    await choose(user, /^Amount/, 'Total Due (column E)');
    expect(screen.queryByTestId('mapping-missing')).toBeNull();
  });

  it('moving a column takes it from the field that had it', async () => {
    const user = userEvent.setup();
    renderPane(<Stateful headers={SOURCE.headers} firstColumn={0} />);
    await choose(user, /^Account$/, 'Account Manager (column C)');
    expect(within(screen.getByTestId('mapping-missing')).getByText(/Account manager\./)).toBeTruthy();
  });

  it('speaks German', () => {
    renderPane(<Stateful headers={SOURCE_MISSING.headers} firstColumn={1} />, 'de');
    expect(screen.getByTestId('mapping-missing').textContent).toContain('Keine Spalte gefunden für: Kundenbetreuer und Betrag.');
    expect(screen.getByRole('combobox', { name: /^Datum/ }).textContent).toBe('Date (Spalte B)');
  });
});
