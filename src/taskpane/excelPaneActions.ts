import { createReports, type ReportWriter } from '../app/createReports';
import type { ExcelPaneAdapter, SourceLocation, SourceTarget } from '../app/excelPaneAdapter';
import { throwIfCancelled, type CancelToken, type GridSource, type Progress, type ProgressEvent, type SourceTables } from '../app/ports';
import { inThreadCompute, macrotask, type ComputeTransport, type ReportCompute } from '../app/reportCompute';
import type { RunOptions } from '../app/runAnalysis';
import { sheetRole } from '../app/sheetRoles';
import type { CommissionPlan } from '../core/commission/commissionPlan';
import { parsePlanGrid } from '../core/commission/parsePlanGrid';
import { planToRows } from '../core/commission/planToRows';
import type { PlanResult } from '../core/commission/validatePlan';
import type { Grid } from '../core/intake/cellValue';
import { headerText } from '../core/intake/cellText';
import { detectHeader, HEADER_SEARCH_ROWS } from '../core/intake/detectHeader';
import { mapColumns } from '../core/intake/mapColumns';
import { TRANSACTION_HEADERS } from '../core/intake/transactionHeaders';
import { rangeA1 } from '../reports/a1';
import { LANGUAGES, type Language } from '../reports/i18n/language';
import type { ReportModel } from '../reports/model';
import type { DetectedSource, PaneActions, ReportRole, RunRequest, SourceCellRef, WrittenSheet } from './paneActions';
import { emptyMapping } from './mapping/fieldMapping';
import { summaryFromRun } from './results/runSummary';
import { runOptionsFor } from './settings/runOptions';
import type { RunSettings } from './settings/runSettings';

/*
 * The task pane's actions over the Excel adapter (src/excel). The adapter itself is wired in by
 * the composition root (`index.tsx`), the only task-pane module allowed to import src/excel or
 * name Office.js (DESIGN.md §1, test/architecture.test.ts); this module sees it through the
 * {@link ExcelPaneAdapter} port (src/app), so the same code runs in Excel, in the playground
 * (simulator) and in Node tests. A run is src/app's `createReports` over that port.
 */

export type { ExcelPaneAdapter, SheetBlock, SourceLocation, SourceTarget, UsedRange, WorkbookSheet } from '../app/excelPaneAdapter';

/** `workbook.settings` key of the pane's settings ({@link RunSettings} as stored). */
export const SETTINGS_KEY = 'AccountDesk.settings';

/**
 * `workbook.settings` key of the last run's request ({@link RefreshRequest}): what the ribbon's
 * "Refresh reports" command (src/commands/commands.ts) reruns without opening the pane. The
 * commands layer may not import the task pane, so it reads this shape on its own; keep both in step.
 */
export const REFRESH_KEY = 'AccountDesk.refresh';

/** What the ribbon's Refresh reports reruns: stored under {@link REFRESH_KEY}. */
export interface RefreshRequest {
  readonly version: 1;
  readonly source: Exclude<SourceTarget, { kind: 'auto' }>;
  /** The engine options of the last run, mapping overrides included. */
  readonly options: RunOptions;
  /** The report language. */
  readonly language: Language;
  readonly sourceLabel: string;
}

export interface ExcelPaneActionsOptions {
  /** Where failures go for the log (with the adapter's debug info); the pane shows them to the user. */
  readonly log?: (error: unknown, action: string) => void;
  /** Yields to the event loop between phases (default: a macrotask), so the pane repaints. */
  readonly yieldToUi?: () => Promise<void>;
  /**
   * Runs the engine and the report builder: `index.tsx` passes the worker transport; default the
   * in-thread compute (yielding with `yieldToUi`).
   */
  readonly compute?: ReportCompute;
  /** Told where each run's compute ran (the composition root shows it for tests and support). */
  readonly onComputed?: (transport: ComputeTransport) => void;
}

/** Rows read to find the header row (title rows may sit above it; blank rows are skipped). */
const HEADER_SAMPLE_ROWS = HEADER_SEARCH_ROWS * 2;

/** Adapter error codes → the codes the pane explains (src/taskpane/errors/paneFailure.ts). */
const PANE_CODES: Readonly<Record<string, string>> = {
  SourceEmpty: 'source.empty',
  SourceIsReport: 'source.empty',
  SourceSheetNotFound: 'source.empty',
  SourceTableNotFound: 'source.empty',
  InvalidSelection: 'source.multipleAreas',
  ExcelTooOld: 'ApiNotFound',
  ReadTooLarge: 'RangeExceedsLimit',
};

/** An error for the pane: `code` it knows, the adapter's message as detail, the original as `cause`. */
export class PaneActionError extends Error {
  override readonly name = 'PaneActionError';
  constructor(
    readonly code: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The error with the code the pane knows (adapter codes translated); anything else unchanged. */
function forPane(error: unknown): unknown {
  const code = codeOf(error);
  const mapped = code === undefined ? undefined : PANE_CODES[code];
  if (mapped === undefined) return error;
  return new PaneActionError(mapped, error instanceof Error ? error.message : String(error), error);
}


const REPORT_ROLES: readonly ReportRole[] = ['quarterly', 'commission', 'forecast', 'accounts', 'issues'];

function reportRole(key: string): ReportRole {
  const role = REPORT_ROLES.find((r) => r === key);
  if (role === undefined) throw new Error(`unknown report sheet key ${key}`);
  return role;
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * The header row of a sampled block: the first row that maps every required field (core
 * `detectHeader`), else the row that maps the most fields — so a table that lacks a required
 * column still shows its real header (not a title row above it) and the pane can name what is missing.
 */
function findHeader(grid: Grid): { index: number; headers: string[] } | undefined {
  const detected = detectHeader(grid, TRANSACTION_HEADERS);
  if (detected.ok) return { index: detected.headerIndex, headers: [...detected.headers] };
  const lenient = { ...TRANSACTION_HEADERS, required: [] };
  let best: { index: number; headers: string[]; mapped: number } | undefined;
  let seen = 0;
  for (let index = 0; index < grid.rows.length && seen < HEADER_SEARCH_ROWS; index++) {
    const headers = Array.from(grid.rows[index] ?? [], headerText);
    if (headers.every((h) => h === '')) continue;
    seen++;
    const result = mapColumns(headers, lenient);
    const mapped = result.ok ? Object.values(result.mapping).filter((m) => m !== undefined).length : 0;
    if (best === undefined || mapped > best.mapped) best = { index, headers, mapped };
  }
  return best;
}

function targetOf(source: DetectedSource): Exclude<SourceTarget, { kind: 'auto' }> {
  if (source.kind === 'table' && source.tableName !== undefined) return { kind: 'table', table: source.tableName };
  if (source.kind === 'selection') return { kind: 'range', sheet: source.sheet, address: source.address };
  return { kind: 'sheet', sheet: source.sheet };
}

function sourceLabel(source: DetectedSource): string {
  return source.kind === 'table' && source.tableName !== undefined ? `${source.sheet} › ${source.tableName}` : `${source.sheet} › ${source.address}`;
}

function isLanguage(v: unknown): v is Language {
  return LANGUAGES.some((l) => l === v);
}

/** A stored refresh request, if it has the right shape (the workbook may hold anything). */
function readRefreshRequest(stored: unknown): RefreshRequest | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const r = stored as Partial<RefreshRequest>;
  const s = r.source as Partial<{ kind: string; table: string; sheet: string; address: string }> | undefined;
  const sourceOk =
    s !== undefined &&
    ((s.kind === 'table' && typeof s.table === 'string') ||
      (s.kind === 'sheet' && typeof s.sheet === 'string') ||
      (s.kind === 'range' && typeof s.sheet === 'string' && typeof s.address === 'string'));
  if (r.version !== 1 || !sourceOk || typeof r.options !== 'object' || r.options === null || !isLanguage(r.language)) return undefined;
  return r as RefreshRequest;
}

/** True when a block read is the block the pane showed (see `requestSource`). */
function isBlockShown(grid: Grid, source: DetectedSource): boolean {
  if (!sameName(grid.sheet, source.sheet) || grid.firstRow !== source.headerRow || grid.rows.length !== source.rowCount + 1) return false;
  const shown = new Set(source.headers.map((h) => h.trim().toLowerCase()).filter((h) => h !== ''));
  return (grid.rows[0] ?? []).some((cell) => shown.has(headerText(cell).trim().toLowerCase()));
}

/**
 * The transactions from the header row the pane shows, when that row still holds a mapped
 * header: title rows above it are dropped, so a failure to map names the header the user sees
 * (core `detectHeader` reports the first non-blank row's failure, which would be the title).
 * When the row no longer holds any mapped header (rows inserted or deleted since detection),
 * the grid stays whole and the engine finds the header again.
 */
function fromHeaderRow(tables: SourceTables, request: RunRequest): SourceTables {
  const grid = tables.transactions;
  const skip = request.source.headerRow - grid.firstRow;
  if (skip <= 0 || !sameName(grid.sheet, request.source.sheet) || skip >= grid.rows.length) return tables;
  const mapped = new Set(Object.values(request.mapping).flatMap((m) => (m === undefined ? [] : [m.header.toLowerCase()])));
  const row = grid.rows[skip] ?? [];
  if (!row.some((cell) => mapped.has(headerText(cell).toLowerCase()))) return tables;
  const transactions: Grid = {
    sheet: grid.sheet,
    firstRow: request.source.headerRow,
    rows: grid.rows.slice(skip),
    ...(grid.numberFormats !== undefined && { numberFormats: grid.numberFormats.slice(skip) }),
  };
  return { ...tables, transactions };
}

/**
 * Turns the sink's progress (values written, in rows of all sheets) into "writing sheet k of N":
 * the sheet whose rows are being written, by the rows each sheet of the model has.
 */
function sheetProgress(model: ReportModel, progress: Progress): Progress {
  const names = model.sheets.map((s) => s.name);
  const ends: number[] = [];
  let sum = 0;
  for (const s of model.sheets) ends.push((sum += s.rows.length));
  let last = 0;
  const emit = (k: number) => {
    if (k === last) return;
    last = k;
    progress({ phase: 'writing', done: k, total: names.length, detail: names[k - 1] ?? '' });
  };
  emit(1);
  return (event: ProgressEvent) => {
    if (event.phase !== 'writing') return;
    const finished = event.total > 0 && event.done >= event.total ? names.length : ends.filter((end) => end <= event.done).length;
    emit(Math.max(last, Math.min(names.length, finished + (finished < names.length ? 1 : 0))));
  };
}

/**
 * The pane's {@link PaneActions} over the Excel adapter.
 * @example createRoot(el).render(<App actions={excelPaneActions(officePaneAdapter())} />)
 */
export function excelPaneActions(adapter: ExcelPaneAdapter, options: ExcelPaneActionsOptions = {}): PaneActions {
  const yieldToUi = options.yieldToUi ?? macrotask;
  const compute = options.compute ?? inThreadCompute({ yieldToUi });
  /** The last refresh request stored or loaded; settings changes update its options. */
  let refresh: RefreshRequest | undefined;
  let refreshLoaded = false;
  /** The source last detected or run: issue cells on it are found without reading the sheet. */
  let lastSource: DetectedSource | undefined;

  const guarded = <A extends unknown[], R>(action: string, f: (...args: A) => Promise<R>) => {
    return async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } catch (error) {
        if (!(error instanceof Error && error.name === 'CancelledError')) options.log?.(error, action);
        throw forPane(error);
      }
    };
  };

  const loadRefresh = async (): Promise<RefreshRequest | undefined> => {
    if (!refreshLoaded) {
      const stored = await adapter.readSettings([REFRESH_KEY]);
      refresh = readRefreshRequest(stored[REFRESH_KEY]);
      refreshLoaded = true;
    }
    return refresh;
  };

  /** The source as the adapter finds it; on a report or blank sheet, the last run's source. */
  const locate = async (): Promise<SourceLocation> => {
    try {
      return await adapter.locate({ kind: 'auto' });
    } catch (error) {
      const code = codeOf(error);
      if (code !== 'SourceIsReport' && code !== 'SourceEmpty') throw error;
      // After a run the first report sheet is active: the pane keeps working on the data it ran on.
      const last = await loadRefresh().catch(() => undefined);
      if (last === undefined) throw error;
      try {
        // For a selected block: that block, on its sheet as it is now (nothing is selected or activated).
        return await adapter.locate(last.source);
      } catch {
        throw error;
      }
    }
  };

  const detectSource = async (): Promise<DetectedSource> => {
    const location = await locate();
    if (location.selectionIgnored) {
      throw new PaneActionError('source.multipleAreas', 'Several areas are selected; AccountDesk reads one block of cells.');
    }
    const { block } = location;
    const sample = await adapter.readBlock({ ...block, rowCount: Math.min(block.rowCount, HEADER_SAMPLE_ROWS) });
    const header = findHeader({ sheet: block.sheet, firstRow: block.row + 1, rows: sample });
    if (header === undefined) throw new PaneActionError('source.empty', `The sheet ${block.sheet} has no data in ${rangeA1(block)}.`);
    const headerRow = block.row + 1 + header.index;
    const rowCount = block.rowCount - header.index - 1;
    const detected: DetectedSource = {
      kind: location.kind,
      sheet: block.sheet,
      address: rangeA1({ row: headerRow - 1, col: block.col, rowCount: rowCount + 1, colCount: block.colCount }),
      ...(location.table !== undefined && { tableName: location.table }),
      headerRow,
      firstColumn: block.col,
      rowCount,
      headers: header.headers,
      auxiliary: location.auxiliary,
    };
    lastSource = detected;
    // Fetches what the first run needs (the engine chunk) while the user looks at the mapping.
    void compute.prepare?.().catch(() => undefined);
    return detected;
  };

  /**
   * The request's source as a reader: a selected block is read exactly as it was shown — nothing
   * is selected or activated — and must still be that block: same sheet, first row and size
   * (cut to the data as the selection was), and a first row that still holds one of the headers
   * shown (a renamed column is the engine's to name; a moved table is not the block shown).
   * Title rows above the header shown are dropped (`fromHeaderRow`).
   */
  const requestSource = (request: RunRequest): GridSource => ({
    async read(progress, cancel) {
      const target = targetOf(request.source);
      const tables = await adapter.source(target).read(progress, cancel);
      if (target.kind === 'range' && !isBlockShown(tables.transactions, request.source)) {
        throw new PaneActionError('mapping.notFound', `The selected range ${target.sheet}!${target.address} changed; choose Use selection again.`);
      }
      return fromHeaderRow(tables, request);
    },
  });

  const run = async (request: RunRequest, progress: Progress, cancel: CancelToken) => {
    const runOptions = runOptionsFor(request.settings, request.mapping);
    const label = sourceLabel(request.source);
    lastSource = request.source;
    // Saved first: what Refresh reports reruns, and a workbook that cannot take it cannot take the reports either.
    const next: RefreshRequest = { version: 1, source: targetOf(request.source), options: runOptions, language: request.settings.reportLanguage, sourceLabel: label };
    await adapter.writeSettings({ [REFRESH_KEY]: next });
    refresh = next;
    refreshLoaded = true;
    throwIfCancelled(cancel);

    const writer: ReportWriter = {
      write: (model, readSheets, _progress, token) => adapter.writeReports(model, readSheets, sheetProgress(model, progress), token ?? cancel),
    };
    const outcome = await createReports(
      { source: requestSource(request), compute, writer },
      { options: runOptions, language: request.settings.reportLanguage, sourceLabel: label },
      progress,
      cancel,
    );
    if (!outcome.ok) return outcome;
    options.onComputed?.(outcome.transport);
    const sheets: WrittenSheet[] = outcome.sheets.map((s) => ({ role: reportRole(s.key), name: s.name, wanted: s.requestedName }));
    return { ok: true as const, summary: summaryFromRun(outcome.run, sheets) };
  };

  const loadSettings = async (): Promise<unknown> => {
    const stored = await adapter.readSettings([SETTINGS_KEY, REFRESH_KEY]);
    refresh = readRefreshRequest(stored[REFRESH_KEY]);
    refreshLoaded = true;
    return stored[SETTINGS_KEY];
  };

  const saveSettings = async (settings: RunSettings): Promise<void> => {
    const entries: Record<string, unknown> = { [SETTINGS_KEY]: settings };
    const last = await loadRefresh();
    if (last !== undefined) {
      // Refresh reports reruns with the settings as saved, on the last run's source and columns.
      const options = { ...runOptionsFor(settings, emptyMapping()), mapping: last.options.mapping ?? {} };
      refresh = { ...last, options, language: settings.reportLanguage };
      entries[REFRESH_KEY] = refresh;
    }
    await adapter.writeSettings(entries);
  };

  /** The sheet the plan lives on: the first sheet named like a commission plan that AccountDesk did not create. */
  const planSheets = async (): Promise<string[]> =>
    (await adapter.sheets()).filter((s) => !s.owned && sheetRole(s.name) === 'plan').map((s) => s.name);

  const loadPlan = async (): Promise<PlanResult | null> => {
    for (const name of await planSheets()) {
      const used = await adapter.readUsedRange(name);
      // A blank plan sheet is skipped, as the run's reader does.
      if (used !== null) return parsePlanGrid(used.grid);
    }
    return null;
  };

  const savePlan = async (plan: CommissionPlan): Promise<void> => {
    const [existing] = await planSheets();
    await adapter.writeTextSheet(existing ?? 'Commission Plan', planToRows(plan));
  };

  /** The 0-based column of a header on a sheet: from the detected source, else from the sheet's first rows. */
  const columnOf = async (cell: SourceCellRef): Promise<number | undefined> => {
    const wanted = cell.column.trim();
    if (wanted === '') return undefined;
    const source = lastSource;
    if (source !== undefined && sameName(source.sheet, cell.sheet)) {
      const i = source.headers.findIndex((h) => sameName(h, wanted));
      if (i >= 0) return source.firstColumn + i;
    }
    // Another sheet (quotas, targets …): its header is among its first rows.
    const { block } = await adapter.locate({ kind: 'sheet', sheet: cell.sheet });
    const rows = await adapter.readBlock({ ...block, rowCount: Math.min(block.rowCount, HEADER_SAMPLE_ROWS) });
    for (const row of rows) {
      const i = row.findIndex((v) => sameName(headerText(v), wanted));
      if (i >= 0) return block.col + i;
    }
    return undefined;
  };

  const selectSourceCell = async (cell: SourceCellRef): Promise<void> => {
    const col = (await columnOf(cell)) ?? lastSource?.firstColumn ?? 0;
    await adapter.selectRange(cell.sheet, rangeA1({ row: cell.row - 1, col, rowCount: 1, colCount: 1 }));
  };

  return {
    detectSource: guarded('detectSource', detectSource),
    run: guarded('run', run),
    activateSheet: guarded('activateSheet', (name: string) => adapter.activateSheet(name)),
    selectSourceCell: guarded('selectSourceCell', selectSourceCell),
    loadSettings: guarded('loadSettings', loadSettings),
    saveSettings: guarded('saveSettings', saveSettings),
    loadPlan: guarded('loadPlan', loadPlan),
    savePlan: guarded('savePlan', savePlan),
  };
}

/**
 * Actions for an Excel that cannot run AccountDesk (requirement sets missing): finding the data
 * and running fail with `ApiNotFound` and the adapter's message naming the Excel versions that
 * work, which the pane shows once; nothing else complains.
 */
export function unsupportedPaneActions(message: string): PaneActions {
  const fail = (): Promise<never> => Promise.reject(new PaneActionError('ApiNotFound', message));
  return {
    detectSource: fail,
    run: fail,
    activateSheet: fail,
    selectSourceCell: fail,
    loadSettings: () => Promise.resolve(undefined),
    saveSettings: () => Promise.resolve(),
    loadPlan: () => Promise.resolve(null),
    savePlan: fail,
  };
}
