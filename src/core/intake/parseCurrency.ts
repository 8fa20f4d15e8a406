import type { CellValue } from './cellValue';
import { issueMessage } from '../issues/messages';
import { CELL_ERROR_CODE, excelErrorMessage, excelErrorOf } from './excelError';
import { refuse, rejectionSlot, toParsed, type Parsed, type RejectionSlot } from './parsed';

/** Currency symbols that name one currency in practice, by the code they stand for. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  $: 'USD',
  US$: 'USD',
  '£': 'GBP',
  ZŁ: 'PLN',
};

const CODE = /^[A-Z]{3}$/;
const INVALID = issueMessage('currency.invalid');

/**
 * Reads a currency cell: the upper-case ISO code, `''` for an empty cell, or `null` after
 * filling `slot`. The allocation-free core of {@link parseCurrency}.
 * @example readCurrency('zł', slot) // "PLN"
 * @internal
 */
export function readCurrency(cell: CellValue, slot: RejectionSlot): string | null {
  if (typeof cell === 'string') {
    const t = cell.trim();
    if (t === '') return '';
    const upper = t.toUpperCase();
    if (CODE.test(upper)) return upper;
    const error = excelErrorOf(t);
    if (error !== null) return refuse(slot, CELL_ERROR_CODE, excelErrorMessage(error), null);
    return CURRENCY_SYMBOLS[upper] ?? refuse(slot, 'currency.invalid', INVALID, null);
  }
  if (cell === null || cell === undefined) return '';
  const error = excelErrorOf(cell);
  if (error !== null) return refuse(slot, CELL_ERROR_CODE, excelErrorMessage(error), null);
  return refuse(slot, 'currency.invalid', INVALID, null);
}

/**
 * Reads a currency cell (SPEC §1.2): trimmed, upper-cased, and either a three-letter code
 * (`eur` → `EUR`) or one of the symbols `€ $ US$ £ zł` (→ EUR, USD, USD, GBP, PLN). An empty
 * cell gives `null` (the row is in the reporting currency). Whether the code is a currency
 * that exists is not checked: an unknown one simply has no exchange rate.
 * @example parseCurrency(' pln ') // { ok: true, value: 'PLN' }
 * @example parseCurrency('€') // { ok: true, value: 'EUR' }
 * @example parseCurrency('Euro') // { ok: false, code: 'currency.invalid', reason: 'not a three-letter currency code …' }
 */
export function parseCurrency(cell: CellValue): Parsed<string | null> {
  const slot = rejectionSlot();
  const code = readCurrency(cell, slot);
  return toParsed(code === '' ? null : code, code === null, slot);
}
