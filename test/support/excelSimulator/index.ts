/**
 * In-memory Excel for tests (not shipped): see `simulator.ts` and README.md in this folder.
 */
export { ExcelSimulator, type SimulatorOptions, type WorkbookSeed, type SheetSeed, type SimStats, type SyncRecord, type CellDump, type SheetDump, type WorkbookDump } from './simulator';
export { SimOfficeError, type SimErrorCode } from './errors';
export { isValidFormula, parseFormula, evaluate, rewriteSheetRefs } from './formula';
export { coerceString, sheetNameProblem, tableNameProblem } from './state';
