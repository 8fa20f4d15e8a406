import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { SettingsPanel } from '../../../src/taskpane/components/SettingsPanel';
import {
  defaultRunSettings,
  draftFromSettings,
  type RunSettings,
  type SettingsDraft,
} from '../../../src/taskpane/settings/runSettings';
import { choose } from '../support/choose';
import { renderPane } from '../support/renderPane';

const defaults = defaultRunSettings('en');

function Stateful({ onCommit, initial = defaults }: { onCommit: (s: RunSettings) => void; initial?: RunSettings }) {
  const [draft, setDraft] = useState<SettingsDraft>(draftFromSettings(initial));
  return <SettingsPanel draft={draft} onChange={setDraft} onCommit={onCommit} />;
}

describe('SettingsPanel', () => {
  it('labels every setting and shows the current values', () => {
    renderPane(<Stateful onCommit={jest.fn()} initial={{ ...defaults, fiscalStart: 4, forecast: 'ets', reportLanguage: 'pl' }} />);
    expect(screen.getByRole('combobox', { name: 'Fiscal year starts in' }).textContent).toBe('April');
    expect(screen.getByRole('combobox', { name: 'Forecast method' }).textContent).toBe('ETS (exponential smoothing)');
    expect(screen.getByRole('combobox', { name: 'Report language' }).textContent).toBe('Polski');
    expect(screen.getByRole('combobox', { name: 'Decimal separator in amounts' }).textContent).toBe('Automatic');
    expect(screen.getByRole('combobox', { name: 'Date order' }).textContent).toBe('Automatic');
    expect(screen.getByRole('combobox', { name: /^Review after/ }).textContent).toBe('2');
    expect((screen.getByLabelText('As-of date') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Reporting currency') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Near threshold (% of quota)') as HTMLInputElement).value).toBe('90');
  });

  it('persists a choice at once', async () => {
    const user = userEvent.setup();
    const onCommit = jest.fn();
    renderPane(<Stateful onCommit={onCommit} />);
    await choose(user, 'Fiscal year starts in', 'October');
    expect(onCommit).toHaveBeenLastCalledWith({ ...defaults, fiscalStart: 10 });
    await choose(user, 'Forecast method', 'Seasonal');
    expect(onCommit).toHaveBeenLastCalledWith({ ...defaults, fiscalStart: 10, forecast: 'seasonal' });
    await choose(user, 'Date order', 'Day/month/year (31/03/2026)');
    await choose(user, 'Decimal separator in amounts', 'Comma (1.234,56)');
    await choose(user, /^Review after/, '3');
    await choose(user, 'Report language', 'Deutsch');
    expect(onCommit).toHaveBeenLastCalledWith({
      ...defaults,
      fiscalStart: 10,
      forecast: 'seasonal',
      dateOrder: 'DMY',
      decimal: ',',
      reviewAfter: 3,
      reportLanguage: 'de',
    });
  });

  it('persists a typed value when the field is left, upper-casing the currency', async () => {
    const user = userEvent.setup();
    const onCommit = jest.fn();
    renderPane(<Stateful onCommit={onCommit} />);
    await user.type(screen.getByLabelText('Reporting currency'), 'pln');
    expect(onCommit).not.toHaveBeenCalled();
    await user.tab();
    expect(onCommit).toHaveBeenLastCalledWith({ ...defaults, currency: 'PLN' });
  });

  it('shows what is wrong with a currency once the field is left, and does not persist it', async () => {
    const user = userEvent.setup();
    const onCommit = jest.fn();
    renderPane(<Stateful onCommit={onCommit} />);
    const currency = screen.getByLabelText('Reporting currency');
    await user.type(currency, 'EU');
    expect(screen.queryByText(/three-letter currency code/)).toBeNull();
    await user.tab();
    expect(screen.getByText('Enter a three-letter currency code such as EUR, or leave the field empty.')).toBeTruthy();
    expect(currency.getAttribute('aria-invalid')).toBe('true');
    expect(onCommit).not.toHaveBeenCalled();
    await user.type(currency, 'R');
    await user.tab();
    expect(screen.queryByText(/three-letter currency code/)).toBeNull();
    expect(onCommit).toHaveBeenLastCalledWith({ ...defaults, currency: 'EUR' });
  });

  it.each([
    ['0', true],
    ['150', true],
    ['abc', true],
    ['85,5', false],
    ['100', false],
  ])('near threshold "%s": invalid %s', async (value, invalid) => {
    const user = userEvent.setup();
    const onCommit = jest.fn();
    renderPane(<Stateful onCommit={onCommit} />);
    const input = screen.getByLabelText('Near threshold (% of quota)');
    await user.clear(input);
    await user.type(input, value);
    await user.tab();
    expect(screen.queryByText('Enter a percentage from 1 to 100.') !== null).toBe(invalid);
    expect(onCommit).toHaveBeenCalledTimes(invalid ? 0 : 1);
  });

  it('takes an as-of date from the date input, and an empty one means the latest transaction', async () => {
    const user = userEvent.setup();
    const onCommit = jest.fn();
    renderPane(<Stateful onCommit={onCommit} />);
    const asOf = screen.getByLabelText('As-of date');
    expect(screen.getByText('Leave empty to use the latest transaction date.')).toBeTruthy();
    fireEvent.change(asOf, { target: { value: '2026-09-30' } });
    fireEvent.blur(asOf);
    expect(onCommit).toHaveBeenLastCalledWith({ ...defaults, asOf: '2026-09-30' });
    fireEvent.change(asOf, { target: { value: '' } });
    await user.click(asOf);
    await user.tab();
    expect(onCommit).toHaveBeenLastCalledWith(defaults);
  });

  it('speaks Polish, months included', () => {
    renderPane(<Stateful onCommit={jest.fn()} initial={{ ...defaults, fiscalStart: 7 }} />, 'pl');
    expect(screen.getByRole('combobox', { name: 'Rok obrotowy zaczyna się w miesiącu' }).textContent).toBe('lipiec');
    expect(screen.getByLabelText('Waluta raportu')).toBeTruthy();
  });
});
