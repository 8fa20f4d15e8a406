/**
 * Messy settings and transaction tables that make the engine produce every issue sentence it
 * knows: each parser that creates issues (intake, FX, quotas, key accounts, account targets, the
 * commission plan from a sheet and from JSON) is run over inputs written to trip each check once.
 *
 * The parsers are passed in, so that the same inputs can be run through another build of the
 * engine (that is how the English reasons pinned in messages.test.ts were taken from the engine
 * as it was before issues carried message keys).
 */
import type { CellValue, Grid } from '../../../src/core/intake/cellValue';
import type { IntakeOptions, IntakeOutcome } from '../../../src/core/intake/intake';
import type { FxTableResult } from '../../../src/core/intake/parseFxTable';
import type { Issue } from '../../../src/core/issues/issue';

/** The engine functions the inputs are run through (src/core, or another build of it). */
export interface IssueMakers {
  intake(grid: Grid, options?: IntakeOptions): IntakeOutcome;
  parseFxTable(grid: Grid): FxTableResult | { ok: false };
  parseQuotaTable(grid: Grid, fiscalStart: 1, knownManagers: readonly string[]): { issues: readonly Issue[] };
  parseKeyAccounts(grid: Grid): { entries: readonly unknown[]; issues: readonly Issue[] };
  resolveKeyAccounts(list: never, accounts: readonly string[]): { issues: readonly Issue[] };
  parseAccountTargets(grid: Grid): { entries: readonly unknown[]; issues: readonly Issue[] };
  resolveAccountTargets(list: never, tx: never): { issues: readonly Issue[] };
  parsePlanGrid(grid: Grid): { ok: true } | { ok: false; errors: readonly Issue[] };
  parsePlanJson(input: string | unknown, source?: string): { ok: true } | { ok: false; errors: readonly Issue[] };
}

const grid = (sheet: string, rows: readonly (readonly CellValue[])[]): Grid => ({ sheet, firstRow: 1, rows });

const HEADER = ['Date', 'Customer', 'Sales Rep', 'Amount', 'Currency', 'Product', 'ID'];
const ok = (date: CellValue, amount: CellValue = 100, account: CellValue = 'Acme', currency: CellValue = 'EUR', product: CellValue = 'Widget') =>
  [date, account, 'Ann', amount, currency, product, ''];

/** Transaction rows read with the day first: one problem per row. */
const SALES_DMY = grid('Sales', [
  HEADER,
  ['2026-01-15', 'Acme', 'Ann', 100, 'EUR', 'Widget', 'T1'], // accepted
  ['2026-01-16', 'Acme', 'Ann', 100, 'USD', 'Widget', 'T2'], // accepted, converted
  ['', 'Acme', 'Ann', 100, 'EUR', '', ''], // date missing
  ok(true), // TRUE is a logical value, not a date
  ok('#N/A'), // Excel error
  ok(Infinity), // the number is outside the range
  ok(3000000), // the serial number is outside the range
  ok('1850-01-01'), // the year is outside the range
  ok(60), // serial 60
  ok(new Date(NaN)), // invalid date
  ok('2026-13-01'), // month 13
  ok('01/13/2026'), // month 13, read day first
  ok('31/02/2026'), // no day 31 in February, read day first
  ok('20261301'), // month 13, YYYYMMDD
  ok('20260231'), // no day 31 in February, YYYYMMDD
  ok('2026-02-31'), // no day 31 in February
  ok('31.03.26'), // two-digit year
  ok('31.03.202'), // year must have four digits
  ok('2026'), // a year alone
  ok('soon'), // not a date
  ok('2026-01-15', 100, Infinity), // not a finite number (account)
  ok('2026-01-15', 100, false), // FALSE is a logical value, not a name
  ok('2026-01-15', 100, new Date(NaN)), // invalid date in a name column
  ok('2026-01-15', 100, ''), // account missing
  ['2026-01-15', 'Acme', '', 100, 'EUR', '', ''], // manager missing
  ok('2026-01-15', ''), // amount missing
  ok('2026-01-15', true), // TRUE is not an amount
  ok('2026-01-15', new Date(Date.UTC(2026, 0, 1))), // a date is not an amount
  ok('2026-01-15', '-'), // dash
  ok('2026-01-15', 'abc'), // not a number
  ok('2026-01-15', '12%'), // percentage
  ok('2026-01-15', 1e20), // too large
  ok('2026-01-15', '1.5k'), // scale
  ok('2026-01-15', '(12'), // parentheses
  ok('2026-01-15', '-(12)'), // two signs
  ok('2026-01-15', "1 234'567"), // spaces and apostrophes
  ok('2026-01-15', '1 234.567,89'), // too many kinds of separators
  ok('2026-01-15', '1,234.56.7'), // decimal separator twice
  ok('2026-01-15', '1 234,5 6'), // thousands separator after the decimal separator
  ok('2026-01-15', '1,23,456'), // digit groups
  ok('2026-01-15', '12,34'), // digit groups, with the hint about the decimal separator
  ok('2026-01-15', 100, 'Acme', 'Euro'), // not a currency code
  ok('2026-01-15', 100, 'Acme', 'CHF'), // no exchange rate
  ok('2026-01-15', 80000000000000, 'Acme', 'USD'), // converted amount too large
  ok('2026-01-15', 100, 'Acme', 'EUR', '#REF!'), // Excel error in the product
]);

/** Slash dates read month first. */
const SALES_MDY = grid('Sales', [
  HEADER,
  ['2026-01-15', 'Acme', 'Ann', 100, 'EUR', 'Widget', 'T1'],
  ok('13/01/2026'), // month 13, read month first
  ok('02/31/2026'), // no day 31 in February, read month first
]);

const FX = grid('FX Rates', [
  ['Currency', 'Rate'],
  ['', 1.5], // currency missing
  ['Euro', 1], // not a currency code
  ['USD', '#DIV/0!'], // Excel error
  ['GBP', ''], // rate missing
  ['JPY', 'abc'], // not a number
  ['SEK', 0], // not above zero
  ['USD', 2],
  ['USD', 3], // a second, different rate
]);

const QUOTAS = grid('Quotas', [
  ['Manager', 'Period', 'Quota'],
  ['', '2026-Q1', 100], // no manager
  ['Ann', 'soon', 100], // not a period
  ['Ann', '2026-Q2', 'abc'], // not an amount
  ['Ann', '2026-Q3', -5], // negative
  ['Zoe', '2026-Q1', 100], // no transactions
  ['Ann', '2026-Q1', 100],
  ['Ann', '2026-Q1', 200], // second quota
  ['Ann', '2026-Q2', 100],
  ['Ann', '2026-Q3', 100],
  ['Ann', '2026-Q4', 100],
  ['Ann', '2026', 500], // differs from the four quarters
]);

const KEY_ACCOUNTS = grid('Key Accounts', [['Account'], ['Acme'], ['acme'], ['Nobody']]);
const TARGETS = grid('Account Targets', [
  ['Account', 'Product', 'Target'],
  ['', '', 100], // no account
  ['Acme', '', 'abc'], // not an amount
  ['Acme', '', -1], // negative
  ['Acme', '', 100],
  ['Acme', '', 200], // second target
  ['Acme', 'Widget', 10],
  ['Acme', 'Widget', 20], // second target for a product
  ['Nobody', '', 5], // no transactions
  ['Acme', 'Gizmo', 5], // product without transactions
]);

const PLAN_UNREADABLE = grid('Commission Plan', [
  ['Setting', 'Value'],
  ['Period', 'monthly'],
  ['Basis', 'sideways'],
  ['Method', 'odd'],
  ['Colour', 'red'],
  ['Period', 'quarter'],
  ['Cap attainment', 'lots'],
  ['Cap amount', 'lots'],
  ['From', 'Rate'],
  ['x', '5%'],
  ['0%', 'y'],
  ['Threshold', 'Bonus'],
  ['z', 100],
  ['100%', 'w'],
]);
const PLAN_INVALID = grid('Commission Plan', [
  ['Setting', 'Value'],
  ['Cap attainment', 20],
  ['Cap amount', -5],
  ['From', 'Rate'],
  ['5%', '2%'],
  ['3%', '-1%'],
  [20, 2],
  ['Threshold', 'Bonus'],
  [-1, 100],
  [50, -3],
]);
const PLAN_NO_TIERS = grid('Commission Plan', [['Setting', 'Value'], ['Period', 'quarter']]);
const PLAN_REVENUE = grid('Commission Plan', [['Setting', 'Value'], ['Basis', 'revenue'], ['From', 'Rate'], ['lots', '5%']]);

const PLAN_JSON: readonly unknown[] = [
  'not json',
  '[1]',
  { colour: 1, period: 'monthly', basis: 'x', method: 'y', tiers: 'no' },
  {
    tiers: [5, { from: 'x', rate: 'y', extra: 1 }],
    bonuses: [5, { threshold: 'x', amount: 'y', more: 1 }],
    capAttainment: 'z',
    capAmount: '%',
  },
  { basis: 'revenue', tiers: [{ from: '5%', rate: 0.05 }] },
  { tiers: [{ from: 0, rate: 0.05 }], capAttainment: 0 },
];

/**
 * Every issue the inputs above make, in a fixed order.
 * @example messyIssues(engine).every((i) => i.message !== undefined)
 */
export function messyIssues(engine: IssueMakers): Issue[] {
  const issues: Issue[] = [];
  const fx = engine.parseFxTable(grid('FX', [['Currency', 'Rate'], ['USD', 2]]));
  if (!fx.ok) throw new Error('FX table');
  const dmy = engine.intake(SALES_DMY, { currency: 'EUR', fx: fx.rates, dateOrder: 'DMY' });
  const mdy = engine.intake(SALES_MDY, { currency: 'EUR', dateOrder: 'MDY' });
  if (!dmy.ok || !mdy.ok) throw new Error('intake');
  issues.push(...dmy.issues, ...mdy.issues);
  const fxTable = engine.parseFxTable(FX);
  if (!fxTable.ok) throw new Error('FX table');
  issues.push(...fxTable.issues);

  issues.push(...engine.parseQuotaTable(QUOTAS, 1, dmy.transactions.managers).issues);
  issues.push(...engine.parseQuotaTable(grid('Quotas', [['Manager', 'Notes'], ['Ann', 'x']]), 1, ['Ann']).issues);
  issues.push(...engine.parseQuotaTable(grid('Quotas', [['Who', 'Period', 'Quota'], ['Ann', '2026', 1]]), 1, ['Ann']).issues);

  const keyAccounts = engine.parseKeyAccounts(KEY_ACCOUNTS);
  issues.push(...keyAccounts.issues, ...engine.resolveKeyAccounts(keyAccounts as never, dmy.transactions.accounts).issues);
  issues.push(...engine.parseKeyAccounts(grid('Key Accounts', [['Foo', 'Bar'], ['x', 'y']])).issues);

  const targets = engine.parseAccountTargets(TARGETS);
  issues.push(...targets.issues, ...engine.resolveAccountTargets(targets as never, dmy.transactions as never).issues);
  issues.push(...engine.parseAccountTargets(grid('Account Targets', [['Foo', 'Bar'], ['x', 'y']])).issues);

  for (const plan of [PLAN_UNREADABLE, PLAN_INVALID, PLAN_NO_TIERS, PLAN_REVENUE]) {
    const r = engine.parsePlanGrid(plan);
    if (!r.ok) issues.push(...r.errors);
  }
  for (const json of PLAN_JSON) {
    const r = engine.parsePlanJson(json);
    if (!r.ok) issues.push(...r.errors);
  }
  return issues;
}
