import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FileSource, readTableFile } from '../../src/cli/fileSource';
import { InputError } from '../../src/cli/inputError';
import type { Grid } from '../../src/core/intake/cellValue';

const dir = mkdtempSync(join(tmpdir(), 'accountdesk-source-'));
// A stand-in for intake's header check: the grid has a cell reading "Amount".
const hasHeader = (g: Grid): boolean => g.rows.some((r) => r.some((c) => c === 'Amount'));

async function workbook(name: string, sheets: Record<string, unknown[][]>, hidden: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet, { state: hidden.includes(sheet) ? 'hidden' : 'visible' });
    rows.forEach((r) => ws.addRow(r));
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('FileSource', () => {
  it('picks the first visible sheet with a transaction header and collects the auxiliary sheets', async () => {
    const path = await workbook('pick.xlsx', {
      Notes: [['Read me first']],
      Secret: [['Amount'], [1]],
      Sales: [['Title'], [], ['Date', 'Amount'], [new Date(Date.UTC(2026, 0, 2)), 10]],
      Quotas: [['Manager', 'Period', 'Quota']],
      'Kursy walut': [['Waluta', 'Kurs']],
    }, ['Secret']);
    const t = await new FileSource({ input: path, files: {}, hasTransactionHeader: hasHeader }).read();
    expect(t.transactions.sheet).toBe('Sales');
    expect(t.transactions.rows[3]).toEqual([new Date(Date.UTC(2026, 0, 2)), 10]);
    expect(Object.keys(t.auxiliary).sort()).toEqual(['fx', 'quotas']);
    expect(t.auxiliary.fx?.sheet).toBe('Kursy walut');
  });

  it('honours --sheet, case-insensitively, and names the sheets when it is missing', async () => {
    const path = await workbook('named.xlsx', { One: [['x']], Two: [['Amount'], [1]] });
    const src = (sheet: string) => new FileSource({ input: path, sheet, files: {}, hasTransactionHeader: hasHeader });
    expect((await src('two').read()).transactions.sheet).toBe('Two');
    await expect(src('Three').read()).rejects.toThrow(`${path}: there is no sheet named "Three". Sheets: One, Two.`);
  });

  it('lets files given on the command line win over sheets, and reads a JSON plan as text', async () => {
    const path = await workbook('aux.xlsx', { Sales: [['Amount'], [1]], Quotas: [['old']] });
    const quotas = join(dir, 'q.csv');
    writeFileSync(quotas, 'Manager,Period,Quota\nAnna,2026,100\n');
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, '{"tiers":[{"from":0,"rate":0.05}]}');
    const t = await new FileSource({ input: path, files: { quotas, plan }, hasTransactionHeader: hasHeader }).read();
    expect(t.auxiliary.quotas?.rows[1]).toEqual(['Anna', '2026', '100']);
    expect(t.planJson).toEqual({ text: '{"tiers":[{"from":0,"rate":0.05}]}', label: plan });
  });

  it.each([
    ['missing file', () => join(dir, 'nope.csv'), /nope\.csv: file not found\./],
    ['folder', () => { const d = join(dir, 'folder.csv'); mkdirSync(d, { recursive: true }); return d; }, /is a folder/],
    ['unknown type', () => { const p = join(dir, 'x.pdf'); writeFileSync(p, 'x'); return p; }, /unknown file type "\.pdf"/],
    ['old xls', () => { const p = join(dir, 'x.xls'); writeFileSync(p, 'x'); return p; }, /save it as \.xlsx/],
    ['corrupt xlsx', () => { const p = join(dir, 'bad.xlsx'); writeFileSync(p, 'not a zip'); return p; }, /cannot read this file as an Excel workbook/],
    ['empty csv', () => { const p = join(dir, 'empty.csv'); writeFileSync(p, ''); return p; }, /the file is empty/],
  ])('turns a %s into a one-line input error', async (_name, make, message) => {
    const input = make();
    const err = await new FileSource({ input, files: {}, hasTransactionHeader: hasHeader }).read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/\n/);
  });

  it('reports an empty sheet chosen with --sheet', async () => {
    const path = await workbook('emptysheet.xlsx', { Sales: [['Amount'], [1]], Blank: [] });
    await expect(new FileSource({ input: path, sheet: 'Blank', files: {}, hasTransactionHeader: hasHeader }).read()).rejects.toThrow(
      /sheet "Blank": the sheet is empty/,
    );
  });

  it('reads CSV files as one grid named after the file', async () => {
    const p = join(dir, 'sales.csv');
    writeFileSync(p, '\ufeffDate;Amount\n2026-01-02;"1,5"\n');
    const [sheet] = await readTableFile(p);
    expect(sheet?.grid).toEqual({ sheet: 'sales.csv', firstRow: 1, rows: [['Date', 'Amount'], ['2026-01-02', '1,5']] });
  });
});
