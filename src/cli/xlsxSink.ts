/**
 * The CLI's report sink: renders a {@link ReportModel} into an .xlsx file. exceljs renders the
 * report sheets into a report-only workbook, and the charts are added to it as DrawingML parts
 * (exceljs has no chart API; see `./xlsx/addCharts`). For CSV input that workbook is the
 * output. For workbook input the report package is grafted into the input's own package
 * (`./xlsx/mergeReportPackage`): the input's parts are copied byte for byte, so its charts,
 * pivot tables, slicers, sparklines, shapes, controls and links survive, and a million-row
 * input costs the writer only the time to copy it. Only macros are lost, because the output
 * is an .xlsx (`lostFeatures` says so).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { a1, rangeA1, type GridRange } from '../reports/a1';
import { effectiveFormat } from '../reports/model/effectiveFormat';
import type { Cell, ConditionalFormat, ReportModel, ReportSheet, StyleName } from '../reports/model/reportModel';
import { resolveSheetTokens } from '../reports/model/sheetToken';
import { uniqueTableName } from '../reports/model/tableName';
import { validateModel } from '../reports/model/validateModel';
import { uniqueSheetName } from '../reports/sheetName';
import { addCharts, type ChartPlacement } from './xlsx/addCharts';
import { argb, exceljsDxf, exceljsStyle } from './xlsx/exceljsStyle';
import { readInputPackage, type InputPackage } from './xlsx/inputPackage';
import { mergeReportPackage } from './xlsx/mergeReportPackage';
import { resolveChart } from './xlsx/resolveChart';
import type { RenamedTable, WrittenSheet } from '../reports/model/sinkResult';

export interface XlsxSinkOptions {
  /** The input workbook (.xlsx or .xlsm) whose sheets — and every other part — are kept, in front of the reports. */
  readonly baseWorkbookPath?: string;
  readonly outPath: string;
}

export type { RenamedTable, WrittenSheet } from '../reports/model/sinkResult';

export interface XlsxSinkResult {
  readonly outPath: string;
  /** Report sheets in workbook order. */
  readonly sheets: readonly WrittenSheet[];
  /** Report sheets whose name was taken by a sheet of the input workbook. */
  readonly renamedSheets: readonly WrittenSheet[];
  /** Tables renamed because the input workbook already used the name. */
  readonly renamedTables: readonly RenamedTable[];
  /** Features of the input workbook that the output copy does not keep: only "macros (VBA)" of a macro-enabled input. */
  readonly lostFeatures: readonly string[];
}

type ExcelValue = ExcelJS.CellValue;

function excelValue(cell: Cell | null, nameOfKey: (key: string) => string): ExcelValue {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      // A JS string is always written as a (shared) string, never as a formula.
      return cell.text;
    case 'number':
      return cell.value;
    case 'date':
      // The serial itself (with a date format): no Date object, so no time-zone shift.
      return cell.day;
    case 'boolean':
      return cell.value;
    case 'formula':
      return { formula: resolveSheetTokens(cell.formula, nameOfKey).slice(1), result: cell.cached } as ExcelJS.CellFormulaValue;
    case 'empty':
      return null;
  }
}

/** Style objects shared by every cell with the same style and format (exceljs caches by identity). */
class StyleCache {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();
  constructor(private readonly model: ReportModel) {}
  get(style: StyleName | undefined, format: string): Partial<ExcelJS.Style> {
    const key = `${style ?? ''}\u0000${format}`;
    let s = this.cache.get(key);
    if (s === undefined) {
      s = exceljsStyle(style === undefined ? undefined : this.model.styles[style], format);
      this.cache.set(key, s);
    }
    return s;
  }
}

function quoteText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function conditionalRule(cf: ConditionalFormat, priority: number, model: ReportModel, nameOfKey: (k: string) => string): ExcelJS.ConditionalFormattingRule {
  switch (cf.kind) {
    case 'cellValue':
      return {
        type: 'cellIs',
        operator: cf.operator as ExcelJS.CellIsOperators,
        formulae: cf.formulas.map((f) => resolveSheetTokens(f, nameOfKey)),
        style: exceljsDxf(model.styles[cf.style]),
        priority,
      };
    case 'text': {
      // Written as an expression rule: Excel, LibreOffice and exceljs evaluate it alike
      // (exceljs writes Excel's containsText type without the `text` attribute LibreOffice needs).
      const tl = a1(cf.range.row, cf.range.col);
      const t = quoteText(cf.text);
      const formula = {
        contains: `ISNUMBER(SEARCH(${t},${tl}))`,
        notContains: `ISERROR(SEARCH(${t},${tl}))`,
        beginsWith: `LEFT(${tl},LEN(${t}))=${t}`,
        endsWith: `RIGHT(${tl},LEN(${t}))=${t}`,
      }[cf.operator];
      return { type: 'expression', formulae: [formula], style: exceljsDxf(model.styles[cf.style]), priority };
    }
    case 'dataBar':
      return {
        type: 'dataBar',
        priority,
        gradient: cf.gradient,
        // From 0, not from the smallest value, so the smallest share still shows its bar
        // (Office.js: lowerBoundRule Number 0, upperBoundRule Highest).
        cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
        color: argb(cf.color),
      } as ExcelJS.DataBarRuleType;
  }
}

function renderSheet(ws: ExcelJS.Worksheet, sheet: ReportSheet, model: ReportModel, styles: StyleCache, nameOfKey: (k: string) => string, tableNames: Set<string>, renamedTables: RenamedTable[]): void {
  sheet.columns.forEach((col, i) => {
    ws.getColumn(i + 1).width = col.width;
  });
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (cells === undefined || cells.length === 0) continue;
    const row = ws.getRow(r + 1);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined) continue;
      const target = row.getCell(c + 1);
      target.value = excelValue(cell, nameOfKey);
      target.style = styles.get(cell.style, effectiveFormat(cell));
    }
  }
  for (const h of sheet.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  for (const m of sheet.merges ?? []) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rowCount, m.col + m.colCount);

  const showGridLines = sheet.showGridLines ?? true;
  const f = sheet.freeze;
  if (f !== undefined && (f.rows > 0 || f.cols > 0)) {
    const topLeft = a1(f.rows, f.cols);
    ws.views = [{ state: 'frozen', xSplit: f.cols, ySplit: f.rows, topLeftCell: topLeft, activeCell: topLeft, showGridLines }];
  } else {
    ws.views = [{ state: 'normal', showGridLines }];
  }

  for (const t of sheet.tables ?? []) {
    const name = uniqueTableName(t.name, tableNames);
    tableNames.add(name);
    if (name !== t.name) renamedTables.push({ sheetKey: sheet.key, requestedName: t.name, name });
    const header = rows[t.range.row] ?? [];
    const columns: ExcelJS.TableColumnProperties[] = [];
    for (let c = t.range.col; c < t.range.col + t.range.colCount; c++) {
      const h = header[c];
      columns.push({ name: h?.kind === 'text' ? h.text : `Column${c - t.range.col + 1}`, filterButton: t.autoFilter });
    }
    // exceljs writes the table's rows into the cells itself; give it the very values the
    // cells already hold (their styles stay as rendered above).
    const data: ExcelValue[][] = [];
    for (let r = t.range.row + 1; r < t.range.row + t.range.rowCount; r++) {
      const line: ExcelValue[] = [];
      for (let c = t.range.col; c < t.range.col + t.range.colCount; c++) line.push(excelValue(rows[r]?.[c] ?? null, nameOfKey));
      data.push(line);
    }
    ws.addTable({
      name,
      displayName: name,
      ref: a1(t.range.row, t.range.col),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as NonNullable<ExcelJS.TableStyleProperties['theme']>, showRowStripes: t.showRowStripes },
      columns,
      rows: data,
    });
  }

  let priority = 1;
  for (const cf of sheet.conditionalFormats ?? []) {
    ws.addConditionalFormatting({ ref: rangeA1(cf.range), rules: [conditionalRule(cf, priority++, model, nameOfKey)] });
  }

  const p = sheet.print;
  if (p !== undefined) {
    ws.pageSetup.orientation = p.orientation;
    if (p.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
    // exceljs writes the Print_Titles name as '<sheet name>' without doubling apostrophes.
    if (p.repeatRows !== undefined && !ws.name.includes("'")) {
      ws.pageSetup.printTitlesRow = `${p.repeatRows.first + 1}:${p.repeatRows.first + p.repeatRows.count}`;
    }
  }
}

/** Days between the 1900 and 1904 date systems' serial numbers for one day. */
const DAYS_1904 = 1462;

/** The model with its date cells counted from 1904, for an input workbook in that date system. */
function in1904System(model: ReportModel): ReportModel {
  return {
    ...model,
    sheets: model.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) => row.map((cell) => (cell?.kind === 'date' ? { ...cell, day: (cell.day - DAYS_1904) as typeof cell.day } : cell))),
    })),
  };
}

function chartAnchor(g: GridRange): { from: { row: number; col: number }; to: { row: number; col: number } } {
  return { from: { row: g.row, col: g.col }, to: { row: g.row + g.rowCount, col: g.col + g.colCount } };
}

/**
 * Writes the report workbook: the input workbook (if any, every part of it kept) followed by
 * the report sheets, charts included. Report dates follow the input's date system (1900 or
 * 1904). The file appears at `outPath` only when complete (written to a temporary file next
 * to it, then renamed), so a failure never leaves half a workbook or destroys the previous
 * report; the input file is only read.
 * @throws InputError when the input is not a workbook package the reports can be added to
 *   (not a zip, Strict Open XML, binary .xlsb, a damaged part), naming the file and part
 * @example await writeReportXlsx(model, { baseWorkbookPath: 'sales.xlsx', outPath: 'out/report.xlsx' })
 */
export async function writeReportXlsx(model: ReportModel, options: XlsxSinkOptions): Promise<XlsxSinkResult> {
  const problems = validateModel(model);
  if (problems.length > 0) throw new Error(`invalid ReportModel:\n${problems.join('\n')}`);
  const input = options.baseWorkbookPath === undefined ? undefined : await readInputPackage(options.baseWorkbookPath);
  try {
    return await write(input?.date1904 === true ? in1904System(model) : model, input, options.outPath);
  } finally {
    await input?.zip.close();
  }
}

interface RenderedReport {
  /** The report-only package, charts added. */
  readonly zip: JSZip;
  readonly written: WrittenSheet[];
  readonly renamedTables: RenamedTable[];
}

/**
 * The report-only workbook (exceljs + charts), named so it fits next to the input's sheets and
 * tables. Its own function so that exceljs's in-memory workbook — by far the largest object
 * of a run with a long Data Issues sheet — is garbage before the package is merged and written.
 */
async function renderReport(model: ReportModel, input: InputPackage | undefined): Promise<RenderedReport> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AccountDesk';
  const taken = input === undefined ? [] : input.sheets.map((s) => s.name);
  const written: WrittenSheet[] = [];
  const finalName = new Map<string, string>();
  for (const sheet of model.sheets) {
    const name = uniqueSheetName(sheet.name, taken);
    taken.push(name);
    finalName.set(sheet.key, name);
    written.push({ key: sheet.key, requestedName: sheet.name, name });
  }
  const nameOfKey = (key: string): string => {
    const n = finalName.get(key);
    if (n === undefined) throw new Error(`unknown sheet key ${key}`);
    return n;
  };

  const styles = new StyleCache(model);
  const tableNames = new Set(input?.takenNames ?? []);
  const renamedTables: RenamedTable[] = [];
  const charts = new Map<string, ChartPlacement[]>();
  const sheetByKey = new Map(model.sheets.map((s) => [s.key, s] as const));
  for (const sheet of model.sheets) {
    const name = nameOfKey(sheet.key);
    const props: Partial<ExcelJS.AddWorksheetOptions> = sheet.tabColor === undefined ? {} : { properties: { tabColor: argb(sheet.tabColor) } as ExcelJS.WorksheetProperties };
    const ws = wb.addWorksheet(name, props);
    renderSheet(ws, sheet, model, styles, nameOfKey, tableNames, renamedTables);
    if (sheet.charts !== undefined && sheet.charts.length > 0) {
      charts.set(
        name,
        sheet.charts.map((c) => ({
          chart: resolveChart(c, { sheetByKey, nameOfKey }),
          ...chartAnchor({ row: c.anchor.row, col: c.anchor.col, rowCount: c.size.rows, colCount: c.size.cols }),
        })),
      );
    }
  }
  // Stored (uncompressed) by exceljs: the parts are read back right away and compressed once,
  // when the final package is written.
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  await addCharts(zip, charts);
  return { zip, written, renamedTables };
}

async function write(model: ReportModel, input: InputPackage | undefined, outPath: string): Promise<XlsxSinkResult> {
  const { zip, written, renamedTables } = await renderReport(model, input);
  await mkdir(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.${Date.now()}.tmp`;
  let lostFeatures: readonly string[] = [];
  try {
    if (input === undefined) {
      await writeFile(tmp, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
    } else {
      lostFeatures = (await mergeReportPackage(input, zip, tmp)).lostFeatures;
    }
    await rename(tmp, outPath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return {
    outPath,
    sheets: written,
    renamedSheets: written.filter((s) => s.name !== s.requestedName),
    renamedTables,
    lostFeatures,
  };
}
