import type { Transactions } from '../intake/transactions';
import type { DayNumber } from '../periods/dayNumber';

/** Net revenue per account in a span: parallel arrays, one entry per account with a transaction. */
export interface AccountRevenue {
  /** Account indices, ascending. */
  readonly accounts: Int32Array;
  /** Net revenue in cents of `accounts[i]`. */
  readonly revenue: Float64Array;
}

/**
 * Sums each account's amounts dated `firstDay..lastDay` (inclusive), optionally of one manager
 * (`manager` ≥ 0), in one pass over the typed arrays. Sums of whole cents are exact in a
 * Float64Array below 2^53 cents (90 trillion in currency units).
 * @example accountRevenue(tx, dayNumber(2026, 1, 1), asOf).revenue
 */
export function accountRevenue(tx: Transactions, firstDay: DayNumber, lastDay: DayNumber, manager = -1): AccountRevenue {
  const n = tx.accounts.length;
  const sums = new Float64Array(n);
  const seen = new Uint8Array(n);
  const { date, amount, account, count } = tx;
  const managerOf = tx.manager;
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const d = date[i] as number;
    if (d < firstDay || d > lastDay) continue;
    if (manager >= 0 && managerOf[i] !== manager) continue;
    const a = account[i] as number;
    sums[a] = (sums[a] as number) + (amount[i] as number);
    if (seen[a] === 0) {
      seen[a] = 1;
      distinct++;
    }
  }
  return compact(sums, seen, distinct);
}

/**
 * Keeps the accounts flagged in `seen`, in index order.
 * @example compact(Float64Array.of(5, 0, 7), Uint8Array.of(1, 0, 1), 2) // accounts [0, 2], revenue [5, 7]
 */
export function compact(sums: Float64Array, seen: Uint8Array, distinct: number): AccountRevenue {
  const accounts = new Int32Array(distinct);
  const revenue = new Float64Array(distinct);
  let k = 0;
  for (let a = 0; a < seen.length; a++) {
    if (seen[a] === 0) continue;
    accounts[k] = a;
    revenue[k] = sums[a] as number;
    k++;
  }
  return { accounts, revenue };
}
