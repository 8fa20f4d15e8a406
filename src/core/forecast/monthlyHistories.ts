import type { Transactions } from '../intake/transactions';
import { dayNumber, daysInMonth, ymd, type DayNumber } from '../periods/dayNumber';

/**
 * Revenue of one row (a manager, or the total) per calendar month, from the row's first
 * transaction month to the as-of month. Calendar months, not fiscal: the forecast methods
 * cut fiscal years out of it as they need.
 */
export interface MonthlyHistory {
  /** Absolute month number `y · 12 + (m − 1)` of `values[0]`. */
  readonly firstMonth: number;
  /** Cents per month; the last entry is the as-of month up to the as-of day. Gaps are 0. */
  readonly values: Float64Array;
  /**
   * Cents per month counting only days of month ≤ the as-of day of month. For the as-of
   * month of an earlier year this is exactly SPEC §6's "same span one year earlier": the
   * as-of day shifted by whole years, 29 February becoming 28 February (Feb has no 29th then).
   */
  readonly early: Float64Array;
  /** Absolute month number of the row's latest transaction up to the as-of day. */
  readonly lastTransactionMonth: number;
  /** True when the last month is complete (the as-of day is its last day). */
  readonly lastMonthComplete: boolean;
}

/** Monthly histories of every manager and of the total, as of a day. */
export interface MonthlyHistories {
  readonly asOf: DayNumber;
  /** Absolute month number of the as-of day. */
  readonly asOfMonth: number;
  /** Every accepted transaction up to the as-of day; null when there is none. */
  readonly total: MonthlyHistory | null;
  /** Per manager index (as in `Transactions.managers`); null when the manager has none. */
  readonly managers: readonly (MonthlyHistory | null)[];
}

/**
 * Builds monthly revenue series per manager and in total in one pass over the columnar
 * transactions (DESIGN §4); transactions after the as-of day are ignored (SPEC §2).
 *
 * Each row's history starts at its own first transaction month: before it the manager had no
 * book at all, which is different from a month without sales (a gap, counted as 0).
 *
 * @example
 * const h = monthlyHistories(transactions, dayNumber(2026, 9, 30));
 * h.total?.values // Float64Array of cents per month
 */
export function monthlyHistories(tx: Transactions, asOf: DayNumber): MonthlyHistories {
  const asOfDate = ymd(asOf);
  const asOfMonth = asOfDate.y * 12 + asOfDate.m - 1;
  const cutDay = asOfDate.d;
  const lastMonthComplete = cutDay === daysInMonth(asOfDate.y, asOfDate.m);
  const managerCount = tx.managers.length;
  const stride = managerCount + 1; // the last column is the total
  // Month-major, indexed by months *back* from the as-of month, so growing the buffer when an
  // older month turns up is a plain copy.
  let capacity = 64;
  let values = new Float64Array(capacity * stride);
  let early = new Float64Array(capacity * stride);
  const oldest = new Int32Array(stride).fill(-1);
  const newest = new Int32Array(stride).fill(0x7fffffff);

  // Calendar arithmetic once per month, not per row: a table indexed by days back from the
  // as-of day holds (months back · 32 + day of month), filled a whole month at a time on the
  // first row that falls in it. Rows in any order then cost two array reads.
  let dayTable = new Int32Array(1024).fill(-1);
  for (let i = 0; i < tx.count; i++) {
    const date = tx.date[i] as number;
    if (date > asOf) continue;
    const daysBack = asOf - date;
    if (daysBack >= dayTable.length) {
      const grown = new Int32Array(Math.max(daysBack + 1, dayTable.length * 2)).fill(-1);
      grown.set(dayTable);
      dayTable = grown;
    }
    let code = dayTable[daysBack] as number;
    if (code < 0) {
      const { y, m } = ymd(date);
      const monthStart = dayNumber(y, m, 1);
      const monthsBack = asOfMonth - (y * 12 + m - 1);
      const last = Math.min(monthStart + daysInMonth(y, m) - 1, asOf);
      for (let d = monthStart; d <= last; d++) {
        if (asOf - d < dayTable.length) dayTable[asOf - d] = monthsBack * 32 + (d - monthStart + 1);
      }
      code = dayTable[daysBack] as number;
    }
    const back = code >> 5;
    const dayOfMonth = code & 31;
    if (back >= capacity) {
      const grown = Math.max(back + 1, capacity * 2);
      const v = new Float64Array(grown * stride);
      v.set(values);
      values = v;
      const e = new Float64Array(grown * stride);
      e.set(early);
      early = e;
      capacity = grown;
    }
    const manager = tx.manager[i] as number;
    const amount = tx.amount[i] as number;
    const base = back * stride;
    values[base + manager] = (values[base + manager] as number) + amount;
    values[base + managerCount] = (values[base + managerCount] as number) + amount;
    if (dayOfMonth <= cutDay) {
      early[base + manager] = (early[base + manager] as number) + amount;
      early[base + managerCount] = (early[base + managerCount] as number) + amount;
    }
    if (back > (oldest[manager] as number)) oldest[manager] = back;
    if (back > (oldest[managerCount] as number)) oldest[managerCount] = back;
    if (back < (newest[manager] as number)) newest[manager] = back;
    if (back < (newest[managerCount] as number)) newest[managerCount] = back;
  }

  const column = (c: number): MonthlyHistory | null => {
    const first = oldest[c] as number;
    if (first < 0) return null;
    const length = first + 1;
    const v = new Float64Array(length);
    const e = new Float64Array(length);
    for (let k = 0; k < length; k++) {
      const src = (first - k) * stride + c;
      v[k] = values[src] as number;
      e[k] = early[src] as number;
    }
    return {
      firstMonth: asOfMonth - first, values: v, early: e,
      lastTransactionMonth: asOfMonth - (newest[c] as number), lastMonthComplete,
    };
  };
  const managers: (MonthlyHistory | null)[] = [];
  for (let c = 0; c < managerCount; c++) managers.push(column(c));
  return { asOf, asOfMonth, total: column(managerCount), managers };
}
