/**
 * The task pane in Chromium (DESIGN.md §6): the real pane and ribbon command in the playground,
 * against the Excel simulator seeded with the sample workbook. The engine's own run on the same
 * sample in Node gives the expected numbers and report cells.
 *
 * Without Chromium the suite logs SKIPPED and passes — except in CI (`CI=true`), where it fails.
 */
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { analyseTables, type RunResult } from '../../src/app/runAnalysis';
import { FileSource } from '../../src/cli/fileSource';
import { detectHeader } from '../../src/core/intake/detectHeader';
import { TRANSACTION_HEADERS } from '../../src/core/intake/transactionHeaders';
import { buildReportModel } from '../../src/reports/build';
import { message, type CatalogKey } from '../../src/reports/i18n/catalog';
import type { Language } from '../../src/reports/i18n/language';
import type { ReportModel } from '../../src/reports/model';
import { paneLocale } from '../../src/taskpane/i18n/paneLocale';
import { detectMapping } from '../../src/taskpane/mapping/fieldMapping';
import { summaryFromRun, type RunSummary } from '../../src/taskpane/results/runSummary';
import { runOptionsFor } from '../../src/taskpane/settings/runOptions';
import { defaultRunSettings } from '../../src/taskpane/settings/runSettings';
import type { SheetDump } from '../support/excelSimulator';
import { browserAvailability, startSession, type BrowserSession } from './support/browser';

const SAMPLE = resolve(__dirname, '../../samples/AccountDesk-sample.xlsx');
/** The range the pane finds on the sample's Sales sheet (a title row and a blank row above the header). */
const SOURCE_LABEL = 'Sales › A3:G6447';
const REPORT_KEYS = ['quarterly', 'commission', 'forecast', 'accounts', 'issues'] as const;

jest.setTimeout(60_000);

/** The engine's run on the sample in Node, with the options the pane's defaults give. */
async function engineRun(): Promise<RunResult> {
  const tables = await new FileSource({ input: SAMPLE, files: {}, hasTransactionHeader: (g) => detectHeader(g, TRANSACTION_HEADERS).ok }).read();
  const header = detectHeader(tables.transactions, TRANSACTION_HEADERS);
  if (!header.ok) throw new Error(header.message);
  const outcome = analyseTables(tables, runOptionsFor(defaultRunSettings(), detectMapping(header.headers)));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

function reportModel(run: RunResult, language: Language): ReportModel {
  return buildReportModel(run, { language, sourceLabel: SOURCE_LABEL, reviewAfter: 2 });
}

// ------------------------------------------------------------------ page helpers

const t = (language: Language, key: CatalogKey, params?: Record<string, string | number>) => message(language, key, params);

/** The value next to a label in the results card's facts. */
function fact(page: Page, label: string): Locator {
  return page.locator('dt', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]');
}

/** Opens a dropdown and picks an option; opens it again if it closed while its section was still moving into place. */
async function choose(page: Page, combobox: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: combobox });
  const item = page.getByRole('option', { name: option });
  for (let attempt = 1; ; attempt++) {
    if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click();
    try {
      await item.waitFor({ timeout: 3_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await item.click();
}

async function createReports(page: Page, language: Language): Promise<void> {
  const button = page.getByRole('button', { name: t(language, 'pane.source.createReports') });
  await page.waitForFunction((name) => {
    const b = [...document.querySelectorAll('button')].find((x) => x.textContent === name);
    return b !== undefined && b.getAttribute('aria-disabled') !== 'true' && !b.disabled;
  }, t(language, 'pane.source.createReports'));
  await button.click();
}

/** The simulated workbook's sheets (values evaluated), without the big source sheet. */
function reportDump(page: Page): Promise<SheetDump[]> {
  return page.evaluate(() => {
    const sim = window.accountDeskPlayground?.sim;
    if (sim === undefined) throw new Error('no playground');
    return sim.dump().sheets.filter((s) => s.customProperties['AccountDesk.owned'] !== undefined || s.name.startsWith('~AD'));
  });
}

function sheetTabs(page: Page): Promise<string[]> {
  return page.locator('[data-sheet-tab]').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('data-sheet-tab') ?? ''));
}

/** Every cell the model holds as a value (not a formula) must be in the simulated sheet, at the same place. */
function expectSameValues(dump: SheetDump, model: ReportModel['sheets'][number]): void {
  const mismatches: string[] = [];
  model.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      const expected = cell.kind === 'text' ? cell.text : cell.kind === 'number' ? cell.value : cell.kind === 'date' ? cell.day : cell.kind === 'boolean' ? cell.value : undefined;
      if (expected === undefined) return;
      const actual = dump.values[r]?.[c];
      if (actual !== expected && !(expected === '' && (actual === null || actual === undefined))) mismatches.push(`${model.name} R${r + 1}C${c + 1}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }),
  );
  expect(mismatches.slice(0, 10)).toEqual([]);
}

/** Rows of the generated workbook (playground variant `scale-N`) of the responsiveness test. */
const SCALE_ROWS = 200_000;

/** Records the page's long tasks and, per task, the run phase the pane showed when it started. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[]; phases: [string, number][] };
    w.longTasks = [];
    w.phases = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    const container = document.getElementById('container');
    if (container === null) throw new Error('no #container');
    let last = '';
    new MutationObserver(() => {
      const phase = /(Reading rows|Computing|Writing sheet)/.exec(container.textContent ?? '')?.[1] ?? 'other';
      if (phase !== last) w.phases.push([(last = phase), performance.now()]);
    }).observe(container, { subtree: true, childList: true, characterData: true });
  });
}

/** The longest main-thread task (ms) that started while the pane showed `phase`. */
function longestTaskWhile(page: Page, phase: string): Promise<number> {
  return page.evaluate((wanted) => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[]; phases: [string, number][] };
    const phaseAt = (t: number) => w.phases.filter(([, start]) => start <= t).pop()?.[0] ?? 'before';
    return Math.round(Math.max(0, ...w.longTasks.filter((task) => phaseAt(task.start) === wanted).map((task) => task.duration)));
  }, phase);
}

// ------------------------------------------------------------------ suite

const availability = browserAvailability();

if (!availability.run) {
  describe('task pane in Chromium', () => {
    test(availability.fail ? 'needs Chromium in CI' : 'SKIPPED: no Chromium', () => {
      if (availability.fail) throw new Error(`CI=true but ${availability.reason}; .ci/run installs it with apt.`);
      console.warn(`SKIPPED browser tests: ${availability.reason}`);
    });
  });
} else {
  describe('task pane in Chromium (playground)', () => {
    let session: BrowserSession;
    let run: RunResult;
    let summary: RunSummary;

    beforeAll(async () => {
      [session, run] = await Promise.all([startSession(), engineRun()]);
      summary = summaryFromRun(run, []);
    }, 150_000);

    afterAll(async () => {
      await session?.close();
    });

    afterEach(() => {
      expect(session.external).toEqual([]);
    });

    test('Create reports on the sample: the five report sheets with the engine’s numbers', async () => {
      const page = await session.open({ lang: 'en-US' });
      const { format } = paneLocale('en', 'en-US');
      await page.getByText('A3:G6447').waitFor();
      await createReports(page, 'en');
      await page.getByRole('heading', { name: t('en', 'pane.results.title') }).waitFor();

      // The results card: the engine's headline numbers, as the pane formats them.
      expect(await fact(page, t('en', 'pane.results.totalRevenue')).textContent()).toBe(format.money(summary.totalRevenue, 'EUR'));
      expect(await fact(page, t('en', 'pane.results.totalPayout')).textContent()).toBe(format.money(summary.totalPayout ?? NaN, 'EUR'));
      expect(await fact(page, t('en', 'pane.results.hhi')).textContent()).toBe(`${format.integer(summary.hhi)} (${t('en', 'pane.results.band.low')})`);
      expect(await fact(page, t('en', 'pane.results.rowsRejected')).textContent()).toBe(`${summary.rejected} of ${format.integer(summary.rows)}`);
      expect(summary.totalRevenue).toBe(1_394_046_238);

      // The simulated workbook: the five report sheets after the user's, with the engine's cells.
      const model = reportModel(run, 'en');
      const names = model.sheets.map((s) => s.name);
      expect(names).toEqual(REPORT_KEYS.map((k) => t('en', `sheet.${k}`)));
      await page.locator(`[data-sheet-tab="${names[4]}"]`).waitFor();
      expect((await sheetTabs(page)).slice(-5)).toEqual(names);
      const dump = await reportDump(page);
      expect(dump.map((s) => [s.name, s.customProperties['AccountDesk.owned']])).toEqual(model.sheets.map((s) => [s.name, s.key]));
      model.sheets.forEach((sheet, i) => expectSameValues(dump[i] as SheetDump, sheet));

      // Headline numbers in the sheets: HHI and revenue as values, the payout through the sheet's own formulas.
      const byName = new Map(dump.map((s) => [s.name, s]));
      const rowOf = (sheet: string, label: string) => {
        const rows = model.sheets.find((s) => s.name === sheet)?.rows ?? [];
        return rows.findIndex((row) => row[0]?.kind === 'text' && row[0].text === label);
      };
      expect(byName.get('Account Status')?.values[rowOf('Account Status', 'HHI')]?.[1]).toBeCloseTo(summary.hhi, 9);
      expect(byName.get('Forecast')?.values[rowOf('Forecast', 'Team')]?.[1]).toBeCloseTo(summary.totalRevenue / 100, 6);
      const quarterly = byName.get('Quarterly Results')?.values ?? [];
      const teamPayout = quarterly.filter((row) => row[1] === 'Team').reduce((s, row) => s + Number(row[8]), 0);
      expect(teamPayout).toBeCloseTo((summary.totalPayout ?? NaN) / 100, 6);

      // The engine ran in its Web Worker (the pane marks where each run computed).
      expect(await page.locator('#container').getAttribute('data-engine')).toBe('worker');

      // The grid shows the first report sheet, which the run activated.
      await page.locator('[data-testid="grid"][data-sheet="Quarterly Results"]').waitFor();
      expect(await page.locator('[data-cell="A1"]').textContent()).toBe(model.sheets[0]?.rows[0]?.[0]?.kind === 'text' ? (model.sheets[0].rows[0][0] as { text: string }).text : '');

      // A data issue selects its source cell (row 264, column Amount = F).
      await page.getByRole('button', { name: t('en', 'pane.results.issues.goTo', { sheet: 'Sales', row: 264, column: 'Amount' }) }).click();
      await page.locator('[data-testid="grid"][data-sheet="Sales"]').waitFor();
      await expect(page.getByTestId('name-box').textContent()).resolves.toBe('F264');
      expect(session.errors).toEqual([]);
      await page.close();
    });

    test('language switch: Polish labels, then Polish reports; Refresh reports (ribbon) reruns them', async () => {
      const page = await session.open({ lang: 'en-US' });
      await page.getByRole('button', { name: t('en', 'pane.source.createReports') }).waitFor();
      await choose(page, t('en', 'pane.language'), 'Polski');
      await page.getByRole('heading', { name: t('pl', 'pane.source.title') }).waitFor();
      await page.getByRole('button', { name: t('pl', 'pane.source.createReports') }).waitFor();
      expect(await page.locator('main').getAttribute('lang')).toBe('pl');

      // Report language Polish (a setting, saved in the workbook), then run.
      await page.getByRole('button', { name: t('pl', 'pane.settings.title') }).click();
      await choose(page, t('pl', 'pane.settings.reportLanguage'), 'Polski');
      await page.getByRole('combobox', { name: t('pl', 'pane.settings.reportLanguage') }).filter({ hasText: 'Polski' }).waitFor();
      await createReports(page, 'pl');
      await page.getByRole('heading', { name: t('pl', 'pane.results.title') }).waitFor();
      const polish = reportModel(run, 'pl').sheets.map((s) => s.name);
      await page.locator(`[data-sheet-tab="${polish[0]}"]`).waitFor();
      expect((await sheetTabs(page)).slice(-5)).toEqual(polish);
      const settings = await page.evaluate(() => window.accountDeskPlayground?.sim.dump().settings);
      expect(settings?.['AccountDesk.settings']).toMatchObject({ reportLanguage: 'pl' });

      // The ribbon's Refresh reports: same reports again, rewritten, without the pane.
      const before = (await reportDump(page)).map((s) => s.version);
      await page.getByTestId('refresh-reports').click();
      await page.locator('[data-testid="command-status"][data-status="done"]').waitFor();
      const after = await reportDump(page);
      expect(after.map((s) => s.name)).toEqual(polish);
      expect(after.map((s) => s.version)).not.toEqual(before);
      const status = await page.evaluate(() => window.accountDeskPlayground?.sim.dump().settings['AccountDesk.refreshStatus']);
      expect(status).toMatchObject({ ok: true, sheets: polish });
      expect(session.errors).toEqual([]);
      await page.close();
    });

    test('Cancel stops the run and leaves the previous reports as they were', async () => {
      const page = await session.open({ lang: 'en-US' });
      await createReports(page, 'en');
      await page.getByRole('heading', { name: t('en', 'pane.results.title') }).waitFor();
      const before = await reportDump(page);

      // Slow syncs (300 ms each), so the run is still reading when Cancel is pressed.
      await page.evaluate(() => window.accountDeskPlayground?.office.setLatency(300));
      await createReports(page, 'en');
      await page.getByText(/^Reading rows: /).waitFor();
      await page.getByRole('button', { name: t('en', 'pane.progress.cancel') }).click();
      await page.getByText(t('en', 'pane.cancelled')).waitFor();
      const after = await reportDump(page);
      expect(after.map((s) => [s.name, s.version])).toEqual(before.map((s) => [s.name, s.version]));
      expect(after.some((s) => s.name.startsWith('~AD'))).toBe(false);
      expect(session.errors).toEqual([]);
      await page.close();
    });

    test('a missing column: named before the run; a column gone since detection stops the run with what to do', async () => {
      // The Sales sheet without its Account Manager column.
      const page = await session.open({ lang: 'en-US', variant: 'no-manager' });
      const missing = page.getByTestId('mapping-missing');
      await missing.waitFor();
      expect(await missing.textContent()).toContain(t('en', 'pane.field.manager'));
      await page.getByText(t('en', 'pane.source.blocked.mapping')).waitFor();
      await page.close();

      // The header changed after the pane found it: the engine refuses the stale column.
      const stale = await session.open({ lang: 'en-US' });
      await stale.getByRole('button', { name: t('en', 'pane.source.createReports') }).waitFor();
      await stale.evaluate(() =>
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem('Sales').getRange('D3').values = [['Owner']];
          await context.sync();
        }),
      );
      await createReports(stale, 'en');
      const error = stale.locator('[data-failure="mappingNotFound"]');
      await error.waitFor();
      expect(await error.textContent()).toContain(t('en', 'pane.error.mappingNotFound.title'));
      expect(await error.textContent()).toContain('Account Manager');
      expect((await reportDump(stale)).length).toBe(0);

      // The ribbon command on data without a manager column: a notice says what is missing.
      const ribbon = await session.open({ lang: 'en-US', variant: 'no-manager' });
      await ribbon.getByTestId('refresh-reports').click();
      const notice = ribbon.getByTestId('office-dialog');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/manager/i);
      await ribbon.getByRole('button', { name: 'Close' }).click();
      await ribbon.locator('[data-testid="command-status"][data-status="done"]').waitFor();
      expect(session.errors).toEqual([]);
      await ribbon.close();
    });

    test('plan editor: the plan saved to the Commission Plan sheet is the one the run applies', async () => {
      const page = await session.open({ lang: 'en-US' });
      const { format } = paneLocale('en', 'en-US');
      await page.getByRole('button', { name: t('en', 'pane.plan.title') }).click();
      await page.getByRole('button', { name: t('en', 'pane.plan.edit') }).click();
      await page.getByRole('button', { name: t('en', 'pane.plan.save') }).click();
      await page.getByText(t('en', 'pane.plan.saved')).waitFor();
      const sheet = await page.evaluate(() => {
        const sim = window.accountDeskPlayground?.sim;
        return sim === undefined ? undefined : { a1: sim.cell('Commission Plan', 'A1').value, format: sim.cell('Commission Plan', 'B2').numberFormat };
      });
      expect(sheet).toEqual({ a1: 'Setting', format: '@' });
      await createReports(page, 'en');
      await page.getByRole('heading', { name: t('en', 'pane.results.title') }).waitFor();
      expect(await fact(page, t('en', 'pane.results.totalPayout')).textContent()).toBe(format.money(summary.totalPayout ?? NaN, 'EUR'));
      expect(session.errors).toEqual([]);
      await page.close();
    });

    test('an Excel without the needed API sets: the pane says which Excel is needed', async () => {
      const page = await session.open({ lang: 'en-US', api: '1.7' });
      const error = page.locator('[data-failure="unsupported"]');
      await error.waitFor();
      expect(await error.textContent()).toContain(t('en', 'pane.error.unsupported.title'));
      expect(await error.textContent()).toContain('1.12');
      await page.close();
    });

    test('without Web Workers the pane computes in its own thread: the same numbers and report cells', async () => {
      const page = await session.open({ lang: 'en-US', engine: 'thread' });
      const { format } = paneLocale('en', 'en-US');
      await createReports(page, 'en');
      await page.getByRole('heading', { name: t('en', 'pane.results.title') }).waitFor();
      expect(await page.locator('#container').getAttribute('data-engine')).toBe('thread');
      expect(await fact(page, t('en', 'pane.results.totalRevenue')).textContent()).toBe(format.money(summary.totalRevenue, 'EUR'));
      expect(await fact(page, t('en', 'pane.results.totalPayout')).textContent()).toBe(format.money(summary.totalPayout ?? NaN, 'EUR'));
      const model = reportModel(run, 'en');
      const dump = await reportDump(page);
      model.sheets.forEach((sheet, i) => expectSameValues(dump[i] as SheetDump, sheet));
      expect(session.errors).toEqual([]);
      await page.close();
    });

    test('a worker file that cannot be loaded (blocked, missing): the run computes in the pane instead, and says where', async () => {
      const page = await session.open({ lang: 'en-US' });
      await page.route(/accountdesk-engine\.js$/, (route) => route.abort());
      await createReports(page, 'en');
      await page.getByRole('heading', { name: t('en', 'pane.results.title') }).waitFor();
      expect(await page.locator('#container').getAttribute('data-engine')).toBe('thread');
      expect(await fact(page, t('en', 'pane.results.rowsRejected')).textContent()).toMatch(/ of 6,444$/);
      expect(session.errors).toEqual([]);
      await page.close();
    });

    test(`${SCALE_ROWS.toLocaleString('en')} rows: the worker keeps the pane responsive while computing; Cancel then stops it and writes nothing`, async () => {
      const freeze: Record<string, number> = {};
      for (const engine of ['thread', 'worker'] as const) {
        const page = await session.open({ lang: 'en-US', variant: `scale-${SCALE_ROWS}`, engine, latency: '5' });
        await page.getByText(`A1:D${SCALE_ROWS + 1}`).waitFor({ timeout: 60_000 });
        await watchLongTasks(page);
        await createReports(page, 'en');
        await page.getByRole('heading', { name: t('en', 'pane.results.title') }).waitFor({ timeout: 120_000 });
        expect(await page.locator('#container').getAttribute('data-engine')).toBe(engine);
        freeze[engine] = await longestTaskWhile(page, 'Computing');
        await page.close();
      }
      console.info(`longest main-thread task while computing ${SCALE_ROWS} rows: in the pane's thread ${freeze.thread} ms, with the worker ${freeze.worker} ms`);
      expect(freeze.worker).toBeLessThan(Math.max(250, (freeze.thread ?? 0) / 3));

      // Cancel while the worker computes: the run ends as cancelled and the workbook has no report.
      const page = await session.open({ lang: 'en-US', variant: `scale-${SCALE_ROWS}` });
      await createReports(page, 'en');
      await page.getByText(/^Computing: /).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: t('en', 'pane.progress.cancel') }).click();
      await page.getByText(t('en', 'pane.cancelled')).waitFor();
      expect(await reportDump(page)).toEqual([]);
      expect(session.errors).toEqual([]);
      await page.close();
    }, 300_000);

    test('Use selection: a selected block is the source, and the run reads exactly it', async () => {
      const page = await session.open({ lang: 'en-US', select: 'Sales!A3:G203' });
      await page.getByText(t('en', 'pane.source.kind.selection')).waitFor();
      expect(await fact(page, t('en', 'pane.source.rows')).textContent()).toBe('200');
      // Another sheet active and another cell selected before the run: the pane still reads its block.
      await page.locator('[data-sheet-tab="Quotas"]').click();
      await createReports(page, 'en');
      await page.getByRole('heading', { name: t('en', 'pane.results.title') }).waitFor();
      expect(await fact(page, t('en', 'pane.results.rowsRejected')).textContent()).toMatch(/ of 200$/);
      expect(session.errors).toEqual([]);
      await page.close();
    });
  });
}
