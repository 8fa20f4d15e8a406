import type { Transactions } from '../../../src/core/intake/transactions';
import { dayNumber } from '../../../src/core/periods/dayNumber';

/** A transaction as a test writes it: ISO date, names, amount in currency units. */
export interface TestRow {
  readonly date: string;
  readonly account: string;
  readonly manager: string;
  /** Currency units (e.g. 1234.56); converted to whole cents exactly via its decimal text. */
  readonly amount: number;
  readonly product?: string;
}

/** Day number of an ISO `YYYY-MM-DD` date. */
export function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y as number, m as number, d as number);
}

// Currency units → cents through the decimal text, so 0.29 is 29 cents and not 28.999….
function cents(amount: number): number {
  const [whole = '0', frac = ''] = Math.abs(amount).toFixed(2).split('.');
  const c = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return amount < 0 ? -c : c;
}

/**
 * Builds columnar {@link Transactions} from readable rows, interning names in order of first
 * appearance (rows are numbered from 2, as below a header row).
 */
export function makeTransactions(rows: readonly TestRow[]): Transactions {
  const intern = (list: string[], index: Map<string, number>, name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = list.length;
      list.push(name);
      index.set(name, i);
    }
    return i;
  };
  const accounts: string[] = [];
  const managers: string[] = [];
  const products: string[] = [];
  const ai = new Map<string, number>();
  const mi = new Map<string, number>();
  const pi = new Map<string, number>();
  const n = rows.length;
  const tx = {
    count: n,
    date: new Int32Array(n),
    amount: new Float64Array(n),
    account: new Int32Array(n),
    manager: new Int32Array(n),
    product: new Int32Array(n),
    row: new Int32Array(n),
    accounts,
    managers,
    products,
  };
  rows.forEach((r, i) => {
    tx.date[i] = day(r.date);
    tx.amount[i] = cents(r.amount);
    tx.account[i] = intern(accounts, ai, r.account);
    tx.manager[i] = intern(managers, mi, r.manager);
    tx.product[i] = r.product === undefined ? -1 : intern(products, pi, r.product);
    tx.row[i] = i + 2;
  });
  return tx;
}
