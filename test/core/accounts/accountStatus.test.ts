import { accountStatus, compareGrowth, DEFAULT_STATUS_THRESHOLDS, type StatusFacts } from '../../../src/core/accounts/accountStatus';

const facts = (f: Partial<StatusFacts>): StatusFacts => ({
  daysSinceLastOrder: 10, firstOrderInReportYear: false, key: false, revenue: 100, prior: 100, ...f,
});

describe('accountStatus precedence (SPEC §7)', () => {
  it.each<[string, Partial<StatusFacts>, string]>([
    ['never an order', { daysSinceLastOrder: null, firstOrderInReportYear: false }, 'Dormant'],
    ['180 days', { daysSinceLastOrder: 180 }, 'Dormant'],
    ['179 days', { daysSinceLastOrder: 179 }, 'At risk'],
    ['dormant beats new', { daysSinceLastOrder: 200, firstOrderInReportYear: true }, 'Dormant'],
    ['dormant beats growth', { daysSinceLastOrder: 400, revenue: 500, prior: 100 }, 'Dormant'],
    ['new', { firstOrderInReportYear: true, revenue: 100, prior: 0 }, 'New'],
    ['new beats at risk (90 days)', { firstOrderInReportYear: true, daysSinceLastOrder: 120 }, 'New'],
    ['new beats key decline', { firstOrderInReportYear: true, key: true, revenue: 10, prior: 100 }, 'New'],
    ['key account −20 %', { key: true, revenue: 80, prior: 100 }, 'At risk'],
    ['key account −19.99 %', { key: true, revenue: 8001, prior: 10000 }, 'Declining'],
    ['non-key −20 % is only declining', { key: false, revenue: 80, prior: 100 }, 'Declining'],
    ['90 days since the last order', { daysSinceLastOrder: 90 }, 'At risk'],
    ['89 days', { daysSinceLastOrder: 89 }, 'Stable'],
    ['at risk beats growing', { daysSinceLastOrder: 95, revenue: 300, prior: 100 }, 'At risk'],
    ['−10 % exactly (float: −0.0999…98)', { revenue: 90, prior: 100 }, 'Declining'],
    ['−9.99 %', { revenue: 9001, prior: 10000 }, 'Stable'],
    ['+10 % exactly', { revenue: 110, prior: 100 }, 'Growing'],
    ['+9.99 %', { revenue: 10999, prior: 10000 }, 'Stable'],
    ['no prior-year revenue', { revenue: 500, prior: 0 }, 'Stable'],
    ['negative prior-year revenue', { revenue: 500, prior: -50 }, 'Stable'],
    ['key account without prior', { key: true, revenue: 0, prior: 0 }, 'Stable'],
  ])('%s → %s', (_name, f, expected) => {
    expect(accountStatus(facts(f))).toBe(expected);
  });

  it('uses configured thresholds', () => {
    const t = { ...DEFAULT_STATUS_THRESHOLDS, dormantDays: 60, atRiskDays: 30, decliningGrowth: -0.05, growingGrowth: 0.05 };
    expect(accountStatus(facts({ daysSinceLastOrder: 60 }), t)).toBe('Dormant');
    expect(accountStatus(facts({ daysSinceLastOrder: 30 }), t)).toBe('At risk');
    expect(accountStatus(facts({ revenue: 95 }), t)).toBe('Declining');
    expect(accountStatus(facts({ revenue: 105 }), t)).toBe('Growing');
  });

  it('compares growth exactly', () => {
    expect(compareGrowth(90, 100, -0.1)).toBe(0);
    expect(90 / 100 - 1 <= -0.1).toBe(false); // why the float comparison is not used
    expect(compareGrowth(110, 100, 0.1)).toBe(0);
    expect(compareGrowth(1, 0, 0.1)).toBeNull();
  });
});
