import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toText } from '../../../src/core/commission/exactDecimal';
import type { CommissionPlan } from '../../../src/core/commission/commissionPlan';
import { PlanEditor } from '../../../src/taskpane/components/PlanEditor';
import { planTemplate } from '../../../src/taskpane/plan/planForm';
import { choose } from '../support/choose';
import { renderPane } from '../support/renderPane';

function setup(language: 'en' | 'de' = 'en') {
  const user = userEvent.setup();
  const onSave = jest.fn<void, [CommissionPlan]>();
  const onClose = jest.fn();
  renderPane(<PlanEditor initial={planTemplate()} onSave={onSave} onClose={onClose} />, language);
  const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
  const retype = async (name: string, value: string) => {
    await user.clear(field(name));
    if (value !== '') await user.type(field(name), value);
  };
  return { user, onSave, onClose, field, retype };
}

/** The plan emitted by the last Save, with decimals as text. */
function saved(onSave: jest.Mock<void, [CommissionPlan]>) {
  const plan = onSave.mock.lastCall?.[0];
  if (plan === undefined) throw new Error('not saved');
  return {
    ...plan,
    tiers: plan.tiers.map((t) => [toText(t.from), toText(t.rate)]),
    bonuses: plan.bonuses.map((b) => [toText(b.threshold), toText(b.amount)]),
    capAttainment: plan.capAttainment && toText(plan.capAttainment),
    capAmount: plan.capAmount && toText(plan.capAmount),
  };
}

describe('PlanEditor', () => {
  it('starts from the template and saves it as a plan', async () => {
    const { user, onSave, field } = setup();
    expect(field('Tier 2: from').value).toBe('50');
    expect(field('Tier 3: rate in %').value).toBe('8');
    expect(screen.getByRole('combobox', { name: 'Method' }).textContent).toBe('Marginal: each slice at its own rate');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(saved(onSave)).toEqual({
      period: 'quarter',
      basis: 'attainment',
      method: 'marginal',
      tiers: [
        ['0', '0.02'],
        ['0.5', '0.05'],
        ['1', '0.08'],
      ],
      capAttainment: '2',
      capAmount: undefined,
      bonuses: [['1', '1000']],
    });
  });

  it.each<[string, string, string, string]>([
    ['the first tier must start at 0', 'Tier 1: from', '10', 'The first tier must start at 0.'],
    ['tiers must ascend', 'Tier 3: from', '40', 'Must be above the tier before it (50 %).'],
    ['rates are not negative', 'Tier 2: rate in %', '-1', 'A rate cannot be negative.'],
    ['rates are at most 100 %', 'Tier 1: rate in %', '150', 'A rate cannot be above 100 %.'],
    ['tier starts are plausible', 'Tier 3: from', '5000', 'More than 1,000 % of quota: check the value.'],
    ['a tier start is a number', 'Tier 2: from', 'half', 'Enter a number.'],
    ['the attainment cap is above 0', 'Count revenue up to (% of quota)', '0', 'The cap must be above 0 %.'],
    ['the commission cap is not negative', 'Maximum commission per period', '-5', 'Cannot be negative.'],
    ['a bonus is not negative', 'Bonus 1: amount', '-100', 'Cannot be negative.'],
    ['a bonus threshold is not negative', 'Bonus 1: at attainment in %', '-1', 'Cannot be negative.'],
  ])('%s', async (_name, label, value, text) => {
    const { user, onSave, field, retype } = setup();
    await retype(label, value);
    const input = field(label);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description, so screen readers read it with the field.
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain(text);
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Fix the values marked in red to save the plan.')).toBeTruthy();
  });

  it('asks for at least one tier', async () => {
    const { user, onSave } = setup();
    for (const n of [3, 2, 1]) await user.click(screen.getByRole('button', { name: `Remove tier ${n}` }));
    expect(screen.getByRole('alert').textContent).toBe('Add at least one tier.');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('does not scold an empty new row until it is left or Save is pressed', async () => {
    const { user, onSave, field } = setup();
    await user.click(screen.getByRole('button', { name: 'Add tier' }));
    expect(field('Tier 4: from').value).toBe('');
    expect(field('Tier 4: from').getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(field('Tier 4: from').getAttribute('aria-invalid')).toBe('true');
    expect(field('Tier 4: rate in %').getAttribute('aria-invalid')).toBe('true');
    await user.type(field('Tier 4: from'), '150');
    await user.type(field('Tier 4: rate in %'), '12,5');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(saved(onSave).tiers[3]).toEqual(['1.5', '0.125']);
  });

  it('edits period, basis, method, caps and bonuses', async () => {
    const { user, onSave, retype } = setup();
    await choose(user, 'Commission period', 'Year');
    await choose(user, 'Method', 'Retroactive: all revenue at the rate reached');
    await choose(user, 'Tiers start at', 'Revenue (amount)');
    expect(screen.getByRole('columnheader', { name: 'From (amount)' })).toBeTruthy();
    await retype('Tier 2: from', '50 000');
    await retype('Tier 3: from', '100,000');
    await retype('Count revenue up to (% of quota)', '');
    await retype('Maximum commission per period', '25000');
    await user.click(screen.getByRole('button', { name: 'Remove bonus 1' }));
    expect(screen.getByText('No bonuses.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(saved(onSave)).toEqual({
      period: 'year',
      basis: 'revenue',
      method: 'retroactive',
      tiers: [
        ['0', '0.02'],
        ['50000', '0.05'],
        ['100000', '0.08'],
      ],
      capAttainment: undefined,
      capAmount: '25000',
      bonuses: [],
    });
  });

  it('adds a bonus', async () => {
    const { user, onSave, field } = setup();
    await user.click(screen.getByRole('button', { name: 'Add bonus' }));
    await user.type(field('Bonus 2: at attainment in %'), '120');
    await user.type(field('Bonus 2: amount'), '2500');
    await user.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(saved(onSave).bonuses).toEqual([
      ['1', '1000'],
      ['1.2', '2500'],
    ]);
  });

  it('closes without saving', async () => {
    const { user, onSave, onClose } = setup();
    await user.click(screen.getByRole('button', { name: 'Close without saving' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('waits while saving', async () => {
    const user = userEvent.setup();
    const onSave = jest.fn();
    renderPane(<PlanEditor initial={planTemplate()} saving onSave={onSave} onClose={jest.fn()} />);
    const save = screen.getByRole('button', { name: 'Save plan' });
    expect(save.getAttribute('aria-disabled')).toBe('true');
    await user.click(save);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('speaks German and reads a decimal comma', async () => {
    const { user, onSave, retype } = setup('de');
    expect(within(screen.getAllByRole('table')[0]!).getByRole('columnheader', { name: 'Ab (% der Quote)' })).toBeTruthy();
    await retype('Stufe 1: Satz in %', '2,5');
    await retype('Höchstprovision je Zeitraum', '1.000,50');
    await user.click(screen.getByRole('button', { name: 'Plan speichern' }));
    expect(saved(onSave).tiers[0]).toEqual(['0', '0.025']);
    expect(saved(onSave).capAmount).toBe('1000.5');
  });
});
