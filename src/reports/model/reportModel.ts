/**
 * The ReportModel: one pure, JSON-serialisable description of the report sheets that both
 * sinks render identically — the CLI's exceljs sink (`src/cli/xlsxSink.ts`) and the add-in's
 * Office JS sink (`src/excel`). It holds no class instances, functions, `Date`s, `bigint`s,
 * `NaN` or `Infinity`: `JSON.parse(JSON.stringify(model))` deep-equals the model.
 *
 * Conventions
 * - Rows and columns are 0-based; row 0 is sheet row 1, column 0 is column A.
 * - Cells are stored densely, row-major, from A1 (`rows[r][c]`): a chunk of rows maps directly
 *   onto one rectangular Office JS `values`/`formulas`/`numberFormat` write. A row may be
 *   shorter than the sheet's width; missing and `null` cells are empty.
 * - Colours are `#RRGGBB` (Office JS' own notation; exceljs gets `FFRRGGBB`).
 * - Number formats are resolved Excel format codes in invariant (English) syntax — see
 *   `src/reports/formats.ts`. Styles are semantic names resolved in the model's one
 *   {@link StyleTable}.
 * - Formulas are English A1 formulas starting with `=`, with their cached result. A formula
 *   that refers to another report sheet writes the token `{{sheet:KEY}}` (see
 *   `sheetToken`) in place of the quoted sheet name, because the final name is known only
 *   to the sink (a user's sheet may already have the wanted name).
 */
import type { DayNumber } from '../../core/periods/dayNumber';
import type { GridRange } from '../a1';
import type { ReportLanguage } from '../formats';

export type { GridRange } from '../a1';

/** Semantic style names; each is resolved once, in {@link ReportModel.styles}. */
export type StyleName =
  | 'title' // sheet title (merged across the header block)
  | 'subtitle' // as-of date, currency, scope under the title
  | 'header' // column headers
  | 'label' // row labels of key-figure blocks ("HHI", "CR5")
  | 'total' // totals rows
  | 'note' // explanatory notes under tables
  | 'input' // values a user may edit (commission plan), blue as finance convention has it
  | 'derived' // a value the engine derived (quarterly quota = annual / 4)
  | 'good' // Met, Growing, check = 0
  | 'warn' // Near, Declining, At risk
  | 'bad' // Below, Dormant, Review, check ≠ 0
  | 'muted'; // No quota, not applicable

/** `#RRGGBB`. */
export type Color = string;

export type BorderLine = 'thin' | 'medium' | 'thick' | 'double' | 'dashed' | 'dotted';

export interface BorderEdge {
  readonly line: BorderLine;
  readonly color: Color;
}

export interface CellStyle {
  readonly font?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly underline?: boolean;
    /** Points. */
    readonly size?: number;
    readonly color?: Color;
  };
  /** Solid background fill. */
  readonly fill?: Color;
  readonly border?: {
    readonly top?: BorderEdge;
    readonly bottom?: BorderEdge;
    readonly left?: BorderEdge;
    readonly right?: BorderEdge;
  };
  readonly alignment?: {
    readonly horizontal?: 'left' | 'center' | 'right';
    readonly vertical?: 'top' | 'center' | 'bottom';
    readonly wrap?: boolean;
    readonly indent?: number;
  };
}

/** The one style table both sinks share; conditional formats use it too (font and fill only). */
export type StyleTable = Readonly<Record<StyleName, CellStyle>>;

interface CellBase {
  readonly style?: StyleName;
  /**
   * Resolved Excel number format code (e.g. `0.0%`). Absent = `General`, except date cells
   * (`yyyy-mm-dd`) and text cells that must stay text (`@`) — see `effectiveFormat`.
   */
  readonly format?: string;
}

export interface TextCell extends CellBase {
  readonly kind: 'text';
  readonly text: string;
  /**
   * Set when the text must be stored as text although an application would read it as
   * something else — a formula (`=`, `+`, `-`, `@` …, see `src/reports/safeText.ts`), a
   * number, date or boolean. The Office JS sink gives such cells the number format `@`
   * before writing the value; exceljs writes every string as a string anyway.
   */
  readonly asText?: true;
}

export interface NumberCell extends CellBase {
  readonly kind: 'number';
  /** Finite. */
  readonly value: number;
}

export interface DateCell extends CellBase {
  readonly kind: 'date';
  /** Excel 1900-system serial day (integer). */
  readonly day: DayNumber;
}

export interface BooleanCell extends CellBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** Value of a formula as the engine computed it. Dates are serial numbers. */
export type CachedValue = number | string | boolean;

export interface FormulaCell extends CellBase {
  readonly kind: 'formula';
  /** English A1 formula starting with `=`, e.g. `=MAX(0,MIN($C$5,E7)-D7)*F7`. */
  readonly formula: string;
  /** The engine's value, written as the cached result so non-recalculating viewers show it. */
  readonly cached: CachedValue;
}

/** A cell with no value that still carries a style (a filled header gap, a bordered total). */
export interface EmptyCell extends CellBase {
  readonly kind: 'empty';
}

export type Cell = TextCell | NumberCell | DateCell | BooleanCell | FormulaCell | EmptyCell;

/** A range on a sheet of the model, by the sheet's key (its final name is the sink's choice). */
export interface SheetRangeRef {
  readonly sheet: string;
  readonly range: GridRange;
}

export interface ColumnSpec {
  /**
   * Width as the .xlsx file and exceljs store it (characters of the default font plus
   * padding: Excel's default column is 9.140625, shown as 8.43 in its dialog); Office JS
   * needs points: see `columnWidthPoints`.
   */
  readonly width: number;
}

export interface RowHeight {
  readonly row: number;
  /** Points. */
  readonly height: number;
}

export interface FrozenPanes {
  /** Rows frozen at the top (0 = none). */
  readonly rows: number;
  /** Columns frozen at the left (0 = none). */
  readonly cols: number;
}

export interface ExcelTable {
  /**
   * Unique across the workbook (case-insensitive), a legal Excel name (see `tableName`).
   * A sink may still rename it when the target workbook already uses the name.
   */
  readonly name: string;
  /** Header row plus at least one data row. Header cells are unique, non-empty text cells. */
  readonly range: GridRange;
  /** `TableStyleLight1–21`, `TableStyleMedium1–28`, `TableStyleDark1–11`. */
  readonly style: string;
  readonly showRowStripes: boolean;
  /** Filter buttons in the header row. */
  readonly autoFilter: boolean;
}

export type CellValueOperator =
  | 'equal'
  | 'notEqual'
  | 'greaterThan'
  | 'greaterThanOrEqual'
  | 'lessThan'
  | 'lessThanOrEqual'
  | 'between'
  | 'notBetween';

/** Highlight cells whose value compares with one or two formulas (e.g. `0.9`, `"Met"`, `$B$2`). */
export interface CellValueRule {
  readonly kind: 'cellValue';
  readonly range: GridRange;
  readonly operator: CellValueOperator;
  /**
   * Formulas without the leading `=` (as the xlsx `<formula>` element holds them; the
   * Office JS sink prefixes `=` for `formula1`/`formula2`); two for between / notBetween.
   */
  readonly formulas: readonly [string] | readonly [string, string];
  readonly style: StyleName;
}

/** Highlight cells whose text matches (case-insensitive, as Excel's text rules). */
export interface TextRule {
  readonly kind: 'text';
  readonly range: GridRange;
  readonly operator: 'contains' | 'notContains' | 'beginsWith' | 'endsWith';
  readonly text: string;
  readonly style: StyleName;
}

/** In-cell bars proportional to the value: from 0 to the range's maximum (Office JS: lower bound Number 0, upper bound Highest). */
export interface DataBarRule {
  readonly kind: 'dataBar';
  readonly range: GridRange;
  readonly color: Color;
  /** Gradient fill (Excel 2007 look); false = solid bars. */
  readonly gradient: boolean;
}

/** Conditional formats of a sheet; earlier entries have higher priority. */
export type ConditionalFormat = CellValueRule | TextRule | DataBarRule;

export interface ChartSeries {
  /** Legend text. */
  readonly name: string;
  /** Optional header cell holding the name (then the legend follows the cell). */
  readonly nameRef?: SheetRangeRef;
  readonly categories: SheetRangeRef;
  /** One row or one column, as long as the categories. */
  readonly values: SheetRangeRef;
  /** Only for `combo` charts: how this series is drawn. */
  readonly type?: 'column' | 'line';
  readonly color?: Color;
}

export interface ChartSpec {
  /** `columnClustered`; `line` with markers; `combo`: clustered columns plus lines on one value axis. */
  readonly type: 'columnClustered' | 'line' | 'combo';
  readonly title: string;
  readonly series: readonly ChartSeries[];
  /** Top-left cell of the chart (0-based). */
  readonly anchor: { readonly row: number; readonly col: number };
  /**
   * Size in whole columns and rows: the chart's bottom-right corner is the top-left corner of
   * cell (row + rows, col + cols) — for Office JS `setPosition(start, end)`, `end` is the
   * cell (row + rows − 1, col + cols − 1).
   */
  readonly size: { readonly cols: number; readonly rows: number };
  readonly categoryAxisTitle?: string;
  readonly valueAxisTitle?: string;
  /** Format code of the value-axis labels (e.g. money without decimals). */
  readonly valueFormat?: string;
  readonly legend: 'bottom' | 'right' | 'top' | 'none';
}

export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** Scale to one page wide, as many pages tall as needed. */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every printed page. */
  readonly repeatRows?: { readonly first: number; readonly count: number };
}

export interface ReportSheet {
  /**
   * Stable identity (`quarterly`, `commission`, `forecast`, `accounts`, `issues`): used for
   * references between sheets and by the add-in's owned-sheet mark. Unique in the model.
   */
  readonly key: string;
  /** Wanted display name (localised), legal per `legalSheetName`. The sink makes it unique. */
  readonly name: string;
  readonly tabColor?: Color;
  /** False hides gridlines (report look). Default true. */
  readonly showGridLines?: boolean;
  /** Widths of columns 0…n-1; columns beyond keep Excel's default. */
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly (Cell | null)[])[];
  readonly rowHeights?: readonly RowHeight[];
  /** Non-overlapping; only the top-left cell of a merge has a value. */
  readonly merges?: readonly GridRange[];
  readonly freeze?: FrozenPanes;
  readonly tables?: readonly ExcelTable[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly charts?: readonly ChartSpec[];
  readonly print?: PrintSetup;
}

export interface ReportModel {
  /** Bumped on incompatible changes, so persisted golden files are recognised. */
  readonly version: 1;
  /** Language of labels and number formats. */
  readonly language: ReportLanguage;
  readonly styles: StyleTable;
  /** In workbook order. */
  readonly sheets: readonly ReportSheet[];
}
