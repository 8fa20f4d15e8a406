/**
 * The pane's port to Excel over Office.js (src/excel/officePaneAdapter.ts) against the simulator:
 * a selected block is located and read as it is, without selecting anything; failures name
 * what the pane was doing (settings, plan, navigation), not "read the data".
 */
import { officePaneAdapter } from '../../src/excel/officePaneAdapter';
import { ExcelSimulator, type WorkbookSeed } from '../support/excelSimulator';
import { adapterError } from './support/adapterError';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const SALES = [['Title'], [], ['Date', 'Account', 'Manager', 'Amount'], ...Array.from({ length: 30 }, (_x, i) => [45300 + i, `Account ${i % 7}`, i % 2 === 0 ? 'Anna' : 'Jan', 100 + i])];

function workbook(seed: Partial<WorkbookSeed> = {}): ExcelSimulator {
  const sim = ExcelSimulator.create({
    sheets: [{ name: 'Sales', values: SALES }, { name: 'Quotas', values: [['Manager', 'Q1'], ['Anna', 100]] }],
    activeSheet: 'Quotas',
    selection: { sheet: 'Quotas', address: 'B2' },
    ...seed,
  });
  restore = sim.install();
  return sim;
}

describe('officePaneAdapter', () => {
  test('a range target is located and read exactly, and the selection stays where the user put it', async () => {
    const sim = workbook();
    const adapter = officePaneAdapter();
    const location = await adapter.locate({ kind: 'range', sheet: 'Sales', address: 'A3:D13' });
    expect(location).toEqual({ kind: 'selection', block: { sheet: 'Sales', row: 2, col: 0, rowCount: 11, colCount: 4 }, auxiliary: ['quotas'], selectionIgnored: false });
    const tables = await adapter.source({ kind: 'range', sheet: 'Sales', address: 'A3:D13' }).read();
    expect(tables.transactions.firstRow).toBe(3);
    expect(tables.transactions.rows).toEqual(SALES.slice(2, 13));
    expect(sim.dump().activeSheet).toBe('Quotas');
    expect(sim.state.selection?.areas).toEqual([{ row: 1, col: 1, rowCount: 1, colCount: 1 }]);
  });

  test.each([
    ['saveSettings', 'save the settings in the workbook', (a: ReturnType<typeof officePaneAdapter>) => a.writeSettings({ k: 1 })],
    ['readSettings', 'read the saved settings', (a: ReturnType<typeof officePaneAdapter>) => a.readSettings(['k'])],
    ['savePlan', 'save the commission plan', (a: ReturnType<typeof officePaneAdapter>) => a.writeTextSheet('Commission Plan', [['Setting', 'Value']])],
    ['readPlan', 'read the commission plan', (a: ReturnType<typeof officePaneAdapter>) => a.sheets()],
    ['navigate', 'go to that sheet or cell', (a: ReturnType<typeof officePaneAdapter>) => a.selectRange('Sales', 'B4')],
  ] as const)('a failure while it tries to %s says so', async (operation, words, act) => {
    const sim = workbook();
    sim.failNextSync({ code: 'InvalidOperation' });
    const error = await adapterError(act(officePaneAdapter()));
    expect(error).toMatchObject({ code: 'InvalidOperation', operation });
    expect(error.message).toContain(words);
  });

  test('activating a sheet that is gone: ItemNotFound while navigating', async () => {
    workbook();
    const error = await adapterError(officePaneAdapter().activateSheet('No such sheet'));
    expect(error).toMatchObject({ code: 'ItemNotFound', operation: 'navigate' });
  });
});
