import fc from 'fast-check';
import type { CellValue, Grid } from '../../../src/core/intake/cellValue';
import type { CommissionPlan } from '../../../src/core/commission/commissionPlan';
import { normalize, parseDecimalText, toText, type ExactDecimal } from '../../../src/core/commission/exactDecimal';
import { parsePlanGrid } from '../../../src/core/commission/parsePlanGrid';
import { parsePlanJson } from '../../../src/core/commission/parsePlanJson';
import { planToRows } from '../../../src/core/commission/planToRows';
import type { PlanResult } from '../../../src/core/commission/validatePlan';

const grid = (rows: CellValue[][], firstRow = 1): Grid => ({ sheet: 'Commission Plan', firstRow, rows });
const t = (x: ExactDecimal | undefined) => (x === undefined ? undefined : toText(normalize(x)));

function readable(r: PlanResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const p = r.plan;
  return {
    period: p.period,
    basis: p.basis,
    method: p.method,
    tiers: p.tiers.map((x) => [t(x.from), t(x.rate)]),
    capAttainment: t(p.capAttainment),
    capAmount: t(p.capAmount),
    bonuses: p.bonuses.map((b) => [t(b.threshold), t(b.amount)]),
  };
}

function errors(r: PlanResult) {
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => ({ code: e.code, row: e.row, column: e.column, value: e.value }));
}

describe('parsePlanGrid', () => {
  it('reads the documented three-block layout', () => {
    const r = parsePlanGrid(
      grid([
        ['Commission plan 2026'],
        [],
        ['Setting', 'Value', 'Notes'],
        ['Period', 'quarter', 'paid quarterly'],
        ['Basis', 'attainment'],
        ['Method', 'Marginal'],
        ['Cap attainment', '200%'],
        ['Cap amount', 'none'],
        [],
        ['From', 'Rate'],
        ['0%', '2%'],
        [0.5, 0.05],
        ['100 %', '8%'],
        [],
        ['Threshold', 'Bonus'],
        ['100%', 1000],
      ]),
    );
    expect(readable(r)).toEqual({
      period: 'quarter',
      basis: 'attainment',
      method: 'marginal',
      tiers: [['0', '0.02'], ['0.5', '0.05'], ['1', '0.08']],
      capAttainment: '2',
      capAmount: undefined,
      bonuses: [['1', '1000']],
    });
  });

  it('reads German, Spanish and Polish labels and a revenue plan', () => {
    const de = parsePlanGrid(grid([['Einstellung', 'Wert'], ['Zeitraum', 'Jahr'], ['Grundlage', 'Umsatz'], ['Methode', 'rückwirkend'],
      ['Maximale Provision', '€ 20.000,00'], [], ['Ab', 'Satz'], [0, '4%'], ['200.000,00', '6%']]));
    expect(readable(de)).toMatchObject({ period: 'year', basis: 'revenue', method: 'retroactive', capAmount: '20000', tiers: [['0', '0.04'], ['200000', '0.06']] });
    const es = parsePlanGrid(grid([['Ajuste', 'Valor'], ['Período', 'trimestre'], ['Método', 'retroactivo'], ['Desde', 'Tasa'], ['0%', '3%'], ['Umbral', 'Bono'], ['110%', 500]]));
    expect(readable(es)).toMatchObject({ period: 'quarter', method: 'retroactive', bonuses: [['1.1', '500']] });
    const pl = parsePlanGrid(grid([['Ustawienie', 'Wartość'], ['Okres', 'rok'], ['Podstawa', 'przychód'], ['Od', 'Stawka'], [0, '5%'], [100000, '7,5%']]));
    expect(readable(pl)).toMatchObject({ period: 'year', basis: 'revenue', tiers: [['0', '0.05'], ['100000', '0.075']] });
  });

  it('uses SPEC defaults for left-out settings and reads block headers in any columns', () => {
    const r = parsePlanGrid(grid([[null, 'Rate', 'From'], ['note', '5%', 0]]));
    expect(readable(r)).toEqual({
      period: 'quarter', basis: 'attainment', method: 'marginal', tiers: [['0', '0.05']],
      capAttainment: undefined, capAmount: undefined, bonuses: [],
    });
  });

  it('reads settings above the first block header', () => {
    expect(readable(parsePlanGrid(grid([['Method', 'retroactive'], ['From', 'Rate'], ['0', '1%']]))).method).toBe('retroactive');
  });

  it.each<[string, CellValue[][], { code: string; row: number; column: string; value?: string }[]]>([
    ['tiers not ascending', [['From', 'Rate'], ['0%', '2%'], ['100%', '5%'], ['50%', '8%']], [{ code: 'plan.tiersNotAscending', row: 5, column: 'From', value: '50%' }]],
    ['equal tier starts', [['From', 'Rate'], [0, '2%'], [0.5, '5%'], [0.5, '8%']], [{ code: 'plan.tiersNotAscending', row: 5, column: 'From' }]],
    ['first tier not 0', [['From', 'Rate'], ['10%', '2%']], [{ code: 'plan.firstTierNotZero', row: 3, column: 'From', value: '10%' }]],
    ['negative rate', [['From', 'Rate'], ['0%', '-2%']], [{ code: 'plan.negativeRate', row: 3, column: 'Rate', value: '-2%' }]],
    ['rate typed as a whole number', [['From', 'Rate'], [0, 5]], [{ code: 'plan.rateTooHigh', row: 3, column: 'Rate', value: '5' }]],
    ['attainment typed as a whole number', [['From', 'Rate'], [0, '1%'], [50, '2%']], [{ code: 'plan.implausiblePercent', row: 4, column: 'From', value: '50' }]],
    ['unknown setting', [['Setting', 'Value'], ['Colour', 'blue'], ['From', 'Rate'], [0, '1%']], [{ code: 'plan.unknownSetting', row: 3, column: 'Setting', value: 'Colour' }]],
    ['bad method', [['Setting', 'Value'], ['Method', 'random'], ['From', 'Rate'], [0, '1%']], [{ code: 'plan.badValue', row: 3, column: 'Method', value: 'random' }]],
    ['bad rate text', [['From', 'Rate'], [0, 'five']], [{ code: 'plan.badValue', row: 3, column: 'Rate', value: 'five' }]],
    ['percentage as a revenue tier start', [['Basis', 'revenue'], ['From', 'Rate'], [0, '1%'], ['50%', '2%']], [{ code: 'plan.badValue', row: 5, column: 'From', value: '50%' }]],
    ['duplicate setting', [['Setting', 'Value'], ['Period', 'quarter'], ['Period', 'year'], ['From', 'Rate'], [0, '1%']], [{ code: 'plan.duplicateSetting', row: 4, column: 'Period', value: 'year' }]],
    ['no tiers', [['Setting', 'Value'], ['Period', 'year']], [{ code: 'plan.noTiers', row: 0, column: 'From' }]],
    ['negative cap amount', [['Setting', 'Value'], ['Cap amount', -5], ['From', 'Rate'], [0, '1%']], [{ code: 'plan.badValue', row: 3, column: 'Cap amount', value: '-5' }]],
    ['zero attainment cap', [['Setting', 'Value'], ['Cap attainment', '0%'], ['From', 'Rate'], [0, '1%']], [{ code: 'plan.badValue', row: 3, column: 'Cap attainment' }]],
    ['negative bonus', [['From', 'Rate'], [0, '1%'], ['Threshold', 'Bonus'], ['100%', -100]], [{ code: 'plan.badValue', row: 5, column: 'Bonus', value: '-100' }]],
  ])('error names the row: %s', (_name, rows, expected) => {
    const found = errors(parsePlanGrid(grid(rows, 2)));
    expect(found).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('reports every problem at once', () => {
    const found = errors(parsePlanGrid(grid([['From', 'Rate'], ['5%', '-1%'], ['1%', '2%']])));
    expect(found.map((e) => [e.code, e.row])).toEqual([
      ['plan.firstTierNotZero', 2],
      ['plan.negativeRate', 2],
      ['plan.tiersNotAscending', 3],
    ]);
  });

  it('property: planToRows round-trips through parsePlanGrid', () => {
    const pct = fc.integer({ min: 0, max: 100_000 }).map((n) => parseDecimalText(`${n / 1000}`) as ExactDecimal);
    fc.assert(
      fc.property(
        fc.constantFrom('quarter', 'year'),
        fc.constantFrom('attainment', 'revenue'),
        fc.constantFrom('marginal', 'retroactive'),
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 4 }),
        fc.array(pct.map((r) => ({ digits: r.digits, scale: r.scale + 2 })), { minLength: 5, maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 500 })),
        fc.option(fc.integer({ min: 0, max: 10_000_000 })),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 100_000 })), { maxLength: 3 }),
        (period, basis, method, starts, rates, capA, capM, bonuses) => {
          const froms = [0, ...starts.sort((a, b) => a - b)];
          const plan: CommissionPlan = {
            period, basis, method,
            tiers: froms.map((f, i) => ({
              from: parseDecimalText(basis === 'attainment' ? `${f / 1000}` : `${f * 100}.5`.replace(/^0\.5$/, '0')) as ExactDecimal,
              rate: rates[i] as ExactDecimal,
            })),
            bonuses: bonuses.map(([th, amt]) => ({ threshold: parseDecimalText(`${th / 100}`) as ExactDecimal, amount: parseDecimalText(`${amt}.25`) as ExactDecimal })),
            ...(capA === null ? {} : { capAttainment: parseDecimalText(`${capA / 100}`) as ExactDecimal }),
            ...(capM === null ? {} : { capAmount: parseDecimalText(`${capM}`) as ExactDecimal }),
          };
          const back = parsePlanGrid(grid(planToRows(plan)));
          const json = parsePlanJson(JSON.parse(JSON.stringify({
            period, basis, method,
            tiers: plan.tiers.map((x) => ({ from: toText(x.from), rate: toText(x.rate) })),
            bonuses: plan.bonuses.map((b) => ({ threshold: toText(b.threshold), amount: toText(b.amount) })),
            capAttainment: plan.capAttainment ? toText(plan.capAttainment) : null,
            capAmount: plan.capAmount ? toText(plan.capAmount) : null,
          })));
          const expected = readable({ ok: true, plan });
          expect(readable(back)).toEqual(expected);
          expect(readable(json)).toEqual(expected);
        },
      ),
    );
  });
});

describe('parsePlanJson', () => {
  it('reads a JSON plan with fractions, percentage strings and amounts', () => {
    const r = parsePlanJson(JSON.stringify({
      period: 'year', basis: 'attainment', method: 'retroactive',
      tiers: [{ from: 0, rate: '2%' }, { from: '50%', rate: 0.05 }, { from: 1, rate: 0.08 }],
      capAttainment: 2, capAmount: '50000.50', bonuses: [{ threshold: 1, amount: 1000 }],
    }));
    expect(readable(r)).toEqual({
      period: 'year', basis: 'attainment', method: 'retroactive',
      tiers: [['0', '0.02'], ['0.5', '0.05'], ['1', '0.08']],
      capAttainment: '2', capAmount: '50000.5', bonuses: [['1', '1000']],
    });
  });

  it('accepts an already parsed object and takes defaults', () => {
    expect(readable(parsePlanJson({ tiers: [{ from: 0, rate: 0.1 }] }))).toMatchObject({ period: 'quarter', basis: 'attainment', method: 'marginal' });
  });

  it.each<[string, unknown, { code: string; column: string }[]]>([
    ['not JSON', '{tiers:', [{ code: 'plan.notJson', column: '' }]],
    ['not an object', '[1]', [{ code: 'plan.notJson', column: '' }]],
    ['unknown key', { tiers: [{ from: 0, rate: 0.1 }], colour: 'red' }, [{ code: 'plan.unknownSetting', column: 'colour' }]],
    ['tiers not ascending', { tiers: [{ from: 0, rate: 0.1 }, { from: 1, rate: 0.2 }, { from: 0.5, rate: 0.3 }] }, [{ code: 'plan.tiersNotAscending', column: 'tiers[2].from' }]],
    ['first tier not 0', { tiers: [{ from: 0.1, rate: 0.1 }] }, [{ code: 'plan.firstTierNotZero', column: 'tiers[0].from' }]],
    ['negative rate', { tiers: [{ from: 0, rate: -0.1 }] }, [{ code: 'plan.negativeRate', column: 'tiers[0].rate' }]],
    ['bad basis', { basis: 'profit', tiers: [{ from: 0, rate: 0.1 }] }, [{ code: 'plan.badValue', column: 'basis' }]],
    ['missing rate', { tiers: [{ from: 0 }] }, [{ code: 'plan.badValue', column: 'tiers[0].rate' }]],
    ['tiers not a list', { tiers: 5 }, [{ code: 'plan.badValue', column: 'tiers' }]],
    ['no tiers', {}, [{ code: 'plan.noTiers', column: 'tiers' }]],
    ['bad bonus amount', { tiers: [{ from: 0, rate: 0.1 }], bonuses: [{ threshold: 1, amount: 'lots' }] }, [{ code: 'plan.badValue', column: 'bonuses[0].amount' }]],
  ])('error names the JSON path: %s', (_name, input, expected) => {
    expect(errors(parsePlanJson(input))).toEqual(expected.map((e) => expect.objectContaining(e)));
  });
});
