import type { Grid } from '../intake/cellValue';
import { issueMessage } from '../issues/messages';
import { missingColumnMessage } from '../issues/missingColumnMessage';
import { cellText, isBlankCell, isBlankRow } from '../quotas/cellText';
import { cellAt, findColumns } from '../quotas/findColumns';
import { nameKey } from '../quotas/normalizeLabel';
import { nameResolver } from '../quotas/nameResolver';
import { tableIssue, type TableIssue } from '../quotas/tableIssue';
import type { Concentration } from './concentration';

/** A name from a Key Accounts list, with where it was found. */
export interface KeyAccountEntry {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
}

/** A key-account list as read, not yet matched to the transactions. */
export interface KeyAccountList {
  readonly entries: readonly KeyAccountEntry[];
  readonly issues: readonly TableIssue[];
}

const HEADERS = {
  account: [
    'account', 'accounts', 'key account', 'key accounts', 'account name', 'customer', 'client', 'cuenta', 'cuenta clave',
    'cliente', 'cliente clave', 'klient', 'klient kluczowy', 'konto', 'kunde', 'schlüsselkunde', 'großkunde',
  ],
} as const;

/**
 * Reads a Key Accounts sheet (SPEC §4): an account column found by its header (en/es/pl/de), or,
 * when no header matches and all names sit in one column, that column read whole (a plain list
 * without a header). Names are trimmed; a repeated name is reported once as a warning.
 * @example parseKeyAccounts({ sheet: 'Key Accounts', firstRow: 1, rows: [['Account'], ['Acme']] }).entries[0].name // "Acme"
 */
export function parseKeyAccounts(grid: Grid): KeyAccountList {
  const issues: TableIssue[] = [];
  const entries: KeyAccountEntry[] = [];
  const { headerIndex, headers, columns } = findColumns(grid, HEADERS);
  let column = columns.account;
  let first = headerIndex + 1;
  if (headerIndex < 0) return { entries, issues };
  if (column < 0) {
    const used = new Set<number>();
    grid.rows.forEach((row) => row.forEach((c, j) => !isBlankCell(c) && used.add(j)));
    if (used.size !== 1) {
      issues.push(tableIssue('keyAccounts.missingColumn', grid.sheet, grid.firstRow + headerIndex, 'account', '',
        missingColumnMessage('account', headers), 'error'));
      return { entries, issues };
    }
    column = [...used][0] ?? 0;
    first = headerIndex; // no header: the first row is a name too
  }
  const header = columns.account >= 0 ? (headers[column] ?? 'account') : 'account';
  const seen = new Map<string, number>();
  for (let i = first; i < grid.rows.length; i++) {
    const row = grid.rows[i];
    if (isBlankRow(row)) continue;
    const name = cellText(cellAt(row, column)).trim();
    if (name === '') continue;
    const sheetRow = grid.firstRow + i;
    const earlier = seen.get(nameKey(name));
    if (earlier !== undefined) {
      issues.push(tableIssue('keyAccounts.duplicate', grid.sheet, sheetRow, header, name, issueMessage('keyAccounts.duplicate', { row: earlier }), 'warning'));
      continue;
    }
    seen.set(nameKey(name), sheetRow);
    entries.push({ name, sheet: grid.sheet, row: sheetRow, column: header });
  }
  return { entries, issues };
}

/**
 * Matches a key-account list to the transactions' accounts (trimmed, case-insensitive).
 * An unknown name is a warning and is left out.
 * @returns `key[a] = 1` for each key account index `a`.
 * @example resolveKeyAccounts(list, tx.accounts).key
 */
export function resolveKeyAccounts(list: KeyAccountList, accountNames: readonly string[]): { key: Uint8Array; issues: TableIssue[] } {
  const key = new Uint8Array(accountNames.length);
  const issues: TableIssue[] = [];
  const resolve = nameResolver(accountNames);
  const index = new Map<string, number>();
  accountNames.forEach((n, i) => index.has(n) || index.set(n, i));
  for (const e of list.entries) {
    const name = resolve(e.name);
    const a = name === null ? undefined : index.get(name);
    if (a === undefined) {
      issues.push(tableIssue('keyAccounts.unknown', e.sheet, e.row, e.column, e.name, issueMessage('name.noTransactions', { name: e.name }), 'warning'));
    } else key[a] = 1;
  }
  return { key, issues };
}

/**
 * The key accounts' share of a period: Σ revenue of key accounts with revenue > 0 / T, where T
 * is the period's positive-account total (SPEC §4).
 * @returns `null` when no account has positive revenue in the period.
 * @example keyAccountShare(concentration(…), key) // 0.62
 */
export function keyAccountShare(c: Concentration, key: Uint8Array): number | null {
  if (c.total <= 0) return null;
  let sum = 0;
  for (const a of c.accounts) if (key[a.account] === 1) sum += a.revenue;
  return sum / c.total;
}
