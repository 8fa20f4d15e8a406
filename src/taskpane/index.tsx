import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

/**
 * Composition root of the task pane: the one UI module that may wire the Excel adapter in
 * (DESIGN.md §1). Components below get their actions and state as props.
 */
function render(): void {
  const container = document.getElementById('container');
  if (container === null) throw new Error('taskpane.html has no #container element');
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <App />
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
