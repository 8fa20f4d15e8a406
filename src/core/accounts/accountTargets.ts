import type { Grid } from '../intake/cellValue';
import { issueMessage, type IssueMessage } from '../issues/messages';
import { missingColumnMessage } from '../issues/missingColumnMessage';
import type { Transactions } from '../intake/transactions';
import { cellText, isBlankCell, isBlankRow } from '../quotas/cellText';
import { cellAt, findColumns } from '../quotas/findColumns';
import { nameKey } from '../quotas/normalizeLabel';
import { nameResolver } from '../quotas/nameResolver';
import { parseQuotaAmount, type DecimalSeparator } from '../quotas/parseQuotaAmount';
import { tableIssue, type TableIssue } from '../quotas/tableIssue';

/** One line of an Account Targets sheet. */
export interface AccountTargetEntry {
  readonly account: string;
  /** Product (line), or `null` for a target of the whole account. */
  readonly product: string | null;
  readonly cents: number;
  readonly sheet: string;
  readonly row: number;
  readonly accountColumn: string;
  readonly productColumn: string;
}

/** An Account Targets sheet as read, not yet matched to the transactions. */
export interface AccountTargetList {
  readonly entries: readonly AccountTargetEntry[];
  readonly issues: readonly TableIssue[];
}

const HEADERS = {
  account: ['account', 'account name', 'customer', 'client', 'cuenta', 'cliente', 'klient', 'konto', 'kunde'],
  product: ['product', 'product line', 'producto', 'línea de producto', 'produkt', 'linia produktów', 'artikel', 'produktlinie'],
  target: ['target', 'account target', 'sales target', 'objetivo', 'meta', 'presupuesto', 'cel', 'plan', 'ziel', 'umsatzziel', 'sollumsatz', 'budget'],
} as const;

/**
 * Reads an Account Targets sheet (SPEC §7): account, optional product, target (annual, for the
 * report year, in the reporting currency). Errors (line not used): blank account, unreadable or
 * negative target. A repeated account + product is a warning; the first line wins.
 * @example parseAccountTargets({ sheet: 'Account Targets', firstRow: 1, rows: [['Account', 'Target'], ['Acme', 50000]] })
 */
export function parseAccountTargets(grid: Grid, decimalSeparator: DecimalSeparator = '.'): AccountTargetList {
  const issues: TableIssue[] = [];
  const entries: AccountTargetEntry[] = [];
  const { headerIndex, headers, columns } = findColumns(grid, HEADERS);
  if (headerIndex < 0) return { entries, issues };
  for (const field of ['account', 'target'] as const) {
    if (columns[field] < 0) {
      issues.push(tableIssue('targets.missingColumn', grid.sheet, grid.firstRow + headerIndex, field, '',
        missingColumnMessage(field, headers), 'error'));
    }
  }
  if (issues.length > 0) return { entries, issues };
  const accountColumn = headers[columns.account] ?? 'account';
  const productColumn = columns.product >= 0 ? (headers[columns.product] ?? 'product') : 'product';
  const targetColumn = headers[columns.target] ?? 'target';
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < grid.rows.length; i++) {
    const row = grid.rows[i];
    if (isBlankRow(row)) continue;
    const sheetRow = grid.firstRow + i;
    const account = cellText(cellAt(row, columns.account)).trim();
    const productText = cellText(cellAt(row, columns.product)).trim();
    const targetValue = cellAt(row, columns.target);
    const err = (code: string, column: string, value: string, message: IssueMessage) =>
      issues.push(tableIssue(code, grid.sheet, sheetRow, column, value, message, 'error'));
    if (account === '') {
      err('targets.accountMissing', accountColumn, '', issueMessage('targets.accountMissing'));
      continue;
    }
    if (isBlankCell(targetValue)) continue;
    const cents = parseQuotaAmount(targetValue, decimalSeparator);
    if (cents === null) {
      err('targets.amountUnparseable', targetColumn, cellText(targetValue), issueMessage('value.notAnAmount'));
      continue;
    }
    if (cents < 0) {
      err('targets.negative', targetColumn, cellText(targetValue), issueMessage('targets.negative'));
      continue;
    }
    const key = `${nameKey(account)}\u0000${nameKey(productText)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(tableIssue('targets.duplicate', grid.sheet, sheetRow, targetColumn, cellText(targetValue),
        productText
          ? issueMessage('targets.duplicateProduct', { account, product: productText, row: first })
          : issueMessage('targets.duplicate', { account, row: first }),
        'warning'));
      continue;
    }
    seen.set(key, sheetRow);
    entries.push({ account, product: productText === '' ? null : productText, cents, sheet: grid.sheet, row: sheetRow, accountColumn, productColumn });
  }
  return { entries, issues };
}

/** A resolved account target. */
export interface AccountTarget {
  /** Target in cents. */
  readonly cents: number;
  /**
   * Product indices whose revenue counts towards the target, or `null` for the whole account.
   * -1 stands for a listed product without transactions (it adds target, no revenue).
   */
  readonly products: readonly number[] | null;
}

/**
 * Matches target lines to accounts and products (trimmed, case-insensitive) and rolls product
 * lines up: an account-level line (no product) is the account's target; without one, the
 * account's target is the sum of its product lines, and its attainment compares only those
 * products' revenue with it. Unknown accounts and products are warnings.
 * @example resolveAccountTargets(list, tx).targets.get(accountIndex)?.cents
 */
export function resolveAccountTargets(list: AccountTargetList, tx: Transactions): { targets: Map<number, AccountTarget>; issues: TableIssue[] } {
  const issues: TableIssue[] = [];
  const resolveAccount = nameResolver(tx.accounts);
  const resolveProduct = nameResolver(tx.products);
  const accountIndex = new Map<string, number>();
  tx.accounts.forEach((n, i) => accountIndex.has(n) || accountIndex.set(n, i));
  const productIndex = new Map<string, number>();
  tx.products.forEach((n, i) => productIndex.has(n) || productIndex.set(n, i));
  const whole = new Map<number, number>();
  const byProduct = new Map<number, { cents: number; products: number[] }>();
  for (const e of list.entries) {
    const name = resolveAccount(e.account);
    const a = name === null ? undefined : accountIndex.get(name);
    if (a === undefined) {
      issues.push(tableIssue('targets.unknownAccount', e.sheet, e.row, e.accountColumn, e.account, issueMessage('name.noTransactions', { name: e.account }), 'warning'));
      continue;
    }
    if (e.product === null) {
      whole.set(a, e.cents);
      continue;
    }
    const p = resolveProduct(e.product);
    const pi = p === null ? -1 : (productIndex.get(p) ?? -1);
    if (pi < 0) {
      issues.push(tableIssue('targets.unknownProduct', e.sheet, e.row, e.productColumn, e.product, issueMessage('name.noTransactions', { name: e.product }), 'warning'));
    }
    const acc = byProduct.get(a) ?? { cents: 0, products: [] };
    acc.cents += e.cents;
    acc.products.push(pi);
    byProduct.set(a, acc);
  }
  const targets = new Map<number, AccountTarget>();
  for (const [a, acc] of byProduct) targets.set(a, { cents: acc.cents, products: acc.products });
  for (const [a, cents] of whole) targets.set(a, { cents, products: null });
  return { targets, issues };
}
