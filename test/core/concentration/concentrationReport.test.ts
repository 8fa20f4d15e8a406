import { concentrationReport } from '../../../src/core/concentration/concentrationReport';
import { keyAccountShare, parseKeyAccounts, resolveKeyAccounts } from '../../../src/core/concentration/keyAccounts';
import { accountRevenue } from '../../../src/core/concentration/accountRevenue';
import { reportCalendar } from '../../../src/core/periods/reportCalendar';
import { day, makeTransactions, type TestRow } from '../support/makeTransactions';

const rows: TestRow[] = [
  { date: '2026-01-05', account: 'Big', manager: 'Ann', amount: 500 },
  { date: '2026-02-05', account: 'Mid', manager: 'Bob', amount: 300 },
  { date: '2026-02-06', account: 'Small', manager: 'Bob', amount: 150 },
  { date: '2026-03-06', account: 'Tiny', manager: 'Ann', amount: 50 },
  { date: '2026-04-10', account: 'Big', manager: 'Ann', amount: 100 },
  { date: '2026-04-11', account: 'Small', manager: 'Bob', amount: 300 },
  { date: '2026-05-11', account: 'Credit', manager: 'Bob', amount: -20 },
  { date: '2026-08-01', account: 'Big', manager: 'Ann', amount: 9999 }, // after as-of
  { date: '2025-08-01', account: 'Old', manager: 'Ann', amount: 9999 }, // previous year
];

describe('concentrationReport', () => {
  const tx = makeTransactions(rows);
  const calendar = reportCalendar(day('2026-06-30'), 1);

  it('year concentration, key accounts = class A, key share per quarter with the fixed set', () => {
    const r = concentrationReport(tx, calendar, null);
    expect(r.period).toBe('2026');
    expect(r.year.total).toBe(140000);
    expect(r.year.accounts.map((a) => [a.name, a.revenue, a.abcClass])).toEqual([
      ['Big', 60000, 'A'], ['Small', 45000, 'A'], ['Mid', 30000, 'A'], ['Tiny', 5000, 'C'], // C_{k−1} of Mid is 75 %
    ]);
    expect(r.year.nonPositive.map((a) => a.name)).toEqual(['Credit']);
    expect(r.keySource).toBe('abc');
    expect(r.keyAccounts.map((a) => tx.accounts[a])).toEqual(['Big', 'Mid', 'Small']);
    expect(r.keyAccountShare).toBe(135000 / 140000);
    expect(r.quarters.map((q) => [q.label, q.concentration.total, q.keyAccountShare])).toEqual([
      ['2026-Q1', 100000, 0.95],
      ['2026-Q2', 40000, 1],
    ]);
  });

  it('a key-account list wins over class A', () => {
    const key = new Uint8Array(tx.accounts.length);
    key[tx.accounts.indexOf('Tiny')] = 1;
    const r = concentrationReport(tx, calendar, key);
    expect(r.keySource).toBe('list');
    expect(r.keyAccountShare).toBe(5000 / 140000);
    expect(r.quarters.map((q) => q.keyAccountShare)).toEqual([0.05, 0]);
  });

  it('per manager scope', () => {
    const r = concentrationReport(tx, calendar, null);
    expect(r.byManager.get('Ann')?.accounts.map((a) => [a.name, a.share])).toEqual([['Big', 60000 / 65000], ['Tiny', 5000 / 65000]]);
    expect(r.byManager.get('Bob')?.nonPositive.map((a) => a.name)).toEqual(['Credit']);
    const bob = accountRevenue(tx, calendar.yearFirstDay, calendar.asOf, tx.managers.indexOf('Bob'));
    expect(Array.from(bob.revenue)).toEqual([30000, 45000, -2000]);
  });

  it('key share is null without positive revenue', () => {
    const empty = concentrationReport(makeTransactions([{ date: '2026-01-01', account: 'A', manager: 'M', amount: -1 }]), calendar, null);
    expect(empty.keyAccountShare).toBeNull();
    expect(keyAccountShare(empty.year, new Uint8Array(1))).toBeNull();
  });
});

describe('parseKeyAccounts / resolveKeyAccounts', () => {
  it('reads an account column, matches trimmed and case-insensitively, warns on unknown and repeated names', () => {
    const list = parseKeyAccounts({
      sheet: 'Key Accounts', firstRow: 1,
      rows: [['Notes', 'Key Account'], ['x', '  big '], [null, 'SMALL'], [null, 'Nobody'], [null, 'Big'], [null, '']],
    });
    expect(list.entries.map((e) => [e.name, e.row])).toEqual([['big', 2], ['SMALL', 3], ['Nobody', 4]]);
    expect(list.issues.map((i) => [i.code, i.row, i.severity])).toEqual([['keyAccounts.duplicate', 5, 'warning']]);
    const tx = makeTransactions(rows);
    const { key, issues } = resolveKeyAccounts(list, tx.accounts);
    expect(tx.accounts.filter((_, a) => key[a] === 1)).toEqual(['Big', 'Small']);
    expect(issues.map((i) => [i.code, i.row, i.value, i.severity])).toEqual([['keyAccounts.unknown', 4, 'Nobody', 'warning']]);
  });

  it.each([
    ['Cliente clave'], ['Klient kluczowy'], ['Schlüsselkunde'], ['Customer'],
  ])('header %s', (h) => {
    expect(parseKeyAccounts({ sheet: 'K', firstRow: 1, rows: [[h], ['Acme']] }).entries.map((e) => e.name)).toEqual(['Acme']);
  });

  it('reads a plain one-column list without a header', () => {
    const list = parseKeyAccounts({ sheet: 'K', firstRow: 3, rows: [['Acme'], ['Beta']] });
    expect(list.entries.map((e) => [e.name, e.row])).toEqual([['Acme', 3], ['Beta', 4]]);
  });

  it('reports a missing account column when the sheet has several columns and no known header', () => {
    const list = parseKeyAccounts({ sheet: 'K', firstRow: 1, rows: [['Name', 'Why'], ['Acme', 'big']] });
    expect(list.issues.map((i) => i.code)).toEqual(['keyAccounts.missingColumn']);
  });
});
