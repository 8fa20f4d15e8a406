/**
 * Number formats: semantic kinds (money, percent, date …) resolved to Excel format codes.
 *
 * Format codes are stored in Excel's invariant syntax (`,` = thousands, `.` = decimals,
 * English colour names); Excel and LibreOffice show them with the reader's own separators,
 * so the same code is right for every language. Currency symbols are quoted literals, which
 * Excel, LibreOffice and exceljs all render as written (locale tags like `[$€-407]` are
 * avoided: exceljs and older viewers treat them inconsistently). The language only moves
 * the symbol: before the number in English (`€1,234.56`), after it with a space in German,
 * Spanish and Polish (`1.234,56 €`, `1 234,56 zł`), as each language writes money.
 */

import type { Language } from './i18n/language';

/** Report languages (SPEC §8): the languages of the message catalog. */
export type ReportLanguage = Language;

/** What a number means; the sink never sees this, only the resolved format code. */
export type FormatKind =
  | 'general'
  | 'text'
  | 'money' // currency, 2 decimals (or the currency's minor units)
  | 'moneyWhole' // currency without decimals (chart axes, headline figures)
  | 'integer' // #,##0
  | 'decimal' // #,##0.00
  | 'percent' // 0.0%
  | 'percentChange' // +0.0% / -0.0% (growth)
  | 'rate' // 0.00% (commission rates such as 2.5 %)
  | 'ratio' // 0.00 (plain factor)
  | 'date'; // yyyy-mm-dd

export interface FormatContext {
  /** ISO 4217 code of the reporting currency; undefined = no currency known. */
  readonly currency?: string | undefined;
  readonly language: ReportLanguage;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  EUR: '€',
  USD: '$',
  GBP: '£',
  PLN: 'zł',
  JPY: '¥',
  CHF: 'CHF',
  CZK: 'Kč',
  SEK: 'kr',
  NOK: 'kr',
  DKK: 'kr',
  HUF: 'Ft',
  MXN: 'MX$',
  ARS: 'ARS',
  CAD: 'CA$',
  AUD: 'A$',
};

// ISO 4217 minor units that differ from 2.
const MINOR_UNITS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, CLP: 0, ISK: 0, VND: 0, BHD: 3, KWD: 3, OMR: 3, TND: 3, JOD: 3 };

/** The symbol shown for a currency: a common sign where one is unambiguous, else the ISO code. */
export function currencySymbol(code: string): string {
  const c = code.toUpperCase();
  return SYMBOLS[c] ?? c;
}

function quoted(literal: string): string {
  return `"${literal.replace(/"/g, '')}"`;
}

function moneyFormat(ctx: FormatContext, decimals: number): string {
  const number = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  if (ctx.currency === undefined || ctx.currency === '') return `${number};[Red]-${number}`;
  const sym = quoted(currencySymbol(ctx.currency));
  if (ctx.language === 'en') return `${sym}${number};[Red]-${sym}${number}`;
  return `${number} ${sym};[Red]-${number} ${sym}`;
}

/**
 * The Excel format code for a kind of number.
 * @example numberFormat('money', { currency: 'EUR', language: 'en' }) // '"€"#,##0.00;[Red]-"€"#,##0.00'
 * @example numberFormat('money', { currency: 'PLN', language: 'pl' }) // '#,##0.00 "zł";[Red]-#,##0.00 "zł"'
 * @example numberFormat('percent', { language: 'de' }) // '0.0%'
 */
export function numberFormat(kind: FormatKind, ctx: FormatContext): string {
  switch (kind) {
    case 'general':
      return 'General';
    case 'text':
      return '@';
    case 'money':
      return moneyFormat(ctx, ctx.currency === undefined ? 2 : MINOR_UNITS[ctx.currency.toUpperCase()] ?? 2);
    case 'moneyWhole':
      return moneyFormat(ctx, 0);
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '#,##0.00';
    case 'percent':
      return '0.0%';
    case 'percentChange':
      return '+0.0%;-0.0%;0.0%';
    case 'rate':
      return '0.00%';
    case 'ratio':
      return '0.00';
    case 'date':
      return 'yyyy-mm-dd';
  }
}

/** True for format codes that show a date or time (so a number cell is a date). */
export function isDateFormat(code: string): boolean {
  const stripped = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(stripped) && !/^General$/i.test(code);
}
