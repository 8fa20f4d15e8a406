import type { CellValue } from '../intake/cellValue';
import {
  decimalFromNumber,
  parseDecimalText,
  roundHalfAwayFromZero,
  shiftLeft,
  type ExactDecimal,
} from '../commission/exactDecimal';

/** Decimal separator used for amounts with a single kind of separator (SPEC §1.2). */
export type DecimalSeparator = '.' | ',';

/**
 * Reads a money amount from a settings-table cell (quota, target, plan caps and bonuses) as an
 * exact decimal in currency units. Numbers are taken as Excel shows them (15 significant
 * digits); text follows SPEC §1.2: currency symbols and codes, spaces and `'` are ignored,
 * `(…)` means negative, and when both `.` and `,` occur the last one is the decimal separator.
 * A lone separator is decimal unless exactly three digits follow it (`1,000`), where
 * `decimalSeparator` decides; a separator that occurs twice groups thousands.
 *
 * One function on purpose: the intake engineer's `parseAmount` replaces its body later.
 * @returns `null` for blank, error and unreadable cells.
 * @example parseMoneyDecimal('€ 1.234,56') // 1234.56
 * @example parseMoneyDecimal('(1,000)') // -1000
 */
export function parseMoneyDecimal(value: CellValue, decimalSeparator: DecimalSeparator = '.'): ExactDecimal | null {
  if (typeof value === 'number') return decimalFromNumber(value);
  if (typeof value !== 'string') return null;
  let s = value.trim();
  if (s === '') return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1] ?? '';
  }
  // Currency symbols and codes (€, $, zł, EUR …) and grouping spaces/apostrophes are noise.
  s = s.replace(/[\p{L}\p{Sc}\s'’\u00a0\u202f]+/gu, '');
  const leading = /^([+-])(.*)$/.exec(s);
  const trailing = leading ? null : /^(.*)([+-])$/.exec(s);
  if (leading) {
    if (leading[1] === '-') negative = !negative;
    s = leading[2] ?? '';
  } else if (trailing) {
    if (trailing[2] === '-') negative = !negative;
    s = trailing[1] ?? '';
  }
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: string | null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot < 0 && lastComma < 0) decimal = null;
  else {
    const sep = lastDot >= 0 ? '.' : ',';
    const at = s.lastIndexOf(sep);
    if (s.indexOf(sep) !== at) decimal = null; // occurs twice: grouping
    else if (s.length - at - 1 !== 3) decimal = sep; // 1–2 or 4+ digits after it: cannot be grouping
    else decimal = sep === decimalSeparator ? sep : null; // `1,000` / `1.000`: the configured separator decides
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : null;
  let plain = s;
  if (group) plain = plain.split(group).join('');
  if (decimal === null) plain = plain.replace(/[.,]/g, '');
  else {
    if (plain.indexOf(decimal) !== plain.lastIndexOf(decimal)) return null;
    plain = plain.replace(decimal, '.');
  }
  const parsed = parseDecimalText(plain);
  if (parsed === null) return null;
  return negative ? { digits: -parsed.digits, scale: parsed.scale } : parsed;
}

/**
 * A money cell as whole cents, rounded half away from zero (SPEC §1.2).
 * @returns `null` when unreadable or beyond ±2^53 cents.
 * @example parseQuotaAmount('1,000.005') // 100001
 * @example parseQuotaAmount(250000) // 25000000
 */
export function parseQuotaAmount(value: CellValue, decimalSeparator: DecimalSeparator = '.'): number | null {
  const d = parseMoneyDecimal(value, decimalSeparator);
  if (d === null) return null;
  const c = Number(roundHalfAwayFromZero(shiftLeft(d, 2)));
  return Number.isSafeInteger(c) ? c : null;
}
