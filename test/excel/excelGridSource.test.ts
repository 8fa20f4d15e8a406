import { CancelledError, type ProgressEvent } from '../../src/app/ports';
import { ExcelGridSource } from '../../src/excel/excelGridSource';
import { OWNED_PROPERTY } from '../../src/excel/ownedSheets';
import { ExcelSimulator, type SimulatorOptions, type WorkbookSeed } from '../support/excelSimulator';
import { adapterError } from './support/adapterError';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function sim(seed: WorkbookSeed, options?: SimulatorOptions): ExcelSimulator {
  const s = ExcelSimulator.create(seed, options);
  restore = s.install();
  return s;
}

const HEADER = ['Date', 'Account', 'Manager', 'Amount'];
function rows(n: number, from = 0): (string | number)[][] {
  return Array.from({ length: n }, (_x, i) => [45000 + ((from + i) % 700), `Account ${(from + i) % 997}`, ['Zofia Wójcik', 'Jürgen Müller', 'José Núñez'][(from + i) % 3] ?? '', ((from + i) % 1000) * 12.5]);
}

const SALES = [HEADER, ...rows(20)];

describe('what ExcelGridSource reads', () => {
  test('the used range of the active sheet, with its real first row; number formats for the sample rows', async () => {
    const formats = SALES.map((_r, i) => (i === 0 ? [null, null, null, null] : ['dd.mm.yyyy', null, null, '#,##0.00']));
    sim({ sheets: [{ name: 'Notes', values: [['n']] }, { name: 'Sales', at: 'B3', values: SALES, numberFormats: formats }], activeSheet: 'Sales' });
    const source = new ExcelGridSource();
    const { transactions, auxiliary } = await source.read();
    expect(transactions.sheet).toBe('Sales');
    expect(transactions.firstRow).toBe(3);
    expect(transactions.rows).toEqual(SALES);
    expect(transactions.numberFormats?.[0]).toEqual(['General', 'General', 'General', 'General']);
    expect(transactions.numberFormats?.[1]).toEqual(['dd.mm.yyyy', 'General', 'General', '#,##0.00']);
    expect(transactions.numberFormats).toHaveLength(21);
    expect(auxiliary).toEqual({});
    expect(source.lastDescription).toMatchObject({ kind: 'usedRange', address: 'B3:E23', selectionIgnored: false });
    expect(source.lastReadStats).toMatchObject({ syncs: 3, chunks: 1, retries: 0 });
  });

  test('a selection of several rows wins; whole columns are cut to the used rows', async () => {
    const s = sim({ sheets: [{ name: 'Sales', values: SALES }], selection: { sheet: 'Sales', address: 'A5:D9' } });
    const source = new ExcelGridSource();
    const { transactions } = await source.read();
    expect(transactions.firstRow).toBe(5);
    expect(transactions.rows).toEqual(SALES.slice(4, 9));
    expect(source.lastDescription?.kind).toBe('selection');

    s.select('Sales', 'A:D');
    const all = await new ExcelGridSource().read();
    expect(all.transactions.firstRow).toBe(1);
    expect(all.transactions.rows).toHaveLength(21);
  });

  test('a single selected cell inside a table reads the table; a sheet with one table reads it', async () => {
    const values = [['Title'], [], HEADER, ...rows(5), [], ['other', 'block'], [1, 2]];
    const s = sim({
      sheets: [{ name: 'Sales', values }],
      tables: [
        { name: 'Deals', sheet: 'Sales', address: 'A3:D8' },
        { name: 'Other', sheet: 'Sales', address: 'A10:B11' },
      ],
      selection: { sheet: 'Sales', address: 'B4' },
    });
    const source = new ExcelGridSource();
    const { transactions } = await source.read();
    expect(source.lastDescription).toMatchObject({ kind: 'table', table: 'Deals', address: 'A3:D8' });
    expect(transactions.firstRow).toBe(3);
    expect(transactions.rows[0]).toEqual(HEADER);
    // Outside both tables: two tables → the used range.
    s.select('Sales', 'F20');
    await source.read();
    expect(source.lastDescription).toMatchObject({ kind: 'usedRange', address: 'A1:D11' });
  });

  test('several selected areas: falls back to the used range and says so', async () => {
    const s = sim({ sheets: [{ name: 'Sales', values: SALES }] });
    s.select('Sales', ['A1:A3', 'C1:C3']);
    const source = new ExcelGridSource();
    const { transactions } = await source.read();
    expect(transactions.rows).toHaveLength(21);
    expect(source.lastDescription).toMatchObject({ kind: 'usedRange', selectionIgnored: true });
  });

  test('a named sheet or table from the options', async () => {
    sim({
      sheets: [{ name: 'Other', values: [['x']] }, { name: 'Sales 2026', values: SALES }],
      tables: [{ name: 'Deals', sheet: 'Sales 2026', address: 'A1:D6' }],
      selection: { sheet: 'Other', address: 'A1:A5' },
    });
    const bySheet = await new ExcelGridSource({ sheet: 'sales 2026' }).read();
    expect(bySheet.transactions).toMatchObject({ sheet: 'Sales 2026', firstRow: 1 });
    expect(bySheet.transactions.rows).toHaveLength(21);
    const byTable = await new ExcelGridSource({ table: 'deals' }).read();
    expect(byTable.transactions.rows).toEqual(SALES.slice(0, 6));
  });

  test.each([
    ['SourceSheetNotFound', { sheet: 'Nope' }, 'There is no sheet named Nope'],
    ['SourceTableNotFound', { table: 'Nope' }, 'There is no table named Nope'],
    ['SourceEmpty', { sheet: 'Blank' }, 'The sheet Blank has no data'],
  ])('%s', async (code, options, text) => {
    sim({ sheets: [{ name: 'Sales', values: SALES }, { name: 'Blank' }] });
    const e = await adapterError(new ExcelGridSource(options).read());
    expect(e.code).toBe(code);
    expect(e.userMessage).toContain(text);
  });

  describe('an exact block (sheet + address): a selection made earlier, read without touching the selection', () => {
    const seed = (): WorkbookSeed => ({
      sheets: [{ name: 'Notes', values: [['n']] }, { name: 'Sales', values: SALES }],
      activeSheet: 'Notes',
      selection: { sheet: 'Notes', address: 'A1' },
    });

    test('reads exactly the block; the active sheet and the selection stay where the user left them', async () => {
      const s = sim(seed());
      const before = { active: s.dump().activeSheet, selection: s.state.selection };
      const source = new ExcelGridSource({ sheet: 'Sales', address: 'B5:D9' });
      const { transactions } = await source.read();
      expect(transactions).toMatchObject({ sheet: 'Sales', firstRow: 5 });
      expect(transactions.rows).toEqual(SALES.slice(4, 9).map((r) => r.slice(1, 4)));
      expect(source.lastDescription).toMatchObject({ kind: 'selection', address: 'B5:D9', block: { sheet: 'Sales', row: 4, col: 1, rowCount: 5, colCount: 3 } });
      expect({ active: s.dump().activeSheet, selection: s.state.selection }).toEqual(before);
      // Locating and reading: the same three syncs as any other source.
      expect(source.lastReadStats.syncs).toBe(3);
    });

    test('like a selection, it is cut to the rows that hold data (whole columns, or rows deleted since)', async () => {
      sim(seed());
      const whole = await new ExcelGridSource({ sheet: 'Sales', address: 'A:D' }).read();
      expect(whole.transactions.rows).toEqual(SALES);
      const beyond = await new ExcelGridSource({ sheet: 'Sales', address: 'A1:D500' }).read();
      expect(beyond.transactions.rows).toHaveLength(SALES.length);
    });

    test('a block beyond the data is empty; a bad address or a missing sheet says so; an address needs a sheet', async () => {
      sim(seed());
      expect((await adapterError(new ExcelGridSource({ sheet: 'Sales', address: 'H100:K200' }).read())).code).toBe('SourceEmpty');
      expect((await adapterError(new ExcelGridSource({ sheet: 'Sales', address: 'not an address' }).read())).code).toBe('InvalidArgument');
      expect((await adapterError(new ExcelGridSource({ sheet: 'Nope', address: 'A1:B2' }).read())).code).toBe('SourceSheetNotFound');
      expect(() => new ExcelGridSource({ address: 'A1:B2' })).toThrow(/address.*sheet/);
    });
  });

  test('refuses to read an AccountDesk report as data', async () => {
    sim({ sheets: [{ name: 'Account Status', values: SALES, customProperties: { [OWNED_PROPERTY]: 'accounts' } }] });
    const e = await adapterError(new ExcelGridSource().read());
    expect(e.code).toBe('SourceIsReport');
  });

  test('auxiliary sheets by role in any of the four languages; owned report sheets and empty sheets are skipped', async () => {
    sim({
      sheets: [
        { name: 'Sales', values: SALES },
        { name: 'Commission', values: [['Tier', 'Rate'], [1, 0.02]], customProperties: { [OWNED_PROPERTY]: 'commission' } },
        { name: 'Plan prowizyjny', values: [['Próg', 'Stawka'], [0, 0.02]] },
        { name: 'Quoten', at: 'A2', values: [['Manager', 'Q1'], ['Zofia Wójcik', 100000]] },
        { name: 'Kursy walut', values: [['Waluta', 'Kurs'], ['EUR', 4.3]] },
        { name: 'FX Rates' },
        { name: 'Cuentas clave', values: [['Cuenta'], ['ACME']] },
      ],
    });
    const source = new ExcelGridSource();
    const { auxiliary } = await source.read();
    expect(Object.keys(auxiliary).sort()).toEqual(['fx', 'keyAccounts', 'plan', 'quotas']);
    expect(auxiliary.plan).toMatchObject({ sheet: 'Plan prowizyjny', firstRow: 1, rows: [['Próg', 'Stawka'], [0, 0.02]] });
    expect(auxiliary.quotas).toMatchObject({ sheet: 'Quoten', firstRow: 2 });
    expect(auxiliary.fx?.sheet).toBe('Kursy walut');
    expect(auxiliary.keyAccounts?.rows).toEqual([['Cuenta'], ['ACME']]);
    expect(auxiliary.quotas?.numberFormats).toBeUndefined();
  });

  test('describe() finds the source without reading it', async () => {
    const s = sim({ sheets: [{ name: 'Sales', values: SALES }, { name: 'Quotas', values: [['M', 'Q'], ['a', 1]] }] });
    const d = await new ExcelGridSource().describe();
    expect(d).toMatchObject({ kind: 'usedRange', block: { sheet: 'Sales', row: 0, col: 0, rowCount: 21, colCount: 4 }, address: 'A1:D21' });
    expect(d.auxiliary).toEqual([{ role: 'quotas', block: { sheet: 'Quotas', row: 0, col: 0, rowCount: 2, colCount: 2 } }]);
    expect(s.stats.responseBytes).toBeLessThan(2000);
  });
});

describe('chunked reading', () => {
  const BIG = [HEADER, ...rows(3000)];

  test('row chunks under a lowered payload limit: one sync per chunk, progress per chunk, every response under the limit', async () => {
    const s = sim({ sheets: [{ name: 'Sales', values: BIG }] }, { responseLimitBytes: 20_000, requestLimitBytes: 20_000 });
    const events: ProgressEvent[] = [];
    const source = new ExcelGridSource({ budget: { limitBytes: 20_000 } });
    const { transactions } = await source.read((e) => events.push(e));
    expect(transactions.rows).toEqual(BIG);
    const st = source.lastReadStats;
    expect(st.chunks).toBeGreaterThan(5);
    expect(st.retries).toBe(0);
    expect(st.syncs).toBe(2 + st.chunks);
    // Excel.run's closing sync has nothing to send, so it costs no round trip.
    expect(s.stats.syncs).toBe(st.syncs);
    expect(s.stats.maxResponseBytes).toBeLessThanOrEqual(20_000);
    expect(s.stats.failedSyncs).toBe(0);
    expect(events).toHaveLength(st.chunks);
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ phase: 'reading', done: 3001, total: 3001, detail: 'Sales' });
    // After the first (pessimistic) chunk the chunks fill the target.
    const sizes = s.stats.log.filter((l) => l.responseBytes > 1000).map((l) => l.responseBytes);
    expect(Math.min(...sizes.slice(1, -1))).toBeGreaterThan(0.6 * 16_000);
  });

  test('a chunk refused for its size is read again at a quarter of its rows, once', async () => {
    const s = sim({ sheets: [{ name: 'Sales', values: BIG }] }, { responseLimitBytes: 20_000 });
    const source = new ExcelGridSource({ budget: { limitBytes: 20_000 }, initialBytesPerCell: 4 });
    const { transactions } = await source.read();
    expect(transactions.rows).toEqual(BIG);
    expect(source.lastReadStats.retries).toBe(1);
    expect(s.stats.log.filter((l) => l.code === 'ResponsePayloadSizeLimitExceeded')).toHaveLength(1);
  });

  test('a second refusal of the same chunk gives up with a clear message and the debug info', async () => {
    sim({ sheets: [{ name: 'Sales', values: BIG }] }, { responseLimitBytes: 2_000 });
    const e = await adapterError(new ExcelGridSource({ budget: { limitBytes: 20_000 } }).read());
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(e.userMessage).toMatch(/too large .* read the data, even after retrying with smaller blocks/);
    expect(e.debugInfo).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(e.cause).toBeInstanceOf(OfficeExtension.Error);
  });

  test('reads stay under the cell cap; Excel answering null for an oversized read is an error, not empty data', async () => {
    sim({ sheets: [{ name: 'Sales', values: BIG }] }, { readCellLimit: 1000 });
    const capped = new ExcelGridSource({ budget: { maxReadCells: 1000 } });
    expect((await capped.read()).transactions.rows).toHaveLength(3001);
    expect(capped.lastReadStats.chunks).toBe(Math.ceil(3001 / 250));
    const e = await adapterError(new ExcelGridSource().read());
    expect(e.code).toBe('ReadTooLarge');
  });

  test('cancel stops between chunks', async () => {
    sim({ sheets: [{ name: 'Sales', values: BIG }] }, { responseLimitBytes: 20_000 });
    const token = { cancelled: false };
    const source = new ExcelGridSource({ budget: { limitBytes: 20_000 } });
    let chunks = 0;
    await expect(
      source.read(() => {
        chunks++;
        if (chunks === 2) token.cancelled = true;
      }, token),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(chunks).toBe(2);
  });

  test('waits for the user to leave cell edit mode', async () => {
    const s = sim({ sheets: [{ name: 'Sales', values: SALES }] });
    s.cellEditMode = true;
    const { transactions } = await new ExcelGridSource().read();
    expect(transactions.rows).toHaveLength(21);
  });

  test('a failure at any sync of a read leaves the workbook untouched and reports the Office error', async () => {
    const seed: WorkbookSeed = { sheets: [{ name: 'Sales', values: BIG }, { name: 'Quotas', values: [['M', 'Q'], ['a', 1]] }] };
    const probe = sim(seed, { responseLimitBytes: 20_000 });
    await new ExcelGridSource({ budget: { limitBytes: 20_000 } }).read();
    const syncs = probe.stats.syncs;
    restore?.();
    for (let n = 1; n <= syncs; n++) {
      const s = sim(seed, { responseLimitBytes: 20_000 });
      s.failSync(n, { code: 'GeneralException' });
      const before = JSON.stringify(s.dump());
      const e = await adapterError(new ExcelGridSource({ budget: { limitBytes: 20_000 } }).read());
      expect(e.code).toBe('GeneralException');
      expect(e.userMessage).toContain('read the data');
      expect(JSON.stringify(s.dump())).toBe(before);
      restore?.();
      restore = undefined;
    }
  });
});
