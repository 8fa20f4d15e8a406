import type { Transactions } from '../intake/transactions';
import type { ReportCalendar } from '../periods/reportCalendar';

/** Revenue per manager and report-year quarter. */
export interface ManagerQuarterRevenue {
  /** Cents at `manager * 4 + (quarter − 1)`; quarters after the as-of quarter stay 0. */
  readonly revenue: Float64Array;
  /** 1 for a manager with an accepted transaction in the report year up to the as-of date. */
  readonly active: Uint8Array;
}

/**
 * One pass over the transactions: revenue of each manager in each quarter of the report year,
 * counting only days up to the as-of date (later transactions are ignored everywhere, SPEC §2).
 * @example managerQuarterRevenue(tx, reportCalendar(asOf, 1)).revenue[m * 4 + 0] // Q1 revenue of manager m
 */
export function managerQuarterRevenue(tx: Transactions, calendar: ReportCalendar): ManagerQuarterRevenue {
  const nm = tx.managers.length;
  const revenue = new Float64Array(nm * 4);
  const active = new Uint8Array(nm);
  // Quarter boundaries as plain numbers, so the loop does no lookups.
  const q = calendar.quarters;
  const start = calendar.yearFirstDay;
  const end = calendar.asOf;
  const q2 = q[1]?.firstDay ?? Infinity;
  const q3 = q[2]?.firstDay ?? Infinity;
  const q4 = q[3]?.firstDay ?? Infinity;
  const { date, amount, manager, count } = tx;
  for (let i = 0; i < count; i++) {
    const d = date[i] as number;
    if (d < start || d > end) continue;
    const m = manager[i] as number;
    const slot = m * 4 + (d < q2 ? 0 : d < q3 ? 1 : d < q4 ? 2 : 3);
    revenue[slot] = (revenue[slot] as number) + (amount[i] as number);
    active[m] = 1;
  }
  return { revenue, active };
}
