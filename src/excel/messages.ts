/**
 * The Excel adapter's user-facing texts, in English, in one object keyed by code — Office
 * error codes (`OfficeExtension.Error.code`) and the adapter's own — so the task pane can
 * translate them later. Each says what failed and what to do. `{operation}` is filled with
 * an {@link OPERATION_TEXTS} entry, `{detail}` with specifics (a sheet or table name, a
 * version).
 */
export const EXCEL_MESSAGES = {
  // Office error codes
  InvalidOperationInCellEditMode: 'A cell is being edited, so Excel could not let AccountDesk {operation}. Press Enter (or Esc) to leave the cell and run again.',
  RequestPayloadSizeLimitExceeded:
    'Excel refused a block of data as too large while AccountDesk was trying to {operation}, even after retrying with smaller blocks. Select fewer rows or columns, or use Excel for Windows or Mac, and run again.',
  ResponsePayloadSizeLimitExceeded:
    'Excel refused a block of data as too large while AccountDesk was trying to {operation}, even after retrying with smaller blocks. Select fewer rows or columns, or use Excel for Windows or Mac, and run again.',
  OperationCellsExceedLimit: 'The range is too large for Excel to {operation} in one step. Select a smaller range and run again.',
  RangeExceedsLimit: 'The range is too large for Excel to {operation} in one step. Select a smaller range and run again.',
  ItemNotFound: 'Excel could not find a sheet, table or range while AccountDesk was trying to {operation}; it may have been renamed or deleted during the run. Check the workbook and run again.',
  ItemAlreadyExists: 'A sheet or table with the same name appeared while AccountDesk was trying to {operation}. Run again; AccountDesk will choose another name.',
  InvalidArgument: 'Excel rejected something AccountDesk sent while trying to {operation}. This is a bug in AccountDesk: please send us the log from the task pane.',
  InvalidOperation: 'Excel did not allow AccountDesk to {operation}; the workbook or a sheet may be protected. Unprotect it (Review › Unprotect) and run again.',
  AccessDenied: 'Excel did not allow AccountDesk to {operation}; the workbook may be read-only or protected. Open an editable copy and run again.',
  InvalidSelection: 'The current selection cannot be used. Select one block of cells (or a single cell inside your data) and run again.',
  GeneralException: 'Excel reported an internal error while AccountDesk was trying to {operation}. Save the workbook and run again; if it happens again, select a smaller range.',
  ApiNotFound: 'This version of Excel lacks a feature AccountDesk needs to {operation}. {detail}',
  // The adapter's own codes
  ExcelTooOld:
    'AccountDesk needs Excel with the ExcelApi {detail} feature set: Microsoft 365 (Excel for Windows version 2008 or later), Excel 2021 or later, Excel on the web, or Excel for Mac 16.40 or later. This Excel (for example Excel 2019 or 2016) is too old. Update Excel, or use Excel on the web.',
  SourceEmpty: 'The sheet {detail} has no data to analyse. Select your data (or a cell inside it) and run again.',
  SourceSheetNotFound: 'There is no sheet named {detail} in this workbook. Choose the sheet with your data and run again.',
  SourceTableNotFound: 'There is no table named {detail} in this workbook. Choose the table with your data and run again.',
  SourceIsReport: 'The sheet {detail} is an AccountDesk report. Select the sheet with your transactions (or a cell in them) and run again.',
  ReadTooLarge: 'Excel returned no values for a block of {detail} cells (too large to read at once). Select fewer rows or columns and run again.',
  Unknown: 'Excel reported an error ({detail}) while AccountDesk was trying to {operation}. Run again; if it happens again, please send us the log from the task pane.',
} as const;

export type ExcelMessageCode = keyof typeof EXCEL_MESSAGES;

/** What the adapter was doing, as it reads after "trying to …". */
export const OPERATION_TEXTS = {
  read: 'read the data',
  write: 'write the reports',
  swap: 'replace the previous reports',
  cleanup: 'remove unfinished report sheets',
  check: 'check the Excel version',
  readSettings: 'read the saved settings',
  saveSettings: 'save the settings in the workbook',
  readPlan: 'read the commission plan',
  savePlan: 'save the commission plan',
  navigate: 'go to that sheet or cell',
} as const;

export type ExcelOperation = keyof typeof OPERATION_TEXTS;

/**
 * The English message for a code, with placeholders filled.
 * @example excelMessage('SourceSheetNotFound', 'read', 'Sales') // "There is no sheet named Sales …"
 */
export function excelMessage(code: ExcelMessageCode, operation: ExcelOperation, detail = ''): string {
  return EXCEL_MESSAGES[code]
    .replace(/\{operation\}/g, OPERATION_TEXTS[operation])
    .replace(/\{detail\}/g, detail)
    .replace(/\s+$/, '');
}
