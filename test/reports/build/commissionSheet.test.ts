import { buildReportModel, COMMISSION_COLUMNS } from '../../../src/reports/build';
import { a1 } from '../../../src/reports/a1';
import type { Cell, ReportSheet } from '../../../src/reports/model';
import { plainRun, quarterRun, yearRun } from './tinyRuns';

const C = COMMISSION_COLUMNS;

function sheetOf(run: ReturnType<typeof quarterRun>, key = 'commission'): ReportSheet {
  const s = buildReportModel(run, { language: 'en' }).sheets.find((x) => x.key === key);
  if (s === undefined) throw new Error(`no sheet ${key}`);
  return s;
}

const text = (c: Cell | null | undefined): string => (c?.kind === 'text' ? c.text : '');

/** The rows of the block titled `title`, up to the next blank row. */
function block(sheet: ReportSheet, title: string): (Cell | null)[][] {
  const start = sheet.rows.findIndex((r) => text(r[0]) === title);
  expect(start).toBeGreaterThan(0);
  const rows: (Cell | null)[][] = [];
  for (let r = start; r < sheet.rows.length && (sheet.rows[r]?.length ?? 0) > 0; r++) rows.push([...(sheet.rows[r] ?? [])]);
  return rows;
}

const row = (rows: (Cell | null)[][], label: string): (Cell | null)[] => rows.find((r) => text(r[0]) === label) ?? [];
const cached = (c: Cell | null | undefined): unknown => (c?.kind === 'formula' ? c.cached : c?.kind === 'number' ? c.value : undefined);
const formula = (c: Cell | null | undefined): string => (c?.kind === 'formula' ? c.formula : '');

describe('Commission sheet', () => {
  it('SPEC §5 worked example, marginal: 1 000 + 2 500 + 2 400 = 5 900, bonus 1 000, live formulas with cached values', () => {
    const sheet = sheetOf(quarterRun('marginal'));
    const b = block(sheet, 'Anna · 2026-Q1');
    const tiers = b.filter((r) => /^Tier \d$/.test(text(r[0])));
    expect(tiers.map((r) => cached(r[C.formula]))).toEqual([1000, 2500, 2400]);
    expect(tiers.map((r) => cached(r[C.from]))).toEqual([0, 50000, 100000]);
    expect(formula(tiers[0]?.[C.formula])).toMatch(/^=MAX\(0,MIN\(\$B\$\d+,C\d+\)-B\d+\)\*D\d+$/);
    expect(formula(tiers[2]?.[C.formula])).toMatch(/^=MAX\(0,\$B\$\d+-B\d+\)\*D\d+$/); // the last tier has no upper bound
    expect(formula(tiers[1]?.[C.from])).toMatch(/^=\$B\$\d+\*B\d+$/); // b_i = from_i × quota
    const counted = row(b, 'Revenue counted (up to 200% of quota)');
    expect(formula(counted[1])).toMatch(/^=MIN\(B\d+,\$B\$\d+\*B\d+\)$/);
    const commission = row(b, 'Commission');
    expect(formula(commission[C.formula])).toMatch(/^=ROUND\(SUM\(E\d+:E\d+\),2\)$/);
    expect([cached(commission[C.formula]), cached(commission[C.engine]), cached(commission[C.check])]).toEqual([5900, 5900, 0]);
    expect(formula(row(b, 'Bonus if attainment ≥')[C.formula])).toMatch(/^=IF\(B\d+>=\$B\$\d+,\$C\$\d+,0\)$/);
    expect(cached(row(b, 'Bonus')[C.formula])).toBe(1000);
    const payout = row(b, 'Payout');
    expect(formula(payout[C.formula])).toMatch(/^=ROUND\(E\d+\+E\d+,2\)$/);
    expect(cached(payout[C.formula])).toBe(6900);
  });

  it('SPEC §5 worked example, retroactive: 130 000 × 8 % = 10 400, only the reached tier pays', () => {
    const b = block(sheetOf(quarterRun('retroactive')), 'Anna · 2026-Q1');
    const tiers = b.filter((r) => /^Tier \d$/.test(text(r[0])));
    expect(tiers.map((r) => cached(r[C.formula]))).toEqual([0, 0, 10400]);
    expect(formula(tiers[0]?.[C.formula])).toMatch(/^=IF\(AND\(\$B\$\d+>=B\d+,\$B\$\d+<C\d+\),\$B\$\d+\*D\d+,0\)$/);
    expect(formula(tiers[2]?.[C.formula])).toMatch(/^=IF\(\$B\$\d+>=B\d+,\$B\$\d+\*D\d+,0\)$/);
    expect(cached(row(b, 'Commission')[C.formula])).toBe(10400);
  });

  it('caps the commission with MIN and guards the bonus of a row without quota (revenue plan)', () => {
    const sheet = sheetOf(yearRun());
    const eva = block(sheet, 'Eva · FY2027');
    const commission = row(eva, 'Commission (at most the maximum)');
    expect(formula(commission[C.formula])).toMatch(/^=ROUND\(MIN\(SUM\(E\d+:E\d+\),\$B\$\d+\),2\)$/);
    expect(cached(commission[C.formula])).toBe(1200); // 52 000 × 3 % = 1 560, capped at 1 200
    expect(cached(row(eva, 'Bonus')[C.formula])).toBe(500); // 52 000 / 200 000 = 26 % ≥ 20 %
    const max = block(sheet, 'Max · FY2027');
    expect(formula(row(max, 'Bonus if attainment ≥')[C.formula])).toMatch(/^=IF\(AND\(ISNUMBER\(B\d+\),B\d+>=\$B\$\d+\),\$C\$\d+,0\)$/);
    expect(cached(row(max, 'Payout')[C.formula])).toBe(380); // 38 000 × 1 %, no quota → no bonus
  });

  it('every check cell is a formula total minus the engine figure beside it, cached 0', () => {
    const sheet = sheetOf(quarterRun());
    let checks = 0;
    sheet.rows.forEach((cells, r) => {
      const check = cells[C.check];
      if (check?.kind !== 'formula') return;
      checks++;
      expect(check.formula).toBe(`=${a1(r, C.formula)}-${a1(r, C.engine)}`);
      expect(check.cached).toBe(0);
      expect(cached(cells[C.formula])).toBe(cached(cells[C.engine]));
    });
    // 3 managers × 2 quarters, each with commission, bonus and payout checks.
    expect(checks).toBe(18);
  });

  it('without a plan, says how to add one', () => {
    const sheet = sheetOf(plainRun());
    const texts = sheet.rows.flat().map(text).join('\n');
    expect(texts).toMatch(/No commission plan was found/);
    expect(texts).toMatch(/Commission Plan/);
    expect(texts).toMatch(/--plan plan\.json/);
  });
});
