/**
 * The task pane's actions over the real Excel adapter (src/excel/officePaneAdapter.ts's
 * `officePaneAdapter`) against the Excel simulator seeded with the sample workbook, as the
 * playground wires them — in Node, so every rule of the simulator is enforced and the syncs
 * can be counted. The browser tests (test/browser) drive the same through the UI.
 */
import { resolve } from 'node:path';
import { CancelledError, type ProgressEvent } from '../../src/app/ports';
import type { CommissionPlan } from '../../src/core/commission/commissionPlan';
import { planToRows } from '../../src/core/commission/planToRows';
import type { PlanResult } from '../../src/core/commission/validatePlan';
import { digestOf } from '../../src/app/computeReports';
import { analyseTables } from '../../src/app/runAnalysis';
import { REFRESH_KEY, SETTINGS_KEY, excelPaneActions, unsupportedPaneActions } from '../../src/taskpane/excelPaneActions';
import { officePaneAdapter } from '../../src/excel/officePaneAdapter';
import { detectMapping } from '../../src/taskpane/mapping/fieldMapping';
import type { DetectedSource, PaneActions, RunRequest } from '../../src/taskpane/paneActions';
import { summaryFromRun } from '../../src/taskpane/results/runSummary';
import { runOptionsFor } from '../../src/taskpane/settings/runOptions';
import { defaultRunSettings } from '../../src/taskpane/settings/runSettings';
import { ExcelSimulator, type WorkbookSeed } from '../support/excelSimulator';
import { seedVariant } from './seedVariants';

// The seed reader is the playground server's (plain Node).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readWorkbookSeed } = require('../../scripts/playground.js') as { readWorkbookSeed(file: string): Promise<WorkbookSeed> };

const REPORTS = ['Quarterly Results', 'Commission', 'Forecast', 'Account Status', 'Data Issues'];

/** Empties sheet rows `from`…`to` (1-based) of Sales, all seven columns. */
function clearRows(sim: ExcelSimulator, from: number, to: number): void {
  for (let r = from - 1; r < to; r++) for (let c = 0; c < 7; c++) sim.sheet('Sales').setValue(r, c, null);
}

let seed: WorkbookSeed;
let restore: (() => void) | undefined;
let logged: { error: unknown; action: string }[];

beforeAll(async () => {
  seed = await readWorkbookSeed(resolve(__dirname, '../../samples/AccountDesk-sample.xlsx'));
});

afterEach(() => {
  restore?.();
  restore = undefined;
});

function workbook(variant = 'sample', options: { select?: [string, string | string[]]; apiVersion?: string } = {}): { sim: ExcelSimulator; actions: PaneActions } {
  const sim = ExcelSimulator.create(seedVariant(seed, variant), options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion });
  if (options.select !== undefined) sim.select(...options.select);
  restore?.();
  restore = sim.install();
  logged = [];
  const actions = excelPaneActions(officePaneAdapter(), { log: (error, action) => logged.push({ error, action }), yieldToUi: () => Promise.resolve() });
  return { sim, actions };
}

function request(source: DetectedSource, language: 'en' | 'pl' = 'en'): RunRequest {
  return { source, mapping: detectMapping(source.headers), settings: defaultRunSettings(language), plan: null };
}

/** A loaded plan as the rows it is written as (exact decimals compare by value, not by representation). */
function planRows(result: PlanResult | null): unknown {
  if (result === null || !result.ok) throw new Error(`no valid plan: ${JSON.stringify(result)}`);
  return planToRows(result.plan);
}

async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe('detectSource', () => {
  test('finds the sample’s Sales table below its title, its header, and the auxiliary sheets', async () => {
    const { actions, sim } = workbook();
    sim.resetStats();
    const source = await actions.detectSource();
    expect(source).toEqual({
      kind: 'usedRange',
      sheet: 'Sales',
      address: 'A3:G6447',
      headerRow: 3,
      firstColumn: 0,
      rowCount: 6444,
      headers: ['Invoice Date', 'Invoice No', 'Customer', 'Account Manager', 'Product', 'Amount', 'Currency'],
      auxiliary: ['fx', 'quotas', 'plan', 'keyAccounts', 'targets'],
    });
    // Two syncs to locate, one to read the first rows: never the whole sheet.
    expect(sim.stats.syncs).toBe(3);
    expect(sim.stats.maxResponseBytes).toBeLessThan(20_000);
  });

  test('a selected block is the source; several areas are refused with the pane’s code', async () => {
    const selected = await workbook('sample', { select: ['Sales', 'B3:G103'] }).actions.detectSource();
    expect(selected).toMatchObject({ kind: 'selection', address: 'B3:G103', headerRow: 3, firstColumn: 1, rowCount: 100 });
    const error = await rejection(workbook('sample', { select: ['Sales', ['A3:B10', 'D3:E10']] }).actions.detectSource());
    expect(error.code).toBe('source.multipleAreas');
  });

  test('a table without a required column shows its real header, not the title above it', async () => {
    const source = await workbook('no-manager').actions.detectSource();
    expect(source.headerRow).toBe(3);
    expect(source.headers).toEqual(['Invoice Date', 'Invoice No', 'Customer', 'Product', 'Amount', 'Currency']);
  });

  test('a blank workbook: source.empty, logged with the adapter’s message', async () => {
    const { actions } = workbook('blank');
    const error = await rejection(actions.detectSource());
    expect(error.code).toBe('source.empty');
    expect(error.message).toMatch(/Sheet1 has no data/);
    expect(logged.map((l) => l.action)).toEqual(['detectSource']);
  });

  test('on a report sheet (active after a run) it keeps to the data the last run read', async () => {
    const { actions, sim } = workbook();
    await actions.run(request(await actions.detectSource()), () => undefined, { cancelled: false });
    expect(sim.dump().activeSheet).toBe('Quarterly Results');
    await expect(actions.detectSource()).resolves.toMatchObject({ sheet: 'Sales', address: 'A3:G6447' });
  });

  test('… and to the block it read when that was a selection', async () => {
    const { actions, sim } = workbook('sample', { select: ['Sales', 'A3:G103'] });
    const outcome = await actions.run(request(await actions.detectSource()), () => undefined, { cancelled: false });
    expect(outcome.ok).toBe(true);
    sim.select('Quarterly Results', 'C7');
    await expect(actions.detectSource()).resolves.toMatchObject({ kind: 'selection', sheet: 'Sales', address: 'A3:G103', rowCount: 100 });
  });
});

describe('run', () => {
  test('reads, computes and writes the five reports; progress per phase; the request saved for Refresh reports', async () => {
    const { actions, sim } = workbook();
    const source = await actions.detectSource();
    sim.resetStats();
    const events: ProgressEvent[] = [];
    const outcome = await actions.run(request(source), (e) => events.push(e), { cancelled: false });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.summary).toMatchObject({ totalRevenue: 1_394_046_238, totalPayout: 53_724_052, managers: 8, rows: 6444, rejected: 8, band: 'low' });
    expect(outcome.summary.sheets.map((s) => [s.role, s.name])).toEqual([
      ['quarterly', REPORTS[0]],
      ['commission', REPORTS[1]],
      ['forecast', REPORTS[2]],
      ['accounts', REPORTS[3]],
      ['issues', REPORTS[4]],
    ]);
    expect(sim.sheetNames().slice(-5)).toEqual(REPORTS);
    // Phases in order; writing counts sheets, ending at 5 of 5.
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['reading', 'computing', 'writing']);
    const writing = events.filter((e) => e.phase === 'writing');
    expect(writing[0]).toEqual({ phase: 'writing', done: 1, total: 5, detail: REPORTS[0] });
    expect(writing[writing.length - 1]).toMatchObject({ done: 5, total: 5 });
    // Few syncs for 6,444 rows (the adapter's chunking), none over the web limits.
    expect(sim.stats.syncs).toBeLessThan(40);
    expect(sim.stats.maxRequestBytes).toBeLessThan(5_000_000);
    expect(sim.dump().settings[REFRESH_KEY]).toMatchObject({
      version: 1,
      source: { kind: 'sheet', sheet: 'Sales' },
      language: 'en',
      sourceLabel: 'Sales › A3:G6447',
      options: { fiscalStart: 1, mapping: { manager: 'Account Manager', amount: 'Amount' } },
    });
  });

  test('a selected block is read exactly, without selecting it: the user’s selection and sheet stay as they are', async () => {
    const { actions, sim } = workbook('sample', { select: ['Sales', 'A3:G503'] });
    const source = await actions.detectSource();
    sim.select('Quotas', 'B2');
    const selected = sim.state.selection;
    const outcome = await actions.run(request(source), () => undefined, { cancelled: false });
    expect(outcome.ok && outcome.summary.rows).toBe(500);
    expect(sim.dump().settings[REFRESH_KEY]).toMatchObject({ source: { kind: 'range', sheet: 'Sales', address: 'A3:G503' } });
    expect(selected?.areas).toEqual([{ row: 1, col: 1, rowCount: 1, colCount: 1 }]);

    // A run stopped after reading (before it writes and activates a report): nothing moved.
    sim.select('Quotas', 'B2');
    const token = { cancelled: false };
    const stopped = actions.run(request(source), (e) => {
      if (e.phase === 'computing') token.cancelled = true;
    }, token);
    await expect(stopped).rejects.toBeInstanceOf(CancelledError);
    expect(sim.dump().activeSheet).toBe('Quotas');
    expect(sim.state.selection?.areas).toEqual([{ row: 1, col: 1, rowCount: 1, colCount: 1 }]);
  });

  test.each([
    ['the data now ends inside it (rows deleted)', (sim: ExcelSimulator) => clearRows(sim, 401, 6447)],
    ['its first row no longer holds the header shown (the table moved)', (sim: ExcelSimulator) => clearRows(sim, 3, 3)],
  ])('a selected block that changed since it was shown — %s — stops with “choose Use selection again”', async (_what, change) => {
    const { actions, sim } = workbook('sample', { select: ['Sales', 'A3:G503'] });
    const source = await actions.detectSource();
    change(sim);
    const error = await rejection(actions.run(request(source), () => undefined, { cancelled: false }));
    expect(error.code).toBe('mapping.notFound');
    expect(error.message).toMatch(/Sales!A3:G503 changed; choose Use selection again/);
    expect(sim.sheetNames().filter((n) => REPORTS.includes(n))).toEqual([]);
  });

  test('the results card’s summary of a run’s digest is the summary of the full run', async () => {
    workbook();
    const tables = await officePaneAdapter().source({ kind: 'sheet', sheet: 'Sales' }).read();
    const full = analyseTables(tables, runOptionsFor(defaultRunSettings('en'), detectMapping(['Invoice Date', 'Invoice No', 'Customer', 'Account Manager', 'Product', 'Amount', 'Currency'])));
    if (!full.ok) throw new Error(full.message);
    expect(full.plan).not.toBeNull();
    expect(summaryFromRun(digestOf(full), [])).toEqual(summaryFromRun(full, []));
  });

  test('Cancel between chunks: CancelledError, no report and no temporary sheet, nothing logged', async () => {
    const { actions, sim } = workbook();
    const source = await actions.detectSource();
    const token = { cancelled: false };
    const run = actions.run(request(source), (e) => {
      if (e.phase === 'reading') token.cancelled = true;
    }, token);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(sim.sheetNames().filter((n) => REPORTS.includes(n) || n.startsWith('~AD'))).toEqual([]);
    expect(logged).toEqual([]);
  });

  test('a column renamed since detection: the engine’s failure names the header row the pane shows', async () => {
    const { actions, sim } = workbook();
    const source = await actions.detectSource();
    sim.sheet('Sales').setValue(2, 3, 'Owner');
    const outcome = await actions.run(request(source), () => undefined, { cancelled: false });
    expect(outcome).toMatchObject({ ok: false, code: 'mapping.notFound' });
    expect(!outcome.ok && outcome.message).toContain('Headers found: Invoice Date, Invoice No, Customer, Owner');
  });
});

describe('settings and plan', () => {
  test('settings round-trip through workbook.settings; a change also updates what Refresh reports reruns', async () => {
    const { actions, sim } = workbook();
    await expect(actions.loadSettings()).resolves.toBeUndefined();
    await actions.run(request(await actions.detectSource()), () => undefined, { cancelled: false });
    await actions.saveSettings({ ...defaultRunSettings('pl'), fiscalStart: 4 });
    const stored = sim.dump().settings;
    expect(stored[SETTINGS_KEY]).toMatchObject({ fiscalStart: 4, reportLanguage: 'pl' });
    expect(stored[REFRESH_KEY]).toMatchObject({ language: 'pl', options: { fiscalStart: 4, mapping: { manager: 'Account Manager' } } });
    // A pane opened later reads them back.
    const later = excelPaneActions(officePaneAdapter());
    await expect(later.loadSettings()).resolves.toMatchObject({ fiscalStart: 4 });
  });

  test('the sample’s plan loads; a saved plan is written as text to the visible sheet and reads back the same', async () => {
    const { actions, sim } = workbook();
    const loaded = await actions.loadPlan();
    if (loaded === null || !loaded.ok) throw new Error('the sample has a valid plan');
    const plan: CommissionPlan = { ...loaded.plan, tiers: loaded.plan.tiers.slice(0, 2) };
    await actions.savePlan(plan);
    const cell = sim.cell('Commission Plan', 'B6');
    expect(sim.cell('Commission Plan', 'A1').value).toBe('Setting');
    expect(cell.numberFormat).toBe('@');
    expect(planRows(await actions.loadPlan())).toEqual(planToRows(plan));
  });

  test('without a plan sheet: none, and saving creates a visible Commission Plan sheet', async () => {
    const sample = await workbook().actions.loadPlan();
    if (sample === null || !sample.ok) throw new Error('the sample has a valid plan');
    const { actions, sim } = workbook('no-plan');
    await expect(actions.loadPlan()).resolves.toBeNull();
    await actions.savePlan(sample.plan);
    expect(sim.dump().sheets.find((s) => s.name === 'Commission Plan')?.visibility).toBe('Visible');
    expect(planRows(await actions.loadPlan())).toEqual(planToRows(sample.plan));
  });
});

describe('navigation', () => {
  test('an issue selects its source cell by the column’s header; a sheet link activates the sheet', async () => {
    const { actions, sim } = workbook();
    await actions.run(request(await actions.detectSource()), () => undefined, { cancelled: false });
    await actions.selectSourceCell({ sheet: 'Sales', row: 264, column: 'Amount' });
    expect(sim.state.selection?.areas).toEqual([{ row: 263, col: 5, rowCount: 1, colCount: 1 }]);
    expect(sim.dump().activeSheet).toBe('Sales');
    await actions.selectSourceCell({ sheet: 'Quotas', row: 5, column: 'Quota' });
    expect(sim.dump().activeSheet).toBe('Quotas');
    expect(sim.state.selection?.areas).toEqual([{ row: 4, col: 2, rowCount: 1, colCount: 1 }]);
    await actions.activateSheet('Forecast');
    expect(sim.dump().activeSheet).toBe('Forecast');
    const error = await rejection(actions.activateSheet('No such sheet'));
    expect(error.code).toBe('ItemNotFound');
  });
});

test('an Excel without the needed sets: finding the data fails with ApiNotFound and the versions that work; nothing else complains', async () => {
  const actions = unsupportedPaneActions('AccountDesk needs Excel with the ExcelApi 1.12 feature set …');
  await expect(actions.detectSource()).rejects.toMatchObject({ code: 'ApiNotFound' });
  await expect(actions.loadSettings()).resolves.toBeUndefined();
  await expect(actions.loadPlan()).resolves.toBeNull();
});
