import type { Cents } from './cents';

/**
 * Plain decimal text of an amount in cents, with two decimals and `.` as the separator, for
 * messages, JSON and tests (the report sheets format numbers themselves).
 * @example formatCents(asCents(-123456)) // "-1234.56"
 * @example formatCents(asCents(5)) // "0.05"
 */
export function formatCents(cents: Cents): string {
  const negative = cents < 0;
  const magnitude = negative ? -cents : cents;
  // Cents are safe integers, so integer division and remainder are exact.
  const units = Math.floor(magnitude / 100);
  const rest = magnitude % 100;
  return `${negative ? '-' : ''}${units}.${rest < 10 ? '0' : ''}${rest}`;
}
