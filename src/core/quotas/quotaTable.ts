import type { QuarterNumber } from '../periods/fiscalQuarter';
import type { FiscalStartMonth } from '../periods/fiscalStartMonth';

/** One quota, in cents of the reporting currency. */
export interface Quota {
  readonly cents: number;
  /** True when derived (annual / 4, or the sum of four quarters) rather than read from a line. */
  readonly derived: boolean;
  /** Sheet row it was read from; 0 for a derived quota. */
  readonly row: number;
}

/** Quarterly and annual quotas per manager (SPEC §3). */
export interface QuotaTable {
  readonly fiscalStart: FiscalStartMonth;
  /** Manager name → {@link quotaKey} → quota. Names are spelled as in the transactions when they match. */
  readonly managers: ReadonlyMap<string, ReadonlyMap<number, Quota>>;
}

/**
 * A table without quotas (no Quotas sheet given).
 * @example emptyQuotaTable(1).managers.size // 0
 */
export function emptyQuotaTable(fiscalStart: FiscalStartMonth): QuotaTable {
  return { fiscalStart, managers: new Map() };
}

/**
 * Integer key of a fiscal period in a {@link QuotaTable}: quarter 1–4, or 0 for the year.
 * @example quotaKey(2026, 0) // 20260
 * @example quotaKey(2026, 3) // 20263
 */
export function quotaKey(fiscalYear: number, quarter: QuarterNumber | 0): number {
  return fiscalYear * 10 + quarter;
}

/**
 * The quota of a manager for a fiscal year (`quarter` 0) or quarter, explicit or derived.
 * @example quotaFor(table, 'Anna', 2026, 1)?.cents // 2500000
 */
export function quotaFor(table: QuotaTable, manager: string, fiscalYear: number, quarter: QuarterNumber | 0): Quota | undefined {
  return table.managers.get(manager)?.get(quotaKey(fiscalYear, quarter));
}
