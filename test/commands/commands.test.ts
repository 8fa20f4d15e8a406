/**
 * The ribbon's Refresh reports (src/commands/commands.ts) on the Excel simulator: it runs the
 * shared `createReports` step, reads a selected block exactly as the pane stored it — without
 * selecting it — and reports the engine's failures as an outcome.
 */
import { computeReports } from '../../src/app/computeReports';
import type { SheetDump } from '../support/excelSimulator';
import { ExcelSimulator } from '../support/excelSimulator';
import { scaleRows } from '../excel/scaleData';

type Commands = typeof import('../../src/commands/commands');

const ROWS = scaleRows(600);
let restore: (() => void) | undefined;

afterEach(() => {
  restore?.();
  restore = undefined;
});

/** The simulator installed, Office's ribbon API stubbed, and the command module loaded in it. */
async function setUp(settings: Record<string, unknown>): Promise<{ sim: ExcelSimulator; commands: Commands }> {
  const sim = ExcelSimulator.create({
    sheets: [{ name: 'Sales', values: ROWS }, { name: 'Notes', values: [['n'], ['m']] }],
    activeSheet: 'Notes',
    selection: { sheet: 'Notes', address: 'A2' },
    settings,
  });
  restore = sim.install();
  (globalThis as unknown as { Office: { actions?: unknown } }).Office.actions = { associate: () => undefined };
  let commands: Commands | undefined;
  await jest.isolateModulesAsync(async () => {
    commands = await import('../../src/commands/commands');
  });
  if (commands === undefined) throw new Error('commands did not load');
  return { sim, commands };
}

const stored = (source: unknown, options: unknown = {}) => ({
  'AccountDesk.refresh': { version: 1, source, options, language: 'en', sourceLabel: 'Sales › A1:D301' },
});

function numbersOf(dump: SheetDump | undefined): unknown[] {
  return (dump?.values ?? []).flat().filter((v) => typeof v === 'number');
}

describe('Refresh reports', () => {
  test('a stored selected block is read exactly — not selected — and the reports are the engine’s on that block', async () => {
    const { sim, commands } = await setUp(stored({ kind: 'range', sheet: 'Sales', address: 'A1:D301' }));
    const outcome = await commands.refresh();
    expect(outcome).toMatchObject({ ok: true, sheets: ['Quarterly Results', 'Commission', 'Forecast', 'Account Status'] });
    const expected = computeReports({ transactions: { sheet: 'Sales', firstRow: 1, rows: ROWS.slice(0, 301) }, auxiliary: {} }, {}, { language: 'en', sourceLabel: 'Sales › A1:D301' });
    if (!expected.ok) throw new Error(expected.message);
    const dump = sim.dump().sheets.find((s) => s.name === 'Account Status');
    const model = expected.model.sheets.find((s) => s.key === 'accounts');
    const modelNumbers = (model?.rows ?? []).flat().flatMap((c) => (c?.kind === 'number' ? [c.value] : c?.kind === 'date' ? [c.day] : []));
    expect(numbersOf(dump).slice(0, 50)).toEqual(modelNumbers.slice(0, 50));
  });

  test('a failure (a mapped column that is not there): an outcome saying so, and the workbook — selection included — untouched', async () => {
    const { sim, commands } = await setUp(stored({ kind: 'range', sheet: 'Sales', address: 'A1:D301' }, { mapping: { manager: 'Owner' } }));
    const before = sim.dump();
    const outcome = await commands.refresh();
    expect(outcome).toMatchObject({ ok: false, code: 'mapping.notFound', sheets: [] });
    expect(outcome.message).toContain('Owner');
    const after = sim.dump();
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(after.activeSheet).toBe('Notes');
    expect(sim.state.selection?.areas).toEqual([{ row: 1, col: 0, rowCount: 1, colCount: 1 }]);
  });
});
