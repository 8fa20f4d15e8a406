import { analyseTables, type RunOptions } from '../../src/app/runAnalysis';
import type { CellValue } from '../../src/core/intake/cellValue';
import type { SourceTables } from '../../src/app/ports';

const tables = (rows: CellValue[][], auxiliary: SourceTables['auxiliary'] = {}): SourceTables => ({
  transactions: { sheet: 'Sales', firstRow: 1, rows },
  auxiliary,
});

const GERMAN: CellValue[][] = [
  ['Rechnungsdatum', 'Kunde', 'Kundenbetreuer', 'Betrag'],
  ['15.01.2026', 'Acme GmbH', 'Anna', '12,50'],
  ['20.02.2026', 'Beta AG', 'Anna', '1.234'],
];

function run(t: SourceTables, options: RunOptions = {}) {
  const r = analyseTables(t, options);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('analyseTables', () => {
  it('detects a decimal comma from the amount column when none is configured', () => {
    const r = run(tables(GERMAN));
    expect(r.decimal).toBe(',');
    expect(r.json.intake).toMatchObject({ accepted: 2, rejected: 0 });
    expect(r.json.attainment.at(-1)?.revenue).toBe(1246.5);
  });

  it('lets a configured separator win', () => {
    const r = run(tables(GERMAN), { decimal: '.' });
    expect(r.decimal).toBe('.');
    expect(r.json.intake.rejected).toBe(1);
  });

  it('reads FX rates, quotas and the plan from the side tables and keeps their problems', () => {
    const r = run(
      tables(
        [
          ['Date', 'Account', 'Manager', 'Amount', 'Currency'],
          ['2026-01-10', 'A', 'Ann', 1000, 'EUR'],
          ['2026-02-10', 'B', 'Ann', 400, 'PLN'],
        ],
        {
          fx: { sheet: 'FX Rates', firstRow: 1, rows: [['Currency', 'Rate'], ['PLN', 0.25], ['USD', 'x']] },
          quotas: { sheet: 'Quotas', firstRow: 1, rows: [['Manager', 'Period', 'Quota'], ['Ann', '2026-Q1', 1000], ['Bob', '2026-Q1', -5]] },
          plan: { sheet: 'Commission Plan', firstRow: 1, rows: [['From', 'Rate'], ['0%', '10%']] },
        },
      ),
    );
    expect(r.json.attainment[0]).toMatchObject({ manager: 'Ann', period: '2026-Q1', revenue: 1100, quota: 1000, status: 'Met' });
    expect(r.json.commission[0]?.commission).toBe(110);
    expect(r.tableIssues.map((i) => [i.sheet, i.row])).toEqual(expect.arrayContaining([['FX Rates', 3], ['Quotas', 3]]));
  });

  it.each([
    [{ asOf: '2026-13-01' }, 'option.asOf'],
    [{ mapping: { manager: 'Nope' } }, 'mapping.notFound'],
  ] as const)('fails with a message for %j', (options, code) => {
    const r = analyseTables(tables(GERMAN), options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('refuses an invalid plan and names its row', () => {
    const r = analyseTables(tables(GERMAN, { plan: { sheet: 'Commission Plan', firstRow: 1, rows: [['From', 'Rate'], ['10%', '5%']] } }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('plan.invalid');
      expect(r.message).toMatch(/Commission Plan, row 2/);
    }
  });
});
