import { compareNames } from '../concentration/compareNames';
import type { QuotaTable } from '../quotas/quotaTable';
import { nameResolver } from '../quotas/nameResolver';
import type { ListedManager } from './attainmentReport';

/**
 * Managers listed in the reports (SPEC §2): those with an accepted transaction in the report
 * year up to the as-of date (`active[i] = 1`) or a quota (explicit or derived) for the report
 * year, sorted by name (case-insensitive code-point order). A quota manager whose name matches
 * a transaction manager trimmed and case-insensitively is that manager.
 * @example listManagers(['Anna', 'Bob'], Uint8Array.of(1, 0), quotas, 2026) // Anna, and Bob if he has a 2026 quota
 */
export function listManagers(names: readonly string[], active: Uint8Array, quotas: QuotaTable, reportYear: number): ListedManager[] {
  const byName = new Map<string, number>();
  names.forEach((n, i) => {
    if (active[i] === 1) byName.set(n, i);
  });
  const resolve = nameResolver(names);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.has(n) || index.set(n, i));
  for (const [name, periods] of quotas.managers) {
    let inYear = false;
    for (const key of periods.keys()) if (Math.floor(key / 10) === reportYear) inYear = true;
    if (!inYear) continue;
    const known = resolve(name);
    const spelled = known ?? name;
    if (!byName.has(spelled)) byName.set(spelled, known === null ? -1 : (index.get(known) ?? -1));
  }
  return [...byName].map(([name, i]) => ({ name, index: i })).sort((a, b) => compareNames(a.name, b.name));
}
