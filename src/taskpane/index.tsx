import { FluentProvider } from '@fluentui/react-components';
import { StrictMode, useEffect, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { workerCompute } from '../app/engineWorker/workerCompute';
import { inThreadCompute, type ComputeTransport, type ReportCompute } from '../app/reportCompute';
import { officeErrorMessage } from '../excel/officeErrorMessage';
import { officePaneAdapter } from '../excel/officePaneAdapter';
import { checkRequirements } from '../excel/requirements';
import { App } from './App';
import { excelPaneActions, unsupportedPaneActions } from './excelPaneActions';
import type { PaneActions } from './paneActions';
import { FORCED_COLORS_QUERY, paneTheme, type OfficeThemeColors } from './theme';

/*
 * Composition root of the task pane: the one UI module that may wire the Excel adapter in and
 * name Office.js (DESIGN.md §1). It gives the pane's actions src/excel's `officePaneAdapter` (the
 * pane's port to Excel) and the engine's worker transport (in-thread where there is no
 * `Worker`), checks the requirement sets, picks the theme and the display language, and renders
 * <App>. The playground (test/playground) loads this same module with the Excel simulator installed.
 */

/** Failures go to the console with Office's debug info; the pane shows the user what to do. */
function logFailure(error: unknown, action: string): void {
  const report = officeErrorMessage(error, 'read');
  console.error(`AccountDesk: ${action} failed (${report.code})`, report.debugInfo ?? '', error);
}

/**
 * The engine off the pane's thread: a Web Worker per run (its script is a same-origin file of
 * the build, loaded on the first run), or the in-thread compute where `Worker` does not exist or
 * the worker cannot be loaded.
 */
function engineCompute(): ReportCompute {
  const inThread = inThreadCompute();
  if (typeof Worker === 'undefined') return inThread;
  return workerCompute({
    spawn: async () => (await import('../app/engineWorker/spawnEngineWorker')).spawnEngineWorker(),
    fallback: inThread,
    log: (message, error) => console.warn(`AccountDesk: ${message}`, error),
  });
}

/** Shows where the last run computed (`data-engine` on the pane's container) for tests and support. */
function showTransport(transport: ComputeTransport): void {
  const container = document.getElementById('container');
  if (container !== null) container.dataset.engine = transport;
}

/** The actions the pane gets: over Excel, or, where Excel lacks a needed API, ones that say which Excel is needed. */
function paneActions(): PaneActions {
  const check = checkRequirements();
  if (!check.ok) return unsupportedPaneActions(check.message ?? 'This version of Excel cannot run AccountDesk.');
  return excelPaneActions(officePaneAdapter(), { log: logFailure, compute: engineCompute(), onComputed: showTransport });
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

// Started in a page only.
if (typeof document !== 'undefined') {
  Office.onReady()
    .then(render)
    .catch((error: unknown) => {
      // Nothing else can show this: the pane failed before React rendered.
      document.body.textContent = `AccountDesk could not start: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    });
}
