import type { Transactions } from '../intake/transactions';
import type { QuarterNumber } from '../periods/fiscalQuarter';
import type { ReportCalendar } from '../periods/reportCalendar';
import { accountRevenue, compact } from './accountRevenue';
import { concentration, DEFAULT_ABC_CUTOFFS, type AbcCutoffs, type Concentration } from './concentration';
import { keyAccountShare } from './keyAccounts';

/** Concentration of one report-year quarter. */
export interface QuarterConcentration {
  readonly quarter: QuarterNumber;
  readonly label: string;
  readonly concentration: Concentration;
  /** Share of the fixed key-account set in this quarter; `null` without positive revenue. */
  readonly keyAccountShare: number | null;
}

/** Key-account concentration of the report year (SPEC §4). */
export interface ConcentrationReport {
  /** Report-year label (`2026` / `FY2027`); the year runs to the as-of date. */
  readonly period: string;
  /** All managers, report year to date. */
  readonly year: Concentration;
  readonly keyAccountShare: number | null;
  readonly quarters: readonly QuarterConcentration[];
  /** Key account indices: class A of the report year, or the key-account list when given. */
  readonly keyAccounts: readonly number[];
  readonly keySource: 'abc' | 'list';
  /** `key[a] = 1` for key accounts. */
  readonly key: Uint8Array;
  /** Per manager (by name), report year to date. */
  readonly byManager: ReadonlyMap<string, Concentration>;
}

/**
 * Concentration of all managers over the report year to date, of each report-year quarter, and of
 * each manager over the report year, with the key-account share per quarter from a fixed key set
 * (SPEC §4). Three passes over the transactions: year, account × quarter, manager × account.
 * @param keyList `key[a] = 1` from a key-account list, or `null` to use class A of the year.
 * @example concentrationReport(tx, calendar, null).year.hhi
 */
export function concentrationReport(
  tx: Transactions,
  calendar: ReportCalendar,
  keyList: Uint8Array | null,
  cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS,
): ConcentrationReport {
  const names = tx.accounts;
  const na = names.length;
  const yearRevenue = accountRevenue(tx, calendar.yearFirstDay, calendar.asOf);
  const year = concentration(yearRevenue.accounts, yearRevenue.revenue, names, cutoffs);

  let key = keyList;
  if (key === null) {
    key = new Uint8Array(na);
    for (const r of year.accounts) if (r.abcClass === 'A') key[r.account] = 1;
  }
  const keyAccounts: number[] = [];
  for (let a = 0; a < na; a++) if (key[a] === 1) keyAccounts.push(a);

  // Account × quarter in one pass: slot = (quarter − 1) · accounts + account.
  const sums = new Float64Array(4 * na);
  const seen = new Uint8Array(4 * na);
  const distinct = new Int32Array(4);
  const q = calendar.quarters;
  const q2 = q[1]?.firstDay ?? Infinity;
  const q3 = q[2]?.firstDay ?? Infinity;
  const q4 = q[3]?.firstDay ?? Infinity;
  const { date, amount, account, manager, count } = tx;
  for (let i = 0; i < count; i++) {
    const d = date[i] as number;
    if (d < calendar.yearFirstDay || d > calendar.asOf) continue;
    const k = d < q2 ? 0 : d < q3 ? 1 : d < q4 ? 2 : 3;
    const slot = k * na + (account[i] as number);
    sums[slot] = (sums[slot] as number) + (amount[i] as number);
    if (seen[slot] === 0) {
      seen[slot] = 1;
      distinct[k] = (distinct[k] as number) + 1;
    }
  }
  const quarters = q.map((cq, k): QuarterConcentration => {
    const part = compact(sums.subarray(k * na, (k + 1) * na), seen.subarray(k * na, (k + 1) * na), distinct[k] as number);
    const c = concentration(part.accounts, part.revenue, names, cutoffs);
    return { quarter: cq.quarter, label: cq.label, concentration: c, keyAccountShare: keyAccountShare(c, key) };
  });

  // Manager × account in one pass, keyed manager · accounts + account.
  const pairs = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const d = date[i] as number;
    if (d < calendar.yearFirstDay || d > calendar.asOf) continue;
    const k = (manager[i] as number) * na + (account[i] as number);
    pairs.set(k, (pairs.get(k) ?? 0) + (amount[i] as number));
  }
  const grouped = new Map<number, { accounts: number[]; revenue: number[] }>();
  for (const [k, r] of pairs) {
    const m = Math.floor(k / na);
    const g = grouped.get(m) ?? { accounts: [], revenue: [] };
    g.accounts.push(k - m * na);
    g.revenue.push(r);
    grouped.set(m, g);
  }
  const byManager = new Map<string, Concentration>();
  for (const [m, g] of grouped) {
    byManager.set(tx.managers[m] ?? '', concentration(Int32Array.from(g.accounts), Float64Array.from(g.revenue), names, cutoffs));
  }

  return {
    period: calendar.reportYearLabel,
    year,
    keyAccountShare: keyAccountShare(year, key),
    quarters,
    keyAccounts,
    keySource: keyList === null ? 'abc' : 'list',
    key,
    byManager,
  };
}
