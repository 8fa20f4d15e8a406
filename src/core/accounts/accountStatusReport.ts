import { compareNames } from '../concentration/compareNames';
import type { AbcClass, Concentration } from '../concentration/concentration';
import type { Transactions } from '../intake/transactions';
import type { DayNumber } from '../periods/dayNumber';
import type { ReportCalendar } from '../periods/reportCalendar';
import { sameDayPreviousYear } from '../periods/sameDayPreviousYear';
import { accountStatus, DEFAULT_STATUS_THRESHOLDS, type AccountStatusName, type StatusThresholds } from './accountStatus';
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
}

const NONE_LATEST = -2147483648;
const NONE_EARLIEST = 2147483647;

/**
 * Account status rows (SPEC §7) for every account with a transaction in the report year (up to
 * the as-of date) or in the previous fiscal year, sorted by revenue descending, then by name.
 * One pass over the transactions fills every per-account aggregate (typed arrays, plus maps keyed
 * by account × manager and account × product for the main manager and product targets).
 * @example accountStatusReport({ tx, calendar, year, key })[0].status // 'Growing'
 */
export function accountStatusReport(input: AccountStatusInput): AccountStatusRow[] {
  const { tx, calendar } = input;
  const thresholds = input.thresholds ?? DEFAULT_STATUS_THRESHOLDS;
  const na = tx.accounts.length;
  const nm = Math.max(1, tx.managers.length);
  const np = Math.max(1, tx.products.length);
  const asOf = calendar.asOf;
  const ytdStart = calendar.yearFirstDay;
  const priorStart = sameDayPreviousYear(ytdStart);
  const priorEnd = sameDayPreviousYear(asOf);
  const prevStart = calendar.previousYearFirstDay;
  const prevEnd = calendar.previousYearLastDay;

  const revenue = new Float64Array(na);
  const prior = new Float64Array(na);
  const orders = new Int32Array(na);
  const lastOrder = new Int32Array(na).fill(NONE_LATEST);
  const firstOrder = new Int32Array(na).fill(NONE_EARLIEST);
  const listed = new Uint8Array(na);
  const inYear = new Uint8Array(na);
  const yearByManager = new Map<number, number>();
  const prevByManager = new Map<number, number>();
  const productTargeted = new Uint8Array(na);
  const targets = input.targets ?? new Map<number, AccountTarget>();
  const targetedPairs = new Set<number>();
  for (const [a, t] of targets) {
    if (t.products === null) continue;
    productTargeted[a] = 1;
    for (const p of t.products) if (p >= 0) targetedPairs.add(a * np + p);
  }
  const pairRevenue = new Map<number, number>();

  const { date, amount, account, manager, product, count } = tx;
  for (let i = 0; i < count; i++) {
    const d = date[i] as number;
    if (d > asOf) continue; // after the as-of date: ignored everywhere (SPEC §2)
    const a = account[i] as number;
    const amt = amount[i] as number;
    if (amt > 0) {
      if (d > (lastOrder[a] as number)) lastOrder[a] = d;
      if (d < (firstOrder[a] as number)) firstOrder[a] = d;
    }
    if (d >= ytdStart) {
      revenue[a] = (revenue[a] as number) + amt;
      listed[a] = 1;
      inYear[a] = 1;
      if (amt > 0) orders[a] = (orders[a] as number) + 1;
      const k = a * nm + (manager[i] as number);
      yearByManager.set(k, (yearByManager.get(k) ?? 0) + amt);
      if (productTargeted[a] === 1) {
        const pk = a * np + (product[i] as number);
        if ((product[i] as number) >= 0 && targetedPairs.has(pk)) pairRevenue.set(pk, (pairRevenue.get(pk) ?? 0) + amt);
      }
    } else if (d >= prevStart && d <= prevEnd) {
      listed[a] = 1;
      const k = a * nm + (manager[i] as number);
      prevByManager.set(k, (prevByManager.get(k) ?? 0) + amt);
    }
    if (d >= priorStart && d <= priorEnd) prior[a] = (prior[a] as number) + amt;
  }

  // Main manager: largest revenue, ties by name; the previous year only for accounts without a report-year transaction.
  const main = new Int32Array(na).fill(-1);
  const best = new Float64Array(na);
  const pick = (byManager: Map<number, number>, useYear: boolean) => {
    for (const [k, r] of byManager) {
      const a = Math.floor(k / nm);
      if ((inYear[a] === 1) !== useYear) continue;
      const m = k - a * nm;
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

  const ranked = new Map<number, { share: number; abcClass: AbcClass }>();
  for (const r of input.year.accounts) ranked.set(r.account, { share: r.share, abcClass: r.abcClass });

  const rows: AccountStatusRow[] = [];
  for (let a = 0; a < na; a++) {
    if (listed[a] === 0) continue;
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
    const rank = ranked.get(a);
    rows.push({
      account: tx.accounts[a] ?? '',
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
      status: accountStatus(
        { daysSinceLastOrder: days, firstOrderInReportYear: first !== NONE_EARLIEST && first >= ytdStart, key, revenue: r, prior: p },
        thresholds,
      ),
    });
  }
  rows.sort((x, y) => y.revenue - x.revenue || compareNames(x.account, y.account));
  return rows;
}
