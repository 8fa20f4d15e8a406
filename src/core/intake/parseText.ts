import type { CellValue } from './cellValue';
import { issueMessage } from '../issues/messages';
import { CELL_ERROR_CODE, excelErrorMessage, excelErrorOf } from './excelError';
import { isoDateOfUtc } from './dateParts';
import { refuse, rejectionSlot, toParsed, type Parsed, type RejectionSlot } from './parsed';

/** The text fields of a transaction. */
export type TextField = 'account' | 'manager' | 'product' | 'id';

const NON_ASCII = /[^\x00-\x7f]/;
const NOT_FINITE = issueMessage('text.notFinite');
const INVALID_DATE = issueMessage('cell.invalidDate');
const TRUE_NOT_NAME = issueMessage('text.logical', { value: 'TRUE' });
const FALSE_NOT_NAME = issueMessage('text.logical', { value: 'FALSE' });

/**
 * Text of a number as Excel shows it: normalised to 15 significant digits, integers without
 * ".0" (`1234`, not `1234.0`; `0.1 + 0.2` is `0.3`).
 * @example numberText(0.1 + 0.2) // "0.3"
 * @example numberText(12345) // "12345"
 */
export function numberText(n: number): string {
  const normalised = Number(n.toPrecision(15));
  return String(normalised === 0 ? 0 : normalised);
}

/**
 * Reads a text cell: the text (trimmed, in Unicode NFC), `''` for an empty cell, or `null`
 * after filling `slot`. The allocation-free core of {@link parseText}.
 * @example readText(' Acme ', 'account', slot) // "Acme"
 * @internal
 */
export function readText(cell: CellValue, field: TextField, slot: RejectionSlot): string | null {
  if (typeof cell === 'string') {
    const t = cell.trim();
    if (t.charCodeAt(0) === 35) {
      const error = excelErrorOf(t);
      if (error !== null) return refuse(slot, CELL_ERROR_CODE, excelErrorMessage(error), null);
    }
    // NFC so that "Müller" typed on Windows and exported from macOS (decomposed) is one name;
    // ASCII text, the common case, is already NFC.
    return NON_ASCII.test(t) ? t.normalize('NFC') : t;
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return refuse(slot, `${field}.invalid`, NOT_FINITE, null);
    return numberText(cell);
  }
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return refuse(slot, `${field}.invalid`, INVALID_DATE, null);
    return isoDateOfUtc(cell);
  }
  if (typeof cell === 'boolean') {
    // A TRUE/FALSE in a name column is a sign of a shifted or wrong column, not a name.
    return refuse(slot, `${field}.invalid`, cell ? TRUE_NOT_NAME : FALSE_NOT_NAME, null);
  }
  return refuse(slot, CELL_ERROR_CODE, excelErrorMessage(excelErrorOf(cell) ?? '?'), null);
}

/**
 * Reads an account, manager, product or id cell (SPEC §1.2). Never throws.
 * Text is trimmed (and put in Unicode NFC); numbers become the text Excel shows (`1234`,
 * `0.3`); dates become ISO days; an empty cell gives `null` (a missing value: the caller
 * decides whether the field is required). Logical values and Excel errors are refused.
 * @example parseText('  Acme GmbH ', 'account') // { ok: true, value: 'Acme GmbH' }
 * @example parseText(1001, 'account') // { ok: true, value: '1001' }
 * @example parseText('   ', 'product') // { ok: true, value: null }
 * @example parseText('#N/A', 'manager') // { ok: false, code: 'cell.error', reason: 'the cell holds the Excel error #N/A' }
 */
export function parseText(cell: CellValue, field: TextField): Parsed<string | null> {
  const slot = rejectionSlot();
  const text = readText(cell, field, slot);
  return toParsed(text === '' ? null : text, text === null, slot);
}
