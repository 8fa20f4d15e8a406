import { screen } from '@testing-library/react';
import { parsePlanGrid } from '../../../src/core/commission/parsePlanGrid';
import { PlanSection, type PlanSectionProps } from '../../../src/taskpane/components/PlanSection';
import { planStateFrom } from '../../../src/taskpane/plan/planState';
import { renderPane } from '../support/renderPane';

/** A plan sheet whose first tier has no rate: parsePlanGrid rejects it with a located error. */
const BAD_SHEET = parsePlanGrid({
  sheet: 'Commission Plan',
  firstRow: 1,
  rows: [
    ['Setting', 'Value'],
    ['period', 'quarter'],
    ['basis', 'attainment'],
    ['method', 'marginal'],
    [],
    ['Tier from', 'Rate'],
    ['0%', 'abc'],
  ],
});

function props(): PlanSectionProps {
  return {
    plan: planStateFrom(BAD_SHEET),
    editing: null,
    editorKey: 0,
    saving: false,
    saved: false,
    onNew: jest.fn(),
    onEdit: jest.fn(),
    onSave: jest.fn(),
    onClose: jest.fn(),
  };
}

describe('PlanSection', () => {
  it('lists an invalid plan sheet\'s problems with their row and reason', () => {
    if (BAD_SHEET.ok) throw new Error('the fixture should be an invalid plan');
    const first = BAD_SHEET.errors[0];
    if (first === undefined) throw new Error('no error');
    renderPane(<PlanSection {...props()} />, 'en');
    expect(screen.getByText(new RegExp(`Row ${first.row}.*${first.reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))).toBeTruthy();
  });

  it('says the reasons in the pane language', () => {
    if (BAD_SHEET.ok) throw new Error('the fixture should be an invalid plan');
    renderPane(<PlanSection {...props()} />, 'pl');
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items.length).toBe(BAD_SHEET.errors.length);
    for (const [i, e] of BAD_SHEET.errors.entries()) expect(items[i]).not.toContain(e.reason);
  });
});
