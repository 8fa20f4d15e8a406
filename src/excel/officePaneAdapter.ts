/**
 * The task pane's port to Excel ({@link ExcelPaneAdapter}, src/app) over Office.js: ExcelGridSource
 * and ExcelReportSink for the data and the reports, plus the few calls the pane needs besides
 * them (settings, the plan sheet, activating and selecting for navigation). The pane's
 * composition root (src/taskpane/index.tsx) wires it in; the playground and the Node tests run
 * it against the Excel simulator.
 */
import type { ExcelPaneAdapter, SourceTarget } from '../app/excelPaneAdapter';
import { headerText } from '../core/intake/cellText';
import type { CellValue } from '../core/intake/cellValue';
import { ExcelGridSource, type ExcelGridSourceOptions } from './excelGridSource';
import type { ExcelOperation } from './messages';
import { toAdapterError } from './officeErrorMessage';
import { OWNED_PROPERTY } from './ownedSheets';
import { supports } from './requirements';

/**
 * Runs an Office.js batch, waiting out cell-edit mode; Office errors become adapter errors (the
 * user message for `operation`, plus debug info).
 * @example await excelRun('saveSettings', async (context) => { context.workbook.settings.add(k, v); await context.sync(); })
 */
export async function excelRun<T>(operation: ExcelOperation, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run({ delayForCellEdit: true }, batch);
  } catch (error) {
    throw toAdapterError(error, operation);
  }
}

/** The grid source's options for a pane target; a `range` is read as that exact block, nothing selected. */
export function gridSourceOptions(target: SourceTarget): ExcelGridSourceOptions {
  switch (target.kind) {
    case 'auto':
      return {};
    case 'table':
      return { table: target.table };
    case 'sheet':
      return { sheet: target.sheet };
    case 'range':
      return { sheet: target.sheet, address: target.address };
  }
}

export interface OfficePaneAdapterOptions {
  /** Told when the report swap failed halfway and was completed (the reports are fine). */
  readonly warn?: (message: string, detail: unknown) => void;
}

/** The pane's port to Excel, over Office.js (see {@link ExcelPaneAdapter}). */
export function officePaneAdapter(options: OfficePaneAdapterOptions = {}): ExcelPaneAdapter {
  const warn = options.warn ?? ((message: string, detail: unknown) => console.warn(message, detail));
  return {
    async locate(target) {
      const d = await new ExcelGridSource(gridSourceOptions(target)).describe();
      return {
        kind: d.kind,
        block: d.block,
        ...(d.table !== undefined && { table: d.table }),
        auxiliary: d.auxiliary.map((a) => a.role),
        selectionIgnored: d.selectionIgnored,
      };
    },

    source: (target) => new ExcelGridSource(gridSourceOptions(target)),

    readBlock: (b) =>
      excelRun('read', async (context) => {
        if (b.rowCount <= 0 || b.colCount <= 0) return [];
        const range = context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.row, b.col, b.rowCount, b.colCount).load('values');
        await context.sync();
        return range.values as CellValue[][];
      }),

    async writeReports(model, protectSheets, progress, cancel) {
      // Loaded with the first run (its own chunk), like the engine.
      const { ExcelReportSink } = await import('./excelReportSink');
      const result = await new ExcelReportSink({ protectSheets }).write(model, progress, cancel);
      // A swap that failed halfway and was completed: the reports are fine, the log gets the reason.
      if (result.recovered !== undefined) warn('AccountDesk: the report swap was completed after an error', result.recovered);
      return result.sheets;
    },

    sheets: () =>
      excelRun('readPlan', async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        await context.sync();
        if (!supports('ownedSheetMark')) return sheets.items.map((ws) => ({ name: ws.name, owned: false }));
        const marks = sheets.items.map((ws) => ws.customProperties.getItemOrNullObject(OWNED_PROPERTY).load('value'));
        await context.sync();
        return sheets.items.map((ws, i) => ({ name: ws.name, owned: marks[i]?.isNullObject === false }));
      }),

    readUsedRange: (sheet) =>
      excelRun('readPlan', async (context) => {
        const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex');
        await context.sync();
        if (used.isNullObject) return null;
        return { grid: { sheet, firstRow: used.rowIndex + 1, rows: used.values as CellValue[][] }, firstColumn: used.columnIndex };
      }),

    writeTextSheet: (name, rows) =>
      excelRun('savePlan', async (context) => {
        const sheets = context.workbook.worksheets;
        const found = sheets.getItemOrNullObject(name);
        await context.sync();
        const ws = found.isNullObject ? sheets.add(name) : found;
        ws.visibility = 'Visible';
        ws.getRange().clear('Contents');
        const width = Math.max(1, ...rows.map((r) => r.length));
        if (rows.length > 0) {
          const block = ws.getRangeByIndexes(0, 0, rows.length, width);
          // Text format first, so "5%" and "1000" stay exactly the text the plan parser reads.
          block.numberFormat = rows.map(() => Array<string>(width).fill('@'));
          block.values = rows.map((r) => Array.from({ length: width }, (_, c) => headerText(r[c])));
        }
        await context.sync();
      }),

    readSettings: (keys) =>
      excelRun('readSettings', async (context) => {
        const items = keys.map((key) => context.workbook.settings.getItemOrNullObject(key).load('value'));
        await context.sync();
        const out: Record<string, unknown> = {};
        keys.forEach((key, i) => {
          const item = items[i];
          if (item !== undefined && !item.isNullObject) out[key] = item.value as unknown;
        });
        return out;
      }),

    writeSettings: (entries) =>
      excelRun('saveSettings', async (context) => {
        for (const [key, value] of Object.entries(entries)) context.workbook.settings.add(key, value);
        await context.sync();
      }),

    activateSheet: (name) =>
      excelRun('navigate', async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      }),

    selectRange: (sheet, address) =>
      excelRun('navigate', async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),
  };
}
