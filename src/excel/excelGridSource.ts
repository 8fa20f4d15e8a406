/**
 * The add-in's {@link GridSource}: reads the transactions from the open workbook — the current
 * selection (when it spans more than one row), else an Excel table on the active sheet, else
 * the active sheet's used range, or a sheet, a block of a sheet or a table named in the
 * options — plus the auxiliary sheets recognised by name (Quotas, Commission Plan …; `sheetRole`).
 * Reading never selects or activates anything: the user's selection stays where it is.
 *
 * Reading is chunked (OFFICE-JS.md §1): the first chunk is sized from a pessimistic guess of
 * the bytes per cell, every later one from the largest size per cell measured so far, so each
 * response stays under the payload target (`planChunks`); one sync per chunk, progress per
 * chunk, cancellable between chunks. A chunk refused for its size is retried once at a
 * quarter of its rows. Row numbers are the sheet's own (`Grid.firstRow`).
 *
 * Values come as Office.js gives them: numbers (dates as serial day numbers, which intake
 * takes as day numbers), strings, booleans, errors as text ("#N/A"), empty cells as "".
 * Number formats are loaded only for the first {@link FORMAT_SAMPLE_ROWS} rows of the
 * transactions (header + sample), enough to tell date columns from number columns at a
 * fraction of the cost of loading them for every row (which doubles the payload).
 */
import type { SheetBlock } from '../app/excelPaneAdapter';
import { throwIfCancelled, type CancelToken, type GridSource, type Progress, type SourceTables } from '../app/ports';
import { sheetRole, type SheetRole } from '../app/sheetRoles';
import type { CellValue, Grid } from '../core/intake/cellValue';
import { ExcelAdapterError, isPayloadLimitError, toAdapterError } from './officeErrorMessage';
import { OWNED_PROPERTY } from './ownedSheets';
import { payloadBudget, rowsPerChunk, type PayloadBudget } from './planChunks';
import { supports } from './requirements';

/** Rows (header included) whose number formats are read to tell date columns. */
export const FORMAT_SAMPLE_ROWS = 50;

/** Bytes per cell assumed before anything is measured: pessimistic, so the first chunk is small. */
export const INITIAL_BYTES_PER_CELL = 64;

export interface ExcelGridSourceOptions {
  /** Read this Excel table (by name) as the transactions. */
  readonly table?: string;
  /** Read the used range of this sheet as the transactions (or, with `address`, that block of it). */
  readonly sheet?: string;
  /**
   * With `sheet`: read exactly this block (A1 without the sheet, e.g. `A3:G6447`) — a selection
   * made earlier — without selecting it. Like a selection, it is cut to the sheet's used range
   * (whole columns `A:G` read the rows that hold data); the source's kind is `selection`.
   */
  readonly address?: string;
  /** Ignore the selection even when it spans several rows. */
  readonly ignoreSelection?: boolean;
  /** Read the auxiliary sheets (default true). */
  readonly auxiliary?: boolean;
  /** Payload limits (tests lower them). */
  readonly budget?: Partial<PayloadBudget>;
  /** First-chunk guess of bytes per cell (default {@link INITIAL_BYTES_PER_CELL}). */
  readonly initialBytesPerCell?: number;
}

export type SourceKind = 'selection' | 'table' | 'usedRange';

export type { SheetBlock } from '../app/excelPaneAdapter';

/** What a read will take (for the task pane: "Reading Sales!A1:D1000001"). */
export interface SourceDescription {
  readonly kind: SourceKind;
  readonly block: SheetBlock;
  /** The table's name when the source is a table. */
  readonly table?: string;
  /** A1 address on the sheet, e.g. "A1:D1000001". */
  readonly address: string;
  readonly auxiliary: readonly { readonly role: SheetRole; readonly block: SheetBlock }[];
  /** True when several areas were selected, so the selection could not be used. */
  readonly selectionIgnored: boolean;
}

/** What the last read cost (for the log and the benchmarks). */
export interface ReadStats {
  readonly syncs: number;
  readonly chunks: number;
  /** Chunks refused for their size and read again smaller. */
  readonly retries: number;
  /** JSON bytes of the values received. */
  readonly valueBytes: number;
  /** Largest measured bytes per cell. */
  readonly bytesPerCell: number;
}

interface Dims {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

const DIMS = 'rowIndex, columnIndex, rowCount, columnCount';

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function a1(b: Omit<SheetBlock, 'sheet'>): string {
  const first = `${letters(b.col)}${b.row + 1}`;
  return b.rowCount === 1 && b.colCount === 1 ? first : `${first}:${letters(b.col + b.colCount - 1)}${b.row + b.rowCount}`;
}

function block(sheet: string, d: Dims): SheetBlock {
  return { sheet, row: d.rowIndex, col: d.columnIndex, rowCount: d.rowCount, colCount: d.columnCount };
}

function intersect(a: SheetBlock, b: SheetBlock): SheetBlock | undefined {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const endR = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const endC = Math.min(a.col + a.colCount, b.col + b.colCount);
  if (endR <= row || endC <= col) return undefined;
  return { sheet: a.sheet, row, col, rowCount: endR - row, colCount: endC - col };
}

function contains(b: SheetBlock, row: number, col: number): boolean {
  return row >= b.row && row < b.row + b.rowCount && col >= b.col && col < b.col + b.colCount;
}

/** Reads the workbook's tables through Office.js. */
export class ExcelGridSource implements GridSource {
  private readonly budget: PayloadBudget;
  private stats: ReadStats = { syncs: 0, chunks: 0, retries: 0, valueBytes: 0, bytesPerCell: 0 };
  private description: SourceDescription | undefined;

  constructor(private readonly options: ExcelGridSourceOptions = {}) {
    if (options.address !== undefined && options.sheet === undefined) throw new Error('ExcelGridSource: `address` needs `sheet`');
    this.budget = payloadBudget(options.budget);
  }

  /** Cost of the last {@link read}. */
  get lastReadStats(): ReadStats {
    return this.stats;
  }

  /** What the last {@link read} or {@link describe} found. */
  get lastDescription(): SourceDescription | undefined {
    return this.description;
  }

  /** Finds the source without reading it (two syncs). */
  async describe(): Promise<SourceDescription> {
    try {
      return await Excel.run({ delayForCellEdit: true }, async (ctx) => {
        const d = await this.locate(ctx, { count: 0 });
        this.description = d;
        return d;
      });
    } catch (e) {
      throw toAdapterError(e, 'read');
    }
  }

  async read(progress?: Progress, cancel?: CancelToken): Promise<SourceTables> {
    try {
      return await Excel.run({ delayForCellEdit: true }, (ctx) => this.readIn(ctx, progress, cancel));
    } catch (e) {
      throw toAdapterError(e, 'read');
    }
  }

  private async readIn(ctx: Excel.RequestContext, progress: Progress | undefined, cancel: CancelToken | undefined): Promise<SourceTables> {
    const counter = { count: 0 };
    const d = await this.locate(ctx, counter);
    this.description = d;
    throwIfCancelled(cancel);
    const total = d.block.rowCount + d.auxiliary.reduce((s, a) => s + a.block.rowCount, 0);
    const reader = new ChunkReader(ctx, this.budget, this.options.initialBytesPerCell ?? INITIAL_BYTES_PER_CELL, counter, total, progress, cancel);
    const transactions = await reader.read(d.block, true);
    const auxiliary: Partial<Record<SheetRole, Grid>> = {};
    for (const a of d.auxiliary) auxiliary[a.role] = await reader.read(a.block, false);
    this.stats = { syncs: counter.count, ...reader.stats() };
    return { transactions, auxiliary };
  }

  /** Finds the transactions and the auxiliary sheets: two syncs. */
  private async locate(ctx: Excel.RequestContext, counter: { count: number }): Promise<SourceDescription> {
    const o = this.options;
    const explicit = o.table !== undefined || o.sheet !== undefined;
    const markSupported = supports('ownedSheetMark');
    const first = () => {
      const wb = ctx.workbook;
      const active = wb.worksheets.getActiveWorksheet().load('name');
      return {
        sheets: wb.worksheets.load('items/name'),
        active,
        activeUsed: active.getUsedRangeOrNullObject(true).load(DIMS),
        activeTables: active.tables.load('items/name'),
        table: o.table === undefined ? undefined : wb.tables.getItemOrNullObject(o.table).load('name'),
        sheet: o.sheet === undefined ? undefined : wb.worksheets.getItemOrNullObject(o.sheet).load('name'),
      };
    };
    // getSelectedRanges (1.9) instead of getSelectedRange, which throws when several areas are selected.
    const selection = !explicit && o.ignoreSelection !== true ? ctx.workbook.getSelectedRanges().load('areaCount') : undefined;
    const selectionAreas = selection?.areas.load(`items/${DIMS.replace(/, /g, ',items/')}`);
    const s1 = first();
    counter.count++;
    await ctx.sync();
    const selectionIgnored = selection !== undefined && selection.areaCount > 1;
    const selected = selection === undefined || selectionIgnored ? undefined : selectionAreas?.items[0];

    // Second sync: the candidate ranges' sizes and the owned-sheet marks.
    const mark = (ws: Excel.Worksheet): Excel.WorksheetCustomProperty | undefined =>
      markSupported ? ws.customProperties.getItemOrNullObject(OWNED_PROPERTY).load('value') : undefined;
    let namedTableRange: Excel.Range | undefined;
    let namedTableSheet: Excel.Worksheet | undefined;
    let namedSheetUsed: Excel.Range | undefined;
    let namedBlock: Excel.Range | undefined;
    let mainMark: Excel.WorksheetCustomProperty | undefined;
    const tableRanges: { name: string; range: Excel.Range }[] = [];
    if (s1.table !== undefined) {
      if (s1.table.isNullObject) throw new ExcelAdapterError('SourceTableNotFound', 'read', { detail: o.table ?? '' });
      namedTableRange = s1.table.getRange().load(DIMS);
      namedTableSheet = s1.table.worksheet.load('name');
    } else if (s1.sheet !== undefined) {
      if (s1.sheet.isNullObject) throw new ExcelAdapterError('SourceSheetNotFound', 'read', { detail: o.sheet ?? '' });
      namedSheetUsed = s1.sheet.getUsedRangeOrNullObject(true).load(DIMS);
      // An invalid address fails this sync with InvalidArgument.
      if (o.address !== undefined) namedBlock = s1.sheet.getRange(o.address).load(DIMS);
      mainMark = mark(s1.sheet);
    } else {
      for (const t of s1.activeTables.items) tableRanges.push({ name: t.name, range: t.getRange().load(DIMS) });
      mainMark = mark(s1.active);
    }
    const auxCandidates: { role: SheetRole; name: string; used: Excel.Range; mark: Excel.WorksheetCustomProperty | undefined }[] = [];
    if (o.auxiliary !== false) {
      for (const ws of s1.sheets.items) {
        const role = sheetRole(ws.name);
        if (role === undefined) continue;
        auxCandidates.push({ role, name: ws.name, used: ws.getUsedRangeOrNullObject(true).load(DIMS), mark: mark(ws) });
      }
    }
    counter.count++;
    await ctx.sync();

    let kind: SourceKind;
    let main: SheetBlock | undefined;
    let table: string | undefined;
    let mainSheet: string;
    if (namedTableRange !== undefined && namedTableSheet !== undefined) {
      kind = 'table';
      table = o.table;
      mainSheet = namedTableSheet.name;
      main = block(mainSheet, namedTableRange);
    } else if (namedSheetUsed !== undefined && s1.sheet !== undefined) {
      mainSheet = s1.sheet.name;
      const used = namedSheetUsed.isNullObject ? undefined : block(mainSheet, namedSheetUsed);
      if (namedBlock !== undefined) {
        kind = 'selection';
        main = used === undefined ? undefined : intersect(block(mainSheet, namedBlock), used);
      } else {
        kind = 'usedRange';
        main = used;
      }
    } else {
      mainSheet = s1.active.name;
      const used = s1.activeUsed.isNullObject ? undefined : block(mainSheet, s1.activeUsed);
      const sel = selected === undefined ? undefined : block(mainSheet, selected);
      const tables = tableRanges.map((t) => ({ name: t.name, block: block(mainSheet, t.range) }));
      const inTable = sel === undefined ? undefined : tables.find((t) => contains(t.block, sel.row, sel.col));
      if (sel !== undefined && sel.rowCount > 1) {
        kind = 'selection';
        // Whole columns selected (A:D) are cut to the rows that hold data.
        main = used === undefined ? undefined : intersect(sel, used);
      } else if (inTable !== undefined || tables.length === 1) {
        const t = inTable ?? tables[0];
        kind = 'table';
        table = t?.name;
        main = t?.block;
      } else {
        kind = 'usedRange';
        main = used;
      }
    }
    if (mainMark !== undefined && !mainMark.isNullObject) throw new ExcelAdapterError('SourceIsReport', 'read', { detail: mainSheet });
    if (main === undefined) throw new ExcelAdapterError('SourceEmpty', 'read', { detail: mainSheet });

    const auxiliary: { role: SheetRole; block: SheetBlock }[] = [];
    const roles = new Set<SheetRole>();
    for (const c of auxCandidates) {
      if (roles.has(c.role) || c.name.toUpperCase() === mainSheet.toUpperCase()) continue;
      if (c.mark !== undefined && !c.mark.isNullObject) continue; // an AccountDesk report (e.g. "Commission")
      if (c.used.isNullObject) continue;
      roles.add(c.role);
      auxiliary.push({ role: c.role, block: block(c.name, c.used) });
    }
    return { kind, block: main, ...(table === undefined ? {} : { table }), address: a1(main), auxiliary, selectionIgnored };
  }
}

/** Reads blocks in row chunks sized by the payload budget, adapting to the measured bytes per cell. */
class ChunkReader {
  private measured = 0;
  private chunks = 0;
  private retries = 0;
  private valueBytes = 0;
  private done = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly budget: PayloadBudget,
    private readonly guess: number,
    private readonly counter: { count: number },
    private readonly total: number,
    private readonly progress: Progress | undefined,
    private readonly cancel: CancelToken | undefined,
  ) {}

  stats(): Omit<ReadStats, 'syncs'> {
    return { chunks: this.chunks, retries: this.retries, valueBytes: this.valueBytes, bytesPerCell: this.measured };
  }

  async read(b: SheetBlock, withFormats: boolean): Promise<Grid> {
    const ws = this.ctx.workbook.worksheets.getItem(b.sheet);
    const rows: (readonly CellValue[])[] = [];
    let numberFormats: string[][] | undefined;
    let row = 0;
    while (row < b.rowCount) {
      throwIfCancelled(this.cancel);
      let n = Math.min(rowsPerChunk(b.colCount, this.measured > 0 ? this.measured : this.guess, this.budget), b.rowCount - row);
      let values: unknown[][] | null;
      for (let attempt = 0; ; attempt++) {
        const range = ws.getRangeByIndexes(b.row + row, b.col, n, b.colCount).load('values');
        const formats =
          withFormats && row === 0 ? ws.getRangeByIndexes(b.row, b.col, Math.min(FORMAT_SAMPLE_ROWS, b.rowCount), b.colCount).load('numberFormat') : undefined;
        try {
          this.counter.count++;
          // One sync per planned chunk (OFFICE-JS.md §1 "Read or write to a large range"): O(payload / limit).
          await this.ctx.sync();
        } catch (e) {
          if (attempt > 0 || !isPayloadLimitError(e) || n === 1) throw e;
          this.retries++;
          n = Math.max(1, Math.floor(n / 4));
          continue;
        }
        values = range.values as unknown[][] | null;
        if (formats !== undefined) numberFormats = formats.numberFormat as string[][];
        break;
      }
      // Over 5,000,000 cells Excel may answer null instead of an error (OFFICE-JS.md rule 4).
      if (values === null) throw new ExcelAdapterError('ReadTooLarge', 'read', { detail: String(n * b.colCount) });
      const bytes = JSON.stringify(values).length;
      this.valueBytes += bytes;
      this.measured = Math.max(this.measured, bytes / (n * b.colCount));
      for (const line of values) rows.push(line as CellValue[]);
      row += n;
      this.done += n;
      this.chunks++;
      this.progress?.({ phase: 'reading', done: this.done, total: this.total, detail: b.sheet });
    }
    const grid: Grid = numberFormats === undefined ? { sheet: b.sheet, firstRow: b.row + 1, rows } : { sheet: b.sheet, firstRow: b.row + 1, rows, numberFormats };
    return grid;
  }
}
