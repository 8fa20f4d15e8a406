import { scaleCents } from './roundCents';

/** What the run rate needs: money in integer cents, days counted inclusively. */
export interface RunRateInput {
  /** Fiscal-year-to-date revenue in cents (FY start … as-of, both included). */
  readonly ytd: number;
  /** as-of − FY start + 1. */
  readonly daysElapsed: number;
  /** Days in the fiscal year (365 or 366). */
  readonly daysInYear: number;
}

/**
 * Run-rate projection of the fiscal year (SPEC §6): YTD × days in FY / days elapsed, in cents,
 * computed exactly and rounded half away from zero.
 * @example projectRunRate({ ytd: 100_000_00, daysElapsed: 90, daysInYear: 365 }) // 405_555_56
 */
export function projectRunRate({ ytd, daysElapsed, daysInYear }: RunRateInput): number {
  if (!(daysElapsed >= 1 && daysElapsed <= daysInYear)) {
    throw new RangeError(`projectRunRate: days elapsed ${daysElapsed} outside 1…${daysInYear}`);
  }
  return scaleCents(ytd, daysInYear, daysElapsed);
}
