/**
 * A mutable drawing board for one report sheet: builders place cells by position and collect
 * merges, tables, conditional formats and charts, then freeze it into a plain `ReportSheet`.
 * Kept separate from the model so the model stays a pure, readonly value.
 */
import type { GridRange } from '../a1';
import type {
  Cell,
  ChartSpec,
  ColumnSpec,
  ConditionalFormat,
  ExcelTable,
  FrozenPanes,
  PrintSetup,
  ReportSheet,
  RowHeight,
} from '../model/reportModel';

/** The parts of a sheet that are not cells (names, widths, panes, print setup). */
export interface SheetFrame {
  readonly key: string;
  readonly name: string;
  readonly tabColor?: string;
  readonly columns: readonly ColumnSpec[];
  readonly freeze?: FrozenPanes;
  readonly print?: PrintSetup;
}

/**
 * Cells and sheet features under construction, rows and columns 0-based as in the model.
 * @example
 * const d = new SheetDraft();
 * const r = d.addRow([textCell('Revenue'), numberCell(10)]); // r === 0
 * d.toSheet({ key: 'x', name: 'X', columns: [] })
 */
export class SheetDraft {
  private readonly grid: (Cell | null)[][] = [];
  readonly merges: GridRange[] = [];
  readonly tables: ExcelTable[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly charts: ChartSpec[] = [];
  readonly rowHeights: RowHeight[] = [];
  private readonly free = new Set<number>();

  /** The next free row (one past the last row written or skipped). */
  get nextRow(): number {
    return this.grid.length;
  }

  /** The cell at a position, or null. */
  at(row: number, col: number): Cell | null {
    return this.grid[row]?.[col] ?? null;
  }

  /** Places one cell; `null` clears it. */
  set(row: number, col: number, cell: Cell | null): void {
    while (this.grid.length <= row) this.grid.push([]);
    const line = this.grid[row] as (Cell | null)[];
    while (line.length < col) line.push(null);
    line[col] = cell;
  }

  /** Places a run of cells from (row, col) to the right. */
  put(row: number, col: number, cells: readonly (Cell | null)[]): void {
    cells.forEach((cell, i) => this.set(row, col + i, cell));
  }

  /** Appends a row (cells from column `col`) and returns its index. */
  addRow(cells: readonly (Cell | null)[] = [], col = 0): number {
    const row = this.grid.length;
    this.grid.push([]);
    this.put(row, col, cells);
    return row;
  }

  /**
   * Appends a row whose text may run on over the empty cells to its right (a section title, a
   * note, a key-figure line): it does not widen its columns (see `fitColumnWidths`).
   */
  addFreeRow(cells: readonly (Cell | null)[], col = 0): number {
    const row = this.addRow(cells, col);
    this.free.add(row);
    return row;
  }

  /** Rows added with {@link addFreeRow}. */
  freeRows(): ReadonlySet<number> {
    return this.free;
  }

  /** Leaves `n` empty rows. */
  skip(n = 1): void {
    for (let i = 0; i < n; i++) this.grid.push([]);
  }

  merge(range: GridRange): void {
    this.merges.push(range);
  }

  height(row: number, points: number): void {
    this.rowHeights.push({ row, height: points });
  }

  /** The cells so far (for width fitting). */
  rows(): readonly (readonly (Cell | null)[])[] {
    return this.grid;
  }

  /** The finished sheet; empty feature lists are left out so the JSON stays small. */
  toSheet(frame: SheetFrame): ReportSheet {
    const rows = this.grid.map((line) => {
      let end = line.length;
      while (end > 0 && (line[end - 1] ?? null) === null) end--;
      return line.slice(0, end).map((c) => c ?? null);
    });
    return {
      key: frame.key,
      name: frame.name,
      ...(frame.tabColor !== undefined && { tabColor: frame.tabColor }),
      showGridLines: false,
      columns: frame.columns,
      rows,
      ...(this.rowHeights.length > 0 && { rowHeights: [...this.rowHeights].sort((a, b) => a.row - b.row) }),
      ...(this.merges.length > 0 && { merges: this.merges }),
      ...(frame.freeze !== undefined && { freeze: frame.freeze }),
      ...(this.tables.length > 0 && { tables: this.tables }),
      ...(this.conditionalFormats.length > 0 && { conditionalFormats: this.conditionalFormats }),
      ...(this.charts.length > 0 && { charts: this.charts }),
      ...(frame.print !== undefined && { print: frame.print }),
    };
  }
}
