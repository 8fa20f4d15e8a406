import fc from 'fast-check';
import { compareCodePoints, compareNames } from '../../../src/core/concentration/compareNames';
import { concentration, hhiBand } from '../../../src/core/concentration/concentration';

function conc(revenue: number[], names?: string[], cutoffs?: { a: number; b: number }) {
  const n = names ?? revenue.map((_, i) => `acct${String(i).padStart(3, '0')}`);
  return concentration(Int32Array.from(n.keys()), Float64Array.from(revenue), n, cutoffs);
}

describe('concentration (SPEC §4)', () => {
  it('shares 30/30/20/20 % → HHI 2 600 (high)', () => {
    const c = conc([3000, 2000, 3000, 2000]);
    expect(c.hhi).toBe(2600);
    expect(c.band).toBe('high');
    expect(c.cr[1]).toBe(0.3);
  });

  it('shares 27/24/18/16/6/5/4 % → HHI 1 962 (high), CR1 27 %, CR5 91 %', () => {
    const c = conc([2700, 2400, 1800, 1600, 600, 500, 400]);
    expect(c.hhi).toBe(1962);
    expect(c.band).toBe('high');
    expect(c.cr[1]).toBe(0.27);
    expect(c.cr[5]).toBe(0.91);
    expect(c.cr[10]).toBe(1);
  });

  it('bands at the limits: 1 800 is moderate, 1 000 is moderate, below is low', () => {
    // ten equal accounts: 10 · 10² = 1 000 (moderate); eleven: 909 (low)
    expect(conc(Array(10).fill(7)).hhi).toBe(1000);
    expect(conc(Array(10).fill(7)).band).toBe('moderate');
    expect(conc(Array(11).fill(7)).band).toBe('low');
    // shares 20, 20, 20, 20, 10, 10 %: 4 · 400 + 2 · 100 = 1 800 exactly, still moderate
    const at1800 = conc([20, 20, 20, 20, 10, 10]);
    expect(at1800.hhi).toBe(1800);
    expect(at1800.band).toBe('moderate');
    expect(hhiBand(1800)).toBe('moderate');
    expect(hhiBand(1800.0001)).toBe('high');
    expect(hhiBand(999.99)).toBe('low');
  });

  it('ranks by revenue, ties by case-insensitive code point order, then exact name', () => {
    const c = conc([5, 5, 5, 5, 9], ['beta', 'Alpha', 'alpha', 'Zeta', 'omega']);
    expect(c.accounts.map((a) => a.name)).toEqual(['omega', 'Alpha', 'alpha', 'beta', 'Zeta']);
    expect(c.accounts.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lists accounts with revenue ≤ 0 apart, unranked', () => {
    const c = conc([100, 0, -50, 300], ['a', 'b', 'c', 'd']);
    expect(c.accounts.map((a) => a.name)).toEqual(['d', 'a']);
    expect(c.nonPositive.map((a) => [a.name, a.revenue])).toEqual([['b', 0], ['c', -50]]);
    expect(c.total).toBe(400);
    expect(c.accounts[0]?.share).toBe(0.75);
  });

  it('ABC: the account that crosses 80 % is A; C_{k−1} = 80 % exactly is B', () => {
    // 50, 30 (crosses 80 → A), 10 (C_{k−1} = 80 % → B), 5 (90 % → B), 5 (95 % → C)
    const c = conc([50, 30, 10, 5, 5]);
    expect(c.accounts.map((a) => a.abcClass)).toEqual(['A', 'A', 'B', 'B', 'C']);
    expect(c.accounts.map((a) => a.cumulative)).toEqual([0.5, 0.8, 0.9, 0.95, 1]);
    expect(c.classCounts).toEqual({ A: 2, B: 2, C: 1 });
    // cut-offs are configurable
    expect(conc([50, 30, 10, 5, 5], undefined, { a: 0.5, b: 0.9 }).accounts.map((a) => a.abcClass)).toEqual(['A', 'B', 'B', 'C', 'C']);
  });

  it('has no ranked accounts and HHI 0 without positive revenue', () => {
    const c = conc([0, -5]);
    expect([c.total, c.hhi, c.band, c.cr[1], c.accounts.length]).toEqual([0, 0, 'low', 0, 0]);
  });

  const revenues = fc.array(fc.integer({ min: -1_000_000, max: 100_000_000 }), { minLength: 1, maxLength: 60 });

  it('property: shares of positive accounts sum to 1; cumulative ends at 1', () => {
    fc.assert(
      fc.property(revenues, (rs) => {
        const c = conc(rs);
        if (c.accounts.length === 0) return;
        expect(c.accounts.reduce((s, a) => s + a.share, 0)).toBeCloseTo(1, 12);
        expect(c.accounts[c.accounts.length - 1]?.cumulative).toBe(1);
      }),
    );
  });

  it('property: 10 000 / n ≤ HHI ≤ 10 000', () => {
    fc.assert(
      fc.property(revenues, (rs) => {
        const c = conc(rs);
        const n = c.accounts.length;
        if (n === 0) return;
        expect(c.hhi).toBeLessThanOrEqual(10000);
        expect(c.hhi).toBeGreaterThanOrEqual((10000 / n) * (1 - 1e-12));
        // matches the float definition Σ (100·s)²
        expect(c.hhi).toBeCloseTo(c.accounts.reduce((s, a) => s + (100 * a.share) ** 2, 0), 6);
      }),
    );
  });

  it('property: ABC classes are monotone along the ranking, revenue non-increasing, CR ordered', () => {
    fc.assert(
      fc.property(revenues, fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (rs, a, extra) => {
        const b = a + (1 - a) * extra;
        const c = conc(rs, undefined, { a, b });
        const order = { A: 0, B: 1, C: 2 };
        for (let i = 1; i < c.accounts.length; i++) {
          const prev = c.accounts[i - 1]!;
          const cur = c.accounts[i]!;
          expect(order[cur.abcClass]).toBeGreaterThanOrEqual(order[prev.abcClass]);
          expect(cur.revenue).toBeLessThanOrEqual(prev.revenue);
        }
        if (c.accounts.length > 0) expect(c.accounts[0]?.abcClass).toBe('A');
        expect(c.cr[1]).toBeLessThanOrEqual(c.cr[5]);
        expect(c.cr[5]).toBeLessThanOrEqual(c.cr[10]);
      }),
    );
  });
});

describe('compareNames', () => {
  it('orders case-insensitively by code point, then exactly', () => {
    expect(['b', 'B', 'a', 'A', 'Ä', '_'].sort(compareNames)).toEqual(['_', 'A', 'a', 'B', 'b', 'Ä']);
  });
  it('orders astral characters by code point, not UTF-16 unit', () => {
    expect(compareCodePoints('\u{1F600}', '\uFF21')).toBeGreaterThan(0); // U+1F600 > U+FF21
    expect('\u{1F600}' < '\uFF21').toBe(true); // what plain JS comparison would say
  });
});
