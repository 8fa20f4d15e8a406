import type { Transactions } from '../intake/transactions';
import type { DayNumber } from '../periods/dayNumber';
import type { ReportCalendar } from '../periods/reportCalendar';
import { sameDayPreviousYear } from '../periods/sameDayPreviousYear';
import { SumsByPair } from './sumsByPair';

/** No order with amount > 0 (latest / earliest). */
export const NO_LATEST_ORDER = -2147483648;
export const NO_EARLIEST_ORDER = 2147483647;

/**
 * Everything attainment (§3), concentration (§4) and account status (§7) sum over the
 * transactions, from one pass (DESIGN.md §4: each aggregate one pass — here one pass for all
 * of them, so a million rows are read once, not three times). Money in cents; transactions
 * after the as-of date are ignored (SPEC §2).
 */
export interface YearAggregates {
  /** Report year to date, account × quarter: slot `(quarter − 1) · accounts + account`. */
  readonly quarterSums: Float64Array;
  /** 1 for an account with a transaction in the quarter (same slots). */
  readonly quarterSeen: Uint8Array;
  /** Accounts with a transaction, per quarter. */
  readonly quarterDistinct: Int32Array;
  /** Report year to date, per account: the sum of its quarters. */
  readonly yearRevenue: Float64Array;
  /** 1 for an account with a transaction in the report year to date. */
  readonly inYear: Uint8Array;
  /** Accounts with a transaction in the report year to date. */
  readonly yearDistinct: number;
  /** Report year to date, manager × quarter: slot `manager · 4 + (quarter − 1)`. */
  readonly managerQuarter: Float64Array;
  /** 1 for a manager with a transaction in the report year to date. */
  readonly managerActive: Uint8Array;
  /** The same managers in order of first appearance. */
  readonly managerOrder: readonly number[];
  /** Report year to date, account × manager. */
  readonly yearPairs: SumsByPair;
  /** The previous fiscal year, account × manager. */
  readonly previousPairs: SumsByPair;
  /** 1 for an account with a transaction in the report year to date or the previous fiscal year. */
  readonly listed: Uint8Array;
  /** Per account, the same span one year earlier (29 February → 28 February). */
  readonly prior: Float64Array;
  /** Per account, transactions with amount > 0 in the report year to date. */
  readonly orders: Int32Array;
  /** Per account, the latest day with an amount > 0 up to the as-of date ({@link NO_LATEST_ORDER} if none). */
  readonly lastOrder: Int32Array;
  /** Per account, the earliest day with an amount > 0 ({@link NO_EARLIEST_ORDER} if none). */
  readonly firstOrder: Int32Array;
}

/**
 * The report year's aggregates in one pass over the transactions.
 * @example yearAggregates(tx, reportCalendar(asOf, 1)).managerQuarter[m * 4] // Q1 revenue of manager m
 */
export function yearAggregates(tx: Transactions, calendar: ReportCalendar): YearAggregates {
  const na = tx.accounts.length;
  const nm = tx.managers.length;
  const first: DayNumber = calendar.yearFirstDay;
  const asOf: DayNumber = calendar.asOf;
  const priorStart = sameDayPreviousYear(first);
  const priorEnd = sameDayPreviousYear(asOf);
  const previousStart = calendar.previousYearFirstDay;
  const previousEnd = calendar.previousYearLastDay;
  const q = calendar.quarters;
  const q2 = q[1]?.firstDay ?? Infinity;
  const q3 = q[2]?.firstDay ?? Infinity;
  const q4 = q[3]?.firstDay ?? Infinity;

  const quarterSums = new Float64Array(4 * na);
  const quarterSeen = new Uint8Array(4 * na);
  const quarterDistinct = new Int32Array(4);
  const managerQuarter = new Float64Array(nm * 4);
  const managerSeen = new Uint8Array(nm);
  const managerOrder: number[] = [];
  const yearPairs = new SumsByPair(na, Math.max(1, nm));
  const previousPairs = new SumsByPair(na, Math.max(1, nm));
  const listed = new Uint8Array(na);
  const prior = new Float64Array(na);
  const orders = new Int32Array(na);
  const lastOrder = new Int32Array(na).fill(NO_LATEST_ORDER);
  const firstOrder = new Int32Array(na).fill(NO_EARLIEST_ORDER);

  const { date, amount, account, manager, count } = tx;
  for (let i = 0; i < count; i++) {
    const d = date[i] as number;
    if (d > asOf) continue;
    const a = account[i] as number;
    const amt = amount[i] as number;
    if (amt > 0) {
      if (d > (lastOrder[a] as number)) lastOrder[a] = d;
      if (d < (firstOrder[a] as number)) firstOrder[a] = d;
    }
    if (d >= first) {
      const m = manager[i] as number;
      const k = d < q2 ? 0 : d < q3 ? 1 : d < q4 ? 2 : 3;
      const slot = k * na + a;
      quarterSums[slot] = (quarterSums[slot] as number) + amt;
      if (quarterSeen[slot] === 0) {
        quarterSeen[slot] = 1;
        quarterDistinct[k] = (quarterDistinct[k] as number) + 1;
      }
      const mk = m * 4 + k;
      managerQuarter[mk] = (managerQuarter[mk] as number) + amt;
      if (managerSeen[m] === 0) {
        managerSeen[m] = 1;
        managerOrder.push(m);
      }
      yearPairs.add(a, m, amt);
      listed[a] = 1;
      if (amt > 0) orders[a] = (orders[a] as number) + 1;
    } else if (d >= previousStart && d <= previousEnd) {
      listed[a] = 1;
      previousPairs.add(a, manager[i] as number, amt);
    }
    if (d >= priorStart && d <= priorEnd) prior[a] = (prior[a] as number) + amt;
  }

  // The year is the sum of its quarters (whole cents: exact in any order).
  const yearRevenue = new Float64Array(na);
  const inYear = new Uint8Array(na);
  let yearDistinct = 0;
  for (let a = 0; a < na; a++) {
    const seen = (quarterSeen[a] as number) | (quarterSeen[na + a] as number) | (quarterSeen[2 * na + a] as number) | (quarterSeen[3 * na + a] as number);
    if (seen === 0) continue;
    inYear[a] = 1;
    yearRevenue[a] = (quarterSums[a] as number) + (quarterSums[na + a] as number) + (quarterSums[2 * na + a] as number) + (quarterSums[3 * na + a] as number);
    yearDistinct++;
  }
  return {
    quarterSums, quarterSeen, quarterDistinct, yearRevenue, inYear, yearDistinct, managerQuarter, managerActive: managerSeen, managerOrder,
    yearPairs, previousPairs, listed, prior, orders, lastOrder, firstOrder,
  };
}
