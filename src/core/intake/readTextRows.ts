import { dayNumber, daysInMonth, type DayNumber } from '../periods/dayNumber';
import { FieldCache } from './fieldCache';
import { readCurrency } from './parseCurrency';
import { rejectionSlot, type RejectionSlot } from './parsed';
import { readText, type TextField } from './parseText';
import { decodeUtf8, textRow, type TextTable } from './textTable';
import type { TransactionBuilder } from './transactionBuilder';

/**
 * Intake's fast path for a {@link TextTable} (a CSV file): reads the rows below the header
 * straight from the file's bytes into `builder`, with exactly the results and issues that
 * `builder.readRow` gives for the same cells.
 *
 * Each field is read by a fast reader for its common shape — dates `2026-03-31`, `31.03.2026`,
 * `31/03/2026` (by the column's order); amounts of plain digits with an optional leading minus
 * and the configured decimal separator; names, products and currencies looked up by their text
 * in a {@link FieldCache}, so a name seen before makes no string. A fast reader accepts only
 * text whose general reading it reproduces exactly, and declines anything else (spaces, signs,
 * separators, errors, empty or missing cells, doubled quotes); then the whole row goes through
 * `builder.readRow` as cells, so every rejected, blank or unusual row is classified by the
 * general code. No objects or closures per row; strings only for new names and declined rows.
 * @internal
 */
export function readTextRows(builder: TransactionBuilder, table: TextTable, start: number): void {
  const { columns, decimal, dateOrder } = builder.reading;
  const { bytes, rowStart, fieldStart, fieldEnd, rowCount } = table;
  const cDate = columns.date;
  const cAccount = columns.account;
  const cManager = columns.manager;
  const cAmount = columns.amount;
  const cCurrency = columns.currency;
  const cProduct = columns.product;
  const cId = columns.id;
  // Every mapped cell must be present for the fast path; the widest mapped column decides.
  const needed = Math.max(cDate, cAccount, cManager, cAmount, cCurrency, cProduct, cId) + 1;
  const separator = decimal.charCodeAt(0);
  const slashDayFirst = dateOrder === 'DMY';
  const monthStarts = new MonthStarts();
  const slot = rejectionSlot();
  const accounts = new FieldCache<string>(bytes);
  const managers = new FieldCache<string>(bytes);
  const products = new FieldCache<string>(bytes);
  const currencies = new FieldCache<string>(bytes);
  const accountIds: number[] = [];
  const managerIds: number[] = [];
  const productIds: number[] = [];
  const currencyIds: number[] = [];

  for (let r = start; r < rowCount; r++) {
    const first = rowStart[r] ?? 0;
    if ((rowStart[r + 1] ?? first) - first < needed) {
      builder.readRow(textRow(table, r), r);
      continue;
    }
    let f = first + cDate;
    const day = fastDate(bytes, fieldStart[f] ?? 0, fieldEnd[f] ?? 0, slashDayFirst, monthStarts);
    if (day === 0) {
      builder.readRow(textRow(table, r), r);
      continue;
    }
    const account = textSlot(accounts, table, first + cAccount, 'account', slot);
    if (account < 0 || accounts.values[account] === '') {
      builder.readRow(textRow(table, r), r);
      continue;
    }
    const manager = textSlot(managers, table, first + cManager, 'manager', slot);
    if (manager < 0 || managers.values[manager] === '') {
      builder.readRow(textRow(table, r), r);
      continue;
    }
    f = first + cAmount;
    const cents = fastAmount(bytes, fieldStart[f] ?? 0, fieldEnd[f] ?? 0, separator);
    if (Number.isNaN(cents)) {
      builder.readRow(textRow(table, r), r);
      continue;
    }
    let currency = -1;
    if (cCurrency >= 0) {
      currency = currencySlot(currencies, table, first + cCurrency, slot);
      if (currency < 0) {
        builder.readRow(textRow(table, r), r);
        continue;
      }
    }
    let product = -1;
    if (cProduct >= 0) {
      product = textSlot(products, table, first + cProduct, 'product', slot);
      if (product < 0) {
        builder.readRow(textRow(table, r), r);
        continue;
      }
    }
    if (cId >= 0 && !isPlainId(bytes, fieldStart[first + cId] ?? 0, fieldEnd[first + cId] ?? 0)) {
      builder.readRow(textRow(table, r), r);
      continue;
    }

    // Accepted: intern on acceptance, as readRow does, so names are numbered alike.
    let accountId = accountIds[account] ?? -1;
    if (accountId < 0) accountId = setId(accountIds, account, builder.accounts.intern(accounts.values[account] ?? ''));
    let managerId = managerIds[manager] ?? -1;
    if (managerId < 0) managerId = setId(managerIds, manager, builder.managers.intern(managers.values[manager] ?? ''));
    let productId = -1;
    if (product >= 0 && products.values[product] !== '') {
      productId = productIds[product] ?? -1;
      if (productId < 0) productId = setId(productIds, product, builder.products.intern(products.values[product] ?? ''));
    }
    let currencyId = -1;
    if (currency >= 0 && currencies.values[currency] !== '') {
      currencyId = currencyIds[currency] ?? -1;
      if (currencyId < 0) currencyId = setId(currencyIds, currency, builder.currencies.intern(currencies.values[currency] ?? ''));
    }
    builder.accept(day, cents, accountId, managerId, productId, currencyId, builder.reading.firstRow + r);
  }
}

function setId(ids: number[], slot: number, id: number): number {
  while (ids.length <= slot) ids.push(-1);
  ids[slot] = id;
  return id;
}

/** The cache slot of a text field (what `readText` gives for it), or -1 when it must go the general way. */
function textSlot(cache: FieldCache<string>, table: TextTable, f: number, field: TextField, slot: RejectionSlot): number {
  if (table.escaped[f] === 1) return -1;
  const s = table.fieldStart[f] ?? 0;
  const e = table.fieldEnd[f] ?? s;
  const found = cache.find(s, e);
  if (found >= 0) return found;
  const text = readText(decodeUtf8(table.bytes, s, e), field, slot);
  return text === null ? -1 : cache.add(text);
}

/** The cache slot of a currency field (what `readCurrency` gives: a code or ''), or -1. */
function currencySlot(cache: FieldCache<string>, table: TextTable, f: number, slot: RejectionSlot): number {
  if (table.escaped[f] === 1) return -1;
  const s = table.fieldStart[f] ?? 0;
  const e = table.fieldEnd[f] ?? s;
  const found = cache.find(s, e);
  if (found >= 0) return found;
  const code = readCurrency(decodeUtf8(table.bytes, s, e), slot);
  return code === null ? -1 : cache.add(code);
}

/**
 * True when an id cell cannot be refused: `readText` refuses text only when, trimmed, it is an
 * Excel error literal, so text that starts with neither `#` nor a space (nor a non-ASCII
 * character, which might be one) is always fine.
 */
function isPlainId(bytes: Uint8Array, s: number, e: number): boolean {
  if (s === e) return true;
  const c = bytes[s] as number;
  return c !== 35 && c > 32 && c < 0x80;
}

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(bytes: Uint8Array, i: number): number {
  const a = (bytes[i] as number) - 48;
  const b = (bytes[i + 1] as number) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Four ASCII digits at `i` as a number, or -1. */
function digits4(bytes: Uint8Array, i: number): number {
  const hi = digits2(bytes, i);
  const lo = digits2(bytes, i + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

/**
 * The day of a 10-character date `YYYY-MM-DD` (or with `/` or `.`), `DD.MM.YYYY`, `DD-MM-YYYY`
 * or a slash date in the column's order, when it is a real date from 1900 on; else 0 (let
 * `readDate` decide: it accepts more shapes, and words the refusals). For these shapes
 * `readDate` gives exactly `dayNumber(y, m, d)`.
 */
function fastDate(bytes: Uint8Array, s: number, e: number, slashDayFirst: boolean, monthStarts: MonthStarts): DayNumber {
  if (e - s !== 10) return 0;
  const c2 = bytes[s + 2];
  const c4 = bytes[s + 4];
  let y: number;
  let m: number;
  let d: number;
  if (c4 === 45 || c4 === 47 || c4 === 46) {
    if (bytes[s + 7] !== c4) return 0;
    y = digits4(bytes, s);
    m = digits2(bytes, s + 5);
    d = digits2(bytes, s + 8);
  } else if (c2 === 45 || c2 === 47 || c2 === 46) {
    if (bytes[s + 5] !== c2) return 0;
    const a = digits2(bytes, s);
    const b = digits2(bytes, s + 3);
    y = digits4(bytes, s + 6);
    // Dots and dashes with the year last are day first; only the slash follows the order.
    if (c2 === 47 && !slashDayFirst) {
      m = a;
      d = b;
    } else {
      d = a;
      m = b;
    }
  } else return 0;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 0;
  return monthStarts.of(y, m) + d - 1;
}

/**
 * `dayNumber(y, m, 1)` per month from 1900 on, computed once per month: within a month day
 * numbers are consecutive (also in January and February 1900, before Excel's phantom day).
 */
class MonthStarts {
  private readonly starts = new Int32Array((9999 - 1900 + 1) * 12);

  of(y: number, m: number): DayNumber {
    const k = (y - 1900) * 12 + m - 1;
    let start = this.starts[k] as number;
    if (start === 0) {
      start = dayNumber(y, m, 1);
      this.starts[k] = start;
    }
    return start;
  }
}

/**
 * The cents of an amount written as plain digits with an optional leading `-` and at most one
 * decimal separator (the configured one), with up to 13 integer digits; else NaN (let
 * `readAmount` decide). Digit by digit and rounded half away from zero on the third decimal,
 * exactly as `centsFromDigits`.
 */
function fastAmount(bytes: Uint8Array, s: number, e: number, separator: number): number {
  let i = s;
  const negative = i < e && bytes[i] === 45;
  if (negative) i++;
  const intStart = i;
  while (i < e) {
    const c = bytes[i] as number;
    if (c < 48 || c > 57) break;
    i++;
  }
  const intEnd = i;
  if (intEnd === intStart) return NaN;
  let d1 = 0;
  let d2 = 0;
  let up = 0;
  if (i < e) {
    if (bytes[i] !== separator) return NaN;
    i++;
    for (let k = 0; i < e; i++, k++) {
      const c = (bytes[i] as number) - 48;
      if (c < 0 || c > 9) return NaN;
      if (k === 0) d1 = c;
      else if (k === 1) d2 = c;
      else if (k === 2 && c >= 5) up = 1;
    }
  }
  let z = intStart;
  while (z < intEnd && bytes[z] === 48) z++;
  if (intEnd - z > 13) return NaN;
  let whole = 0;
  for (let j = z; j < intEnd; j++) whole = whole * 10 + ((bytes[j] as number) - 48);
  const magnitude = whole * 100 + d1 * 10 + d2 + up;
  // One zero only, as asCents makes it: "-0" and "-0.00" are 0, not -0.
  return magnitude === 0 ? 0 : negative ? -magnitude : magnitude;
}
