import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { PaneActions } from './paneActions';

/**
 * Composition root of the task pane: the one UI module that may wire the Excel adapter in
 * (DESIGN.md §1). Components below get their actions and state as props.
 *
 * Until the Excel adapter (src/excel) lands, every action fails with a clear error, which the
 * pane shows in its ErrorBar; wiring the adapter replaces `notConnected` below.
 */
const notConnected = (): Promise<never> =>
  Promise.reject(Object.assign(new Error('The Excel adapter is not connected to the task pane yet.'), { code: 'adapter.missing' }));

const actions: PaneActions = {
  detectSource: notConnected,
  run: notConnected,
  activateSheet: notConnected,
  selectSourceCell: notConnected,
  loadSettings: () => Promise.resolve(undefined),
  saveSettings: () => Promise.resolve(),
  loadPlan: () => Promise.resolve(null),
  savePlan: notConnected,
};

function render(): void {
  const container = document.getElementById('container');
  if (container === null) throw new Error('taskpane.html has no #container element');
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App actions={actions} displayLanguage={Office.context.displayLanguage} />
      </FluentProvider>
    </StrictMode>,
  );
}

Office.onReady()
  .then(render)
  .catch((error: unknown) => {
    // Nothing else can show this: the pane failed before React rendered.
    document.body.textContent = `AccountDesk could not start: ${error instanceof Error ? error.message : String(error)}`;
    throw error;
  });
