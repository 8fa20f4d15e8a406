import type { Issue } from '../issues/issue';
import { asCents, decimalToText, multiplyCentsByRate, type Decimal } from '../money';
import type { DayNumber } from '../periods/dayNumber';
import type { CellValue, Grid } from './cellValue';
import { cellText } from './cellText';
import { isDayFirstEvidence } from './detectDateOrder';
import { detectHeader } from './detectHeader';
import type { Field } from './fields';
import { isBlankCell } from './isBlankCell';
import type { ColumnMapping, HeaderFailure } from './mapColumns';
import { readAmount, type DecimalSeparator } from './parseAmount';
import { readCurrency } from './parseCurrency';
import { readDate, type DateOrder } from './parseDate';
import type { FxTable } from './parseFxTable';
import { rejectionSlot } from './parsed';
import { readText, type TextField } from './parseText';
import { compactNames, StringInterner } from './stringInterner';
import { TRANSACTION_HEADERS } from './transactionHeaders';
import type { Transactions } from './transactions';

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

/** A rejected row: an {@link Issue}, plus the row's transaction id when the table has one. */
export interface IntakeIssue extends Issue {
  readonly transactionId?: string;
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
/** Distinct currency texts remembered; a column of junk cannot grow the memo without bound. */
const CURRENCY_MEMO_LIMIT = 1000;

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
 * accepted row.
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
  const cDate = columnOf('date');
  const cAccount = columnOf('account');
  const cManager = columnOf('manager');
  const cAmount = columnOf('amount');
  const cCurrency = columnOf('currency');
  const cProduct = columnOf('product');
  const cId = columnOf('id');

  const rows = grid.rows;
  const start = header.headerIndex + 1;
  const total = Math.max(0, rows.length - start);
  const decimal = options.decimal ?? '.';
  const dateOrder = options.dateOrder ?? detectColumnOrder(rows, start, cDate);

  const date = new Int32Array(total);
  const amount = new Float64Array(total);
  const account = new Int32Array(total);
  const manager = new Int32Array(total);
  const product = new Int32Array(total);
  const row = new Int32Array(total);
  const currencyOf = new Int32Array(total);
  const accounts = new StringInterner();
  const managers = new StringInterner();
  const products = new StringInterner();
  const currencies = new StringInterner();
  const currencyCount: number[] = [];
  const issues: IntakeIssue[] = [];
  const currencyMemo = new Map<string, string>();

  const reject = (cells: readonly CellValue[], sheetRow: number, field: Field, value: CellValue, code: string, reason: string): void => {
    const issue: IntakeIssue = { code, sheet: grid.sheet, row: sheetRow, column: headerOf(field), value: cellText(value), reason };
    const id = cId >= 0 ? cellText(cells[cId]).trim() : '';
    issues.push(id === '' ? issue : { ...issue, transactionId: id });
  };

  // A required name that is empty is "missing"; one the reader refused carries its reason.
  const rejectName = (cells: readonly CellValue[], sheetRow: number, field: TextField, value: CellValue, text: string | null): void => {
    if (text === null) reject(cells, sheetRow, field, value, slot.code, slot.reason);
    else reject(cells, sheetRow, field, value, `${field}.missing`, `the ${field} is missing`);
  };

  let k = 0;
  let blank = 0;
  for (let r = 0; r < total; r++) {
    const index = start + r;
    const cells = rows[index] ?? EMPTY_ROW;
    const vDate = cells[cDate];
    const vAccount = cells[cAccount];
    const vManager = cells[cManager];
    const vAmount = cells[cAmount];
    const vCurrency = cCurrency >= 0 ? cells[cCurrency] : null;
    const vProduct = cProduct >= 0 ? cells[cProduct] : null;
    const vId = cId >= 0 ? cells[cId] : null;
    if (
      isBlankCell(vDate) && isBlankCell(vAccount) && isBlankCell(vManager) && isBlankCell(vAmount) &&
      isBlankCell(vCurrency) && isBlankCell(vProduct) && isBlankCell(vId)
    ) {
      blank++;
      continue;
    }
    const sheetRow = grid.firstRow + index;

    const day: DayNumber = readDate(vDate, dateOrder, slot);
    if (day === 0) {
      reject(cells, sheetRow, 'date', vDate, slot.code, slot.reason);
      continue;
    }
    const accountName = readText(vAccount, 'account', slot);
    if (accountName === null || accountName === '') {
      rejectName(cells, sheetRow, 'account', vAccount, accountName);
      continue;
    }
    const managerName = readText(vManager, 'manager', slot);
    if (managerName === null || managerName === '') {
      rejectName(cells, sheetRow, 'manager', vManager, managerName);
      continue;
    }
    const cents = readAmount(vAmount, decimal, slot);
    if (Number.isNaN(cents)) {
      reject(cells, sheetRow, 'amount', vAmount, slot.code, slot.reason);
      continue;
    }
    // A currency column holds a handful of distinct texts: remember what each one read as.
    let currency: string | null | undefined = typeof vCurrency === 'string' ? currencyMemo.get(vCurrency) : undefined;
    if (currency === undefined) {
      currency = cCurrency >= 0 ? readCurrency(vCurrency, slot) : '';
      if (currency !== null && typeof vCurrency === 'string' && currencyMemo.size < CURRENCY_MEMO_LIMIT) currencyMemo.set(vCurrency, currency);
    }
    if (currency === null) {
      reject(cells, sheetRow, 'currency', vCurrency, slot.code, slot.reason);
      continue;
    }
    const productName = cProduct >= 0 ? readText(vProduct, 'product', slot) : '';
    if (productName === null) {
      reject(cells, sheetRow, 'product', vProduct, slot.code, slot.reason);
      continue;
    }
    if (cId >= 0 && readText(vId, 'id', slot) === null) {
      reject(cells, sheetRow, 'id', vId, slot.code, slot.reason);
      continue;
    }

    date[k] = day;
    amount[k] = cents;
    account[k] = accounts.intern(accountName);
    manager[k] = managers.intern(managerName);
    product[k] = productName === '' ? -1 : products.intern(productName);
    row[k] = sheetRow;
    if (currency === '') currencyOf[k] = -1;
    else {
      const c = currencies.intern(currency);
      currencyOf[k] = c;
      currencyCount[c] = (currencyCount[c] ?? 0) + 1;
    }
    k++;
  }

  const reporting = configuredCurrency ?? mostFrequent(currencies.names, currencyCount);
  let accountNames = accounts.names;
  let managerNames = managers.names;
  let productNames = products.names;
  let count = k;

  // Second pass, only when some accepted rows are in another currency: convert or reject them.
  if (reporting !== null && currencies.names.some((c) => c !== reporting)) {
    const rateOf = currencies.names.map((c) => (c === reporting ? null : (options.fx?.get(c) ?? undefined)));
    const approx = rateOf.map((rate) => (rate === null || rate === undefined ? 1 : Number(decimalToText(rate))));
    const rejectConverted = (i: number, code: string, reason: string): void => {
      const sheetRow = row[i] ?? 0;
      const cells = rows[sheetRow - grid.firstRow] ?? EMPTY_ROW;
      reject(cells, sheetRow, 'currency', cells[cCurrency], code, reason);
    };
    const before = issues.length;
    let w = 0;
    for (let i = 0; i < k; i++) {
      const c = currencyOf[i] ?? -1;
      let cents = amount[i] ?? 0;
      if (c >= 0) {
        const rate: Decimal | null | undefined = rateOf[c];
        if (rate === undefined) {
          rejectConverted(i, 'fx.noRate', `no exchange rate for ${currencies.names[c] ?? ''}`);
          continue;
        }
        if (rate !== null) {
          if (Math.abs(cents) * (approx[c] ?? 1) >= CONVERSION_LIMIT) {
            rejectConverted(i, 'amount.tooLarge', 'the converted amount is too large to hold exactly (more than 90 trillion)');
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
