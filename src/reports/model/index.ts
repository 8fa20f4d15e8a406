/** The ReportModel and its small pure helpers: the contract between builders and sinks. */
export type * from './reportModel';
export { textCell, numberCell, dateCell, booleanCell, formulaCell, emptyCell, type CellOptions } from './cells';
export { effectiveFormat, DEFAULT_DATE_FORMAT } from './effectiveFormat';
export { reportStyles } from './reportStyles';
export { sheetToken, sheetTokenKeys, resolveSheetTokens } from './sheetToken';
export { legalTableName, uniqueTableName } from './tableName';
export { styleRectangles, type StyleRectangles } from './styleRectangles';
export { columnWidthPoints } from './columnWidthPoints';
export { sheetWidth, cellAt } from './sheetWidth';
export { validateModel } from './validateModel';
export type { RenamedTable, WrittenSheet } from './sinkResult';
