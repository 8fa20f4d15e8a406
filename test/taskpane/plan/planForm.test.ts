import { compare, normalize, parseDecimalText, toText, type ExactDecimal } from '../../../src/core/commission/exactDecimal';
import { parsePlanJson } from '../../../src/core/commission/parsePlanJson';
import {
  nextRowId,
  planFormFromPlan,
  planTemplate,
  validatePlanForm,
  type PlanForm,
  type PlanFormErrors,
} from '../../../src/taskpane/plan/planForm';
import { planStateFrom } from '../../../src/taskpane/plan/planState';

const dec = (s: string): ExactDecimal => normalize(parseDecimalText(s)!);
const template = planTemplate();

function errorsOf(form: PlanForm, mark: '.' | ',' = '.'): PlanFormErrors {
  const r = validatePlanForm(form, mark);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

const withTiers = (tiers: [string, string][], patch: Partial<PlanForm> = {}): PlanForm => ({
  ...template,
  tiers: tiers.map(([from, rate], i) => ({ id: i + 1, from, rate })),
  ...patch,
});

describe('planTemplate', () => {
  it('is SPEC §5’s worked example with a 200 % cap, and valid', () => {
    const r = validatePlanForm(template);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.plan;
    expect([p.period, p.basis, p.method]).toEqual(['quarter', 'attainment', 'marginal']);
    expect(p.tiers.map((t) => [toText(t.from), toText(t.rate)])).toEqual([
      ['0', '0.02'],
      ['0.5', '0.05'],
      ['1', '0.08'],
    ]);
    expect(p.capAttainment && toText(p.capAttainment)).toBe('2');
    expect(p.capAmount).toBeUndefined();
    expect(p.bonuses.map((b) => [toText(b.threshold), toText(b.amount)])).toEqual([['1', '1000']]);
  });

  it('gives the same plan as the CLI’s plan.json reader (one set of rules for pane and CLI)', () => {
    const json = parsePlanJson({
      period: 'quarter',
      basis: 'attainment',
      method: 'marginal',
      tiers: [
        { from: '0%', rate: '2%' },
        { from: '50%', rate: '5%' },
        { from: '100%', rate: '8%' },
      ],
      capAttainment: '200%',
      bonuses: [{ threshold: '100%', amount: 1000 }],
    });
    expect(validatePlanForm(template)).toEqual(json);
  });
});

describe('validatePlanForm: every rule, at the field it names', () => {
  it.each<[string, PlanForm, Record<string, string>]>([
    ['an empty rate', withTiers([['0', '']]), { 'tiers[0].rate': 'pane.plan.error.notNumber' }],
    ['text as a tier start', withTiers([['0', '2'], ['half', '5']]), { 'tiers[1].from': 'pane.plan.error.notNumber' }],
    ['no tiers', withTiers([]), { tiers: 'pane.plan.error.noTiers' }],
    ['a first tier above 0', withTiers([['10', '2']]), { 'tiers[0].from': 'pane.plan.error.firstTierNotZero' }],
    ['tiers not ascending', withTiers([['0', '2'], ['50', '5'], ['50', '8']]), { 'tiers[2].from': 'pane.plan.error.tiersNotAscending' }],
    ['tiers descending', withTiers([['0', '2'], ['80', '5'], ['60', '8']]), { 'tiers[2].from': 'pane.plan.error.tiersNotAscending' }],
    ['a negative rate', withTiers([['0', '-1']]), { 'tiers[0].rate': 'pane.plan.error.negativeRate' }],
    ['a rate above 100 %', withTiers([['0', '150']]), { 'tiers[0].rate': 'pane.plan.error.rateTooHigh' }],
    ['a tier start above 1 000 %', withTiers([['0', '2'], ['5000', '5']]), { 'tiers[1].from': 'pane.plan.error.implausiblePercent' }],
    ['an attainment cap of 0', { ...template, capAttainment: '0' }, { capAttainment: 'pane.plan.error.capAttainment' }],
    ['a text cap', { ...template, capAmount: 'lots' }, { capAmount: 'pane.plan.error.notNumber' }],
    ['a negative commission cap', { ...template, capAmount: '-5' }, { capAmount: 'pane.plan.error.negative' }],
    ['a negative bonus threshold', { ...template, bonuses: [{ id: 9, threshold: '-10', amount: '100' }] }, { 'bonuses[0].threshold': 'pane.plan.error.negative' }],
    ['a negative bonus', { ...template, bonuses: [{ id: 9, threshold: '100', amount: '-100' }] }, { 'bonuses[0].amount': 'pane.plan.error.negative' }],
    ['an empty bonus amount', { ...template, bonuses: [{ id: 9, threshold: '100', amount: ' ' }] }, { 'bonuses[0].amount': 'pane.plan.error.notNumber' }],
  ])('%s', (_name, form, expected) => {
    const errors = errorsOf(form);
    expect(Object.fromEntries(Object.entries(errors).map(([path, m]) => [path, m.key]))).toEqual(expected);
  });

  it('names the tier before in "must be above"', () => {
    expect(errorsOf(withTiers([['0', '2'], ['50', '5'], ['40', '8']]))['tiers[2].from']).toEqual({
      key: 'pane.plan.error.tiersNotAscending',
      params: { previous: '50 %' },
    });
  });

  it('reports every problem at once', () => {
    const errors = errorsOf(withTiers([['5', '-2'], ['3', '200']]));
    expect(Object.keys(errors).sort()).toEqual(['tiers[0].from', 'tiers[0].rate', 'tiers[1].from', 'tiers[1].rate']);
  });
});

describe('validatePlanForm: numbers as people type them', () => {
  it.each<[string, string, string]>([
    ['2.5', '.', '0.025'],
    ['2,5', ',', '0.025'],
    ['2,5', '.', '0.025'],
    ['2.5 %', '.', '0.025'],
    [' 12.125 ', '.', '0.12125'],
  ])('rate "%s" (decimal mark %s) is %s', (text, mark, expected) => {
    const r = validatePlanForm(withTiers([['0', text]]), mark as '.' | ',');
    expect(r.ok && r.plan.tiers[0] !== undefined && toText(r.plan.tiers[0].rate)).toBe(expected);
  });

  it.each<[string, '.' | ',', string]>([
    ['1000', '.', '1000'],
    ['1,000.50', '.', '1000.5'],
    ['1.000,50', ',', '1000.5'],
    ['1.000', ',', '1000'],
    ['€ 2 500', ',', '2500'],
  ])('amount "%s" (decimal mark %s) is %s', (text, mark, expected) => {
    const r = validatePlanForm({ ...template, capAmount: text }, mark);
    expect(r.ok && r.plan.capAmount !== undefined && compare(r.plan.capAmount, dec(expected))).toBe(0);
  });

  it('reads tier starts as amounts on a revenue basis', () => {
    const r = validatePlanForm(withTiers([['0', '2'], ['50000', '5'], ['100 000', '8']], { basis: 'revenue' }));
    expect(r.ok && r.plan.tiers.map((t) => toText(t.from))).toEqual(['0', '50000', '100000']);
  });

  it('leaves out empty caps', () => {
    const r = validatePlanForm({ ...template, capAttainment: ' ', capAmount: '' });
    expect(r.ok && 'capAttainment' in r.plan).toBe(false);
    expect(r.ok && 'capAmount' in r.plan).toBe(false);
  });
});

describe('planFormFromPlan', () => {
  it.each<[string, PlanForm, '.' | ',']>([
    ['the template', template, '.'],
    ['a revenue plan with fractions, decimal comma', withTiers([['0', '1,5'], ['12345,67', '2,25']], { basis: 'revenue', method: 'retroactive', period: 'year', capAmount: '5000,5', capAttainment: '', bonuses: [] }), ','],
  ])('round-trips %s', (_name, form, mark) => {
    const first = validatePlanForm(form, mark);
    if (!first.ok) throw new Error('form should be valid');
    const again = validatePlanForm(planFormFromPlan(first.plan, mark), mark);
    expect(again).toEqual(first);
  });

  it('shows fractions as percentages in the locale’s decimal mark', () => {
    const r = validatePlanForm(withTiers([['0', '2.5'], ['50', '5']]));
    if (!r.ok) throw new Error('valid');
    expect(planFormFromPlan(r.plan, ',').tiers.map((t) => [t.from, t.rate])).toEqual([
      ['0', '2,5'],
      ['50', '5'],
    ]);
  });
});

describe('nextRowId', () => {
  it('is above every row id', () => {
    expect(nextRowId(template)).toBe(5);
    expect(nextRowId({ ...template, tiers: [], bonuses: [] })).toBe(1);
  });
});

describe('planStateFrom', () => {
  it.each([
    ['no plan sheet', null, { status: 'none' }],
    ['a plan', { ok: true as const, plan: { period: 'year' as const, basis: 'revenue' as const, method: 'marginal' as const, tiers: [], bonuses: [] } }, { status: 'plan', plan: { period: 'year', basis: 'revenue', method: 'marginal', tiers: [], bonuses: [] } }],
    ['an invalid plan sheet', { ok: false as const, errors: [] }, { status: 'invalid', errors: [] }],
  ])('%s', (_name, result, expected) => {
    expect(planStateFrom(result)).toEqual(expected);
  });
});
