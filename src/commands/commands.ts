/**
 * Ribbon function commands: the manifest's FunctionFile (commands.html) loads this bundle, and
 * each ExecuteFunction button names a function registered here with `Office.actions.associate`.
 *
 * "Refresh reports" reruns the last analysis without opening the pane: the source, engine
 * options (column mapping included) and report language the task pane stored under
 * `AccountDesk.refresh` in `workbook.settings` when it last ran — kept up to date when its
 * settings change — or, in a workbook the pane never ran on, the pane's defaults on the data it
 * would find (the selection, a table, or the used range of the active sheet). It runs src/app's
 * `createReports` — the pane's run too — over ExcelGridSource (a selected block is read as it
 * was, without selecting it), the in-thread compute (a function command has no UI to keep
 * responsive) and ExcelReportSink, with the report in the stored language. The outcome is stored under
 * `AccountDesk.refreshStatus`; a failure is also shown in a small dialog (this same page opened
 * with `?notice=`), since a function command has no other UI. `event.completed()` is always called.
 */
import { createReports } from '../app/createReports';
import type { SourceTarget } from '../app/excelPaneAdapter';
import { inThreadCompute } from '../app/reportCompute';
import type { RunOptions } from '../app/runAnalysis';
import { message } from '../reports/i18n/catalog';
import { languageFromTag, LANGUAGES, type Language } from '../reports/i18n/language';
import { ExcelGridSource } from '../excel/excelGridSource';
import { ExcelReportSink } from '../excel/excelReportSink';
import { officeErrorMessage } from '../excel/officeErrorMessage';
import { gridSourceOptions } from '../excel/officePaneAdapter';
import { checkRequirements } from '../excel/requirements';

/** `workbook.settings` key the task pane stores its last run under (src/taskpane/excelPaneActions.ts `REFRESH_KEY`). */
export const REFRESH_KEY = 'AccountDesk.refresh';

/** `workbook.settings` key of the last refresh's outcome ({@link RefreshOutcome} plus a time stamp). */
export const REFRESH_STATUS_KEY = 'AccountDesk.refreshStatus';

/** The Office dialog event that says the user closed the dialog. */
const DIALOG_CLOSED = 12006;

/** How long the command waits for the user to close a notice before it completes anyway. */
const NOTICE_TIMEOUT_MS = 4 * 60 * 1000;

type RefreshSource = Exclude<SourceTarget, { kind: 'auto' }>;

/** What the pane stored (RefreshRequest of excelPaneActions.ts), as far as the command relies on it. */
interface StoredRefresh {
  readonly source: RefreshSource;
  readonly options: RunOptions;
  readonly language: Language;
  readonly sourceLabel?: string;
}

export interface RefreshOutcome {
  readonly ok: boolean;
  /** What happened, for the status and the notice: the report sheets written, or what went wrong and what to do. */
  readonly message: string;
  /** Error code (Office, adapter or engine) when not ok. */
  readonly code?: string;
  /** The report sheets written. */
  readonly sheets: readonly string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The stored request if it has the shape the pane writes (the workbook may hold anything). */
export function readStoredRefresh(stored: unknown): StoredRefresh | undefined {
  if (!isRecord(stored) || stored.version !== 1 || !isRecord(stored.source) || !isRecord(stored.options)) return undefined;
  const s = stored.source;
  const sourceOk =
    (s.kind === 'table' && typeof s.table === 'string') ||
    (s.kind === 'sheet' && typeof s.sheet === 'string') ||
    (s.kind === 'range' && typeof s.sheet === 'string' && typeof s.address === 'string');
  const language = LANGUAGES.find((l) => l === stored.language);
  if (!sourceOk || language === undefined) return undefined;
  const o = stored.options;
  // analyseTables checks the as-of date; the fiscal start month it takes as given.
  const fiscalOk = o.fiscalStart === undefined || (Number.isInteger(o.fiscalStart) && Number(o.fiscalStart) >= 1 && Number(o.fiscalStart) <= 12);
  const options = (fiscalOk ? o : { ...o, fiscalStart: undefined }) as RunOptions;
  return {
    source: s as RefreshSource,
    options,
    language,
    ...(typeof stored.sourceLabel === 'string' && { sourceLabel: stored.sourceLabel }),
  };
}

async function readSetting(key: string): Promise<unknown> {
  return Excel.run({ delayForCellEdit: true }, async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(key).load('value');
    await context.sync();
    return item.isNullObject ? undefined : (item.value as unknown);
  });
}

async function writeSetting(key: string, value: unknown): Promise<void> {
  await Excel.run({ delayForCellEdit: true }, async (context) => {
    context.workbook.settings.add(key, value);
    await context.sync();
  });
}

/**
 * Reruns the last analysis and replaces the report sheets. Never throws: failures come back as
 * an outcome with a message saying what to do.
 */
export async function refresh(): Promise<RefreshOutcome> {
  const displayLanguage = languageFromTag(Office.context.displayLanguage);
  try {
    const check = checkRequirements();
    if (!check.ok) return { ok: false, code: 'ExcelTooOld', message: check.message ?? '', sheets: [] };
    const request = readStoredRefresh(await readSetting(REFRESH_KEY));
    const outcome = await createReports(
      {
        source: new ExcelGridSource(gridSourceOptions(request?.source ?? { kind: 'auto' })),
        compute: inThreadCompute(),
        writer: { write: async (model, readSheets, progress, cancel) => (await new ExcelReportSink({ protectSheets: readSheets }).write(model, progress, cancel)).sheets },
      },
      {
        options: request?.options ?? {},
        language: request?.language ?? displayLanguage,
        ...(request?.sourceLabel !== undefined && { sourceLabel: request.sourceLabel }),
      },
    );
    if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message, sheets: [] };
    const sheets = outcome.sheets.map((s) => s.name);
    return { ok: true, message: `${message(displayLanguage, 'pane.results.title')}: ${sheets.join(', ')}`, sheets };
  } catch (error) {
    const report = officeErrorMessage(error, 'write');
    console.error(`AccountDesk: Refresh reports failed (${report.code})`, report.debugInfo ?? '', error);
    return { ok: false, code: report.code, message: report.message, sheets: [] };
  }
}

/** Shows a failure in a small Office dialog; resolves when the user closes it (or it cannot open). */
function showNotice(text: string): Promise<void> {
  const ui = (Office.context as Partial<Office.Context>).ui;
  if (ui === undefined || typeof ui.displayDialogAsync !== 'function') return Promise.resolve();
  const url = new URL(window.location.href);
  url.search = new URLSearchParams({ notice: text }).toString();
  url.hash = '';
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, NOTICE_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    ui.displayDialogAsync(url.toString(), { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        console.error('AccountDesk: could not show the Refresh reports notice', result.error, text);
        done();
        return;
      }
      result.value.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        if ('error' in arg && arg.error === DIALOG_CLOSED) done();
      });
    });
  });
}

/**
 * "Refresh reports" (manifest FunctionName `refreshReports`): reruns the last analysis with the
 * saved settings, records the outcome in the workbook, shows a failure, and always completes.
 */
export async function refreshReports(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await refresh();
    await writeSetting(REFRESH_STATUS_KEY, { ...outcome, at: new Date().toISOString() }).catch((error: unknown) => {
      console.error('AccountDesk: could not record the Refresh reports status', error);
    });
    if (!outcome.ok) {
      const language = languageFromTag(Office.context.displayLanguage);
      await showNotice(`${message(language, 'pane.appTitle')}: ${outcome.message}`);
    }
  } finally {
    event.completed();
  }
}

/** The notice page: commands.html opened as a dialog with `?notice=` shows the text and nothing else. */
function renderNotice(text: string): void {
  document.title = 'AccountDesk';
  const p = document.createElement('p');
  p.textContent = text;
  p.setAttribute('role', 'alert');
  p.style.font = '14px "Segoe UI", system-ui, sans-serif';
  p.style.margin = '16px';
  p.style.lineHeight = '1.4';
  document.body.replaceChildren(p);
}

const notice = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('notice');
if (notice !== null) renderNotice(notice);
else {
  Office.actions.associate('refreshReports', (event: Office.AddinCommands.Event) => {
    refreshReports(event).catch((error: unknown) => console.error('AccountDesk: Refresh reports failed', error));
  });
}
