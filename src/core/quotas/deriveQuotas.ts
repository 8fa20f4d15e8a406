import type { Quota } from './quotaTable';
import { quotaKey } from './quotaTable';
import type { QuarterNumber } from '../periods/fiscalQuarter';

/**
 * Quarter `q`'s share of an annual quota of `annualCents`, so that the four derived quarters
 * add up to the annual quota exactly: annual / 4 in whole cents, with the 1–3 cents that do
 * not divide evenly given one each to the first quarters (100 000.03 → 25 000.01, 25 000.01,
 * 25 000.01, 25 000.00). Each quarter is within one cent of annual / 4.
 * @example derivedQuarterCents(10000003, 1) // 2500001
 * @example derivedQuarterCents(10000003, 4) // 2500000
 */
export function derivedQuarterCents(annualCents: number, q: QuarterNumber): number {
  const base = Math.floor(annualCents / 4);
  const remainder = annualCents - base * 4; // 0..3, also for negative inputs
  return base + (q <= remainder ? 1 : 0);
}

/**
 * Completes one manager's quotas in place (SPEC §3): a missing quarter of a year with an
 * annual quota is derived from it; a missing annual quota of a year with all four quarters
 * is their sum. Derived quotas are marked `derived`.
 * @returns fiscal years whose explicit annual quota differs from the sum of four explicit quarters.
 * @example deriveQuotas(new Map([[quotaKey(2026, 0), { cents: 400, derived: false, row: 2 }]]))
 */
export function deriveQuotas(periods: Map<number, Quota>): number[] {
  const years = new Set<number>();
  for (const key of periods.keys()) years.add(Math.floor(key / 10));
  const mismatched: number[] = [];
  for (const fy of [...years].sort((a, b) => a - b)) {
    const annual = periods.get(quotaKey(fy, 0));
    const quarters = ([1, 2, 3, 4] as const).map((q) => periods.get(quotaKey(fy, q)));
    if (annual) {
      let sum = 0;
      let all = true;
      quarters.forEach((quota, i) => {
        const q = (i + 1) as QuarterNumber;
        if (quota) sum += quota.cents;
        else {
          all = false;
          periods.set(quotaKey(fy, q), { cents: derivedQuarterCents(annual.cents, q), derived: true, row: 0 });
        }
      });
      if (all && sum !== annual.cents) mismatched.push(fy);
    } else if (quarters.every((quota) => quota !== undefined)) {
      const sum = quarters.reduce((s, quota) => s + (quota?.cents ?? 0), 0);
      periods.set(quotaKey(fy, 0), { cents: sum, derived: true, row: 0 });
    }
  }
  return mismatched;
}
