import type { PaneActions, DetectedSource } from '../../../src/taskpane/paneActions';
import type { RunSummary } from '../../../src/taskpane/results/runSummary';

/** A source as the adapter would report it: Sales!A1:F121, German/English mixed headers. */
export const SOURCE: DetectedSource = {
  kind: 'usedRange',
  sheet: 'Sales',
  address: 'A1:F121',
  headerRow: 1,
  firstColumn: 0,
  rowCount: 120,
  headers: ['Invoice Date', 'Customer', 'Account Manager', 'Amount', 'Product', 'Notes'],
  auxiliary: ['quotas', 'plan'],
};

/** A source whose header lacks the manager and amount columns. */
export const SOURCE_MISSING: DetectedSource = {
  ...SOURCE,
  address: 'B3:E50',
  headerRow: 3,
  firstColumn: 1,
  rowCount: 47,
  headers: ['Date', 'Customer', 'Rep Name', 'Total Due'],
  auxiliary: [],
};

/** A results summary with two issues and all five sheets. */
export const SUMMARY: RunSummary = {
  asOf: '2026-09-30',
  reportYear: '2026',
  currency: 'EUR',
  managers: 4,
  totalRevenue: 123456789,
  teamAttainment: 0.873,
  totalPayout: 4567800,
  hhi: 1234.5,
  band: 'moderate',
  keyAccountShare: 0.42,
  rows: 120,
  rejected: 2,
  issues: [
    { code: 'amount.unparseable', sheet: 'Sales', row: 17, column: 'Amount', value: 'abc', reason: 'not a number' },
    { code: 'date.missing', sheet: 'Sales', row: 42, column: 'Invoice Date', value: '', reason: 'no date' },
  ],
  sheets: [
    { role: 'quarterly', name: 'Quarterly Results', wanted: 'Quarterly Results' },
    { role: 'commission', name: 'Commission', wanted: 'Commission' },
    { role: 'forecast', name: 'Forecast (2)', wanted: 'Forecast' },
    { role: 'accounts', name: 'Account Status', wanted: 'Account Status' },
    { role: 'issues', name: 'Data Issues', wanted: 'Data Issues' },
  ],
};

/** Fake actions: every one a jest mock with a harmless default; override what a test needs. */
export function fakeActions(overrides: Partial<PaneActions> = {}): jest.Mocked<PaneActions> {
  return {
    detectSource: jest.fn(() => Promise.resolve(SOURCE)),
    run: jest.fn(() => Promise.resolve({ ok: true as const, summary: SUMMARY })),
    activateSheet: jest.fn(() => Promise.resolve()),
    selectSourceCell: jest.fn(() => Promise.resolve()),
    loadSettings: jest.fn(() => Promise.resolve(undefined)),
    saveSettings: jest.fn(() => Promise.resolve()),
    loadPlan: jest.fn(() => Promise.resolve(null)),
    savePlan: jest.fn(() => Promise.resolve()),
    ...overrides,
  } as jest.Mocked<PaneActions>;
}
