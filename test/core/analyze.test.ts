import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { parseAccountTargets } from '../../src/core/accounts/accountTargets';
import { parsePlanGrid } from '../../src/core/commission/parsePlanGrid';
import { computeCommission } from '../../src/core/commission/computeCommission';
import { parseKeyAccounts } from '../../src/core/concentration/keyAccounts';
import { isoDate } from '../../src/core/periods/dayNumber';
import { parseQuotaTable } from '../../src/core/quotas/parseQuotaTable';
import { day, makeTransactions, type TestRow } from './support/makeTransactions';

const sales: TestRow[] = [
  // Anna: quota 100 000 per quarter (derived from 400 000 annual)
  { date: '2026-01-15', account: 'Acme', manager: 'Anna', amount: 60_000 },
  { date: '2026-02-15', account: 'Birch', manager: 'Anna', amount: 20_000 },
  { date: '2026-04-15', account: 'Acme', manager: 'Anna', amount: 85_000 },
  { date: '2026-05-01', account: 'Acme', manager: 'Anna', amount: -5_000 },
  { date: '2026-07-10', account: 'Cedar', manager: 'Anna', amount: 130_000 },
  // Ben: explicit quarterly quotas, no Q2 quota
  { date: '2026-02-01', account: 'Dune', manager: 'Ben', amount: 45_000 },
  { date: '2026-05-01', account: 'Dune', manager: 'Ben', amount: 10_000 },
  { date: '2026-08-01', account: 'Elm', manager: 'Ben', amount: 52_000 },
  // previous year
  { date: '2025-01-20', account: 'Acme', manager: 'Anna', amount: 50_000 },
  { date: '2025-07-20', account: 'Fjord', manager: 'Ben', amount: 9_000 },
  // after the as-of date: ignored everywhere
  { date: '2026-10-05', account: 'Acme', manager: 'Anna', amount: 1_000_000 },
];

const quotaGrid = {
  sheet: 'Quotas', firstRow: 1,
  rows: [['Manager', 'Period', 'Quota'], ['Anna', '2026', 400_000], ['Ben', 'Q1 2026', 50_000], ['Ben', 'Q3 2026', 50_000], ['Cleo', '2026-Q3', 10_000]],
};
const planGrid = {
  sheet: 'Commission Plan', firstRow: 1,
  rows: [['Setting', 'Value'], ['Period', 'quarter'], ['Basis', 'attainment'], ['Method', 'marginal'], [],
    ['From', 'Rate'], ['0%', '2%'], ['50%', '5%'], ['100%', '8%'], [], ['Threshold', 'Bonus'], ['100%', 1000]],
};

function setup() {
  const tx = makeTransactions(sales);
  const quotas = parseQuotaTable(quotaGrid, 1, tx.managers);
  const plan = parsePlanGrid(planGrid);
  if (!plan.ok) throw new Error('plan');
  return { tx, quotas, plan: plan.plan };
}

describe('analyze', () => {
  it('runs every report on one data set', () => {
    const { tx, quotas, plan } = setup();
    expect(quotas.issues.map((i) => [i.code, i.value])).toEqual([['quotas.unknownManager', 'Cleo']]);
    const a = analyze(tx, { quotas: quotas.table, plan, asOf: day('2026-09-30') });
    expect(isoDate(a.asOf)).toBe('2026-09-30');
    expect(a.calendar.reportYearLabel).toBe('2026');
    expect(a.managers.map((m) => m.name)).toEqual(['Anna', 'Ben', 'Cleo']);

    const anna = a.attainment.managers[0]!;
    expect(anna.quarters.map((q) => [q.revenue, q.quota, q.quotaDerived, q.status, q.review])).toEqual([
      [8_000_000, 10_000_000, true, 'Below', false],
      [8_000_000, 10_000_000, true, 'Below', true],
      [13_000_000, 10_000_000, true, 'Met', false],
    ]);
    expect(anna.ytd).toEqual({ revenue: 29_000_000, quota: 30_000_000, attainment: 29 / 30, status: 'Near' });
    const ben = a.attainment.managers[1]!;
    expect(ben.quarters.map((q) => [q.status, q.ytdAttainment, q.review])).toEqual([
      ['Near', 0.9, false],
      ['No quota', null, false], // revenue without a quota: YTD empty from here on
      ['Met', null, false],
    ]);
    const cleo = a.attainment.managers[2]!;
    expect([cleo.managerIndex, cleo.quarters.map((q) => q.status), cleo.ytd]).toEqual([
      -1, ['No quota', 'No quota', 'Below'], { revenue: 0, quota: 1_000_000, attainment: 0, status: 'Below' },
    ]);
    expect(a.attainment.team.map((q) => [q.revenue, q.quota])).toEqual([
      [12_500_000, 15_000_000], [9_000_000, 10_000_000], [18_200_000, 16_000_000],
    ]);

    const c = a.commission!;
    expect(c.rows.map((r) => [r.manager, r.period, r.commission, r.bonus, r.payout])).toEqual([
      ['Anna', '2026-Q1', 250_000, 0, 250_000],
      ['Anna', '2026-Q2', 250_000, 0, 250_000],
      ['Anna', '2026-Q3', 590_000, 100_000, 690_000],
      ['Ben', '2026-Q1', 150_000, 0, 150_000],
      ['Ben', '2026-Q2', null, null, null],
      ['Ben', '2026-Q3', 191_000, 100_000, 291_000],
      ['Cleo', '2026-Q1', null, null, null],
      ['Cleo', '2026-Q2', null, null, null],
      ['Cleo', '2026-Q3', 0, 0, 0],
    ]);
    expect(c.totals).toEqual([
      { period: '2026-Q1', commission: 400_000, bonus: 0, payout: 400_000 },
      { period: '2026-Q2', commission: 250_000, bonus: 0, payout: 250_000 },
      { period: '2026-Q3', commission: 781_000, bonus: 200_000, payout: 981_000 },
    ]);

    const y = a.concentration.year;
    expect(y.total).toBe(39_700_000);
    expect(y.accounts.map((r) => [r.name, r.abcClass])).toEqual([['Acme', 'A'], ['Cedar', 'A'], ['Dune', 'A'], ['Elm', 'B'], ['Birch', 'B']]);
    expect(a.concentration.keyAccounts.map((i) => tx.accounts[i])).toEqual(['Acme', 'Cedar', 'Dune']);

    expect(a.accounts.map((r) => [r.account, r.manager, r.status])).toEqual([
      ['Acme', 'Anna', 'At risk'],
      ['Cedar', 'Anna', 'New'],
      ['Dune', 'Ben', 'New'],
      ['Elm', 'Ben', 'New'],
      ['Birch', 'Anna', 'Dormant'], // last order 227 days before the as-of date
      ['Fjord', 'Ben', 'Dormant'],
    ]);
    expect(a.accounts[0]).toMatchObject({ revenue: 14_000_000, priorRevenue: 5_000_000, daysSinceLastOrder: 168, key: true });
    expect(a.issues).toEqual([]);
  });

  it('a year plan pays on the report year to date against the annual quota', () => {
    const { tx, quotas, plan } = setup();
    const a = analyze(tx, { quotas: quotas.table, plan: { ...plan, period: 'year' }, asOf: day('2026-09-30') });
    const anna = a.commission!.rows[0]!;
    expect([anna.period, anna.revenue, anna.quota, anna.quotaDerived]).toEqual(['2026', 29_000_000, 40_000_000, false]);
    // 0–200 000 at 2 % = 4 000; 200 000–290 000 at 5 % = 4 500
    expect(anna.commission).toBe(850_000);
    expect(a.commission!.rows.map((r) => r.manager)).toEqual(['Anna', 'Ben', 'Cleo']);
  });

  it('uses a key-account list and account targets, and reports unknown names', () => {
    const { tx } = setup();
    const keyAccounts = parseKeyAccounts({ sheet: 'Key Accounts', firstRow: 1, rows: [['Account'], ['birch'], ['Nobody']] });
    const targets = parseAccountTargets({ sheet: 'Account Targets', firstRow: 1, rows: [['Account', 'Target'], ['Acme', 280_000], ['Ghost', 1]] });
    const a = analyze(tx, { asOf: day('2026-09-30'), keyAccounts, targets });
    expect(a.concentration.keySource).toBe('list');
    expect(a.concentration.keyAccountShare).toBe(2_000_000 / 39_700_000);
    expect(a.accounts.filter((r) => r.key).map((r) => r.account)).toEqual(['Birch']);
    expect(a.accounts[0]).toMatchObject({ account: 'Acme', target: 28_000_000, targetAttainment: 0.5 });
    expect(a.issues.map((i) => [i.code, i.sheet, i.row])).toEqual([['keyAccounts.unknown', 'Key Accounts', 3], ['targets.unknownAccount', 'Account Targets', 3]]);
  });

  it('defaults the as-of date to the latest transaction', () => {
    const { tx } = setup();
    const a = analyze(tx);
    expect(isoDate(a.asOf)).toBe('2026-10-05');
    expect(a.calendar.quarters.map((q) => q.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(a.commission).toBeNull();
  });

  it('fiscal start 4: FY labels, quarters from April', () => {
    const { tx } = setup();
    const a = analyze(tx, { fiscalStart: 4, asOf: day('2026-09-30') });
    expect(a.calendar.reportYearLabel).toBe('FY2027');
    expect(a.attainment.managers[0]?.quarters.map((q) => [q.label, q.revenue])).toEqual([
      ['FY2027-Q1', 8_000_000],
      ['FY2027-Q2', 13_000_000],
    ]);
  });

  it('throws on a call that cannot be made (a bug in the caller)', () => {
    const empty = makeTransactions([]);
    expect(() => analyze(empty)).toThrow(/as-of/);
    expect(analyze(empty, { asOf: day('2026-01-31') }).accounts).toEqual([]);
    expect(() => analyze(empty, { fiscalStart: 13 as never, asOf: 1 })).toThrow(RangeError);
    const { table } = parseQuotaTable(quotaGrid, 4, []);
    expect(() => analyze(setup().tx, { quotas: table })).toThrow(/fiscal start/);
  });

  it('property: revenue is conserved across attainment, concentration and account status', () => {
    const row = fc.record({
      d: fc.integer({ min: day('2024-11-01'), max: day('2026-12-31') }),
      a: fc.integer({ min: 0, max: 12 }),
      m: fc.integer({ min: 0, max: 4 }),
      cents: fc.integer({ min: -500_000, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: day('2025-06-01'), max: day('2026-12-31') })), (rows, M, asOf) => {
        const tx = makeTransactions(rows.map((r) => ({ date: '2026-01-01', account: `acct${r.a}`, manager: `mgr${r.m}`, amount: 0 })));
        rows.forEach((r, i) => {
          tx.date[i] = r.d;
          tx.amount[i] = r.cents;
        });
        const an = analyze(tx, { fiscalStart: M as 1, ...(asOf === null ? {} : { asOf }) });
        const cal = an.calendar;
        const expected = rows.filter((r) => r.d >= cal.yearFirstDay && r.d <= cal.asOf).reduce((s, r) => s + r.cents, 0);
        const attained = an.attainment.managers.reduce((s, m) => s + m.quarters.reduce((t, q) => t + q.revenue, 0), 0);
        const y = an.concentration.year;
        const concentrated = y.total + y.nonPositive.reduce((s, x) => s + x.revenue, 0);
        const accounts = an.accounts.reduce((s, x) => s + x.revenue, 0);
        const quarters = an.concentration.quarters.reduce((s, q) => s + q.concentration.total + q.concentration.nonPositive.reduce((t, x) => t + x.revenue, 0), 0);
        expect([attained, concentrated, accounts, quarters, an.attainment.teamYtd.revenue]).toEqual([expected, expected, expected, expected, expected]);
        const positive = an.accounts.filter((x) => x.share !== null);
        if (positive.length > 0) expect(positive.reduce((s, x) => s + (x.share ?? 0), 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 150 },
    );
  });

  it('property: commission rows equal computeCommission of their revenue and quota', () => {
    const { tx, quotas, plan } = setup();
    const a = analyze(tx, { quotas: quotas.table, plan, asOf: day('2026-09-30') });
    for (const r of a.commission!.rows) {
      const { commission, bonus, payout } = computeCommission(plan, r.revenue, r.quota);
      expect([r.commission, r.bonus, r.payout]).toEqual([commission, bonus, payout]);
    }
  });
});
