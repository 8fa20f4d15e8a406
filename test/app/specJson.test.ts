import { toSpecJson, type IntakeSummary } from '../../src/app/specJson';
import { analyze } from '../../src/core/analyze';
import { parsePlanJson } from '../../src/core/commission/parsePlanJson';
import { parseQuotaTable } from '../../src/core/quotas/parseQuotaTable';
import { day, makeTransactions } from '../core/support/makeTransactions';

const intake: IntakeSummary = {
  rows: 5, accepted: 4, rejected: 1, blank: 0, currency: 'EUR',
  issues: [{ code: 'amount.unparseable', sheet: 'Sales', row: 17, column: 'amount', value: 'abc', reason: 'not an amount' }],
};

function build(planPeriod: 'quarter' | 'year' = 'quarter') {
  const tx = makeTransactions([
    { date: '2026-01-10', account: 'Acme', manager: 'Anna', amount: 1234.56 },
    { date: '2026-04-10', account: 'Birch', manager: 'Anna', amount: 100.01 },
    { date: '2026-05-10', account: 'Credit', manager: 'Anna', amount: -10 },
    { date: '2025-05-10', account: 'Acme', manager: 'Anna', amount: 1000 },
  ]);
  const quotas = parseQuotaTable({ sheet: 'Quotas', firstRow: 1, rows: [['Manager', 'Period', 'Quota'], ['Anna', '2026-Q1', 1000]] }, 1, tx.managers);
  const plan = parsePlanJson({ period: planPeriod, tiers: [{ from: 0, rate: '3.3%' }], bonuses: [{ threshold: 1, amount: 50 }] });
  if (!plan.ok) throw new Error('plan');
  return analyze(tx, { asOf: day('2026-06-30'), quotas: quotas.table, plan: plan.plan });
}

describe('toSpecJson (SPEC §9 without forecast)', () => {
  const json = toSpecJson(intake, build());

  it('has exactly the SPEC sections, and no forecast', () => {
    expect(Object.keys(json)).toEqual(['asOf', 'reportYear', 'currency', 'intake', 'attainment', 'commission', 'concentration', 'accounts']);
    expect(json).toMatchObject({ asOf: '2026-06-30', reportYear: '2026', currency: 'EUR' });
    expect(json.intake).toEqual({ rows: 5, accepted: 4, rejected: 1, blank: 0, issues: [{ row: 17, column: 'amount', value: 'abc', reason: 'not an amount' }] });
  });

  it('writes attainment rows per quarter plus a YTD row labelled with the report year', () => {
    expect(json.attainment).toEqual([
      { manager: 'Anna', period: '2026-Q1', revenue: 1234.56, quota: 1000, attainment: 1.23456, status: 'Met', review: false },
      { manager: 'Anna', period: '2026-Q2', revenue: 90.01, quota: null, attainment: null, status: 'No quota', review: false },
      { manager: 'Anna', period: '2026', revenue: 1324.57, quota: null, attainment: null, status: 'No quota', review: false },
    ]);
    expect(Object.keys(json.attainment[0]!)).toEqual(['manager', 'period', 'revenue', 'quota', 'attainment', 'status', 'review']);
  });

  it('writes commission rows with money in currency units rounded to cents and rates unrounded', () => {
    expect(json.commission[0]).toEqual({
      manager: 'Anna', period: '2026-Q1', revenue: 1234.56, quota: 1000, attainment: 1.23456,
      commission: 40.74, // 1 234.56 × 3.3 % = 40.74048
      bonus: 50, payout: 90.74,
      tiers: [{ lower: 0, upper: null, rate: 0.033, amount: 40.74 }],
    });
    expect(json.commission[1]).toMatchObject({ period: '2026-Q2', commission: null, bonus: null, payout: null, tiers: [] });
  });

  it('writes the concentration of the report year', () => {
    expect(json.concentration).toEqual({
      period: '2026',
      total: 1334.57,
      hhi: 10000 * (123456 ** 2 + 10001 ** 2) / 133457 ** 2,
      band: 'high',
      cr: { '1': 123456 / 133457, '5': 1, '10': 1 },
      keyAccountShare: 123456 / 133457, // key accounts = class A = Acme
      keyAccountShareByQuarter: { '2026-Q1': 1, '2026-Q2': 0 },
      accounts: [
        { account: 'Acme', revenue: 1234.56, share: 123456 / 133457, cumulative: 123456 / 133457, class: 'A' },
        { account: 'Birch', revenue: 100.01, share: 10001 / 133457, cumulative: 1, class: 'B' },
      ],
    });
  });

  it('writes account rows with ISO dates and nulls where undefined', () => {
    expect(json.accounts).toEqual([
      { account: 'Acme', manager: 'Anna', revenue: 1234.56, priorRevenue: 1000, growth: 123456 / 100000 - 1, share: 123456 / 133457,
        class: 'A', key: true, orders: 1, lastOrder: '2026-01-10', daysSinceLastOrder: 171, status: 'At risk' },
      { account: 'Birch', manager: 'Anna', revenue: 100.01, priorRevenue: 0, growth: null, share: 10001 / 133457,
        class: 'B', key: false, orders: 1, lastOrder: '2026-04-10', daysSinceLastOrder: 81, status: 'New' },
      { account: 'Credit', manager: 'Anna', revenue: -10, priorRevenue: 0, growth: null, share: null,
        class: null, key: false, orders: 0, lastOrder: null, daysSinceLastOrder: null, status: 'Dormant' },
    ]);
  });

  it('is plain JSON (round-trips through JSON.stringify)', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('a year plan writes one commission row per manager for the report year; no plan writes []', () => {
    expect(toSpecJson(intake, build('year')).commission.map((r) => r.period)).toEqual(['2026']);
    const tx = makeTransactions([{ date: '2026-01-10', account: 'A', manager: 'M', amount: 1 }]);
    expect(toSpecJson({ ...intake, currency: null }, analyze(tx)).commission).toEqual([]);
  });
});
