/**
 * The Excel adapter's public surface (DESIGN.md §1): the only code that names `Excel`,
 * `Office` or `OfficeExtension`. The task pane's composition root wires these in.
 */
export { ExcelGridSource, type ExcelGridSourceOptions, type SourceDescription, type SourceKind, type SheetBlock, type ReadStats } from './excelGridSource';
export {
  ExcelReportSink,
  type ExcelReportSinkOptions,
  type ExcelSinkResult,
  type ExcelSinkStats,
  type WrittenSheet,
  type RenamedTable,
} from './excelReportSink';
export { checkRequirements, supports, REQUIRED_EXCEL_API, FEATURE_SETS, type RequirementCheck, type ExcelFeature, type IsSetSupported } from './requirements';
export { ExcelAdapterError, officeErrorMessage, isOfficeError, isPayloadLimitError, type ExcelErrorReport } from './officeErrorMessage';
export { EXCEL_MESSAGES, OPERATION_TEXTS, excelMessage, type ExcelMessageCode, type ExcelOperation } from './messages';
export { OWNED_PROPERTY } from './ownedSheets';
export { planChunks, rowsPerChunk, payloadBudget, DEFAULT_BUDGET, syncBound, type PayloadBudget, type ChunkPlan, type RowChunk } from './planChunks';
export { officePaneAdapter, excelRun, gridSourceOptions, type OfficePaneAdapterOptions } from './officePaneAdapter';
