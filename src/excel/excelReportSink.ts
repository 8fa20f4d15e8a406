/**
 * The add-in's report sink: renders a {@link ReportModel} into the open workbook — the same
 * model the CLI's xlsx sink renders, so both give the same cells, formats and formulas.
 *
 * A run, in one `Excel.run` (waiting out cell edit mode):
 * 1. Inspect (2 syncs): sheet names, ids and visibility, table and defined names, and which
 *    sheets carry AccountDesk's owned-sheet mark (`ownedSheets.ts`).
 * 2. Write (O(payload / limit) syncs, {@link WriteBatch}): every report sheet is added under a
 *    temporary name (`~AD tmp 1` …), hidden and marked; values go in row blocks — number
 *    formats first in the same block, so text that Excel would read as a formula (`=`, `+`,
 *    `-`, `@`) lands in a Text (`@`) cell and stays text — then styles, widths, heights,
 *    merges, print setup, frozen panes, tables, conditional formats and charts. Formulas name other report sheets
 *    by their temporary names; Excel rewrites them when the sheets are renamed.
 * 3. Swap (1 sync): previous owned sheets are renamed aside and deleted, the new ones renamed
 *    to their final names and shown, then the workbook is recalculated.
 *
 * A failure before the swap deletes the temporary sheets (in a fresh `Excel.run`) and leaves
 * the previous reports exactly as they were; a failure inside the swap is undone (nothing
 * deleted yet) or completed (something deleted). A payload-limit error is retried once with
 * blocks of half the size. The user's sheets, and the sheets the run read
 * (`protectSheets`), are never touched: a report whose name a user's sheet holds gets a
 * suffixed name (`Commission (2)`), listed in the result.
 */
import { throwIfCancelled, type CancelToken, type Progress } from '../app/ports';
import { rangeA1, type GridRange } from '../reports/a1';
import { columnWidthPoints } from '../reports/model/columnWidthPoints';
import { effectiveFormat } from '../reports/model/effectiveFormat';
import type { Cell, CellStyle, ChartSpec, ConditionalFormat, ReportModel, ReportSheet, SheetRangeRef } from '../reports/model/reportModel';
import { resolveSheetTokens } from '../reports/model/sheetToken';
import { styleRectangles } from '../reports/model/styleRectangles';
import { uniqueTableName } from '../reports/model/tableName';
import { validateModel } from '../reports/model/validateModel';
import { sheetNameKey, uniqueSheetName } from '../reports/sheetName';
import { isPayloadLimitError, officeErrorMessage, toAdapterError, type ExcelErrorReport } from './officeErrorMessage';
import type { ExcelOperation } from './messages';
import { BACKUP_PREFIX, OWNED_PROPERTY, TEMP_PREFIX, freeNames } from './ownedSheets';
import { RowPacker, payloadBudget, type PayloadBudget } from './planChunks';
import { supports } from './requirements';
import { WriteBatch, jsonBytes } from './writeBatch';
import type { RenamedTable, WrittenSheet } from '../reports/model/sinkResult';

export interface ExcelReportSinkOptions {
  /** Sheets this run read: never deleted or renamed, even when they carry the owned mark. */
  readonly protectSheets?: readonly string[];
  /** Payload limits (tests lower them). */
  readonly budget?: Partial<PayloadBudget>;
  /** Activate the first report sheet when done (default true). */
  readonly activate?: boolean;
}

export type { RenamedTable, WrittenSheet } from '../reports/model/sinkResult';

export interface ExcelSinkStats {
  readonly syncs: number;
  /** Estimated request bytes of all writes (an upper bound of what Office.js sends). */
  readonly requestBytes: number;
  /** 2 when the first attempt hit a payload limit and the write was redone in smaller blocks. */
  readonly attempts: number;
}

export interface ExcelSinkResult {
  /** Report sheets in workbook order. */
  readonly sheets: readonly WrittenSheet[];
  /** Report sheets whose name a user's sheet holds, so they got a suffixed name: tell the user. */
  readonly renamedSheets: readonly WrittenSheet[];
  /** Tables renamed because the workbook already used the name. */
  readonly renamedTables: readonly RenamedTable[];
  /** Names of the previous report sheets that were replaced. */
  readonly replacedSheets: readonly string[];
  /** A swap that failed halfway after deleting a previous report and was then completed. */
  readonly recovered?: ExcelErrorReport;
  readonly stats: ExcelSinkStats;
}

/** What an attempt has done so far: enough to undo it from a fresh `Excel.run`. */
interface AttemptState {
  phase: ExcelOperation;
  tempNames: string[];
  /** Set once the swap was attempted; the swap's own recovery then owns the undo. */
  swapHandled: boolean;
}

interface ExistingSheet {
  readonly id: string;
  readonly name: string;
  readonly visibility: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden';
  readonly owned: boolean;
}

interface SheetPlan {
  readonly sheet: ReportSheet;
  readonly tempName: string;
  readonly finalName: string;
  ws?: Excel.Worksheet;
}

interface TablePlan {
  readonly sheetKey: string;
  readonly requested: string;
  readonly finalName: string;
  /** Name while writing: the final one, or a temporary one when a previous report's table still holds it. */
  readonly writeName: string;
}

const CELL_VALUE_OPERATORS = {
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThan: 'LessThan',
  lessThanOrEqual: 'LessThanOrEqual',
  between: 'Between',
  notBetween: 'NotBetween',
} as const;

const TEXT_OPERATORS = { contains: 'Contains', notContains: 'NotContains', beginsWith: 'BeginsWith', endsWith: 'EndsWith' } as const;

const BORDERS = [
  ['top', 'EdgeTop'],
  ['bottom', 'EdgeBottom'],
  ['left', 'EdgeLeft'],
  ['right', 'EdgeRight'],
] as const;

const BORDER_LINES = {
  thin: { style: 'Continuous', weight: 'Thin' },
  medium: { style: 'Continuous', weight: 'Medium' },
  thick: { style: 'Continuous', weight: 'Thick' },
  double: { style: 'Double', weight: 'Thick' },
  dashed: { style: 'Dash', weight: 'Thin' },
  dotted: { style: 'Dot', weight: 'Thin' },
} as const;

const LEGEND = { bottom: 'Bottom', right: 'Right', top: 'Top' } as const;

/** Longest address list per `getRanges` call (Excel takes ≤ 8,192 characters). */
const MAX_AREAS_ADDRESS = 8000;

type CellOut = string | number | boolean;

function cellValue(cell: Cell | null | undefined, nameOf: (key: string) => string): CellOut {
  if (cell === null || cell === undefined) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.value;
    case 'date':
      return cell.day;
    case 'boolean':
      return cell.value;
    case 'formula':
      return resolveSheetTokens(cell.formula, nameOf);
    case 'empty':
      return '';
  }
}

/** A cell's number format for the write; null = leave the new sheet's General. */
function cellFormat(cell: Cell | null | undefined): string | null {
  const f = effectiveFormat(cell);
  return f === 'General' ? null : f;
}

/** Calls and argument bytes of applying a style (for the batch estimate). */
function styleCost(style: CellStyle): { calls: number; bytes: number } {
  let calls = 0;
  const f = style.font;
  if (f !== undefined) calls += Object.keys(f).length;
  if (style.fill !== undefined) calls++;
  for (const [edge] of BORDERS) if (style.border?.[edge] !== undefined) calls += 3;
  if (style.alignment !== undefined) calls += Object.keys(style.alignment).length;
  return { calls, bytes: jsonBytes(style) };
}

function applyStyle(format: Excel.RangeFormat, style: CellStyle, indentSupported: boolean): void {
  const f = style.font;
  if (f !== undefined) {
    if (f.bold !== undefined) format.font.bold = f.bold;
    if (f.italic !== undefined) format.font.italic = f.italic;
    if (f.underline !== undefined) format.font.underline = f.underline ? 'Single' : 'None';
    if (f.size !== undefined) format.font.size = f.size;
    if (f.color !== undefined) format.font.color = f.color;
  }
  if (style.fill !== undefined) format.fill.color = style.fill;
  for (const [edge, index] of BORDERS) {
    const b = style.border?.[edge];
    if (b === undefined) continue;
    const border = format.borders.getItem(index);
    const line = BORDER_LINES[b.line];
    border.style = line.style;
    if (b.line !== 'double') border.weight = line.weight;
    border.color = b.color;
  }
  const a = style.alignment;
  if (a !== undefined) {
    if (a.horizontal !== undefined) format.horizontalAlignment = a.horizontal === 'left' ? 'Left' : a.horizontal === 'center' ? 'Center' : 'Right';
    if (a.vertical !== undefined) format.verticalAlignment = a.vertical === 'top' ? 'Top' : a.vertical === 'center' ? 'Center' : 'Bottom';
    if (a.wrap !== undefined) format.wrapText = a.wrap;
    if (a.indent !== undefined && indentSupported) format.indentLevel = a.indent;
  }
}

/** Comma-joined A1 lists of at most {@link MAX_AREAS_ADDRESS} characters. */
function addressLists(ranges: readonly GridRange[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const r of ranges) {
    const a = rangeA1(r);
    if (current !== '' && current.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      out.push(current);
      current = '';
    }
    current = current === '' ? a : `${current},${a}`;
  }
  if (current !== '') out.push(current);
  return out;
}

function byIndexes(ws: Excel.Worksheet, r: GridRange): Excel.Range {
  return ws.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount);
}

export class ExcelReportSink {
  private readonly budget: PayloadBudget;

  constructor(private readonly options: ExcelReportSinkOptions = {}) {
    this.budget = payloadBudget(options.budget);
  }

  /**
   * Writes the report sheets, replacing the previous run's.
   * @example const result = await new ExcelReportSink({ protectSheets: ['Sales'] }).write(model, progress, cancel)
   */
  async write(model: ReportModel, progress?: Progress, cancel?: CancelToken): Promise<ExcelSinkResult> {
    const problems = validateModel(model);
    if (problems.length > 0) throw new Error(`invalid ReportModel:\n${problems.join('\n')}`);
    let budget = this.budget;
    for (let attempt = 1; ; attempt++) {
      const state: AttemptState = { phase: 'write', tempNames: [], swapHandled: false };
      try {
        const result = await Excel.run({ delayForCellEdit: true }, (ctx) => this.attempt(ctx, model, budget, state, attempt, progress, cancel));
        return result;
      } catch (error) {
        if (state.swapHandled) throw toAdapterError(error, 'swap');
        let rollbackError: unknown;
        try {
          await removeSheets(state.tempNames);
        } catch (e) {
          rollbackError = e;
        }
        if (attempt === 1 && isPayloadLimitError(error) && rollbackError === undefined) {
          budget = payloadBudget({ ...budget, targetBytes: Math.floor(budget.targetBytes / 2) });
          continue;
        }
        throw toAdapterError(error, state.phase, rollbackError);
      }
    }
  }

  private async attempt(
    ctx: Excel.RequestContext,
    model: ReportModel,
    budget: PayloadBudget,
    state: AttemptState,
    attempt: number,
    progress: Progress | undefined,
    cancel: CancelToken | undefined,
  ): Promise<ExcelSinkResult> {
    let syncs = 0;
    // ---------------------------------------------------------------- 1. inspect
    const wb = ctx.workbook;
    const sheetsProxy = wb.worksheets.load('items/name, items/id, items/visibility');
    const tablesProxy = wb.tables.load('items/name, items/worksheet/name');
    const namesProxy = wb.names.load('items/name');
    syncs++;
    await ctx.sync();
    const marks = sheetsProxy.items.map((ws) => ws.customProperties.getItemOrNullObject(OWNED_PROPERTY).load('value'));
    syncs++;
    await ctx.sync();
    const protectedKeys = new Set((this.options.protectSheets ?? []).map(sheetNameKey));
    const existing: ExistingSheet[] = sheetsProxy.items.map((ws, i) => ({
      id: ws.id,
      name: ws.name,
      visibility: ws.visibility,
      owned: marks[i]?.isNullObject === false && !protectedKeys.has(sheetNameKey(ws.name)),
    }));
    const old = existing.filter((s) => s.owned);
    const oldKeys = new Set(old.map((s) => sheetNameKey(s.name)));
    const userNames = existing.filter((s) => !s.owned).map((s) => s.name);
    throwIfCancelled(cancel);

    // Names: final names avoid the user's sheets only (previous reports go away).
    const allNames = existing.map((s) => s.name);
    const temps = freeNames(TEMP_PREFIX, model.sheets.length, allNames);
    const backups = freeNames(BACKUP_PREFIX, old.length, [...allNames, ...temps]);
    const taken = [...userNames];
    const plans: SheetPlan[] = model.sheets.map((sheet, i) => {
      const finalName = uniqueSheetName(sheet.name, taken);
      taken.push(finalName);
      return { sheet, tempName: temps[i] ?? `${TEMP_PREFIX}${i + 1}`, finalName };
    });
    const byKey = new Map(plans.map((p) => [p.sheet.key, p] as const));
    const tempNameOf = (key: string): string => {
      const p = byKey.get(key);
      if (p === undefined) throw new Error(`unknown sheet key ${key}`);
      return p.tempName;
    };
    const existingTables = tablesProxy.items.map((t) => ({ name: t.name, onOld: oldKeys.has(sheetNameKey(t.worksheet.name)) }));
    const definedNames = namesProxy.items.map((n) => n.name);
    const finalTaken = [...existingTables.filter((t) => !t.onOld).map((t) => t.name), ...definedNames];
    const nowTaken = new Set([...existingTables.map((t) => t.name.toUpperCase()), ...definedNames.map((n) => n.toUpperCase())]);
    const tablePlans: TablePlan[] = [];
    for (const p of plans) {
      for (const t of p.sheet.tables ?? []) {
        const finalName = uniqueTableName(t.name, finalTaken);
        finalTaken.push(finalName);
        const writeName = nowTaken.has(finalName.toUpperCase()) ? uniqueTableName(`ADtmp_${finalName}`, [...nowTaken, ...finalTaken]) : finalName;
        nowTaken.add(writeName.toUpperCase());
        tablePlans.push({ sheetKey: p.sheet.key, requested: t.name, finalName, writeName });
      }
    }

    // ---------------------------------------------------------------- 2. write
    state.tempNames = plans.map((p) => p.tempName);
    const app = ctx.workbook.application;
    const suspendCalc = supports('suspendCalculation');
    const suspendScreen = supports('screenUpdating');
    const gridlines = supports('showGridlines');
    const indent = supports('indentLevel');
    const pageLayout = supports('pageLayout');
    let screenSuspended = false;
    const totalRows = plans.reduce((s, p) => s + p.sheet.rows.length, 0);
    let rowsQueued = 0;
    let rowsSynced = 0;
    const batch = new WriteBatch(
      ctx,
      budget,
      cancel,
      () => {
        let calls = 0;
        if (suspendCalc) {
          app.suspendApiCalculationUntilNextSync();
          calls++;
        }
        if (suspendScreen && !screenSuspended) {
          app.suspendScreenUpdatingUntilNextSync();
          screenSuspended = true;
          calls++;
        }
        return calls;
      },
      () => {
        rowsSynced = rowsQueued;
        progress?.({ phase: 'writing', done: Math.min(rowsSynced, totalRows), total: totalRows });
      },
    );

    // Sheets, marks, tab colours, gridlines, column widths.
    for (const p of plans) {
      const widths = p.sheet.columns.map((c) => columnWidthPoints(c.width));
      // add, load, hide, mark, tab colour, gridlines; then a range and a width per column (at most).
      await batch.reserve(6 + 2 * widths.length, 200 + jsonBytes(p.sheet.key) + widths.length * 24);
      const ws = ctx.workbook.worksheets.add(p.tempName);
      ws.load('id');
      ws.visibility = 'Hidden';
      ws.customProperties.add(OWNED_PROPERTY, p.sheet.key);
      if (p.sheet.tabColor !== undefined) ws.tabColor = p.sheet.tabColor;
      if (p.sheet.showGridLines === false && gridlines) ws.showGridlines = false;
      for (let c = 0; c < widths.length; ) {
        let end = c + 1;
        while (end < widths.length && widths[end] === widths[c]) end++;
        ws.getRangeByIndexes(0, c, 1, end - c).format.columnWidth = widths[c] ?? 48;
        c = end;
      }
      p.ws = ws;
    }

    // Values in row blocks, number formats first in each block.
    for (const p of plans) {
      await this.writeValues(p, batch, budget, tempNameOf, (n) => (rowsQueued += n));
    }

    // Styles, row heights, merges, frozen panes.
    for (const p of plans) {
      const ws = p.ws as Excel.Worksheet;
      for (const group of styleRectangles(p.sheet)) {
        const style = model.styles[group.style];
        const cost = styleCost(style);
        for (const list of addressLists(group.ranges)) {
          await batch.reserve(cost.calls + 1, cost.bytes + list.length);
          applyStyle(ws.getRanges(list).format, style, indent);
        }
      }
      for (const h of p.sheet.rowHeights ?? []) {
        await batch.reserve(2, 16);
        ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
      }
      for (const m of p.sheet.merges ?? []) {
        await batch.reserve(2, 32);
        byIndexes(ws, m).merge(false);
      }
      const print = p.sheet.print;
      if (print !== undefined && pageLayout) {
        await batch.reserve(3, 96);
        ws.pageLayout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        // One page wide; the height follows (verticalFitToPages left unset: Excel's "automatic").
        if (print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
        const rr = print.repeatRows;
        if (rr !== undefined) ws.pageLayout.setPrintTitleRows(ws.getRangeByIndexes(rr.first, 0, rr.count, 1).getEntireRow());
      }
      const f = p.sheet.freeze;
      if (f !== undefined && (f.rows > 0 || f.cols > 0)) {
        await batch.reserve(2, 32);
        if (f.rows > 0 && f.cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, f.rows, f.cols));
        else if (f.rows > 0) ws.freezePanes.freezeRows(f.rows);
        else ws.freezePanes.freezeColumns(f.cols);
      }
    }

    // Tables, conditional formats, charts.
    const renamedTables: RenamedTable[] = [];
    let tableIndex = 0;
    for (const p of plans) {
      const ws = p.ws as Excel.Worksheet;
      for (const t of p.sheet.tables ?? []) {
        const tp = tablePlans[tableIndex++];
        if (tp === undefined) throw new Error('table plan out of step');
        if (tp.finalName !== tp.requested) renamedTables.push({ sheetKey: p.sheet.key, requestedName: tp.requested, name: tp.finalName });
        await batch.reserve(6, jsonBytes(tp.writeName) + jsonBytes(t.style) + 32);
        const table = ws.tables.add(byIndexes(ws, t.range), true);
        table.name = tp.writeName;
        table.style = t.style;
        table.showBandedRows = t.showRowStripes;
        table.showFilterButton = t.autoFilter;
      }
      // Each new conditional format goes to the top of the priority list: add the last first.
      const cfs = [...(p.sheet.conditionalFormats ?? [])].reverse();
      for (const cf of cfs) {
        await batch.reserve(8, jsonBytes(cf) + 64);
        this.addConditionalFormat(ws, cf, model, tempNameOf);
      }
      for (const chart of p.sheet.charts ?? []) {
        await batch.reserve(12 + chart.series.length * 6, jsonBytes(chart));
        this.addChart(ws, chart, byKey);
      }
    }
    await batch.flush();
    syncs += batch.syncs;
    const tempIds = plans.map((p) => (p.ws as Excel.Worksheet).id);

    // ---------------------------------------------------------------- 3. swap
    throwIfCancelled(cancel);
    state.phase = 'swap';
    state.swapHandled = true;
    const swapPlan: SwapPlan = {
      old: old.map((s, i) => ({ id: s.id, name: s.name, visibility: s.visibility, backup: backups[i] ?? `${BACKUP_PREFIX}${i + 1}` })),
      sheets: plans.map((p, i) => ({ id: tempIds[i] ?? '', tempName: p.tempName, finalName: p.finalName })),
      tables: tablePlans.filter((t) => t.writeName !== t.finalName).map((t) => ({ writeName: t.writeName, finalName: t.finalName })),
      activate: this.options.activate !== false,
    };
    queueSwap(ctx, swapPlan);
    let recovered: ExcelErrorReport | undefined;
    try {
      syncs++;
      await ctx.sync();
    } catch (error) {
      // Undo (nothing deleted yet) or complete (a previous report already deleted) from a fresh run.
      const outcome = await recoverSwap(swapPlan).catch((rollbackError: unknown) => {
        throw toAdapterError(error, 'swap', rollbackError);
      });
      if (outcome === 'undone') throw error;
      recovered = officeErrorMessage(error, 'swap');
    }
    progress?.({ phase: 'writing', done: totalRows, total: totalRows });
    const sheets = plans.map((p) => ({ key: p.sheet.key, requestedName: p.sheet.name, name: p.finalName }));
    const result: ExcelSinkResult = {
      sheets,
      renamedSheets: sheets.filter((s) => s.name !== s.requestedName),
      renamedTables,
      replacedSheets: old.map((s) => s.name),
      ...(recovered === undefined ? {} : { recovered }),
      stats: { syncs, requestBytes: batch.sentBytes, attempts: attempt },
    };
    return result;
  }

  /** Queues the sheet's cells in row blocks sized by the budget. */
  private async writeValues(p: SheetPlan, batch: WriteBatch, budget: PayloadBudget, nameOf: (key: string) => string, onRows: (n: number) => void): Promise<void> {
    const ws = p.ws as Excel.Worksheet;
    const rows = p.sheet.rows;
    let width = 0;
    for (const r of rows) width = Math.max(width, r.length);
    if (width === 0 || rows.length === 0) return;
    // Each block is cut to the room left in the current batch, so every sync is filled to the
    // target; with less than an eighth of the target left, the batch is sent first.
    const minBlock = Math.floor(budget.targetBytes / 8);
    const newPacker = async (): Promise<RowPacker> => {
      await batch.ensureRoom(minBlock, 3);
      return new RowPacker(batch.room(3));
    };
    let packer = await newPacker();
    let start = 0;
    let values: CellOut[][] = [];
    let formats: (string | null)[][] = [];
    let anyFormat = false;
    const emit = async (more: boolean): Promise<void> => {
      if (values.length === 0) return;
      await batch.reserve(anyFormat ? 3 : 2, packer.blockBytes);
      const range = ws.getRangeByIndexes(start, 0, values.length, width);
      if (anyFormat) range.numberFormat = formats;
      range.values = values;
      onRows(values.length);
      start += values.length;
      values = [];
      formats = [];
      anyFormat = false;
      if (more) packer = await newPacker();
    };
    for (const cells of rows) {
      const v: CellOut[] = new Array<CellOut>(width);
      const f: (string | null)[] = new Array<string | null>(width);
      let rowHasFormat = false;
      for (let c = 0; c < width; c++) {
        const cell = cells[c];
        v[c] = cellValue(cell, nameOf);
        const fmt = cellFormat(cell);
        f[c] = fmt;
        if (fmt !== null) rowHasFormat = true;
      }
      // Bytes of this row in both arrays (the format row counts even when null: it may be sent).
      const bytes = jsonBytes(v) + jsonBytes(f) + 2;
      if (packer.startsNewBlock(bytes)) await emit(true);
      packer.add(bytes);
      values.push(v);
      formats.push(f);
      anyFormat = anyFormat || rowHasFormat;
    }
    await emit(false);
  }

  private addConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat, model: ReportModel, nameOf: (key: string) => string): void {
    const range = byIndexes(ws, cf.range);
    switch (cf.kind) {
      case 'cellValue': {
        const c = range.conditionalFormats.add('CellValue');
        const [f1, f2] = cf.formulas;
        const rule: Excel.ConditionalCellValueRule = { formula1: `=${resolveSheetTokens(f1, nameOf)}`, operator: CELL_VALUE_OPERATORS[cf.operator] };
        if (f2 !== undefined) rule.formula2 = `=${resolveSheetTokens(f2, nameOf)}`;
        c.cellValue.rule = rule;
        applyConditionalStyle(c.cellValue.format, model.styles[cf.style]);
        return;
      }
      case 'text': {
        const c = range.conditionalFormats.add('ContainsText');
        c.textComparison.rule = { operator: TEXT_OPERATORS[cf.operator], text: cf.text };
        applyConditionalStyle(c.textComparison.format, model.styles[cf.style]);
        return;
      }
      case 'dataBar': {
        const c = range.conditionalFormats.add('DataBar');
        c.dataBar.positiveFormat.fillColor = cf.color;
        c.dataBar.positiveFormat.gradientFill = cf.gradient;
        c.dataBar.lowerBoundRule = { type: 'LowestValue' };
        c.dataBar.upperBoundRule = { type: 'HighestValue' };
        return;
      }
    }
  }

  private addChart(ws: Excel.Worksheet, chart: ChartSpec, byKey: ReadonlyMap<string, SheetPlan>): void {
    const rangeOf = (ref: SheetRangeRef): Excel.Range => {
      const target = byKey.get(ref.sheet)?.ws;
      if (target === undefined) throw new Error(`chart refers to unknown sheet key ${ref.sheet}`);
      return byIndexes(target, ref.range);
    };
    const [first, ...rest] = chart.series;
    if (first === undefined) return;
    const type = chart.type === 'line' ? 'LineMarkers' : 'ColumnClustered';
    // One series from the first values range: by rows when it is a single row.
    const seriesBy = first.values.range.rowCount === 1 && first.values.range.colCount > 1 ? 'Rows' : 'Columns';
    const c = ws.charts.add(type, rangeOf(first.values), seriesBy);
    const styleSeries = (s: Excel.ChartSeries, spec: (typeof chart.series)[number]): void => {
      s.name = spec.name;
      s.setXAxisValues(rangeOf(spec.categories));
      const isLine = chart.type === 'line' || (chart.type === 'combo' && spec.type === 'line');
      if (chart.type === 'combo' && spec.type === 'line') s.chartType = 'Line';
      if (spec.color !== undefined) {
        if (isLine) s.format.line.color = spec.color;
        else s.format.fill.setSolidColor(spec.color);
      }
    };
    styleSeries(c.series.getItemAt(0), first);
    for (const spec of rest) {
      const s = c.series.add(spec.name);
      s.setValues(rangeOf(spec.values));
      styleSeries(s, spec);
    }
    c.title.text = chart.title;
    if (chart.legend === 'none') c.legend.visible = false;
    else c.legend.position = LEGEND[chart.legend];
    if (chart.categoryAxisTitle !== undefined) c.axes.categoryAxis.title.text = chart.categoryAxisTitle;
    if (chart.valueAxisTitle !== undefined) c.axes.valueAxis.title.text = chart.valueAxisTitle;
    if (chart.valueFormat !== undefined && supports('axisNumberFormat')) c.axes.valueAxis.numberFormat = chart.valueFormat;
    const { row, col } = chart.anchor;
    c.setPosition(ws.getRangeByIndexes(row, col, 1, 1), ws.getRangeByIndexes(row + chart.size.rows - 1, col + chart.size.cols - 1, 1, 1));
  }
}

function applyConditionalStyle(format: Excel.ConditionalRangeFormat, style: CellStyle): void {
  const f = style.font;
  if (f?.color !== undefined) format.font.color = f.color;
  if (f?.bold !== undefined) format.font.bold = f.bold;
  if (f?.italic !== undefined) format.font.italic = f.italic;
  if (style.fill !== undefined) format.fill.color = style.fill;
}

// -------------------------------------------------------------------- swap and recovery

interface SwapPlan {
  readonly old: readonly { readonly id: string; readonly name: string; readonly visibility: string; readonly backup: string }[];
  readonly sheets: readonly { readonly id: string; readonly tempName: string; readonly finalName: string }[];
  readonly tables: readonly { readonly writeName: string; readonly finalName: string }[];
  readonly activate: boolean;
}

/**
 * The swap, ordered so that a failure at any statement can be undone or completed: previous
 * reports move aside (renamed), the new ones take their final names and become visible, and
 * only then are the previous ones deleted and the tables renamed.
 */
function queueSwap(ctx: Excel.RequestContext, plan: SwapPlan): void {
  const sheets = ctx.workbook.worksheets;
  for (const o of plan.old) {
    const ws = sheets.getItem(o.id);
    // A very hidden sheet cannot be deleted (OFFICE-JS.md rule 9).
    if (o.visibility === 'VeryHidden') ws.visibility = 'Hidden';
    ws.name = o.backup;
  }
  for (const s of plan.sheets) {
    const ws = sheets.getItem(s.id);
    ws.name = s.finalName;
    ws.visibility = 'Visible';
  }
  for (const o of plan.old) sheets.getItem(o.id).delete();
  queueFinish(ctx, plan);
}

/** Table renames, recalculation (calculation was suspended while writing) and activation. */
function queueFinish(ctx: Excel.RequestContext, plan: SwapPlan): void {
  for (const t of plan.tables) ctx.workbook.tables.getItem(t.writeName).name = t.finalName;
  ctx.workbook.application.calculate('Recalculate');
  const first = plan.sheets[0];
  if (plan.activate && first !== undefined) ctx.workbook.worksheets.getItem(first.id).activate();
}

/**
 * After a failed swap: when every previous report still exists, undo (delete the new sheets,
 * give the previous ones back their names); else complete the swap.
 */
async function recoverSwap(plan: SwapPlan): Promise<'undone' | 'completed'> {
  return Excel.run({ delayForCellEdit: true }, async (ctx) => {
    const items = ctx.workbook.worksheets.load('items/id, items/name');
    await ctx.sync();
    const now = new Map(items.items.map((ws) => [ws.id, ws.name] as const));
    const sheets = ctx.workbook.worksheets;
    const oldIntact = plan.old.every((o) => now.has(o.id));
    if (oldIntact) {
      for (const s of plan.sheets) if (now.has(s.id)) sheets.getItem(s.id).delete();
      for (const o of plan.old) {
        const ws = sheets.getItem(o.id);
        if (now.get(o.id) !== o.name) ws.name = o.name;
        if (o.visibility === 'VeryHidden') ws.visibility = 'VeryHidden';
      }
      await ctx.sync();
      return 'undone';
    }
    for (const o of plan.old) if (now.has(o.id)) sheets.getItem(o.id).delete();
    for (const s of plan.sheets) {
      const ws = sheets.getItem(s.id);
      if (now.get(s.id) !== s.finalName) ws.name = s.finalName;
      ws.visibility = 'Visible';
    }
    const pending = plan.tables.map((t) => ({ t, table: ctx.workbook.tables.getItemOrNullObject(t.writeName) }));
    await ctx.sync();
    queueFinish(ctx, { ...plan, tables: pending.filter((p) => !p.table.isNullObject).map((p) => p.t) });
    await ctx.sync();
    return 'completed';
  });
}

/** Deletes the named sheets where they exist (temporary sheets of a failed attempt). */
async function removeSheets(names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await Excel.run({ delayForCellEdit: true }, async (ctx) => {
    const found = names.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n));
    await ctx.sync();
    for (const ws of found) if (!ws.isNullObject) ws.delete();
    await ctx.sync();
  });
}

