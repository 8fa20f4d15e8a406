import { orderByValueDesc } from '../aggregate/orderByValueDesc';
import type { SumsByPair } from '../aggregate/sumsByPair';
import { NO_EARLIEST_ORDER, NO_LATEST_ORDER, yearAggregates, type YearAggregates } from '../aggregate/yearAggregates';
import { compareCodePoints, compareNames } from '../concentration/compareNames';
import type { AbcClass, Concentration, RankedAccount } from '../concentration/concentration';
import type { Transactions } from '../intake/transactions';
import type { DayNumber } from '../periods/dayNumber';
import type { ReportCalendar } from '../periods/reportCalendar';
import { DEFAULT_STATUS_THRESHOLDS, statusOf, type AccountStatusName, type StatusThresholds } from './accountStatus';
import type { AccountTarget } from './accountTargets';

/** One row of the Account Status report (SPEC §7), money in cents. */
export interface AccountStatusRow {
  readonly account: string;
  readonly accountIndex: number;
  /** Main manager: largest report-year revenue, else the previous fiscal year's; ties by name. */
  readonly manager: string;
  /** Report year up to the as-of date. */
  readonly revenue: number;
  /** The same span one year earlier (29 Feb → 28 Feb). */
  readonly priorRevenue: number;
  /** revenue / prior − 1; `null` when the prior span's revenue is ≤ 0. */
  readonly growth: number | null;
  /** Share of the report year's positive-account total; `null` when revenue ≤ 0 (not ranked). */
  readonly share: number | null;
  /** ABC class of the report year; `null` when revenue ≤ 0. */
  readonly abcClass: AbcClass | null;
  readonly key: boolean;
  /** Transactions with amount > 0 in the report year up to the as-of date. */
  readonly orders: number;
  /** Latest transaction with amount > 0 up to the as-of date, any year. */
  readonly lastOrder: DayNumber | null;
  readonly daysSinceLastOrder: number | null;
  /** Earliest transaction with amount > 0. */
  readonly firstOrder: DayNumber | null;
  /** Target in cents (see `resolveAccountTargets`), or `null`. */
  readonly target: number | null;
  /** Revenue of the targeted scope / target; `null` without a target > 0. */
  readonly targetAttainment: number | null;
  readonly status: AccountStatusName;
}

/** Inputs of {@link accountStatusReport}. */
export interface AccountStatusInput {
  readonly tx: Transactions;
  readonly calendar: ReportCalendar;
  /** Concentration of all managers over the report year to date (shares and ABC classes). */
  readonly year: Concentration;
  /** `key[a] = 1` for key accounts. */
  readonly key: Uint8Array;
  readonly targets?: ReadonlyMap<number, AccountTarget>;
  readonly thresholds?: StatusThresholds;
  /** The report year's sums, when already computed (`analyze` shares one pass); else computed here. */
  readonly aggregates?: YearAggregates;
}

const NONE_LATEST = NO_LATEST_ORDER;
const NONE_EARLIEST = NO_EARLIEST_ORDER;

/**
 * Account status rows (SPEC §7) for every account with a transaction in the report year (up to
 * the as-of date) or in the previous fiscal year, sorted by revenue descending, then by name.
 * The per-account sums come from {@link YearAggregates} (one pass over the transactions, typed
 * arrays, account × manager sums for the main manager); product targets add a pass over the
 * report year only when some target names products.
 * @example accountStatusReport({ tx, calendar, year, key })[0].status // 'Growing'
 */
export function accountStatusReport(input: AccountStatusInput): AccountStatusRow[] {
  const { tx, calendar } = input;
  const thresholds = input.thresholds ?? DEFAULT_STATUS_THRESHOLDS;
  const na = tx.accounts.length;
  const np = Math.max(1, tx.products.length);
  const asOf = calendar.asOf;
  const ytdStart = calendar.yearFirstDay;
  const aggregates = input.aggregates ?? yearAggregates(tx, calendar);
  const { yearRevenue: revenue, prior, orders, lastOrder, firstOrder, listed, inYear } = aggregates;
  const yearByManager = aggregates.yearPairs;
  const prevByManager = aggregates.previousPairs;

  // Revenue per targeted account × product, only when some target names products.
  const targets = input.targets ?? new Map<number, AccountTarget>();
  const targetedPairs = new Set<number>();
  for (const [a, t] of targets) {
    if (t.products === null) continue;
    for (const p of t.products) if (p >= 0) targetedPairs.add(a * np + p);
  }
  const pairRevenue = new Map<number, number>();
  if (targetedPairs.size > 0) {
    const { date, amount, account, product, count } = tx;
    for (let i = 0; i < count; i++) {
      const d = date[i] as number;
      const p = product[i] as number;
      if (d < ytdStart || d > asOf || p < 0) continue;
      const pk = (account[i] as number) * np + p;
      if (targetedPairs.has(pk)) pairRevenue.set(pk, (pairRevenue.get(pk) ?? 0) + (amount[i] as number));
    }
  }

  // Main manager: largest revenue, ties by name; the previous year only for accounts without a report-year transaction.
  const main = new Int32Array(na).fill(-1);
  const best = new Float64Array(na);
  const pick = (byManager: SumsByPair, useYear: boolean) => {
    const n = byManager.size;
    for (let e = 0; e < n; e++) {
      const a = byManager.firstAt(e);
      if ((inYear[a] === 1) !== useYear) continue;
      const r = byManager.sumAt(e);
      const m = byManager.secondAt(e);
      const current = main[a] as number;
      if (
        current < 0 ||
        r > (best[a] as number) ||
        (r === best[a] && compareNames(tx.managers[m] ?? '', tx.managers[current] ?? '') < 0)
      ) {
        main[a] = m;
        best[a] = r;
      }
    }
  };
  pick(yearByManager, true);
  pick(prevByManager, false);

  const ranked = new Array<RankedAccount | undefined>(na);
  for (const r of input.year.accounts) ranked[r.account] = r;

  // The listed accounts by revenue descending, then compareNames; names are folded to lower case
  // only for accounts with equal revenue (the only ones compared by name), each once.
  const names = tx.accounts;
  const order: number[] = [];
  for (let a = 0; a < na; a++) if (listed[a] === 1) order.push(a);
  const folded = new Array<string | undefined>(na);
  const foldedName = (a: number): string => (folded[a] ??= (names[a] ?? '').toLowerCase());
  orderByValueDesc(order, revenue, (x, y) => compareCodePoints(foldedName(x), foldedName(y)) || compareCodePoints(names[x] ?? '', names[y] ?? ''));

  const rows = new Array<AccountStatusRow>(order.length);
  for (let k = 0; k < order.length; k++) {
    const a = order[k] as number;
    const r = revenue[a] as number;
    const p = prior[a] as number;
    const last = lastOrder[a] as number;
    const first = firstOrder[a] as number;
    const days = last === NONE_LATEST ? null : asOf - last;
    const key = input.key[a] === 1;
    const t = targets.get(a);
    let targetRevenue = r;
    if (t && t.products !== null) {
      targetRevenue = 0;
      for (const pi of t.products) if (pi >= 0) targetRevenue += pairRevenue.get(a * np + pi) ?? 0;
    }
    const rank = ranked[a];
    rows[k] = {
      account: names[a] ?? '',
      accountIndex: a,
      manager: tx.managers[main[a] as number] ?? '',
      revenue: r,
      priorRevenue: p,
      growth: p > 0 ? r / p - 1 : null,
      share: rank?.share ?? null,
      abcClass: rank?.abcClass ?? null,
      key,
      orders: orders[a] as number,
      lastOrder: last === NONE_LATEST ? null : last,
      daysSinceLastOrder: days,
      firstOrder: first === NONE_EARLIEST ? null : first,
      target: t ? t.cents : null,
      targetAttainment: t && t.cents > 0 ? targetRevenue / t.cents : null,
      status: statusOf(days, first !== NONE_EARLIEST && first >= ytdStart, key, r, p, thresholds),
    };
  }
  return rows;
}
