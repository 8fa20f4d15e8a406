/**
 * The reports layer's public surface (DESIGN.md §1): the builders that turn engine results into
 * a ReportModel, the model itself with its helpers, formats, safe text, sheet names and the
 * message catalog shared with the task pane.
 */
export * from './build';
export * from './model';
export { numberFormat, currencySymbol, isDateFormat, type FormatKind, type FormatContext, type ReportLanguage } from './formats';
export { isFormulaLike, mustBeText } from './safeText';
export { legalSheetName, uniqueSheetName, isLegalSheetName, MAX_SHEET_NAME_LENGTH } from './sheetName';
export { a1, rangeA1, columnLetters, sheetRangeRef, quoteSheetName, type GridRange } from './a1';
export { message, translator, monthName, type MessageKey, type MessageParams, type Translate } from './i18n/catalog';
export { LANGUAGES, languageFromTag, type Language } from './i18n/language';
