import { accountStatusReport } from '../../../src/core/accounts/accountStatusReport';
import { parseAccountTargets, resolveAccountTargets } from '../../../src/core/accounts/accountTargets';
import { accountRevenue } from '../../../src/core/concentration/accountRevenue';
import { concentration } from '../../../src/core/concentration/concentration';
import { isoDate } from '../../../src/core/periods/dayNumber';
import { reportCalendar } from '../../../src/core/periods/reportCalendar';
import type { TestRow } from '../support/makeTransactions';
import { day, makeTransactions } from '../support/makeTransactions';

function report(rows: TestRow[], asOf: string, options: { key?: string[]; targets?: unknown[][]; fiscalStart?: 1 | 4 } = {}) {
  const tx = makeTransactions(rows);
  const calendar = reportCalendar(day(asOf), options.fiscalStart ?? 1);
  const yr = accountRevenue(tx, calendar.yearFirstDay, calendar.asOf);
  const year = concentration(yr.accounts, yr.revenue, tx.accounts);
  const key = new Uint8Array(tx.accounts.length);
  for (const k of options.key ?? []) key[tx.accounts.indexOf(k)] = 1;
  const t = options.targets
    ? resolveAccountTargets(parseAccountTargets({ sheet: 'Account Targets', firstRow: 1, rows: options.targets as never }), tx)
    : undefined;
  return { rows: accountStatusReport({ tx, calendar, year, key, ...(t ? { targets: t.targets } : {}) }), issues: t?.issues ?? [] };
}

describe('accountStatusReport (SPEC §7)', () => {
  const rows: TestRow[] = [
    { date: '2025-02-10', account: 'Acme', manager: 'Ann', amount: 1000 },
    { date: '2025-08-01', account: 'Acme', manager: 'Ann', amount: 9999 }, // prior year, outside the same span
    { date: '2026-02-10', account: 'Acme', manager: 'Ann', amount: 800 },
    { date: '2026-03-01', account: 'Acme', manager: 'Bob', amount: 700 },
    { date: '2026-03-02', account: 'Acme', manager: 'Ann', amount: -100 }, // credit note: not an order
    { date: '2025-03-01', account: 'Beta', manager: 'Bob', amount: 500 },
    { date: '2026-01-15', account: 'Beta', manager: 'Bob', amount: 600 },
    { date: '2026-04-01', account: 'Newco', manager: 'Cy', amount: 300 },
    { date: '2025-05-05', account: 'Gone', manager: 'Dee', amount: 200 },
    { date: '2024-05-05', account: 'Ancient', manager: 'Dee', amount: 200 }, // not listed: before the previous year
    { date: '2026-04-15', account: 'Refund', manager: 'Ann', amount: -50 },
    { date: '2026-05-01', account: 'Acme', manager: 'Ann', amount: 5000 }, // after as-of: ignored
  ];

  it('computes every column', () => {
    const { rows: out } = report(rows, '2026-04-30');
    expect(out.map((r) => r.account)).toEqual(['Acme', 'Beta', 'Newco', 'Gone', 'Refund']);
    const acme = out[0]!;
    expect(acme).toMatchObject({
      manager: 'Ann', // 800 − 100 = 700 ties with Bob's 700: by name
      revenue: 140000,
      priorRevenue: 100000,
      growth: 0.3999999999999999, // 1400 / 1000 − 1 in floats; the status compares exactly
      orders: 2,
      daysSinceLastOrder: 60,
      status: 'Growing',
      key: false,
      target: null,
    });
    expect(isoDate(acme.lastOrder!)).toBe('2026-03-01');
    expect(isoDate(acme.firstOrder!)).toBe('2025-02-10');
    const total = 140000 + 60000 + 30000;
    expect(acme.share).toBe(140000 / total);
    expect(out.map((r) => r.abcClass)).toEqual(['A', 'A', 'B', null, null]);
    expect(out.map((r) => r.status)).toEqual(['Growing', 'At risk', 'New', 'Dormant', 'Dormant']);
    const gone = out[3]!;
    expect([gone.manager, gone.revenue, gone.share, gone.growth, gone.orders]).toEqual(['Dee', 0, null, null, 0]);
    const refund = out[4]!;
    expect([refund.revenue, refund.share, refund.lastOrder, refund.daysSinceLastOrder]).toEqual([-5000, null, null, null]);
  });

  it('compares 29 Feb 2028 with 28 Feb 2027', () => {
    const { rows: out } = report(
      [
        { date: '2027-02-28', account: 'A', manager: 'M', amount: 100 },
        { date: '2027-03-01', account: 'A', manager: 'M', amount: 999 }, // after the prior span
        { date: '2028-02-29', account: 'A', manager: 'M', amount: 150 },
      ],
      '2028-02-29',
    );
    expect(out[0]).toMatchObject({ revenue: 15000, priorRevenue: 10000, growth: 0.5 });
  });

  it('uses the previous fiscal year for the main manager when the report year has none', () => {
    const { rows: out } = report(
      [
        { date: '2025-05-01', account: 'A', manager: 'Zed', amount: 100 },
        { date: '2025-06-01', account: 'A', manager: 'Amy', amount: 50 },
      ],
      '2026-01-31',
    );
    expect(out[0]?.manager).toBe('Zed');
  });

  it('flags key accounts and puts a declining key account at risk', () => {
    const { rows: out } = report(
      [
        { date: '2025-01-10', account: 'K', manager: 'M', amount: 100 },
        { date: '2026-01-10', account: 'K', manager: 'M', amount: 80 },
      ],
      '2026-01-31',
      { key: ['K'] },
    );
    expect(out[0]).toMatchObject({ key: true, status: 'At risk' });
  });

  it('fiscal start 4: the report year is FY2027 and the prior span is FY2026 to the same day', () => {
    const { rows: out } = report(
      [
        { date: '2025-04-01', account: 'A', manager: 'M', amount: 100 },
        { date: '2025-09-30', account: 'A', manager: 'M', amount: 100 },
        { date: '2025-10-01', account: 'A', manager: 'M', amount: 1000 },
        { date: '2026-04-02', account: 'A', manager: 'M', amount: 250 },
      ],
      '2026-09-30',
      { fiscalStart: 4 },
    );
    expect(out[0]).toMatchObject({ revenue: 25000, priorRevenue: 20000, growth: 0.25, orders: 1 });
  });

  it('targets: account-level line wins; product lines roll up and compare only their products', () => {
    const txRows: TestRow[] = [
      { date: '2026-01-10', account: 'A', manager: 'M', amount: 300, product: 'X' },
      { date: '2026-01-11', account: 'A', manager: 'M', amount: 100, product: 'Y' },
      { date: '2026-01-12', account: 'B', manager: 'M', amount: 300, product: 'X' },
      { date: '2026-01-13', account: 'B', manager: 'M', amount: 100, product: 'Y' },
      { date: '2026-01-14', account: 'B', manager: 'M', amount: 600, product: 'Z' },
    ];
    const { rows: out, issues } = report(txRows, '2026-01-31', {
      targets: [
        ['Account', 'Product', 'Target'],
        ['a', 'X', 999], // ignored: A has an account-level target
        ['A', '', 800],
        ['B', 'x', 600],
        ['B', 'Y', 200],
        ['B', 'Nope', 200],
        ['Unknown', '', 5],
      ],
    });
    const byName = new Map(out.map((r) => [r.account, r]));
    expect([byName.get('A')?.target, byName.get('A')?.targetAttainment]).toEqual([80000, 0.5]);
    expect([byName.get('B')?.target, byName.get('B')?.targetAttainment]).toEqual([100000, 0.4]);
    expect(issues.map((i) => [i.code, i.row])).toEqual([['targets.unknownProduct', 6], ['targets.unknownAccount', 7]]);
  });
});

describe('parseAccountTargets', () => {
  it('reports missing columns, bad amounts and duplicates', () => {
    const missing = parseAccountTargets({ sheet: 'T', firstRow: 1, rows: [['Account', 'Value']] });
    expect(missing.issues.map((i) => [i.code, i.column])).toEqual([['targets.missingColumn', 'target']]);
    const list = parseAccountTargets({
      sheet: 'T', firstRow: 1,
      rows: [['Cliente', 'Objetivo'], ['A', 'x'], ['A', -1], ['A', 10], ['a ', 20], ['', 5], ['B', null]],
    });
    expect(list.entries.map((e) => [e.account, e.cents])).toEqual([['A', 1000]]);
    expect(list.issues.map((i) => [i.code, i.row, i.severity])).toEqual([
      ['targets.amountUnparseable', 2, 'error'],
      ['targets.negative', 3, 'error'],
      ['targets.duplicate', 5, 'warning'],
      ['targets.accountMissing', 6, 'error'],
    ]);
  });
});
