import { yearAggregates, type YearAggregates } from '../aggregate/yearAggregates';
import type { Transactions } from '../intake/transactions';
import type { QuarterNumber } from '../periods/fiscalQuarter';
import type { ReportCalendar } from '../periods/reportCalendar';
import { compact } from './accountRevenue';
import { concentration, DEFAULT_ABC_CUTOFFS, type AbcCutoffs, type Concentration } from './concentration';
import { keyAccountShare } from './keyAccounts';

/** Concentration of one report-year quarter. */
export interface QuarterConcentration {
  readonly quarter: QuarterNumber;
  readonly label: string;
  /** The quarter's ranking (made on first read). */
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
  /** Per manager (by name, in order of the managers' first transaction), report year to date (made on first read). */
  readonly byManager: ReadonlyMap<string, Concentration>;
}

/**
 * Concentration of all managers over the report year to date, of each report-year quarter, and of
 * each manager over the report year, with the key-account share per quarter from a fixed key set
 * (SPEC §4). The sums are the report year's {@link YearAggregates} (one pass over the
 * transactions; `analyze` shares them with attainment and account status). The per-quarter and
 * per-manager rankings are made when first read: a JSON run reads neither.
 * @param keyList `key[a] = 1` from a key-account list, or `null` to use class A of the year.
 * @example concentrationReport(tx, calendar, null).year.hhi
 */
export function concentrationReport(
  tx: Transactions,
  calendar: ReportCalendar,
  keyList: Uint8Array | null,
  cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS,
  aggregates: YearAggregates = yearAggregates(tx, calendar),
): ConcentrationReport {
  const names = tx.accounts;
  const na = names.length;
  const { quarterSums: sums, quarterSeen: seen, quarterDistinct: distinct, yearPairs: pairs, managerOrder } = aggregates;
  const q = calendar.quarters;
  const yearRevenue = compact(aggregates.yearRevenue, aggregates.inYear, aggregates.yearDistinct);
  const year = concentration(yearRevenue.accounts, yearRevenue.revenue, names, cutoffs);

  let key = keyList;
  if (key === null) {
    key = new Uint8Array(na);
    for (const r of year.accounts) if (r.abcClass === 'A') key[r.account] = 1;
  }
  const keyAccounts: number[] = [];
  for (let a = 0; a < na; a++) if (key[a] === 1) keyAccounts.push(a);

  // A quarter's key-account share is a sum (exact in cents), so it needs no ranking; the
  // quarter's full ranking is made when first read (the reports read a few of its figures).
  const quarters = q.map((cq, k): QuarterConcentration => {
    const from = k * na;
    let ranked: Concentration | undefined;
    let total = 0;
    let keySum = 0;
    for (let a = 0; a < na; a++) {
      const r = sums[from + a] as number;
      if (seen[from + a] === 0 || !(r > 0)) continue;
      total += r;
      if (key[a] === 1) keySum += r;
    }
    return {
      quarter: cq.quarter,
      label: cq.label,
      get concentration(): Concentration {
        if (ranked === undefined) {
          const part = compact(sums.subarray(from, from + na), seen.subarray(from, from + na), distinct[k] as number);
          ranked = concentration(part.accounts, part.revenue, names, cutoffs);
        }
        return ranked;
      },
      keyAccountShare: total > 0 ? keySum / total : null,
    };
  });

  // Per manager, made when first read (nothing in the reports reads it yet).
  let byManager: Map<string, Concentration> | undefined;
  const managerConcentrations = (): Map<string, Concentration> => {
    // Each manager's accounts and revenue (the order within a group does not change a ranking).
    const nm = tx.managers.length;
    const groupAccounts: number[][] = Array.from({ length: nm }, () => []);
    const groupRevenue: number[][] = Array.from({ length: nm }, () => []);
    for (let e = 0; e < pairs.size; e++) {
      const m = pairs.secondAt(e);
      groupAccounts[m]?.push(pairs.firstAt(e));
      groupRevenue[m]?.push(pairs.sumAt(e));
    }
    const map = new Map<string, Concentration>();
    for (const m of managerOrder) {
      const accounts = Int32Array.from(groupAccounts[m] ?? []);
      map.set(tx.managers[m] ?? '', concentration(accounts, Float64Array.from(groupRevenue[m] ?? []), names, cutoffs));
    }
    return map;
  };

  return {
    period: calendar.reportYearLabel,
    year,
    keyAccountShare: keyAccountShare(year, key),
    quarters,
    keyAccounts,
    keySource: keyList === null ? 'abc' : 'list',
    key,
    get byManager(): ReadonlyMap<string, Concentration> {
      return (byManager ??= managerConcentrations());
    },
  };
}
