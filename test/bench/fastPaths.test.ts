import fc from 'fast-check';
import { orderByValueDesc } from '../../src/core/aggregate/orderByValueDesc';
import { SumsByKey } from '../../src/core/aggregate/sumsByKey';
import { SumsByPair } from '../../src/core/aggregate/sumsByPair';
import { accountStatusReport } from '../../src/core/accounts/accountStatusReport';
import { compareGrowth } from '../../src/core/accounts/accountStatus';
import { compareNames } from '../../src/core/concentration/compareNames';
import { concentration } from '../../src/core/concentration/concentration';
import { concentrationReport } from '../../src/core/concentration/concentrationReport';
import { readCsvText } from '../../src/cli/readCsv';
import { bytesEvidence, detectColumnDecimalSeparator, detectDecimalSeparator, textEvidence } from '../../src/core/intake/detectDecimalSeparator';
import { FieldCache } from '../../src/core/intake/fieldCache';
import { decimalFromNumber } from '../../src/core/commission/exactDecimal';
import type { Transactions } from '../../src/core/intake/transactions';
import { reportCalendar } from '../../src/core/periods/reportCalendar';

/**
 * The performance work replaced general code by fast paths (typed-array hash tables, a native
 * sort with tie runs, float comparisons with an exact fallback, sums of squares without a BigInt
 * per term). Each is checked here against the plain code it stands for, on generated inputs:
 * same results, same order, same -0 handling. Speed itself is measured by `npm run bench`.
 */

const showZero = (x: number) => (Object.is(x, -0) ? '-0' : x);

describe('SumsByKey', () => {
  it('sums like a Map and lists keys in order of first addition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 ** 53 - 1 })), fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constant(-0))), { maxLength: 400 }),
        (adds) => {
          const sums = new SumsByKey();
          const map = new Map<number, number>();
          for (const [k, v] of adds) {
            sums.add(k, v);
            map.set(k, (map.get(k) ?? 0) + v);
          }
          expect(sums.size).toBe(map.size);
          const entries = Array.from({ length: sums.size }, (_, e) => [sums.keyAt(e), showZero(sums.sumAt(e))]);
          expect(entries).toEqual([...map].map(([k, v]) => [k, showZero(v)]));
          for (const [k, v] of map) expect(showZero(sums.get(k) as number)).toEqual(showZero(v));
          expect(sums.get(2 ** 53)).toBeUndefined();
        },
      ),
    );
  });
});

describe('SumsByPair', () => {
  it('sums like a Map keyed by pair', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constant(-0))), { maxLength: 300 }),
        (nf, ns, raw) => {
          const sums = new SumsByPair(nf, ns);
          const map = new Map<string, number>();
          for (const [a, b, v] of raw) {
            sums.add(a % nf, b % ns, v);
            const key = `${a % nf}/${b % ns}`;
            map.set(key, (map.get(key) ?? 0) + v);
          }
          const got = new Map<string, number | string>();
          for (let e = 0; e < sums.size; e++) got.set(`${sums.firstAt(e)}/${sums.secondAt(e)}`, showZero(sums.sumAt(e)));
          expect(got).toEqual(new Map([...map].map(([k, v]) => [k, showZero(v)])));
          expect(() => sums.add(0, 0, 1)).toThrow();
        },
      ),
    );
  });
});

describe('orderByValueDesc', () => {
  const valuesArb = fc.oneof(
    fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }),
    fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { maxLength: 300 }),
    fc.array(fc.oneof(fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-Number.MAX_SAFE_INTEGER), fc.integer()), { maxLength: 50 }),
    fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constant(-0), fc.constant(0)), { maxLength: 100 }),
  );
  it('gives the order of the comparison sort (value descending, then the tie-break)', () => {
    fc.assert(
      fc.property(valuesArb, fc.array(fc.string({ maxLength: 3 }), { minLength: 300, maxLength: 300 }), (list, labels) => {
        const values = Float64Array.from(list);
        // A total tie-break: label, then index (as distinct names are).
        const tie = (x: number, y: number) => ((labels[x] ?? '') < (labels[y] ?? '') ? -1 : (labels[x] ?? '') > (labels[y] ?? '') ? 1 : x - y);
        const items = list.map((_, i) => i).reverse();
        const expected = [...items].sort((x, y) => (values[y] as number) - (values[x] as number) || tie(x, y));
        expect(orderByValueDesc([...items], values, tie)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('compareGrowth', () => {
  // R / P − 1 against g exactly, with g as its 15-digit decimal (what the exact path does).
  const exact = (revenue: number, prior: number, threshold: number): number | null => {
    if (prior <= 0) return null;
    const g = decimalFromNumber(threshold);
    if (g === null) return null;
    const unit = 10n ** BigInt(g.scale);
    const lhs = BigInt(revenue) * unit;
    const rhs = (unit + g.digits) * BigInt(prior);
    return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
  };
  const thresholdArb = fc.oneof(
    fc.constantFrom(-0.2, -0.1, 0.1, 0, -1, 0.25, 1e-9, -0.123456789012345),
    fc.integer({ min: -999, max: 999 }).map((n) => n / 1000),
    fc.double({ min: -2, max: 2, noNaN: true }),
  );
  it('decides as the exact comparison does, also on and next to the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -10, max: 1e12 }), thresholdArb, (revenue, prior, threshold) => {
        expect(compareGrowth(revenue, prior, threshold)).toBe(exact(revenue, prior, threshold));
      }),
      { numRuns: 3000 },
    );
    // Exactly on the threshold, where floats alone get it wrong (90 / 100 − 1 is −0.0999…98).
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom(-0.2, -0.1, 0.1, 0.25, -0.5), fc.integer({ min: -1, max: 1 }), (p, g, nudge) => {
        const prior = p * 100;
        const revenue = Math.round(prior * (1 + g)) + nudge;
        expect(compareGrowth(revenue, prior, g)).toBe(exact(revenue, prior, g));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('concentration: HHI and its band from sums of squares without a BigInt per account', () => {
  it('equals the BigInt computation, also for revenues of 2^48 cents and more', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -1e6, max: 1e9 }), fc.integer({ min: 1, max: 2 ** 53 - 1 })), { maxLength: 200 }), (revenues) => {
        const total = revenues.filter((r) => r > 0).reduce((s, r) => s + r, 0);
        fc.pre(total <= Number.MAX_SAFE_INTEGER);
        const names = revenues.map((_, i) => `A${String(i).padStart(3, '0')}`);
        const c = concentration(Int32Array.from(revenues, (_, i) => i), Float64Array.from(revenues), names);
        let sumSquares = 0n;
        for (const r of revenues) if (r > 0) sumSquares += BigInt(r) * BigInt(r);
        if (total > 0) {
          const t2 = BigInt(total) * BigInt(total);
          const scaled = 10000n * sumSquares;
          const q = scaled / t2;
          expect(c.hhi).toBe(Number(q) + Number(scaled - q * t2) / Number(t2));
          expect(c.band).toBe(scaled > 1800n * t2 ? 'high' : scaled >= 1000n * t2 ? 'moderate' : 'low');
        } else expect(c.hhi).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- the reports' one-pass aggregates against plain Map code ------------------------------

const txArb = fc
  .record({
    accounts: fc.integer({ min: 1, max: 25 }),
    managers: fc.integer({ min: 1, max: 5 }),
    rows: fc.array(fc.tuple(fc.integer({ min: 45000, max: 46400 }), fc.nat(), fc.nat(), fc.integer({ min: -5000, max: 50000 }), fc.boolean()), { minLength: 1, maxLength: 300 }),
  })
  .map(({ accounts, managers, rows }): Transactions => {
    // Mostly one manager per account (the fast path), sometimes another (the map).
    const n = rows.length;
    const accountNames = Array.from({ length: accounts }, (_, i) => (i % 3 === 0 ? `acct ${i}` : `Acct ${i}`));
    const managerNames = Array.from({ length: managers }, (_, i) => `M${i}`);
    return {
      count: n,
      date: Int32Array.from(rows, (r) => r[0]),
      amount: Float64Array.from(rows, (r) => r[3]),
      account: Int32Array.from(rows, (r) => r[1] % accounts),
      manager: Int32Array.from(rows, (r) => (r[4] ? r[2] % managers : (r[1] % accounts) % managers)),
      product: new Int32Array(n).fill(-1),
      row: Int32Array.from(rows, (_, i) => i + 2),
      accounts: accountNames,
      managers: managerNames,
      products: [],
    };
  });

describe('concentrationReport and accountStatusReport aggregates', () => {
  it('group accounts by manager as Map code does, managers in order of first appearance', () => {
    fc.assert(
      fc.property(txArb, fc.integer({ min: 46000, max: 46400 }), (tx, asOf) => {
        const calendar = reportCalendar(asOf, 1);
        const report = concentrationReport(tx, calendar, null);
        const pairs = new Map<number, Map<number, number>>();
        for (let i = 0; i < tx.count; i++) {
          const d = tx.date[i] as number;
          if (d < calendar.yearFirstDay || d > calendar.asOf) continue;
          const m = tx.manager[i] as number;
          const byAccount = pairs.get(m) ?? new Map<number, number>();
          const a = tx.account[i] as number;
          byAccount.set(a, (byAccount.get(a) ?? 0) + (tx.amount[i] as number));
          pairs.set(m, byAccount);
        }
        expect([...report.byManager.keys()]).toEqual([...pairs.keys()].map((m) => tx.managers[m]));
        for (const [m, byAccount] of pairs) {
          const expected = concentration(Int32Array.from(byAccount.keys()), Float64Array.from(byAccount.values()), tx.accounts);
          expect(report.byManager.get(tx.managers[m] ?? '')).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pick the main manager and order the accounts as plain code does', () => {
    fc.assert(
      fc.property(txArb, fc.integer({ min: 46000, max: 46400 }), (tx, asOf) => {
        const calendar = reportCalendar(asOf, 1);
        const conc = concentrationReport(tx, calendar, null);
        const rows = accountStatusReport({ tx, calendar, year: conc.year, key: conc.key });
        const sums = (from: number, to: number) => {
          const map = new Map<number, Map<number, number>>();
          for (let i = 0; i < tx.count; i++) {
            const d = tx.date[i] as number;
            if (d < from || d > to) continue;
            const a = tx.account[i] as number;
            const byManager = map.get(a) ?? new Map<number, number>();
            byManager.set(tx.manager[i] as number, (byManager.get(tx.manager[i] as number) ?? 0) + (tx.amount[i] as number));
            map.set(a, byManager);
          }
          return map;
        };
        const year = sums(calendar.yearFirstDay, calendar.asOf);
        const previous = sums(calendar.previousYearFirstDay, calendar.previousYearLastDay);
        for (const row of rows) {
          const candidates = year.get(row.accountIndex) ?? previous.get(row.accountIndex) ?? new Map<number, number>();
          const best = [...candidates].sort((x, y) => y[1] - x[1] || compareNames(tx.managers[x[0]] ?? '', tx.managers[y[0]] ?? ''))[0];
          expect(row.manager).toBe(best === undefined ? '' : tx.managers[best[0]]);
        }
        const expectedOrder = [...rows].sort((x, y) => y.revenue - x.revenue || compareNames(x.account, y.account));
        expect(rows.map((r) => r.account)).toEqual(expectedOrder.map((r) => r.account));
      }),
      { numRuns: 300 },
    );
  });
});

describe('FieldCache', () => {
  it('finds each distinct byte string once, whatever the collisions', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 2000 }), (texts) => {
        const source = new TextEncoder().encode(texts.join('\u0001'));
        const cache = new FieldCache<string>(source);
        const seen = new Map<string, number>();
        let at = 0;
        for (const text of texts) {
          const end = at + new TextEncoder().encode(text).length;
          let slot = cache.find(at, end);
          if (slot < 0) {
            expect(seen.has(text)).toBe(false);
            slot = cache.add(text);
            seen.set(text, slot);
          }
          expect(slot).toBe(seen.get(text));
          expect(cache.values[slot]).toBe(text);
          at = end + 1;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('decimal separator evidence from bytes', () => {
  const cellArb = fc.oneof(
    fc.stringMatching(/^[-0-9.,]{0,12}$/),
    fc.stringMatching(/^[-0-9., €a"]{0,12}$/),
    fc.constantFrom('1.234,56', '1,234.56', '12,5', '12.50', '1.234', '1,234', '7,00 zł', '1.234.567,8', '€ 1.234,5', '12,345', ',12', '1,2,3'),
  );
  it('equals the regular expressions on every cell', () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        const bytes = new TextEncoder().encode(cell);
        fc.pre(bytes.every((b) => b < 0x80));
        expect(bytesEvidence(bytes, 0, bytes.length)).toBe(textEvidence(cell));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same column verdict from a CSV text table as from its cells', () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 30 }), (cells) => {
        const text = ['amount', ...cells.map((c) => `"${c.replace(/"/g, '""')}"`)].join('\n') + '\n';
        const columnar = readCsvText(text, 'x.csv', { columnarFromRows: 0 });
        const plain = readCsvText(text, 'x.csv', { columnarFromRows: Number.POSITIVE_INFINITY });
        expect(detectColumnDecimalSeparator(columnar, 0, 1)).toBe(detectColumnDecimalSeparator(plain, 0, 1));
        expect(detectColumnDecimalSeparator(plain, 0, 1)).toBe(detectDecimalSeparator(cells));
      }),
      { numRuns: 2000 },
    );
  });
});
