import type { Transactions } from '../../../src/core/intake/transactions';
import { dayNumber } from '../../../src/core/periods/dayNumber';

/** One transaction for tests: ISO date, manager name, amount in cents. */
export type Row = readonly [date: string, manager: string, cents: number];

/** Columnar transactions from rows, as intake would build them (managers interned in order). */
export function makeTransactions(rows: readonly Row[]): Transactions {
  const managers: string[] = [];
  const index = new Map<string, number>();
  const n = rows.length;
  const date = new Int32Array(n);
  const amount = new Float64Array(n);
  const manager = new Int32Array(n);
  rows.forEach(([iso, name, cents], i) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    date[i] = dayNumber(y, m, d);
    amount[i] = cents;
    let k = index.get(name);
    if (k === undefined) {
      k = managers.length;
      managers.push(name);
      index.set(name, k);
    }
    manager[i] = k;
  });
  return {
    count: n, date, amount, manager,
    account: new Int32Array(n), product: new Int32Array(n).fill(-1), row: Int32Array.from(rows, (_, i) => i + 2),
    accounts: ['Acme'], managers, products: [],
  };
}

/** Day number of an ISO date. */
export function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d);
}

/**
 * Monthly transactions (one on the 15th of each month, plus one on the 28th) for a manager
 * from a start month, with the given monthly totals in cents.
 */
export function monthlyRows(manager: string, startYear: number, startMonth: number, totals: readonly number[]): Row[] {
  const rows: Row[] = [];
  totals.forEach((total, k) => {
    const a = startYear * 12 + startMonth - 1 + k;
    const y = Math.floor(a / 12);
    const m = (a % 12) + 1;
    const mm = String(m).padStart(2, '0');
    const half = Math.trunc(total / 2);
    rows.push([`${y}-${mm}-15`, manager, half], [`${y}-${mm}-28`, manager, total - half]);
  });
  return rows;
}
