import type { CellValue } from './cellValue';
import { CELL_ERROR_CODE, excelErrorOf, excelErrorReason } from './excelError';
import { isoDateOfUtc } from './dateParts';
import { refuse, rejectionSlot, toParsed, type Parsed, type RejectionSlot } from './parsed';

/** The text fields of a transaction. */
export type TextField = 'account' | 'manager' | 'product' | 'id';

const NON_ASCII = /[^\x00-\x7f]/;

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
      if (error !== null) return refuse(slot, CELL_ERROR_CODE, excelErrorReason(error), null);
    }
    // NFC so that "Müller" typed on Windows and exported from macOS (decomposed) is one name;
    // ASCII text, the common case, is already NFC.
    return NON_ASCII.test(t) ? t.normalize('NFC') : t;
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return refuse(slot, `${field}.invalid`, 'not a finite number', null);
    return numberText(cell);
  }
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return refuse(slot, `${field}.invalid`, 'the cell holds an invalid date', null);
    return isoDateOfUtc(cell);
  }
  if (typeof cell === 'boolean') {
    // A TRUE/FALSE in a name column is a sign of a shifted or wrong column, not a name.
    return refuse(slot, `${field}.invalid`, `${cell ? 'TRUE' : 'FALSE'} is a logical value, not a name`, null);
  }
  return refuse(slot, CELL_ERROR_CODE, excelErrorReason(excelErrorOf(cell) ?? '?'), null);
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
