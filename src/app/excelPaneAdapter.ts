/**
 * The task pane's port to the workbook (DESIGN.md §1: ports live in src/app): what the pane's
 * actions (src/taskpane/excelPaneActions.ts) need of Excel besides the engine. src/excel's
 * `officePaneAdapter` implements it over the Excel JavaScript API; the playground runs that implementation
 * against the Excel simulator, and tests may pass fakes.
 */
import type { CellValue, Grid } from '../core/intake/cellValue';
import type { ReportModel, WrittenSheet } from '../reports/model';
import type { CancelToken, GridSource, Progress } from './ports';
import type { SheetRole } from './sheetRoles';

/** Where the transactions were found: the selection, an Excel table, or the used range of a sheet. */
export type SourceKind = 'selection' | 'table' | 'usedRange';

/** Which table a read takes: a named Excel table, a sheet's used range, or one block of a sheet. */
export type SourceTarget =
  | { readonly kind: 'auto' }
  | { readonly kind: 'table'; readonly table: string }
  | { readonly kind: 'sheet'; readonly sheet: string }
  /** A block the user selected (`address` without the sheet, e.g. `A3:G6447`), read as it is: nothing is selected. */
  | { readonly kind: 'range'; readonly sheet: string; readonly address: string };

/** A block of cells on a sheet, 0-based (as `getRangeByIndexes` in Excel). */
export interface SheetBlock {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** Where the adapter found the transactions (ExcelGridSource `describe()`). */
export interface SourceLocation {
  /** `selection` also for a `range` target: a block the user selected earlier. */
  readonly kind: SourceKind;
  /** The whole block, title rows above the header included. */
  readonly block: SheetBlock;
  readonly table?: string;
  /** Auxiliary sheets found (Quotas, Commission Plan …), in workbook order. */
  readonly auxiliary: readonly SheetRole[];
  /** Several areas were selected, so the selection could not be used. */
  readonly selectionIgnored: boolean;
}

/** The used range of a sheet: its values (`grid.firstRow` is its first sheet row) and its first column. */
export interface UsedRange {
  readonly grid: Grid;
  /** 0-based sheet column of the range's first column. */
  readonly firstColumn: number;
}

/** A sheet of the workbook, and whether AccountDesk created it (owned-sheet mark). */
export interface WorkbookSheet {
  readonly name: string;
  readonly owned: boolean;
}

/**
 * What the pane needs of the workbook. Every method rejects with an error carrying a string `code`
 * (the Excel API error codes, or the adapter's own such as `SourceEmpty`) and a user message.
 */
export interface ExcelPaneAdapter {
  /** Finds the transactions without reading them. */
  locate(target: SourceTarget): Promise<SourceLocation>;
  /** A chunked, cancellable reader of the transactions and the auxiliary sheets; never changes the selection. */
  source(target: SourceTarget): GridSource;
  /** The values of one block (a few rows: the header search). */
  readBlock(block: SheetBlock): Promise<CellValue[][]>;
  /** Writes the report sheets (owned, swapped in only when all succeeded). */
  writeReports(model: ReportModel, protectSheets: readonly string[], progress: Progress, cancel: CancelToken): Promise<readonly WrittenSheet[]>;
  /** The sheets in workbook order. */
  sheets(): Promise<readonly WorkbookSheet[]>;
  /** The used range of a sheet (values only), or `null` when the sheet is blank. */
  readUsedRange(sheet: string): Promise<UsedRange | null>;
  /**
   * Replaces the contents of a visible sheet (created at the end when missing) with `rows` from
   * A1, every cell written as text (`@`), so `5%` stays the text the plan parser reads exactly.
   */
  writeTextSheet(sheet: string, rows: readonly (readonly CellValue[])[]): Promise<void>;
  /** `workbook.settings` values by key (`undefined` when not set). */
  readSettings(keys: readonly string[]): Promise<Readonly<Record<string, unknown>>>;
  /** Sets `workbook.settings` values, in one batch. */
  writeSettings(entries: Readonly<Record<string, unknown>>): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** Activates the sheet and selects `address` (A1, without the sheet): navigation only, never part of a read. */
  selectRange(sheet: string, address: string): Promise<void>;
}
