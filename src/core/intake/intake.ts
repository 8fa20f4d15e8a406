import { issueMessage, type IssueMessage } from '../issues/messages';
import { asCents, decimalToText, multiplyCentsByRate, type Decimal } from '../money';
import type { CellValue, Grid } from './cellValue';
import { isDayFirstEvidence } from './detectDateOrder';
import { detectHeader } from './detectHeader';
import type { Field } from './fields';
import type { ColumnMapping, HeaderFailure } from './mapColumns';
import type { DecimalSeparator } from './parseAmount';
import { readCurrency } from './parseCurrency';
import type { DateOrder } from './parseDate';
import type { FxTable } from './parseFxTable';
import { rejectionSlot } from './parsed';
import { readTextRows } from './readTextRows';
import { compactNames } from './stringInterner';
import { fieldText, textRow, type TextTable } from './textTable';
import { TransactionBuilder, type FieldColumns, type IntakeIssue } from './transactionBuilder';
import { TRANSACTION_HEADERS } from './transactionHeaders';
import type { Transactions } from './transactions';

export type { IntakeIssue } from './transactionBuilder';

/** How to read a transaction table. Every option may be left out (or `undefined`). */
export interface IntakeOptions {
  /** Header overrides: field → header text as the user sees it (matched case/accent-insensitively). */
  readonly mapping?: Partial<Record<Field, string>> | undefined;
  /** Reporting currency (ISO code); default: the most frequent currency of the valid rows. */
  readonly currency?: string | undefined;
  /** Decimal separator of amounts written as text; default `.`. */
  readonly decimal?: DecimalSeparator | undefined;
  /** Day/month order of slash dates; default: detected from the date column (SPEC §1.2). */
  readonly dateOrder?: DateOrder | undefined;
  /** Exchange rates to the reporting currency, for rows in other currencies. */
  readonly fx?: FxTable | undefined;
}

/** A table read: the accepted transactions, and an account of every other row. */
export interface IntakeResult {
  readonly ok: true;
  readonly transactions: Transactions;
  /** Rows below the header: `accepted + rejected + blank`. */
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly blank: number;
  /** One issue per rejected row, in sheet-row order. */
  readonly issues: IntakeIssue[];
  /** The reporting currency the amounts are in, or `null` when the table names none. */
  readonly currency: string | null;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly mapping: ColumnMapping<Field>;
  /** The header cells as text. */
  readonly headers: readonly string[];
  /** The day/month order slash dates were read with (configured or detected). */
  readonly dateOrder: DateOrder;
}

/** The configured reporting currency is not a currency code. */
export interface OptionFailure {
  readonly ok: false;
  readonly code: 'option.currency';
  readonly message: string;
}

/** Why no row could be read at all. */
export type IntakeFailure = HeaderFailure<Field> | OptionFailure;

/** The outcome of {@link intake}. */
export type IntakeOutcome = IntakeResult | IntakeFailure;

const EMPTY_ROW: readonly CellValue[] = [];
/** Converted amounts must stay below 2^53 cents; the float estimate keeps a safe margin. */
const CONVERSION_LIMIT = 9e15;

/**
 * Reads a transaction table (SPEC §1): finds the header (a title row above it is skipped),
 * maps the columns, and classifies every row below the header as accepted, rejected (one issue,
 * for the first problem in the order date, account, manager, amount, currency, product, id) or
 * blank (every mapped cell empty), so that `accepted + rejected + blank = rows`.
 *
 * Accepted rows land in columnar {@link Transactions}: amounts in cents of the reporting
 * currency (rows in another currency are converted with `options.fx`, rounded per row half away
 * from zero; a currency without a rate rejects the row with "no exchange rate for PLN"), names
 * interned. The reporting currency is `options.currency`, else the most frequent currency of
 * the otherwise valid rows (ties: alphabetical), else `null`; a row with an empty currency is in
 * the reporting currency.
 *
 * Never throws on cell content; a header that cannot be mapped is a failure value. Linear in
 * the rows: one pass (plus a scan of the date column when the date order is detected, and a
 * pass over the accepted rows when some need converting), typed arrays, no objects per
 * accepted row. A grid that carries a {@link TextTable} (`grid.text`, CSV files) is read
 * straight from its bytes, with the same results and issues as its rows would give.
 * @example
 * const grid = { sheet: 'Sales', firstRow: 1, rows: [
 *   ['Date', 'Customer', 'Sales Rep', 'Amount'],
 *   ['2026-01-15', 'Acme', 'Ann', '1,234.56'],
 * ] };
 * const out = intake(grid, {});
 * out.ok && out.transactions.amount[0] // 123456
 */
export function intake(grid: Grid, options: IntakeOptions = {}): IntakeOutcome {
  const slot = rejectionSlot();
  let configuredCurrency: string | null = null;
  if (options.currency !== undefined) {
    const code = readCurrency(options.currency, slot);
    if (code === null || code === '') {
      return { ok: false, code: 'option.currency', message: `The reporting currency "${options.currency}" is not a three-letter currency code such as EUR, USD or PLN.` };
    }
    configuredCurrency = code;
  }

  const header = detectHeader(grid, TRANSACTION_HEADERS, options.mapping ?? {});
  if (!header.ok) return header;
  const { mapping } = header;
  const columnOf = (field: Field): number => mapping[field]?.column ?? -1;
  const headerOf = (field: Field): string => mapping[field]?.header ?? field;

  const rows = grid.rows;
  const text = grid.text;
  const start = header.headerIndex + 1;
  const rowCount = text !== undefined ? text.rowCount : rows.length;
  const total = Math.max(0, rowCount - start);
  const decimal = options.decimal ?? '.';
  const columns: FieldColumns = {
    date: columnOf('date'),
    account: columnOf('account'),
    manager: columnOf('manager'),
    amount: columnOf('amount'),
    currency: columnOf('currency'),
    product: columnOf('product'),
    id: columnOf('id'),
  };
  const dateOrder =
    options.dateOrder ?? (text !== undefined ? detectTextColumnOrder(text, start, columns.date) : detectColumnOrder(rows, start, columns.date));
  // The cells of the row at a grid index, for issues found after the row was read.
  const cellsAt = (index: number): readonly CellValue[] => (text !== undefined && index < text.rowCount ? textRow(text, index) : (rows[index] ?? EMPTY_ROW));

  const builder = new TransactionBuilder({ sheet: grid.sheet, firstRow: grid.firstRow, columns, headerOf, decimal, dateOrder }, total);
  if (text !== undefined) readTextRows(builder, text, start);
  else for (let index = start; index < rowCount; index++) builder.readRow(rows[index] ?? EMPTY_ROW, index);

  const { date, amount, account, manager, product, row, currencyOf, accounts, managers, products, currencies, currencyCount, issues, blank } = builder;
  const k = builder.count;
  const cCurrency = columns.currency;
  const reporting = configuredCurrency ?? mostFrequent(currencies.names, currencyCount);
  let accountNames = accounts.names;
  let managerNames = managers.names;
  let productNames = products.names;
  let count = k;

  // Second pass, only when some accepted rows are in another currency: convert or reject them.
  if (reporting !== null && currencies.names.some((c) => c !== reporting)) {
    const rateOf = currencies.names.map((c) => (c === reporting ? null : (options.fx?.get(c) ?? undefined)));
    const approx = rateOf.map((rate) => (rate === null || rate === undefined ? 1 : Number(decimalToText(rate))));
    const rejectConverted = (i: number, code: string, message: IssueMessage): void => {
      const sheetRow = row[i] ?? 0;
      const cells = cellsAt(sheetRow - grid.firstRow);
      builder.reject(cells, sheetRow, 'currency', cells[cCurrency], code, message);
    };
    const noRate = currencies.names.map((currency) => issueMessage('fx.noRate', { currency }));
    const convertedTooLarge = issueMessage('amount.convertedTooLarge');
    const before = issues.length;
    let w = 0;
    for (let i = 0; i < k; i++) {
      const c = currencyOf[i] ?? -1;
      let cents = amount[i] ?? 0;
      if (c >= 0) {
        const rate: Decimal | null | undefined = rateOf[c];
        if (rate === undefined) {
          rejectConverted(i, 'fx.noRate', noRate[c] ?? issueMessage('fx.noRate', { currency: '' }));
          continue;
        }
        if (rate !== null) {
          if (Math.abs(cents) * (approx[c] ?? 1) >= CONVERSION_LIMIT) {
            rejectConverted(i, 'amount.tooLarge', convertedTooLarge);
            continue;
          }
          cents = multiplyCentsByRate(asCents(cents), rate);
        }
      }
      date[w] = date[i] ?? 0;
      amount[w] = cents;
      account[w] = account[i] ?? 0;
      manager[w] = manager[i] ?? 0;
      product[w] = product[i] ?? -1;
      row[w] = row[i] ?? 0;
      w++;
    }
    count = w;
    if (w < k) {
      // Names seen only on rows rejected here must not appear in the transactions' lists.
      accountNames = compactNames(account, count, accountNames);
      managerNames = compactNames(manager, count, managerNames);
      productNames = compactNames(product, count, productNames);
    }
    if (issues.length > before) issues.sort((a, b) => a.row - b.row);
  }

  const transactions: Transactions = {
    count,
    date: date.subarray(0, count),
    amount: amount.subarray(0, count),
    account: account.subarray(0, count),
    manager: manager.subarray(0, count),
    product: product.subarray(0, count),
    row: row.subarray(0, count),
    accounts: accountNames,
    managers: managerNames,
    products: productNames,
  };
  return {
    ok: true,
    transactions,
    rows: total,
    accepted: count,
    rejected: issues.length,
    blank,
    issues,
    currency: reporting,
    headerRow: header.headerRow,
    mapping,
    headers: header.headers,
    dateOrder,
  };
}

/** The detected day/month order of the date column (SPEC §1.2), scanning only below the header. */
function detectColumnOrder(rows: Grid['rows'], start: number, column: number): DateOrder {
  for (let i = start; i < rows.length; i++) if (isDayFirstEvidence(rows[i]?.[column])) return 'DMY';
  return 'MDY';
}

/** {@link detectColumnOrder} over a text table, making a string only for a likely slash date. */
function detectTextColumnOrder(table: TextTable, start: number, column: number): DateOrder {
  const { bytes, rowStart, fieldStart, fieldEnd } = table;
  for (let r = start; r < table.rowCount; r++) {
    const first = rowStart[r] ?? 0;
    if (column >= (rowStart[r + 1] ?? first) - first) continue;
    const f = first + column;
    const s = fieldStart[f] ?? 0;
    const e = fieldEnd[f] ?? s;
    if (e - s < 2) continue;
    // Evidence is a slash after one or two leading digits (isDayFirstEvidence): a field that
    // starts with a digit and has no slash at index 1 or 2 cannot be evidence, nor can one that
    // starts with anything but a digit, a space or a non-ASCII character (perhaps a space).
    const c0 = bytes[s] as number;
    if (c0 >= 48 && c0 <= 57) {
      if (bytes[s + 1] !== 47 && (e - s < 3 || bytes[s + 2] !== 47)) continue;
    } else if (c0 > 32 && c0 < 0x80) continue;
    if (isDayFirstEvidence(fieldText(table, f))) return 'DMY';
  }
  return 'MDY';
}

/** The most frequent code (ties: alphabetical), or `null` when there is none. */
function mostFrequent(codes: readonly string[], counts: readonly number[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  codes.forEach((code, i) => {
    const n = counts[i] ?? 0;
    if (n > bestCount || (n === bestCount && best !== null && code < best)) {
      best = code;
      bestCount = n;
    }
  });
  return best;
}
