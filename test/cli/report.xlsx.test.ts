/**
 * `accountdesk report … --out FILE.xlsx` end to end: the CLI reads the input, builds the
 * ReportModel in the chosen language and writes it with the xlsx sink; the file is read back
 * with exceljs (and as a zip for the chart parts) and checked as a user would see it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { numberFormat } from '../../src/reports/formats';
import { readBack, sheet } from './support/readBack';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'AccountDesk-sample.xlsx');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'accountdesk-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

// exceljs keeps these in the worksheet model but does not declare them.
function tablesOf(ws: ExcelJS.Worksheet): { name: string; tableRef: string; autoFilterRef?: string }[] {
  return (ws.model as unknown as { tables: { name: string; tableRef: string; autoFilterRef?: string }[] }).tables;
}
function cfsOf(ws: ExcelJS.Worksheet): { ref: string; rules: { type: string; formulae?: string[]; operator?: string }[] }[] {
  return (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[]; operator?: string }[] }[] }).conditionalFormattings;
}

/** The first cell in column A whose text is `label`, as its row number. */
function rowOf(ws: ExcelJS.Worksheet, label: string, col = 1): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === label) return r;
  throw new Error(`no row "${label}" in ${ws.name}`);
}

describe('report --out on the sample workbook (English)', () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  let input: ExcelJS.Workbook;
  let json: { commission: { manager: string; period: string; payout: number }[]; concentration: { hhi: number } };
  let err: string;
  beforeAll(async () => {
    out = join(dir, 'nested', 'demo.xlsx');
    const r = await run('report', SAMPLE, '--out', out, '--json');
    expect(r.code).toBe(0);
    json = JSON.parse(r.out);
    err = r.err;
    wb = await readBack(out);
    input = await readBack(SAMPLE);
  }, 60000);

  it('keeps the input sheets in front, unchanged, and adds the five report sheets', () => {
    const inputNames = input.worksheets.map((w) => w.name);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...inputNames, 'Quarterly Results', 'Commission', 'Forecast', 'Account Status', 'Data Issues']);
    const before = sheet(input, 'Sales');
    const after = sheet(wb, 'Sales');
    expect(after.rowCount).toBe(before.rowCount);
    for (const r of [1, 2, 264, before.rowCount]) expect(after.getRow(r).values).toEqual(before.getRow(r).values);
    expect(err).toMatch(/wrote .*demo\.xlsx \(report sheets: Quarterly Results, Commission, Forecast, Account Status, Data Issues\)/);
  });

  it('Quarterly Results: header, team SUM rows with cached values, money and percent formats, frozen header', () => {
    const ws = sheet(wb, 'Quarterly Results');
    expect(ws.getCell('A1').value).toBe('Quarterly results 2026');
    const header = rowOf(ws, 'Quarter');
    expect(ws.getRow(header).getCell(2).value).toBe('Account manager');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header, xSplit: 2 });
    const team = rowOf(ws, 'Team', 2);
    const revenue = ws.getRow(team).getCell(3);
    expect(revenue.formula).toMatch(/^SUM\(C\d+:C\d+\)$/);
    expect(revenue.numFmt).toBe(numberFormat('money', { currency: 'EUR', language: 'en' }));
    expect(ws.getRow(team + 1).getCell(5).numFmt).toMatch(/^0\.0%/);
    // The team payouts add up to the engine's total payout.
    let payout = 0;
    for (let r = header + 1; r <= ws.rowCount; r++) {
      if (ws.getRow(r).getCell(2).value === 'Team') payout += (ws.getRow(r).getCell(9).result as number) ?? 0;
    }
    const enginePayout = json.commission.reduce((s, c) => s + c.payout, 0);
    expect(payout).toBeCloseTo(enginePayout, 6);
    expect(cfsOf(ws).some((cf) => cf.rules.some((rule) => rule.type === 'expression' && /"Met"/.test(rule.formulae?.[0] ?? '')))).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('Commission: a block per manager and quarter with formula totals, the engine figure and a check', () => {
    const ws = sheet(wb, 'Commission');
    const first = json.commission[0];
    if (first === undefined) throw new Error('no commission rows');
    const title = rowOf(ws, `${first.manager} · ${first.period}`);
    const payout = rowOf(ws, 'Payout');
    expect(payout).toBeGreaterThan(title);
    const row = ws.getRow(payout);
    expect(row.getCell(5).formula).toMatch(/^ROUND\(E\d+\+E\d+,2\)$/);
    expect(row.getCell(5).result).toBe(first.payout);
    expect(row.getCell(6).value).toBe(first.payout);
    expect(row.getCell(7).formula).toBe(`E${payout}-F${payout}`);
    expect(row.getCell(7).result).toBe(0);
  });

  it('Account Status: an Excel table with filters over every account, data bars and status colours', () => {
    const ws = sheet(wb, 'Account Status');
    const header = rowOf(ws, 'Account');
    const [table] = tablesOf(ws);
    expect(table?.name).toBe('AccountStatus');
    const accounts = 301;
    expect(table?.tableRef).toBe(`A${header}:N${header + accounts}`);
    expect(table?.autoFilterRef).toBe(`A${header}:N${header + accounts}`);
    const kinds = cfsOf(ws).flatMap((cf) => cf.rules.map((r) => r.type));
    expect(kinds).toContain('dataBar');
    expect(kinds.filter((k) => k === 'expression')).toHaveLength(6);
    expect([ws.getCell('A5').value, ws.getCell('B5').value]).toEqual(['HHI', json.concentration.hhi]);
    expect(ws.getCell('B5').numFmt).toBe('#,##0');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
  });

  it('Data Issues lists the rejected rows; the charts are real DrawingML parts', async () => {
    const ws = sheet(wb, 'Data Issues');
    const header = rowOf(ws, 'Sheet');
    expect(ws.getRow(header + 1).values).toEqual([undefined, 'Sales', 264, 'Amount', 'n/a', 'Row not used', 'not a number']);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(2);
    const xml = await Promise.all(charts.map((p) => zip.file(p)?.async('string') ?? ''));
    expect(xml.join()).toMatch(/Revenue vs quota by quarter/);
    expect(xml.join()).toMatch(/Actual and forecast by quarter/);
    expect(xml.join()).toMatch(/<c:barChart>/);
    expect(xml.join()).toMatch(/<c:lineChart>/);
  });
});

const INJECTED = ['=HYPERLINK("http://x","y")', '+48 22 123', '@SUM(A1)', '-1+2'];

describe('report --out from CSV, German, with names that look like formulas', () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = [
      'Date,Account,Manager,Amount',
      `2026-01-10,${quote(INJECTED[0] ?? '')},${quote('=1+1')},1000`,
      `2026-02-10,${quote(INJECTED[1] ?? '')},Anna,2000`,
      `2026-03-10,${quote(INJECTED[2] ?? '')},Anna,3000`,
      `2026-03-11,${quote(INJECTED[3] ?? '')},Anna,400`,
      `2026-03-12,Gamma,Anna,${quote('=2+2')}`,
    ].join('\n');
    const input = join(dir, 'injected.csv');
    writeFileSync(input, csv);
    out = join(dir, 'injected.xlsx');
    const r = await run('report', input, '--out', out, '--lang', 'de');
    expect(r.err).toMatch(/wrote/);
    expect(r.code).toBe(0);
    wb = await readBack(out);
  });

  it('writes only the report sheets, named in German', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Quartalsergebnisse', 'Provision', 'Prognose', 'Kundenstatus', 'Datenprobleme']);
    expect(sheet(wb, 'Quartalsergebnisse').getCell('A1').value).toBe('Quartalsergebnisse 2026');
    // No plan in a CSV run: the Commission sheet says how to add one.
    expect(sheet(wb, 'Provision').getCell('A5').value).toMatch(/kein Provisionsplan/);
  });

  it('keeps every formula-like name and value as text, never as a formula', () => {
    const cells: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    for (const name of [...INJECTED, '=1+1', '=2+2']) {
      const hits = cells.filter((c) => c.value === name);
      expect([name, hits.length > 0]).toEqual([name, true]);
      for (const c of hits) expect([name, c.type]).toEqual([name, ExcelJS.ValueType.String]);
    }
    // No formula anywhere mentions HYPERLINK: it stayed text.
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula && /HYPERLINK|SUM\(A1\)/.test(c.formula))).toEqual([]);
  });
});

describe('report --out: names taken by the input, bad --out', () => {
  it('renames a report sheet whose name the input already uses and says so', async () => {
    const src = new ExcelJS.Workbook();
    src.addWorksheet('Sales').addRows([['Date', 'Account', 'Manager', 'Amount'], ['2026-01-10', 'A', 'M', 100]]);
    src.addWorksheet('Forecast').addRow(['my own forecast']);
    const input = join(dir, 'taken.xlsx');
    await src.xlsx.writeFile(input);
    const out = join(dir, 'taken-out.xlsx');
    const r = await run('report', input, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/already has a sheet named "Forecast"; the report sheet is named "Forecast \(2\)"/);
    const wb = await readBack(out);
    expect(sheet(wb, 'Forecast').getCell('A1').value).toBe('my own forecast');
    expect(sheet(wb, 'Forecast (2)').getCell('A1').value).toBe('Annual forecast 2026');
  });

  it.each([
    [['--out', 'report.pdf'], /--out must name an \.xlsx file/],
    [['--out', '__INPUT__'], /--out must not be the input file/],
  ])('refuses %j', async (extra, message) => {
    const input = join(dir, 'x.xlsx');
    const r = await run('report', input, ...extra.map((a) => (a === '__INPUT__' ? input : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
