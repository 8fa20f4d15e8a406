import { nameResolver } from './nameResolver';
import type { Quota, QuotaTable } from './quotaTable';

/**
 * Re-keys a quota table to the transactions' spelling of each manager (trimmed,
 * case-insensitive match), so that lookups by a transaction manager's name find its quotas even
 * when the table was parsed without the list of managers. When two spellings meet, the periods
 * of the first one win (as for duplicate lines).
 * @example alignQuotaTable(table, ['Anna Nowak']).managers.has('Anna Nowak') // also for 'ANNA NOWAK' in the sheet
 */
export function alignQuotaTable(table: QuotaTable, managerNames: readonly string[]): QuotaTable {
  const resolve = nameResolver(managerNames);
  const managers = new Map<string, Map<number, Quota>>();
  for (const [name, periods] of table.managers) {
    const key = resolve(name) ?? name;
    const into = managers.get(key) ?? new Map<number, Quota>();
    managers.set(key, into);
    for (const [k, q] of periods) if (!into.has(k)) into.set(k, q);
  }
  return { fiscalStart: table.fiscalStart, managers };
}
