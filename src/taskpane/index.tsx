import { FluentProvider } from '@fluentui/react-components';
import { StrictMode, useEffect, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { headerText } from '../core/intake/cellText';
import type { CellValue } from '../core/intake/cellValue';
import { ExcelGridSource, type ExcelGridSourceOptions } from '../excel/excelGridSource';
import type { ExcelOperation } from '../excel/messages';
import { officeErrorMessage, toAdapterError } from '../excel/officeErrorMessage';
import { OWNED_PROPERTY } from '../excel/ownedSheets';
import { checkRequirements, supports } from '../excel/requirements';
import { App } from './App';
import { excelPaneActions, unsupportedPaneActions, type ExcelPaneAdapter, type SourceTarget } from './excelPaneActions';
import type { PaneActions } from './paneActions';
import { FORCED_COLORS_QUERY, paneTheme, type OfficeThemeColors } from './theme';

/*
 * Composition root of the task pane: the one UI module that may wire the Excel adapter in and
 * name Office.js (DESIGN.md §1). It implements the pane's port to Excel (ExcelPaneAdapter) with
 * src/excel's ExcelGridSource and ExcelReportSink plus the few Office.js calls the pane needs
 * besides reading and writing reports (settings, the plan sheet, activating and selecting),
 * checks the requirement sets, picks the theme and the display language, and renders <App>.
 * The playground (test/playground) loads this same module with the Excel simulator installed.
 */

/** Runs an Office.js batch, waiting out cell-edit mode; Office errors become adapter errors (user message + debug info). */
async function excelRun<T>(operation: ExcelOperation, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run({ delayForCellEdit: true }, batch);
  } catch (error) {
    throw toAdapterError(error, operation);
  }
}

function gridSourceOptions(target: SourceTarget): ExcelGridSourceOptions {
  switch (target.kind) {
    case 'auto':
      return {};
    case 'table':
      return { table: target.table };
    case 'sheet':
    case 'range':
      return { sheet: target.sheet };
  }
}

/** The pane's port to Excel, over Office.js (see `ExcelPaneAdapter`). */
export function officePaneAdapter(): ExcelPaneAdapter {
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
      const { ExcelReportSink } = await import('../excel/excelReportSink');
      const result = await new ExcelReportSink({ protectSheets }).write(model, progress, cancel);
      // A swap that failed halfway and was completed: the reports are fine, the log gets the reason.
      if (result.recovered !== undefined) console.warn('AccountDesk: the report swap was completed after an error', result.recovered);
      return result.sheets;
    },

    sheets: () =>
      excelRun('read', async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        await context.sync();
        if (!supports('ownedSheetMark')) return sheets.items.map((ws) => ({ name: ws.name, owned: false }));
        const marks = sheets.items.map((ws) => ws.customProperties.getItemOrNullObject(OWNED_PROPERTY).load('value'));
        await context.sync();
        return sheets.items.map((ws, i) => ({ name: ws.name, owned: marks[i]?.isNullObject === false }));
      }),

    readUsedRange: (sheet) =>
      excelRun('read', async (context) => {
        const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex');
        await context.sync();
        if (used.isNullObject) return null;
        return { grid: { sheet, firstRow: used.rowIndex + 1, rows: used.values as CellValue[][] }, firstColumn: used.columnIndex };
      }),

    writeTextSheet: (name, rows) =>
      excelRun('write', async (context) => {
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
      excelRun('read', async (context) => {
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
      excelRun('write', async (context) => {
        for (const [key, value] of Object.entries(entries)) context.workbook.settings.add(key, value);
        await context.sync();
      }),

    activateSheet: (name) =>
      excelRun('read', async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      }),

    selectRange: (sheet, address) =>
      excelRun('read', async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),
  };
}

/** Failures go to the console with Office's debug info; the pane shows the user what to do. */
function logFailure(error: unknown, action: string): void {
  const report = officeErrorMessage(error, 'read');
  console.error(`AccountDesk: ${action} failed (${report.code})`, report.debugInfo ?? '', error);
}

/** The actions the pane gets: over Excel, or, where Excel lacks a needed API, ones that say which Excel is needed. */
function paneActions(): PaneActions {
  const check = checkRequirements();
  if (!check.ok) return unsupportedPaneActions(check.message ?? 'This version of Excel cannot run AccountDesk.');
  return excelPaneActions(officePaneAdapter(), { log: logFailure });
}

function officeTheme(): OfficeThemeColors | undefined {
  // Office 2016+ on Windows has it; Excel on the web and on Mac do not (undefined, or a throwing getter).
  try {
    const theme: Office.OfficeTheme | undefined = Office.context.officeTheme;
    return theme;
  } catch {
    return undefined;
  }
}

function forcedColors(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(FORCED_COLORS_QUERY).matches;
}

/** The pane in Office's theme, switching to high contrast when the system forces colours. */
function Pane({ actions, displayLanguage }: { readonly actions: PaneActions; readonly displayLanguage: string | undefined }): ReactElement {
  const [forced, setForced] = useState(forcedColors);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(FORCED_COLORS_QUERY);
    const onChange = (e: MediaQueryListEvent) => setForced(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return (
    <FluentProvider theme={paneTheme(officeTheme(), forced)}>
      <App actions={actions} displayLanguage={displayLanguage} />
    </FluentProvider>
  );
}

function render(): void {
  const container = document.getElementById('container');
  if (container === null) throw new Error('taskpane.html has no #container element');
  createRoot(container).render(
    <StrictMode>
      <Pane actions={paneActions()} displayLanguage={Office.context.displayLanguage} />
    </StrictMode>,
  );
}

// Started in a page only; Node tests import `officePaneAdapter` with the simulator installed.
if (typeof document !== 'undefined') {
  Office.onReady()
    .then(render)
    .catch((error: unknown) => {
      // Nothing else can show this: the pane failed before React rendered.
      document.body.textContent = `AccountDesk could not start: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    });
}
