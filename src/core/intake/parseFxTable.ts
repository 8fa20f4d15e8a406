import type { Issue } from '../issues/issue';
import { englishReason, issueMessage, type IssueMessage } from '../issues/messages';
import { decimalFromNumber, parseDecimal, type Decimal } from '../money';
import type { CellValue, Grid } from './cellValue';
import { cellText } from './cellText';
import { detectHeader } from './detectHeader';
import { CELL_ERROR_CODE, excelErrorMessage, excelErrorOf } from './excelError';
import { FX_HEADER_SYNONYMS, type FxField } from './headerSynonyms';
import { isBlankCell } from './isBlankCell';
import type { HeaderFailure, HeaderSpec } from './mapColumns';
import type { DecimalSeparator } from './parseAmount';
import { readCurrency } from './parseCurrency';
import { rejectionSlot } from './parsed';

/**
 * Exchange rates by upper-case ISO currency code: one unit of the currency is `rate` units of
 * the reporting currency (PLN → EUR 0.2345 means 1 PLN = 0.2345 EUR), held exactly.
 */
export type FxTable = ReadonlyMap<string, Decimal>;

/** The header of an FX table: currency and rate, both required. */
export const FX_HEADERS: HeaderSpec<FxField> = {
  fields: ['currency', 'rate'],
  required: ['currency', 'rate'],
  synonyms: FX_HEADER_SYNONYMS,
};

/** An FX table read from a sheet or file, with the lines that could not be used. */
export interface FxTableResult {
  readonly ok: true;
  readonly rates: FxTable;
  readonly issues: Issue[];
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
}

/** Options of {@link parseFxTable}. */
export interface FxTableOptions {
  /** Decimal separator of rates written as text (default `.`). Rates have no thousands separators. */
  readonly decimal?: DecimalSeparator | undefined;
  /** Header overrides, as for transactions. */
  readonly mapping?: Partial<Record<FxField, string>> | undefined;
}

/**
 * Reads an FX rate table (SPEC §1.4): a header with a currency column (currency, moneda,
 * divisa, waluta, Währung …) and a rate column (rate, exchange rate, tipo de cambio, kurs,
 * Wechselkurs …), then one currency per row. Rates are exact decimals: numbers are taken as
 * Excel shows them (15 significant digits), text as plain decimals (`0.2345`, `4,2850`: a
 * single `.` or `,` is the decimal point, since rates have no thousands separators). Blank lines are skipped; a line with an invalid currency, an unreadable,
 * zero or negative rate, or a second, different rate for a currency already given becomes an
 * Issue and is not used (the first rate stays). Never throws on cell content.
 * @example parseFxTable({ sheet: 'FX', firstRow: 1, rows: [['Currency', 'Rate'], ['PLN', 0.2345]] }).ok // true
 */
export function parseFxTable(grid: Grid, options: FxTableOptions = {}): FxTableResult | HeaderFailure<FxField> {
  const header = detectHeader(grid, FX_HEADERS, options.mapping ?? {});
  if (!header.ok) return header;
  const currencyColumn = header.mapping.currency?.column ?? 0;
  const rateColumn = header.mapping.rate?.column ?? 1;
  const currencyHeader = header.mapping.currency?.header ?? 'currency';
  const rateHeader = header.mapping.rate?.header ?? 'rate';
  const decimal = options.decimal ?? '.';
  const rates = new Map<string, Decimal>();
  const firstRowOf = new Map<string, number>();
  const issues: Issue[] = [];
  const slot = rejectionSlot();

  for (let index = header.headerIndex + 1; index < grid.rows.length; index++) {
    const cells = grid.rows[index] ?? [];
    const row = grid.firstRow + index;
    const currencyCell = cells[currencyColumn];
    const rateCell = cells[rateColumn];
    if (isBlankCell(currencyCell) && isBlankCell(rateCell)) continue;
    const issue = (column: string, value: string, code: string, message: IssueMessage): void => {
      issues.push({ code, sheet: grid.sheet, row, column, value, reason: englishReason(message), message });
    };

    const code = readCurrency(currencyCell, slot);
    if (code === null || code === '') {
      if (code === '') issue(currencyHeader, '', 'fx.currencyMissing', issueMessage('currency.missing'));
      else issue(currencyHeader, cellText(currencyCell), slot.code, slot.message);
      continue;
    }
    const rate = readRate(rateCell, decimal);
    if ('key' in rate) {
      const error = excelErrorOf(rateCell);
      if (error !== null) issue(rateHeader, cellText(rateCell), CELL_ERROR_CODE, excelErrorMessage(error));
      else issue(rateHeader, cellText(rateCell), 'fx.rateInvalid', rate);
      continue;
    }
    const known = rates.get(code);
    if (known !== undefined) {
      if (known.digits !== rate.digits || known.scale !== rate.scale) {
        issue(rateHeader, cellText(rateCell), 'fx.duplicate', issueMessage('fx.duplicate', { currency: code, row: firstRowOf.get(code) ?? 0 }));
      }
      continue;
    }
    rates.set(code, rate);
    firstRowOf.set(code, row);
  }
  return { ok: true, rates, issues, headerRow: header.headerRow };
}

/** A positive exact rate, or the reason why the cell holds none. */
function readRate(cell: CellValue, decimal: DecimalSeparator): Decimal | IssueMessage {
  let rate: Decimal | null = null;
  if (typeof cell === 'number') rate = decimalFromNumber(cell);
  else if (typeof cell === 'string') {
    if (cell.trim() === '') return issueMessage('fx.rateMissing');
    // Rates carry no thousands separators, so a lone `.` or `,` can only be the decimal point:
    // `0.2315` and `0,2315` both read, whatever the configured separator is.
    const t = cell.trim();
    const single = (t.match(/[.,]/g) ?? []).length === 1 ? (t.includes(',') ? ',' : '.') : decimal;
    rate = parseDecimal(t, single);
  } else if (cell === null || cell === undefined) return issueMessage('fx.rateMissing');
  if (rate === null) return issueMessage('value.notANumber');
  if (rate.digits <= 0n) return issueMessage('fx.rateNotPositive');
  return rate;
}
