import type { Issue } from '../issues/issue';
import { englishReason, issueMessage, type IssueMessage } from '../issues/messages';
import type { DayNumber } from '../periods/dayNumber';
import type { CellValue } from './cellValue';
import { cellText } from './cellText';
import type { Field } from './fields';
import { isBlankCell } from './isBlankCell';
import { readAmount, type DecimalSeparator } from './parseAmount';
import { readCurrency } from './parseCurrency';
import { readDate, type DateOrder } from './parseDate';
import { rejectionSlot } from './parsed';
import { readText } from './parseText';
import { StringInterner } from './stringInterner';

/** A rejected row: an {@link Issue}, plus the row's transaction id when the table has one. */
export interface IntakeIssue extends Issue {
  readonly transactionId?: string;
}

/** The column of each field in the grid, -1 when the field is not mapped. */
export interface FieldColumns {
  readonly date: number;
  readonly account: number;
  readonly manager: number;
  readonly amount: number;
  readonly currency: number;
  readonly product: number;
  readonly id: number;
}

/** How the rows are read, fixed for a table. */
export interface RowReading {
  readonly sheet: string;
  /** 1-based sheet row of `rows[0]`. */
  readonly firstRow: number;
  readonly columns: FieldColumns;
  /** The header text of a field as the user sees it, for issues. */
  readonly headerOf: (field: Field) => string;
  readonly decimal: DecimalSeparator;
  readonly dateOrder: DateOrder;
}

/** Distinct currency texts remembered; a column of junk cannot grow the memo without bound. */
const CURRENCY_MEMO_LIMIT = 1000;

const ACCOUNT_MISSING = issueMessage('account.missing');
const MANAGER_MISSING = issueMessage('manager.missing');

/**
 * Classifies the rows of a transaction table one at a time (SPEC §1.3) and collects the
 * accepted ones in columnar form: typed arrays sized for every row, names interned in order of
 * first acceptance. One builder per intake; both the general row reader ({@link readRow}, any
 * cells) and intake's text fast path (which parses common field shapes itself and hands any
 * other row to `readRow`) fill it, so both produce the same transactions and issues.
 * @internal
 */
export class TransactionBuilder {
  readonly date: Int32Array;
  readonly amount: Float64Array;
  readonly account: Int32Array;
  readonly manager: Int32Array;
  readonly product: Int32Array;
  readonly row: Int32Array;
  /** Currency index per accepted row, -1 for a row without a currency. */
  readonly currencyOf: Int32Array;
  readonly accounts = new StringInterner();
  readonly managers = new StringInterner();
  readonly products = new StringInterner();
  readonly currencies = new StringInterner();
  /** Accepted rows per currency index. */
  readonly currencyCount: number[] = [];
  readonly issues: IntakeIssue[] = [];
  /** Accepted rows so far. */
  count = 0;
  blank = 0;
  private readonly slot = rejectionSlot();
  private readonly currencyMemo = new Map<string, string>();

  constructor(
    readonly reading: RowReading,
    capacity: number,
  ) {
    this.date = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
    this.account = new Int32Array(capacity);
    this.manager = new Int32Array(capacity);
    this.product = new Int32Array(capacity);
    this.row = new Int32Array(capacity);
    this.currencyOf = new Int32Array(capacity);
  }

  /**
   * Reads the row at `index` (0-based in the grid): counts it blank (every mapped cell empty),
   * rejects it with one issue for its first problem in the order date, account, manager, amount,
   * currency, product, id, or accepts it.
   */
  readRow(cells: readonly CellValue[], index: number): void {
    const { columns: c, decimal, dateOrder } = this.reading;
    const slot = this.slot;
    const vDate = cells[c.date];
    const vAccount = cells[c.account];
    const vManager = cells[c.manager];
    const vAmount = cells[c.amount];
    const vCurrency = c.currency >= 0 ? cells[c.currency] : null;
    const vProduct = c.product >= 0 ? cells[c.product] : null;
    const vId = c.id >= 0 ? cells[c.id] : null;
    if (
      isBlankCell(vDate) && isBlankCell(vAccount) && isBlankCell(vManager) && isBlankCell(vAmount) &&
      isBlankCell(vCurrency) && isBlankCell(vProduct) && isBlankCell(vId)
    ) {
      this.blank++;
      return;
    }
    const sheetRow = this.reading.firstRow + index;

    const day: DayNumber = readDate(vDate, dateOrder, slot);
    if (day === 0) {
      this.reject(cells, sheetRow, 'date', vDate, slot.code, slot.message);
      return;
    }
    const accountName = readText(vAccount, 'account', slot);
    if (accountName === null || accountName === '') {
      this.rejectName(cells, sheetRow, 'account', vAccount, accountName);
      return;
    }
    const managerName = readText(vManager, 'manager', slot);
    if (managerName === null || managerName === '') {
      this.rejectName(cells, sheetRow, 'manager', vManager, managerName);
      return;
    }
    const cents = readAmount(vAmount, decimal, slot);
    if (Number.isNaN(cents)) {
      this.reject(cells, sheetRow, 'amount', vAmount, slot.code, slot.message);
      return;
    }
    // A currency column holds a handful of distinct texts: remember what each one read as.
    let currency: string | null | undefined = typeof vCurrency === 'string' ? this.currencyMemo.get(vCurrency) : undefined;
    if (currency === undefined) {
      currency = c.currency >= 0 ? readCurrency(vCurrency, slot) : '';
      if (currency !== null && typeof vCurrency === 'string' && this.currencyMemo.size < CURRENCY_MEMO_LIMIT) this.currencyMemo.set(vCurrency, currency);
    }
    if (currency === null) {
      this.reject(cells, sheetRow, 'currency', vCurrency, slot.code, slot.message);
      return;
    }
    const productName = c.product >= 0 ? readText(vProduct, 'product', slot) : '';
    if (productName === null) {
      this.reject(cells, sheetRow, 'product', vProduct, slot.code, slot.message);
      return;
    }
    if (c.id >= 0 && readText(vId, 'id', slot) === null) {
      this.reject(cells, sheetRow, 'id', vId, slot.code, slot.message);
      return;
    }
    this.accept(
      day,
      cents,
      this.accounts.intern(accountName),
      this.managers.intern(managerName),
      productName === '' ? -1 : this.products.intern(productName),
      currency === '' ? -1 : this.currencies.intern(currency),
      sheetRow,
    );
  }

  /** Appends an accepted transaction (names already interned; -1 for no product or currency). */
  accept(day: DayNumber, cents: number, account: number, manager: number, product: number, currency: number, sheetRow: number): void {
    const k = this.count++;
    this.date[k] = day;
    this.amount[k] = cents;
    this.account[k] = account;
    this.manager[k] = manager;
    this.product[k] = product;
    this.row[k] = sheetRow;
    this.currencyOf[k] = currency;
    if (currency >= 0) this.currencyCount[currency] = (this.currencyCount[currency] ?? 0) + 1;
  }

  /** Records a rejected row: one issue naming the row, column, raw value and reason. */
  reject(cells: readonly CellValue[], sheetRow: number, field: Field, value: CellValue, code: string, message: IssueMessage): void {
    const { sheet, headerOf, columns } = this.reading;
    const issue: IntakeIssue = { code, sheet, row: sheetRow, column: headerOf(field), value: cellText(value), reason: englishReason(message), message };
    const id = columns.id >= 0 ? cellText(cells[columns.id]).trim() : '';
    this.issues.push(id === '' ? issue : { ...issue, transactionId: id });
  }

  // A required name that is empty is "missing"; one the reader refused carries its reason.
  private rejectName(cells: readonly CellValue[], sheetRow: number, field: 'account' | 'manager', value: CellValue, text: string | null): void {
    if (text === null) this.reject(cells, sheetRow, field, value, this.slot.code, this.slot.message);
    else this.reject(cells, sheetRow, field, value, `${field}.missing`, field === 'account' ? ACCOUNT_MISSING : MANAGER_MISSING);
  }
}
