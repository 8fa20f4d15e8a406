import type { CellValue } from './cellValue';
import { centsFromDigits, centsFromNumber, shiftDecimalPoint, type Cents } from '../money';
import { englishReason, issueMessage } from '../issues/messages';
import { CELL_ERROR_CODE, excelErrorMessage, excelErrorOf } from './excelError';
import { refuse, rejectionSlot, toParsed, type Parsed, type RejectionSlot } from './parsed';

/** The decimal separator of amounts written as text. */
export type DecimalSeparator = '.' | ',';

const DASH = issueMessage('amount.dash');
/** Reason for a cell holding only a dash. */
export const DASH_REASON = englishReason(DASH);

const NOT_A_NUMBER = issueMessage('value.notANumber');
const TOO_LARGE = issueMessage('amount.tooLarge');
const MISSING = issueMessage('amount.missing');
const TRUE_NOT_AMOUNT = issueMessage('amount.logical', { value: 'TRUE' });
const FALSE_NOT_AMOUNT = issueMessage('amount.logical', { value: 'FALSE' });
const DATE_NOT_AMOUNT = issueMessage('amount.date');
const PERCENT = issueMessage('amount.percent');
const SCALE = issueMessage('amount.scale');
const PARENTHESES = issueMessage('amount.parentheses');
const SIGNS = issueMessage('amount.sign');
const MIXED_GROUPS = issueMessage('amount.mixedGroups');
const SEPARATORS = issueMessage('amount.separators');
const GROUP_AFTER_DECIMAL = issueMessage('amount.groupAfterDecimal');
const GROUPING = issueMessage('amount.grouping');
const DASHES = new Set(['-', '\u2212', '\u2012', '\u2013', '\u2014', '\u2015']);
/** Words and letters that scale a number ("1.5k", "2 Mio.", "3 mln"): refused, never stripped. */
const SCALE_WORDS = new Set([
  'k', 'm', 'mm', 'b', 'bn', 'mn', 'mln', 'mld', 'mio', 'mrd', 'tsd', 'tys', 'mil', 'thousand',
  'thousands', 'million', 'millions', 'billion', 'billions', 'millones', 'miles', 'tysiecy',
]);
const EXPONENT_FORM = /^(\d*)(?:([.,])(\d*))?[eE]([+-]?\d{1,4})$/;
const AFFIX_CHAR = /[\p{L}\p{M}\p{Sc}]/u;
const LETTER_RUN = /\p{L}+/gu;

function isAffixChar(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36; // A–Z a–z $
  return AFFIX_CHAR.test(s.charAt(k));
}

function isSpaceChar(s: string, k: number): boolean {
  const c = s.charCodeAt(k);
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || (c > 127 && /\s/.test(s.charAt(k)));
}

/** Space characters that may group thousands: space, no-break, narrow no-break, thin space. */
function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/**
 * Why the letters around a number make it unsafe to read, or '' when they are a plain currency
 * ("EUR", "zł"): a scale word or the cent sign ("1.5k", "2 Mio.", "M€", "50¢") would change the
 * value if dropped, and a lone "e" is a broken exponent ("1e", "E5"), not a currency.
 */
function affixProblem(affixes: string): 'scale' | 'exponent' | '' {
  if (affixes.includes('¢')) return 'scale';
  for (const word of affixes.match(LETTER_RUN) ?? []) {
    const lower = word.toLowerCase();
    if (SCALE_WORDS.has(lower)) return 'scale';
    if (lower === 'e') return 'exponent';
  }
  return '';
}

/**
 * Reads an amount cell into cents, or returns NaN and fills `slot`. The allocation-light core
 * of {@link parseAmount}, for the intake loop.
 * @example readAmount('1.234,56', '.', slot) // 123456
 * @internal
 */
export function readAmount(cell: CellValue, decimal: DecimalSeparator, slot: RejectionSlot): number {
  if (typeof cell === 'number') {
    const cents = centsFromNumber(cell);
    if (cents !== null) return cents;
    return Number.isFinite(cell)
      ? refuse(slot, 'amount.tooLarge', TOO_LARGE, NaN)
      : refuse(slot, 'amount.unparseable', NOT_A_NUMBER, NaN);
  }
  if (typeof cell === 'string') return readAmountText(cell, decimal, slot);
  if (cell === null || cell === undefined) return refuse(slot, 'amount.missing', MISSING, NaN);
  if (typeof cell === 'boolean') return refuse(slot, 'amount.unparseable', cell ? TRUE_NOT_AMOUNT : FALSE_NOT_AMOUNT, NaN);
  if (cell instanceof Date) return refuse(slot, 'amount.unparseable', DATE_NOT_AMOUNT, NaN);
  return refuse(slot, CELL_ERROR_CODE, excelErrorMessage(excelErrorOf(cell) ?? '?'), NaN);
}

function readAmountText(raw: string, decimal: DecimalSeparator, slot: RejectionSlot): number {
  const s = raw.trim();
  if (s === '') return refuse(slot, 'amount.missing', MISSING, NaN);
  if (s.charCodeAt(0) === 35) {
    const error = excelErrorOf(s);
    if (error !== null) return refuse(slot, CELL_ERROR_CODE, excelErrorMessage(error), NaN);
  }
  // We do not guess that a dash means zero: a dash is how people write "nothing here" too.
  if (DASHES.has(s)) return refuse(slot, 'amount.dash', DASH, NaN);

  // Peel signs, parentheses, spaces and currency affixes off both ends; the number is left.
  let i = 0;
  let j = s.length;
  let minus = 0;
  let plus = 0;
  let open = 0;
  let close = 0;
  let affixes = '';
  while (i < j) {
    const c = s.charCodeAt(i);
    if (isSpaceChar(s, i)) {
      i++;
    } else if (c === 40) {
      open++; // (
      i++;
    } else if (c === 45 || c === 0x2212) {
      minus++; // - −
      i++;
    } else if (c === 43) {
      plus++;
      i++;
    } else if (isAffixChar(s, i)) {
      const from = i;
      while (i < j && isAffixChar(s, i)) i++;
      if (i < j && s.charCodeAt(i) === 46) i++; // "Rs.", "Fr." abbreviations
      affixes += ' ' + s.slice(from, i);
    } else break;
  }
  while (j > i) {
    const c = s.charCodeAt(j - 1);
    if (isSpaceChar(s, j - 1)) {
      j--;
    } else if (c === 41) {
      close++; // )
      j--;
    } else if (c === 45 || c === 0x2212) {
      minus++; // a trailing minus, as SAP writes it
      j--;
    } else if (isAffixChar(s, j - 1) || (c === 46 && j - 2 >= i && isAffixChar(s, j - 2))) {
      const to = j;
      if (c === 46) j--; // "zł.", "Mio."
      while (j > i && isAffixChar(s, j - 1)) j--;
      affixes += ' ' + s.slice(j, to);
    } else break;
  }
  if (i >= j) {
    // Nothing numeric is left: letters only ("abc", "n/a" minus the slash) or only signs ("- -").
    return affixes !== '' || open > 0
      ? refuse(slot, 'amount.unparseable', NOT_A_NUMBER, NaN)
      : refuse(slot, 'amount.dash', DASH, NaN);
  }
  const problem = affixes === '' ? '' : affixProblem(affixes);
  if (problem === 'scale') {
    return refuse(slot, 'amount.scaleSuffix', SCALE, NaN);
  }
  if (problem === 'exponent') return refuse(slot, 'amount.unparseable', NOT_A_NUMBER, NaN);
  if (open !== close || open > 1) return refuse(slot, 'amount.unparseable', PARENTHESES, NaN);
  if (minus + plus + open > 1) {
    return refuse(slot, 'amount.sign', SIGNS, NaN);
  }
  const negative = minus > 0 || open > 0;
  const core = s.slice(i, j);

  if (core.includes('e') || core.includes('E')) return readExponentForm(core, negative, decimal, slot);

  // Count the separators; any other character means this is not a number.
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let spaces = 0;
  let apostrophes = 0;
  for (let k = 0; k < core.length; k++) {
    const c = core.charCodeAt(k);
    if (c >= 48 && c <= 57) continue;
    if (c === 46) {
      dots++;
      lastDot = k;
    } else if (c === 44) {
      commas++;
      lastComma = k;
    } else if (isGroupSpace(c)) spaces++;
    else if (c === 39 || c === 0x2019) apostrophes++;
    else return refuse(slot, 'amount.unparseable', c === 37 ? PERCENT : NOT_A_NUMBER, NaN);
  }
  if (spaces > 0 && apostrophes > 0) return refuse(slot, 'amount.separators', MIXED_GROUPS, NaN);
  const groupChar = spaces > 0 ? 'space' : apostrophes > 0 ? 'apostrophe' : '';

  // Decide which separator is the decimal one (SPEC §1.2).
  let decimalAt = -1;
  let thousands = groupChar; // '', 'space', 'apostrophe', '.' or ','
  let guessed = '';
  if (dots > 0 && commas > 0) {
    // Both occur: the last one is the decimal separator, and it may occur only once.
    if (groupChar !== '') return refuse(slot, 'amount.separators', SEPARATORS, NaN);
    const decimalChar = lastDot > lastComma ? '.' : ',';
    if ((decimalChar === '.' ? dots : commas) > 1) {
      return refuse(slot, 'amount.separators', issueMessage('amount.decimalTwice', { separator: decimalChar }), NaN);
    }
    decimalAt = Math.max(lastDot, lastComma);
    thousands = decimalChar === '.' ? ',' : '.';
  } else if (dots > 0 || commas > 0) {
    const char = dots > 0 ? '.' : ',';
    const count = dots + commas;
    const last = dots > 0 ? lastDot : lastComma;
    if (groupChar !== '') {
      // Thousands are already grouped by spaces or apostrophes ("1 234,56", "1'234.56"):
      // the one '.' or ',' can only be the decimal separator.
      if (count > 1) return refuse(slot, 'amount.separators', SEPARATORS, NaN);
      decimalAt = last;
    } else if (count > 1) {
      thousands = char; // a separator that occurs twice can only group thousands: "1.234.567"
    } else if (char === decimal) {
      decimalAt = last;
    } else {
      thousands = char;
      guessed = char;
    }
  }

  const intPart = decimalAt < 0 ? core : core.slice(0, decimalAt);
  const fracDigits = decimalAt < 0 ? '' : core.slice(decimalAt + 1);
  if (!/^\d*$/.test(fracDigits)) return refuse(slot, 'amount.separators', GROUP_AFTER_DECIMAL, NaN);
  let intDigits = intPart;
  if (thousands !== '') {
    const groups = intPart.split(thousands === 'space' ? /[ \u00a0\u202f\u2009]/ : thousands === 'apostrophe' ? /['\u2019]/ : thousands);
    const ok = groups.every((g, n) => (n === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3) && /^\d+$/.test(g));
    if (!ok) {
      const why = guessed === '' ? GROUPING : issueMessage('amount.groupingHint', { separator: guessed });
      return refuse(slot, 'amount.grouping', why, NaN);
    }
    intDigits = groups.join('');
  }
  if (intDigits === '' && fracDigits === '') return refuse(slot, 'amount.unparseable', NOT_A_NUMBER, NaN);
  const cents = centsFromDigits(negative, intDigits, fracDigits);
  return cents === null ? refuse(slot, 'amount.tooLarge', TOO_LARGE, NaN) : cents;
}

/** "1.5E+3", "2e-2": scientific notation, as some exports write large or tiny numbers. */
function readExponentForm(core: string, negative: boolean, decimal: DecimalSeparator, slot: RejectionSlot): number {
  const m = EXPONENT_FORM.exec(core);
  if (m === null) return refuse(slot, 'amount.unparseable', NOT_A_NUMBER, NaN);
  const intDigits = m[1] ?? '';
  const fracDigits = m[3] ?? '';
  if ((intDigits === '' && fracDigits === '') || (m[2] === ',' && decimal !== ',')) {
    return refuse(slot, 'amount.unparseable', NOT_A_NUMBER, NaN);
  }
  const plain = shiftDecimalPoint(intDigits, fracDigits, Number(m[4]));
  const cents = plain === null ? null : centsFromDigits(negative, plain[0], plain[1]);
  return cents === null ? refuse(slot, 'amount.tooLarge', TOO_LARGE, NaN) : cents;
}

/**
 * Reads an amount cell into cents (SPEC §1.2). Never throws.
 *
 * Numbers are normalised to 15 significant digits and rounded to cents half away from zero.
 * Text is read digit by digit: surrounding spaces, currency symbols and codes (`€`, `zł`,
 * `EUR` …) are dropped; parentheses, a leading or trailing `-` or `−` make it negative;
 * thousands may be grouped by `,` `.` space, no-break spaces or apostrophes. When both `.` and
 * `,` occur the last is the decimal separator; a `.` or `,` that occurs more than once groups
 * thousands; a single one after space/apostrophe groups is the decimal separator; otherwise
 * `decimal` decides. Groups after a thousands separator must have three digits. Refused:
 * empty cells ("missing"), a lone dash (we do not guess it means zero), letters only,
 * letters inside the number, scale suffixes (`1.5k`), logical values, dates, Excel errors.
 * @example parseAmount('€ 1.234,56', '.') // { ok: true, value: 123456 }
 * @example parseAmount('(1,234.56)', '.') // { ok: true, value: -123456 }
 * @example parseAmount('1.234', ',') // { ok: true, value: 123400 }
 * @example parseAmount('-', '.') // { ok: false, code: 'amount.dash', reason: 'a dash is not an amount' }
 */
export function parseAmount(cell: CellValue, decimal: DecimalSeparator): Parsed<Cents> {
  const slot = rejectionSlot();
  const cents = readAmount(cell, decimal, slot);
  return toParsed(cents as Cents, Number.isNaN(cents), slot);
}
