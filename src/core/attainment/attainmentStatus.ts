import { ratioAtLeast, type ExactDecimal } from '../commission/exactDecimal';

/** SPEC §3 status of a manager in a period. */
export type AttainmentStatus = 'Met' | 'Near' | 'Below' | 'No quota';

/**
 * Status from revenue and quota in cents, decided exactly: Met when revenue ≥ quota, Near when
 * revenue / quota ≥ the near threshold, else Below; No quota when the quota is missing or ≤ 0.
 * @example attainmentStatus(9_000_00, 10_000_00, { digits: 9n, scale: 1 }) // 'Near'
 */
export function attainmentStatus(revenue: number, quota: number | null, near: ExactDecimal): AttainmentStatus {
  if (quota === null || quota <= 0) return 'No quota';
  if (revenue >= quota) return 'Met';
  return ratioAtLeast(revenue, quota, near) ? 'Near' : 'Below';
}
