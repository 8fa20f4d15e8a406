import { analyseTables } from '../../../src/app/runAnalysis';
import type { Grid } from '../../../src/core/intake/cellValue';
import { summaryFromRun } from '../../../src/taskpane/results/runSummary';
import type { WrittenSheet } from '../../../src/taskpane/paneActions';

const transactions: Grid = {
  sheet: 'Sales',
  firstRow: 1,
  rows: [
    ['Date', 'Customer', 'Account Manager', 'Amount', 'Currency'],
    ['2026-01-15', 'Acme', 'Anna', 60000, 'EUR'],
    ['2026-02-10', 'Birch', 'Anna', 40000, 'EUR'],
    ['2026-03-05', 'Acme', 'Ben', 30000, 'EUR'],
    ['2026-03-20', 'Cedar', 'Ben', 'abc', 'EUR'],
    ['2026-03-31', 'Cedar', 'Ben', 20000, 'EUR'],
  ],
};
const quotas: Grid = {
  sheet: 'Quotas',
  firstRow: 1,
  rows: [
    ['Manager', 'Period', 'Quota'],
    ['Anna', '2026-Q1', 100000],
    ['Ben', '2026-Q1', 100000],
  ],
};
const planJson = JSON.stringify({ tiers: [{ from: 0, rate: '2%' }, { from: '50%', rate: '5%' }, { from: 1, rate: '8%' }], bonuses: [{ threshold: 1, amount: 1000 }] });
const sheets: WrittenSheet[] = [{ role: 'quarterly', name: 'Quarterly Results', wanted: 'Quarterly Results' }];

describe('summaryFromRun', () => {
  it('summarises a real run for the results card', () => {
    const outcome = analyseTables({ transactions, auxiliary: { quotas }, planJson: { text: planJson, label: 'plan.json' } }, { fiscalStart: 1 });
    if (!outcome.ok) throw new Error(outcome.message);
    const s = summaryFromRun(outcome, sheets);
    expect(s).toMatchObject({
      asOf: '2026-03-31',
      reportYear: '2026',
      currency: 'EUR',
      managers: 2,
      totalRevenue: 150000_00,
      teamAttainment: 0.75,
      rows: 5,
      rejected: 1,
      sheets,
    });
    // Marginal, quota 100 000. Anna, 100 000: 50 000 × 2 % + 50 000 × 5 % + bonus 1 000 = 4 500.
    // Ben, 50 000: 50 000 × 2 % = 1 000. Total payout 5 500.
    expect(s.totalPayout).toBe(5500_00);
    expect(s.band).toMatch(/^(low|moderate|high)$/);
    expect(s.hhi).toBeGreaterThan(0);
    expect(s.issues).toEqual([
      expect.objectContaining({ sheet: 'Sales', row: 5, column: 'Amount', value: 'abc' }),
    ]);
  });

  it('has no payout without a plan', () => {
    const outcome = analyseTables({ transactions, auxiliary: {} });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(summaryFromRun(outcome, []).totalPayout).toBeNull();
    expect(summaryFromRun(outcome, []).teamAttainment).toBeNull();
  });
});
