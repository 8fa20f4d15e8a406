/**
 * Small hand-made inputs for the report builders, run through the real pipeline
 * (`analyseTables`): each exercises a different corner of the reports and stays small enough
 * for its golden file to be read and reviewed line by line.
 */
import type { SourceTables } from '../../../src/app/ports';
import { analyseTables, type RunOptions, type RunResult } from '../../../src/app/runAnalysis';
import type { CellValue, Grid } from '../../../src/core/intake/cellValue';

/** Names that a spreadsheet would read as formulas (SPEC §8 safety). */
export const INJECTED = ['=HYPERLINK("http://x","y")', '+48 22 123', '@SUM(A1)', '-Mallory'] as const;

const grid = (sheet: string, rows: CellValue[][]): Grid => ({ sheet, firstRow: 1, rows });

/** Runs the pipeline and fails the test on a run failure. */
export function run(tables: SourceTables, options: RunOptions = {}): RunResult {
  const r = analyseTables(tables, options);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** The SPEC §5 commission plan (tiers 0 % → 2 %, 50 % → 5 %, 100 % → 8 %; bonus 1 000 at 100 %). */
export function specPlan(method: 'marginal' | 'retroactive' = 'marginal'): string {
  return JSON.stringify({
    period: 'quarter',
    basis: 'attainment',
    method,
    tiers: [{ from: 0, rate: '2%' }, { from: '50%', rate: '5%' }, { from: '100%', rate: '8%' }],
    capAttainment: 2,
    bonuses: [{ threshold: 1, amount: 1000 }],
  });
}

/**
 * Two managers, calendar fiscal year, as of 2026-05-15 (Q1 closed, Q2 open); Anna's Q1 is SPEC
 * §5's worked example (quota 100 000, revenue 130 000 → 5 900 + bonus 1 000); Jan's quota is
 * annual, so his quarters are derived; account names that look like formulas; a rejected row
 * and a credit note; a quota for a manager without transactions.
 */
export function quarterRun(method: 'marginal' | 'retroactive' = 'marginal'): RunResult {
  const sales: CellValue[][] = [
    ['Date', 'Account', 'Manager', 'Amount', 'Currency'],
    ['2025-02-10', 'Acme GmbH', 'Anna', '8000', 'EUR'],
    ['2025-03-05', 'Beta AG', 'Jan', '3000', 'EUR'],
    ['2025-04-01', 'Old Corp', 'Jan', '500', 'EUR'],
    ['2026-01-15', 'Acme GmbH', 'Anna', '60000', 'EUR'],
    ['2026-02-10', 'Beta AG', 'Anna', '70000', 'EUR'],
    ['2026-03-01', INJECTED[0], 'Jan', '20000', 'EUR'],
    ['2026-03-20', INJECTED[1], 'Jan', '5000', 'EUR'],
    ['2026-04-01', 'Gamma', 'Jan', 'abc', 'EUR'],
    ['2026-04-10', 'Acme GmbH', 'Anna', '30000', 'EUR'],
    ['2026-04-20', 'Beta AG', 'Anna', '-2000', 'EUR'],
    ['2026-05-15', INJECTED[2], 'Jan', '12000', 'EUR'],
  ];
  const quotas: CellValue[][] = [
    ['Manager', 'Period', 'Quota'],
    ['Anna', '2026-Q1', 100000],
    ['Anna', '2026-Q2', 100000],
    ['Jan', '2026', 120000],
    ['Zoe', '2026', 40000],
  ];
  return run({ transactions: grid('Sales', sales), auxiliary: { quotas: grid('Quotas', quotas) }, planJson: { text: specPlan(method), label: 'plan.json' } });
}

/**
 * A fiscal year from April (FY labels), no currency column, an annual plan on revenue with a
 * retroactive method, a cap amount and a bonus; a manager without quota (revenue plans still
 * pay, without bonus); a key-account list.
 */
export function yearRun(): RunResult {
  const sales: CellValue[][] = [
    ['Date', 'Account', 'Manager', 'Amount'],
    ['2025-05-02', 'Nord AG', 'Eva', 40000],
    ['2025-06-15', 'Süd GmbH', 'Eva', 25000],
    ['2025-09-01', 'Ost KG', 'Max', 10000],
    ['2026-04-20', 'Nord AG', 'Eva', 52000],
    ['2026-05-05', 'Süd GmbH', 'Max', 30000],
    ['2026-06-30', 'West SE', 'Max', 8000],
  ];
  const quotas: CellValue[][] = [
    ['Manager', 'Period', 'Quota'],
    ['Eva', 'FY2027', 200000],
  ];
  const keyAccounts: CellValue[][] = [['Account'], ['Süd GmbH']];
  const plan = JSON.stringify({
    period: 'year',
    basis: 'revenue',
    method: 'retroactive',
    tiers: [{ from: 0, rate: '1%' }, { from: 50000, rate: '3%' }],
    capAmount: 1200,
    bonuses: [{ threshold: '20%', amount: 500 }],
  });
  return run(
    { transactions: grid('Umsätze', sales), auxiliary: { quotas: grid('Quoten', quotas), keyAccounts: grid('Schlüsselkunden', keyAccounts) }, planJson: { text: plan, label: 'plan.json' } },
    { fiscalStart: 4 },
  );
}

/** One manager, no plan, no quota, no problems: the smallest report. */
export function plainRun(): RunResult {
  const sales: CellValue[][] = [
    ['Data', 'Klient', 'Opiekun', 'Kwota', 'Waluta'],
    ['2026-02-03', 'Kowalski sp. z o.o.', 'Ola', '1 200,50', 'PLN'],
    ['2026-02-20', 'Nowak SA', 'Ola', '800', 'PLN'],
  ];
  return run({ transactions: grid('Sprzedaż', sales), auxiliary: {} }, { decimal: ',' });
}
