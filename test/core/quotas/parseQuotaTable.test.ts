import type { CellValue, Grid } from '../../../src/core/intake/cellValue';
import { derivedQuarterCents } from '../../../src/core/quotas/deriveQuotas';
import { parseQuotaTable } from '../../../src/core/quotas/parseQuotaTable';
import { quotaFor, quotaKey, type QuotaTable } from '../../../src/core/quotas/quotaTable';
import { alignQuotaTable } from '../../../src/core/quotas/alignQuotaTable';

const grid = (rows: CellValue[][]): Grid => ({ sheet: 'Quotas', firstRow: 1, rows });
const q = (t: QuotaTable, m: string, fy: number, quarter: 0 | 1 | 2 | 3 | 4) => {
  const x = quotaFor(t, m, fy, quarter);
  return x ? [x.cents, x.derived] : undefined;
};

describe('parseQuotaTable (SPEC §3)', () => {
  it('reads a long table with period labels in any accepted form', () => {
    const { table, issues } = parseQuotaTable(
      grid([
        ['Account Manager', 'Period', 'Quota'],
        ['Anna', '2026-Q1', 100000],
        ['Anna', 'Q2 2026', '110,000.50'],
        ['Anna', 'Q3-2026', '€ 120.000,00'],
        ['Anna', '2026 Q4', 130000],
        ['Ben', 2026, 400000],
      ]),
      1,
      ['Anna', 'Ben'],
    );
    expect(issues).toEqual([]);
    expect(q(table, 'Anna', 2026, 1)).toEqual([10_000_000, false]);
    expect(q(table, 'Anna', 2026, 2)).toEqual([11_000_050, false]);
    expect(q(table, 'Anna', 2026, 3)).toEqual([12_000_000, false]);
    expect(q(table, 'Anna', 2026, 0)).toEqual([46_000_050, true]); // sum of the four quarters
    expect(q(table, 'Ben', 2026, 0)).toEqual([40_000_000, false]);
    expect([1, 2, 3, 4].map((k) => q(table, 'Ben', 2026, k as 1))).toEqual(Array(4).fill([10_000_000, true]));
  });

  it('derives quarters from an annual quota so they add up to it exactly', () => {
    expect([1, 2, 3, 4].map((k) => derivedQuarterCents(10_000_003, k as 1))).toEqual([2_500_001, 2_500_001, 2_500_001, 2_500_000]);
    expect([1, 2, 3, 4].map((k) => derivedQuarterCents(10_000_001, k as 1))).toEqual([2_500_001, 2_500_000, 2_500_000, 2_500_000]);
    expect([1, 2, 3, 4].map((k) => derivedQuarterCents(10_000_002, k as 1))).toEqual([2_500_001, 2_500_001, 2_500_000, 2_500_000]);
    for (let a = 0; a < 50; a++) {
      expect([1, 2, 3, 4].reduce((s, k) => s + derivedQuarterCents(a, k as 1), 0)).toBe(a);
    }
  });

  it('derives only the missing quarters; explicit ones stay', () => {
    const { table } = parseQuotaTable(grid([['Manager', 'Period', 'Quota'], ['Anna', '2026', 400000], ['Anna', '2026-Q2', 50000]]), 1, ['Anna']);
    expect([1, 2, 3, 4].map((k) => q(table, 'Anna', 2026, k as 1))).toEqual([
      [10_000_000, true], [5_000_000, false], [10_000_000, true], [10_000_000, true],
    ]);
    expect(q(table, 'Anna', 2026, 0)).toEqual([40_000_000, false]);
  });

  it('does not derive an annual quota from fewer than four quarters', () => {
    const { table } = parseQuotaTable(grid([['Manager', 'Period', 'Quota'], ['Anna', '2026-Q1', 1], ['Anna', '2026-Q2', 1]]), 1, ['Anna']);
    expect(q(table, 'Anna', 2026, 0)).toBeUndefined();
    expect(q(table, 'Anna', 2026, 3)).toBeUndefined();
  });

  it('warns when an explicit annual quota differs from four explicit quarters, and uses each as given', () => {
    const { table, issues } = parseQuotaTable(
      grid([['Manager', 'Period', 'Quota'], ['Anna', '2026', 100], ['Anna', '2026-Q1', 10], ['Anna', '2026-Q2', 10], ['Anna', '2026-Q3', 10], ['Anna', '2026-Q4', 10]]),
      1, ['Anna'],
    );
    expect(issues.map((i) => [i.code, i.row, i.severity])).toEqual([['quotas.annualMismatch', 2, 'warning']]);
    expect(q(table, 'Anna', 2026, 0)).toEqual([10_000, false]);
    expect(q(table, 'Anna', 2026, 1)).toEqual([1_000, false]);
  });

  it('reports issues, never drops a line silently', () => {
    const { table, issues } = parseQuotaTable(
      grid([
        ['Vendedor', 'Período', 'Cuota'],
        ['Anna', '2026-Q1', 100],
        ['Anna', '2026-Q1', 999], // duplicate: first wins
        ['Anna', 'sometime', 100], // period
        ['Anna', '2026-Q2', 'lots'], // amount
        ['Anna', '2026-Q3', -5], // negative
        ['', '2026-Q4', 100], // no manager
        ['Zoe', '2026-Q1', 100], // no transactions: warning, used
        ['Zoe', '2026-Q2', 100], // (reported once)
        ['Anna', '2026-Q4', null], // blank quota = no quota
      ]),
      1,
      ['Anna'],
    );
    expect(issues.map((i) => [i.code, i.row, i.column, i.value, i.severity])).toEqual([
      ['quotas.duplicate', 3, 'Cuota', '999', 'warning'],
      ['quotas.periodUnparseable', 4, 'Período', 'sometime', 'error'],
      ['quotas.amountUnparseable', 5, 'Cuota', 'lots', 'error'],
      ['quotas.negative', 6, 'Cuota', '-5', 'error'],
      ['quotas.managerMissing', 7, 'Vendedor', '', 'error'],
      ['quotas.unknownManager', 8, 'Vendedor', 'Zoe', 'warning'],
    ]);
    expect(q(table, 'Anna', 2026, 1)).toEqual([10_000, false]);
    expect(q(table, 'Anna', 2026, 3)).toBeUndefined();
    expect(q(table, 'Zoe', 2026, 2)).toEqual([10_000, false]);
  });

  it('matches headers in four languages, case/accent/space-insensitively', () => {
    for (const headers of [
      ['  SALES REP ', 'Quarter', 'Target'],
      ['Gerente', 'Año', 'Objetivo'],
      ['Menedżer', 'Kwartał', 'Plan'],
      ['Opiekun', 'Okres', 'Kwota'],
      ['Kundenbetreuer', 'Zeitraum', 'Ziel'],
      ['Vertriebsmitarbeiter', 'Quartal', 'Soll'],
      ['Owner', 'Periodo', 'Meta'],
      ['Quota owner'.replace('Quota ', ''), 'Jahr', 'Quote (EUR)'],
    ]) {
      const { table, issues } = parseQuotaTable(grid([headers, ['Anna', '2026-Q1', 5]]), 1, ['Anna']);
      expect([headers, issues]).toEqual([headers, []]);
      expect(q(table, 'Anna', 2026, 1)).toEqual([500, false]);
    }
  });

  it('reports a missing column with the headers found', () => {
    const { issues } = parseQuotaTable(grid([['Name', 'When', 'Quota']]), 1, []);
    expect(issues.map((i) => [i.code, i.column, i.reason])).toEqual([
      ['quotas.missingColumn', 'manager', 'no manager column; headers found: Name, When, Quota'],
    ]);
    expect(parseQuotaTable(grid([['Manager', 'Quota']]), 1, []).issues.map((i) => i.column)).toEqual(['period']);
  });

  it('reads a wide table whose headers are periods', () => {
    const { table, issues } = parseQuotaTable(
      grid([['Manager', '2026-Q1', 'Q2 2026', 'FY2026', 'Notes'], ['Anna', 100, null, 400, 'new'], ['Ben', 'x', 5, null]]),
      1, ['Anna', 'Ben'],
    );
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([['quotas.amountUnparseable', 3, '2026-Q1']]);
    expect(q(table, 'Anna', 2026, 1)).toEqual([10_000, false]);
    expect(q(table, 'Anna', 2026, 2)).toEqual([10_000, true]);
    expect(q(table, 'Ben', 2026, 2)).toEqual([500, false]);
  });

  it('spells managers as in the transactions (trimmed, case-insensitive)', () => {
    const { table, issues } = parseQuotaTable(grid([['Manager', 'Period', 'Quota'], ['  anna  nowak ', '2026-Q1', 1]]), 1, ['Anna Nowak']);
    expect(issues).toEqual([]);
    expect(q(table, 'Anna Nowak', 2026, 1)).toEqual([100, false]);
    const loose = parseQuotaTable(grid([['Manager', 'Period', 'Quota'], ['ANNA NOWAK', '2026-Q1', 1]]), 1, []).table;
    expect(q(alignQuotaTable(loose, ['Anna Nowak']), 'Anna Nowak', 2026, 1)).toEqual([100, false]);
  });

  it('reads FY labels with M = 4 as fiscal years', () => {
    const { table } = parseQuotaTable(grid([['Manager', 'Period', 'Quota'], ['Anna', 'FY2027-Q1', 1], ['Anna', '2027-Q2', 2]]), 4, ['Anna']);
    expect(table.managers.get('Anna')?.get(quotaKey(2027, 1))?.cents).toBe(100);
    expect(table.managers.get('Anna')?.get(quotaKey(2027, 2))?.cents).toBe(200);
  });

  it('a blank sheet is an empty table', () => {
    expect(parseQuotaTable(grid([[], [null]]), 1, [])).toEqual({ table: { fiscalStart: 1, managers: new Map() }, issues: [] });
  });
});
