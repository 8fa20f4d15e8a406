/** Intake: reading a transaction table into columnar transactions (SPEC §1). */
export { isCellError, type CellError, type CellValue, type Grid } from './cellValue';
export type { Transactions } from './transactions';
export { FIELDS, REQUIRED_FIELDS, type Field } from './fields';
export { HEADER_SYNONYMS, FX_HEADER_SYNONYMS, LANGUAGES, type Language, type SynonymTable, type FxField } from './headerSynonyms';
export { normaliseHeader, headerKey, withoutTrailingNote } from './normaliseHeader';
export {
  mapColumns,
  matchHeader,
  type ColumnMapping,
  type HeaderFailure,
  type HeaderSpec,
  type MappedColumn,
  type MappedHeader,
} from './mapColumns';
export { detectHeader, HEADER_SEARCH_ROWS, type DetectedHeader } from './detectHeader';
export { TRANSACTION_HEADERS } from './transactionHeaders';
export type { Parsed, Rejection } from './parsed';
export { EXCEL_ERROR_LITERALS, excelErrorOf, excelErrorReason, CELL_ERROR_CODE } from './excelError';
export { isBlankCell } from './isBlankCell';
export { cellText, headerText } from './cellText';
export { parseDate, MAX_SERIAL, SERIAL_60_REASON, type DateOrder } from './parseDate';
export { detectDateOrder, isDayFirstEvidence } from './detectDateOrder';
export { parseAmount, DASH_REASON, type DecimalSeparator } from './parseAmount';
export { parseText, numberText, type TextField } from './parseText';
export { parseCurrency, CURRENCY_SYMBOLS } from './parseCurrency';
export { parseFxTable, FX_HEADERS, type FxTable, type FxTableOptions, type FxTableResult } from './parseFxTable';
export { StringInterner, compactNames } from './stringInterner';
export {
  intake,
  type IntakeFailure,
  type IntakeIssue,
  type IntakeOptions,
  type IntakeOutcome,
  type IntakeResult,
  type OptionFailure,
} from './intake';
