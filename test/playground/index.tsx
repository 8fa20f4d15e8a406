import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { message, type CatalogKey, type MessageParams } from '../../src/reports/i18n/catalog';
import type { Language } from '../../src/reports/i18n/language';
import { ExcelSimulator, type WorkbookSeed } from '../support/excelSimulator';
import { playgroundParams } from './params';
import { seedVariant } from './seedVariants';
import { installSimulatedOffice, type SimulatedOffice } from './simulatedOffice';
import { WorkbookView } from './WorkbookView';

/**
 * The playground page (scripts/playground.js serves it): the Excel simulator, seeded with the
 * sample workbook (/seed.json), installed as the page's Excel/Office/OfficeExtension; the
 * simulated workbook on the left; on the right the real task pane — src/taskpane/index.tsx,
 * the production entry, loaded only once the simulator is in place — and the real ribbon
 * command file (src/commands/commands.ts), run by the toolbar's Refresh reports button.
 */
declare global {
  interface Window {
    /** For the browser tests and scripts/paneScreenshots.js: the workbook, the host, and the message catalog. */
    accountDeskPlayground?: {
      readonly sim: ExcelSimulator;
      readonly office: SimulatedOffice;
      readonly t: (language: Language, key: CatalogKey, params?: MessageParams) => string;
    };
  }
}

async function main(): Promise<void> {
  const params = playgroundParams(window.location.search);
  const response = await fetch('/seed.json');
  if (!response.ok) throw new Error(`/seed.json: ${response.status} ${response.statusText}`);
  const seed = seedVariant((await response.json()) as WorkbookSeed, params.variant);
  const sim = ExcelSimulator.create(seed, { apiVersion: params.api, displayLanguage: params.lang, platform: 'web' });
  if (params.select !== undefined) sim.select(params.select.sheet, params.select.address);
  const office = installSimulatedOffice(sim, { latencyMs: params.latencyMs, theme: params.theme });
  window.accountDeskPlayground = { sim, office, t: message };

  const workbook = document.getElementById('workbook');
  if (workbook === null) throw new Error('index.html has no #workbook element');
  createRoot(workbook).render(
    <StrictMode>
      <FluentProvider theme={params.theme === 'dark' ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
        <WorkbookView sim={sim} office={office} />
      </FluentProvider>
    </StrictMode>,
  );

  // A host without Web Workers: the pane computes in its own thread.
  if (params.engine === 'thread') (globalThis as { Worker?: unknown }).Worker = undefined;

  // The add-in's two entry points, as Office loads them.
  await import('../../src/commands/commands');
  await import('../../src/taskpane/index');
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  document.body.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
