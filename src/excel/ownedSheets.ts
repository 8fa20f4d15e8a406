/**
 * How AccountDesk recognises its own report sheets (OFFICE-JS.md §6): a worksheet custom
 * property (ExcelApi 1.12) that moves with the sheet and survives renames. Its value is the
 * report key (`quarterly`, `commission` …). Temporary sheets of a run carry the mark too, so
 * a run that died halfway (browser closed) leaves nothing the next run cannot clean up.
 */

/** Custom property key of the owned-sheet mark (keys are case-insensitive in Excel). */
export const OWNED_PROPERTY = 'AccountDesk.owned';

/** Name prefix of sheets being written (legal, ≤ 31 characters with the counter). */
export const TEMP_PREFIX = '~AD tmp ';

/** Name prefix of previous reports moved aside during the swap. */
export const BACKUP_PREFIX = '~AD old ';

/**
 * The first `count` names `${prefix}1`, `${prefix}2` … not in `taken` (case-insensitive).
 * @example freeNames('~AD tmp ', 2, ['~ad TMP 1']) // ['~AD tmp 2', '~AD tmp 3']
 */
export function freeNames(prefix: string, count: number, taken: Iterable<string>): string[] {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toUpperCase());
  const out: string[] = [];
  for (let i = 1; out.length < count; i++) {
    const name = `${prefix}${i}`;
    if (!used.has(name.toUpperCase())) out.push(name);
  }
  return out;
}
