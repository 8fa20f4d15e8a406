/**
 * ISO `YYYY-MM-DD` of a `Date`'s UTC calendar day. exceljs builds dates from serials in UTC, so
 * the UTC components are the day the sheet shows, whatever the machine's time zone.
 * @example isoDateOfUtc(new Date(Date.UTC(2026, 2, 31, 10))) // "2026-03-31"
 */
export function isoDateOfUtc(date: Date): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
