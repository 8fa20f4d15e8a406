import fc from 'fast-check';
import { attainmentReport, type ListedManager } from '../../../src/core/attainment/attainmentReport';
import { attainmentStatus } from '../../../src/core/attainment/attainmentStatus';
import { listManagers } from '../../../src/core/attainment/listManagers';
import { managerQuarterRevenue } from '../../../src/core/attainment/managerQuarterRevenue';
import { reportCalendar } from '../../../src/core/periods/reportCalendar';
import { quotaKey, type Quota, type QuotaTable } from '../../../src/core/quotas/quotaTable';
import { day, makeTransactions } from '../support/makeTransactions';

const near = { digits: 9n, scale: 1 };

function quotas(entries: Record<string, [number, number, number][]>): QuotaTable {
  const managers = new Map<string, Map<number, Quota>>();
  for (const [m, list] of Object.entries(entries)) {
    managers.set(m, new Map(list.map(([fy, q, cents]) => [quotaKey(fy, q as 0), { cents, derived: false, row: 2 }])));
  }
  return { fiscalStart: 1, managers };
}

/** One manager's report with quarterly revenue and quotas (null = none), as-of at the end of `asOf`. */
function run(revenue: number[], quota: (number | null)[], asOf = '2026-12-31', reviewAfter = 2) {
  const calendar = reportCalendar(day(asOf), 1);
  const rev = new Float64Array(4);
  revenue.forEach((r, i) => (rev[i] = r));
  const table = quotas({ M: quota.flatMap((c, i) => (c === null ? [] : [[2026, i + 1, c] as [number, number, number]])) });
  return attainmentReport({ calendar, managers: [{ name: 'M', index: 0 }], revenue: rev, quotas: table, nearThreshold: 0.9, reviewAfter });
}

describe('attainmentStatus', () => {
  it.each<[number, number | null, string]>([
    [100, 100, 'Met'],
    [150, 100, 'Met'],
    [99, 100, 'Near'],
    [90, 100, 'Near'],
    [89, 100, 'Below'],
    [-5, 100, 'Below'],
    [5, null, 'No quota'],
    [5, 0, 'No quota'],
    [5, -1, 'No quota'],
    [899_999_999, 1_000_000_000, 'Below'],
    [900_000_000, 1_000_000_000, 'Near'],
  ])('%i of %p → %s', (r, q, s) => expect(attainmentStatus(r, q, near)).toBe(s));
});

describe('attainmentReport (SPEC §3)', () => {
  it('computes quarters, YTD and statuses', () => {
    const r = run([90, 120, 50, 100], [100, 100, 100, 100]);
    const m = r.managers[0]!;
    expect(m.quarters.map((q) => [q.label, q.revenue, q.quota, q.attainment, q.status])).toEqual([
      ['2026-Q1', 90, 100, 0.9, 'Near'],
      ['2026-Q2', 120, 100, 1.2, 'Met'],
      ['2026-Q3', 50, 100, 0.5, 'Below'],
      ['2026-Q4', 100, 100, 1, 'Met'],
    ]);
    expect(m.quarters.map((q) => [q.ytdRevenue, q.ytdQuota, q.ytdAttainment, q.ytdStatus])).toEqual([
      [90, 100, 0.9, 'Near'],
      [210, 200, 1.05, 'Met'],
      [260, 300, 260 / 300, 'Below'],
      [360, 400, 0.9, 'Near'],
    ]);
    expect(m.ytd).toEqual({ revenue: 360, quota: 400, attainment: 0.9, status: 'Near' });
  });

  it('YTD: a quarter without quota and without revenue counts as 0; with revenue it makes YTD empty', () => {
    const started = run([0, 50, 100], [null, 100, 100], '2026-09-30').managers[0]!;
    expect(started.quarters.map((q) => [q.status, q.ytdQuota, q.ytdAttainment])).toEqual([
      ['No quota', null, null],
      ['Below', 100, 0.5],
      ['Met', 200, 0.75],
    ]);
    const gap = run([10, 50, 100], [null, 100, 100], '2026-09-30').managers[0]!;
    expect(gap.quarters.map((q) => [q.ytdQuota, q.ytdAttainment, q.ytdStatus])).toEqual([
      [null, null, 'No quota'],
      [null, null, 'No quota'],
      [null, null, 'No quota'],
    ]);
  });

  it.each<[string, (number | null)[], number[], boolean[], number?]>([
    ['two closed quarters below', [100, 100, 100, 100], [80, 95, 120, 50], [false, true, false, false]],
    ['three below: every row from the second on', [100, 100, 100, 100], [80, 95, 50, 120], [false, true, true, false]],
    ['met in between breaks the run', [100, 100, 100, 100], [80, 100, 80, 120], [false, false, false, false]],
    ['no quota breaks the run', [100, null, 100, 100], [80, 95, 80, 120], [false, false, false, false]],
    ['near counts as below 100 %', [100, 100, 100, 100], [99, 99, 100, 100], [false, true, false, false]],
    ['reviewAfter 3', [100, 100, 100, 100], [80, 80, 80, 80], [false, false, true, true], 3],
    ['reviewAfter 1', [100, 100, 100, 100], [80, 100, 80, 100], [true, false, true, false], 1],
  ])('review flag: %s', (_name, quota, revenue, flags, after = 2) => {
    const m = run(revenue, quota, '2026-12-31', after).managers[0]!;
    expect(m.quarters.map((q) => q.review)).toEqual(flags);
    expect(m.review).toBe(flags.some(Boolean));
  });

  it('review flag: an open quarter does not count', () => {
    const m = run([80, 80, 10], [100, 100, 100], '2026-08-15').managers[0]!;
    expect(m.quarters.map((q) => [q.closed, q.review])).toEqual([[true, false], [true, true], [false, false]]);
    const open = run([80, 80], [100, 100], '2026-06-29').managers[0]!;
    expect(open.quarters.map((q) => q.review)).toEqual([false, false]);
  });

  it('team totals: sums, attainment = Σ revenue / Σ quota', () => {
    const calendar = reportCalendar(day('2026-06-30'), 1);
    const rev = Float64Array.of(100, 50, 0, 0, 30, 30, 0, 0);
    const r = attainmentReport({
      calendar,
      managers: [{ name: 'A', index: 0 }, { name: 'B', index: 1 }],
      revenue: rev,
      quotas: quotas({ A: [[2026, 1, 100], [2026, 2, 100]] }),
      nearThreshold: 0.9,
      reviewAfter: 2,
    });
    expect(r.team.map((q) => [q.revenue, q.quota, q.attainment])).toEqual([[130, 100, 1.3], [80, 100, 0.8]]);
    expect(r.teamYtd).toEqual({ revenue: 210, quota: 200, attainment: 1.05, status: 'Met' });
  });

  it('configurable near threshold', () => {
    const calendar = reportCalendar(day('2026-03-31'), 1);
    const r = attainmentReport({
      calendar, managers: [{ name: 'M', index: 0 }], revenue: Float64Array.of(85, 0, 0, 0),
      quotas: quotas({ M: [[2026, 1, 100]] }), nearThreshold: 0.85, reviewAfter: 2,
    });
    expect(r.managers[0]?.quarters[0]?.status).toBe('Near');
  });

  it('lists managers with a report-year transaction or a report-year quota', () => {
    const tx = makeTransactions([
      { date: '2026-02-01', account: 'a', manager: 'Bob', amount: 1 },
      { date: '2025-12-31', account: 'a', manager: 'Old', amount: 1 },
      { date: '2026-12-01', account: 'a', manager: 'Late', amount: 1 }, // after as-of
      { date: '2026-03-01', account: 'a', manager: 'anna', amount: 1 },
    ]);
    const calendar = reportCalendar(day('2026-06-30'), 1);
    const { active } = managerQuarterRevenue(tx, calendar);
    const listed: ListedManager[] = listManagers(tx.managers, active, quotas({ Zed: [[2026, 0, 5]], Old: [[2025, 0, 5]], Late: [[2026, 3, 1]] }), 2026);
    expect(listed).toEqual([
      { name: 'anna', index: 3 },
      { name: 'Bob', index: 0 },
      { name: 'Late', index: 2 },
      { name: 'Zed', index: -1 },
    ]);
  });

  it('property: Σ revenue over managers × quarters = Σ accepted amounts in the report year up to as-of', () => {
    const row = fc.record({
      d: fc.integer({ min: day('2024-06-01'), max: day('2027-06-30') }),
      m: fc.integer({ min: 0, max: 5 }),
      cents: fc.integer({ min: -1_000_000, max: 100_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), fc.integer({ min: day('2025-01-01'), max: day('2027-01-31') }), fc.integer({ min: 1, max: 12 }), (rows, asOf, M) => {
        const tx = makeTransactions(rows.map((r) => ({ date: '2026-01-01', account: 'a', manager: `m${r.m}`, amount: 0 })));
        rows.forEach((r, i) => {
          tx.date[i] = r.d;
          tx.amount[i] = r.cents;
        });
        const calendar = reportCalendar(asOf, M as 1);
        const { revenue, active } = managerQuarterRevenue(tx, calendar);
        const report = attainmentReport({
          calendar, managers: listManagers(tx.managers, active, { fiscalStart: M as 1, managers: new Map() }, calendar.reportYear),
          revenue, quotas: { fiscalStart: M as 1, managers: new Map() }, nearThreshold: 0.9, reviewAfter: 2,
        });
        const expected = rows.filter((r) => r.d >= calendar.yearFirstDay && r.d <= asOf).reduce((s, r) => s + r.cents, 0);
        const byRows = report.managers.reduce((s, m) => s + m.quarters.reduce((t, q) => t + q.revenue, 0), 0);
        expect(byRows).toBe(expected);
        expect(report.managers.reduce((s, m) => s + m.ytd.revenue, 0)).toBe(expected);
        expect(report.teamYtd.revenue).toBe(expected);
      }),
    );
  });
});
