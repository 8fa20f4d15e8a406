import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageSwitch } from '../../../src/taskpane/components/LanguageSwitch';
import { choose } from '../support/choose';
import { renderPane } from '../support/renderPane';

describe('LanguageSwitch', () => {
  it('offers each language in its own name and reports the choice', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderPane(<LanguageSwitch language="en" onChange={onChange} />);
    const box = screen.getByRole('combobox', { name: 'Language' });
    expect(box.textContent).toBe('English');
    await user.click(box);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['English', 'Deutsch', 'Español', 'Polski']);
    await user.click(screen.getByRole('option', { name: 'Polski' }));
    expect(onChange).toHaveBeenCalledWith('pl');
  });

  it('does not report the language already chosen', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderPane(<LanguageSwitch language="de" onChange={onChange} />, 'de');
    await choose(user, 'Sprache', 'Deutsch');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('is keyboard operable', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderPane(<LanguageSwitch language="en" onChange={onChange} />);
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenCalledWith('de');
  });
});
