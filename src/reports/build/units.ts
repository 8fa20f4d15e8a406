import { toNumber, type ExactDecimal } from '../../core/commission/exactDecimal';

/**
 * Currency units from whole cents, as a sheet shows money (the engine keeps cents, DESIGN.md §3).
 * The division is correctly rounded, so `units(678780)` is the same double as the literal 6787.8
 * that Excel's `ROUND(…,2)` returns: a check cell subtracting the two is exactly 0.
 * @example units(678780) // 6787.8
 */
export function units(cents: number): number {
  return cents / 100;
}

/**
 * Currency units from an exact decimal amount of cents (a tier amount such as 4697.7965 €),
 * the nearest double: what a spreadsheet formula computing the same amount shows.
 * @example decimalUnits({ digits: 469779650n, scale: 3 }) // 4697.7965
 */
export function decimalUnits(centsExact: ExactDecimal): number {
  return toNumber({ digits: centsExact.digits, scale: centsExact.scale + 2 });
}
