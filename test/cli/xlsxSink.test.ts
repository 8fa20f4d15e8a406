import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeReportXlsx } from '../../src/cli/xlsxSink';
import { dayNumber } from '../../src/core/periods/dayNumber';
import { numberCell, textCell, type ReportModel } from '../../src/reports/model';
import { INJECTED_NAMES, MONEY, PERCENT, sampleModel } from '../reports/model/sampleModel';
import { readBack, sheet } from './support/readBack';

// XLSX_SINK_KEEP_DIR=/some/dir keeps the written workbooks there, to open and look at.
const keep = process.env.XLSX_SINK_KEEP_DIR;
let dir: string;
beforeAll(() => {
  dir = keep !== undefined && keep !== '' ? mkdtempSync(join(keep, 'xlsx-sink-')) : mkdtempSync(join(tmpdir(), 'xlsx-sink-'));
});
afterAll(() => {
  if (keep === undefined || keep === '') rmSync(dir, { recursive: true, force: true });
});

async function zipText(path: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const f = zip.file(part);
  if (f === null) throw new Error(`no part ${part}`);
  return f.async('string');
}

interface LoadedTable {
  name: string;
  tableRef: string;
  autoFilterRef: string;
  style: { theme: string; showRowStripes: boolean };
}
// exceljs keeps these in the worksheet model but does not declare them.
function tablesOf(ws: ExcelJS.Worksheet): LoadedTable[] {
  return (ws.model as unknown as { tables: LoadedTable[] }).tables;
}
function cfsOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

// Raw <c> element of a cell in a sheet part, to check what is really in the file.
function rawCell(sheetXml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`).exec(sheetXml);
  if (m === null) throw new Error(`no cell ${address}`);
  return m[0];
}

describe('writeReportXlsx — reports only (CSV input)', () => {
  let out: string;
  let wb: ExcelJS.Workbook;
  let result: Awaited<ReturnType<typeof writeReportXlsx>>;
  beforeAll(async () => {
    out = join(dir, 'nested', 'reports.xlsx');
    result = await writeReportXlsx(sampleModel(), { outPath: out });
    wb = await readBack(out);
  });

  test('writes the report sheets in model order and reports their names', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Quarterly Results', 'Commission', 'Account Status', 'Forecast']);
    expect(result.sheets.map((s) => [s.key, s.name])).toEqual([
      ['quarterly', 'Quarterly Results'],
      ['commission', 'Commission'],
      ['accounts', 'Account Status'],
      ['forecast', 'Forecast'],
    ]);
    expect(result.renamedSheets).toEqual([]);
    expect(result.renamedTables).toEqual([]);
    expect(result.lostFeatures).toEqual([]);
  });

  test('leaves no temporary file next to the output', () => {
    expect(readdirSync(join(dir, 'nested'))).toEqual(['reports.xlsx']);
  });

  test('values and number formats', () => {
    const q = sheet(wb, 'Quarterly Results');
    expect(q.getCell('A1').value).toBe('Quarterly Results');
    expect(q.getCell('A5').value).toBe('2026-Q1');
    expect(q.getCell('B6').value).toBe(95000.5);
    expect(q.getCell('B6').numFmt).toBe(MONEY);
    expect(MONEY).toBe('"€"#,##0.00;[Red]-"€"#,##0.00');
    expect(q.getCell('D5').numFmt).toBe(PERCENT);
  });

  test('formulas carry the engine value as cached result', () => {
    const q = sheet(wb, 'Quarterly Results');
    expect(q.getCell('D5').formula).toBe('IF(C5>0,B5/C5,"")');
    expect(q.getCell('D5').result).toBe(1.2);
    expect(q.getCell('B9').formula).toBe('SUM(B5:B8)');
    expect(q.getCell('B9').result).toBe(316000.75);
    const c = sheet(wb, 'Commission');
    expect(c.getCell('E6').formula).toBe('MAX(0,MIN($B$2,C6)-B6)*D6');
    expect(c.getCell('E6').result).toBe(1000);
    expect(c.getCell('E9').result).toBe(5900);
    // Sheet tokens resolve to the quoted final name.
    expect(c.getCell('E12').formula).toBe("'Quarterly Results'!$B$9");
    // Boolean and text cached results keep their type.
    expect(c.getCell('E13').result).toBe(true);
    expect(c.getCell('E14').result).toBe('above quota');
  });

  test('a cached result of 0 is written (not dropped as falsy)', async () => {
    const xml = await zipText(out, 'xl/worksheets/sheet2.xml');
    expect(rawCell(xml, 'E11')).toMatch(/<f>ROUND\(E9-E10,2\)<\/f><v>0<\/v>/);
  });

  test('dates are serial numbers with a date format', async () => {
    const a = sheet(wb, 'Account Status');
    expect(a.getCell('H5').numFmt).toBe('yyyy-mm-dd');
    expect(a.getCell('H5').value).toEqual(new Date(Date.UTC(2026, 8, 30)));
    const xml = await zipText(out, 'xl/worksheets/sheet3.xml');
    expect(rawCell(xml, 'H5')).toContain(`<v>${dayNumber(2026, 9, 30)}</v>`);
  });

  test('formula-like names come back as plain text, never as formulas', async () => {
    const a = sheet(wb, 'Account Status');
    const xml = await zipText(out, 'xl/worksheets/sheet3.xml');
    INJECTED_NAMES.forEach((name, i) => {
      const address = `A${5 + i}`;
      const cell = a.getCell(address);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
      const raw = rawCell(xml, address);
      expect(raw).toContain('t="s"');
      expect(raw).not.toContain('<f');
    });
  });

  test('styles: fonts, fills, borders from the style table', () => {
    const q = sheet(wb, 'Quarterly Results');
    expect(q.getCell('A1').font).toMatchObject({ bold: true, size: 16, color: { argb: 'FF1F3864' } });
    expect(q.getCell('B4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } });
    expect(q.getCell('B4').font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(q.getCell('B9').border?.bottom).toMatchObject({ style: 'double' });
    expect(q.getCell('C8').font).toMatchObject({ italic: true });
  });

  test('merges, widths, row heights, frozen panes, gridlines, tab colour', () => {
    const q = sheet(wb, 'Quarterly Results');
    expect(q.model.merges).toEqual(['A1:E1']);
    expect(q.getColumn(1).width).toBe(14);
    expect(q.getColumn(2).width).toBe(16);
    expect(q.getRow(1).height).toBe(24);
    expect(q.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4, topLeftCell: 'B5', showGridLines: false });
    expect(q.properties.tabColor).toEqual({ argb: 'FF1F4E78' });
    const a = sheet(wb, 'Account Status');
    expect(a.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(a.getColumn(1).width).toBe(32);
  });

  test('Excel table with its range, style and filter', () => {
    const a = sheet(wb, 'Account Status');
    const tables = tablesOf(a);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ name: 'AccountStatus', tableRef: 'A4:I16', autoFilterRef: 'A4:I16', style: { theme: 'TableStyleMedium2', showRowStripes: true } });
    // The table did not overwrite the rendered cells.
    expect(a.getCell('C5').value).toBe(1000000);
    expect(a.getCell('C5').numFmt).toBe(MONEY);
    expect(a.getCell('A4').fill).toMatchObject({ fgColor: { argb: 'FF1F4E78' } });
  });

  test('conditional formats: cell-value, text and data-bar rules on the used ranges', () => {
    const q = sheet(wb, 'Quarterly Results');
    const cfs = cfsOf(q).map((cf) => ({ ref: cf.ref, rules: cf.rules.map((r) => ({ type: r.type, ...('operator' in r ? { operator: r.operator } : {}), ...('formulae' in r ? { formulae: r.formulae } : {}) })) }));
    expect(cfs).toEqual([
      { ref: 'E5:E8', rules: [{ type: 'expression', formulae: ['LEFT(E5,LEN("Met"))="Met"'] }] },
      { ref: 'E5:E8', rules: [{ type: 'expression', formulae: ['ISNUMBER(SEARCH("Near",E5))'] }] },
      { ref: 'D5:D8', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0.9'] }] },
      { ref: 'D5:D8', rules: [{ type: 'cellIs', operator: 'between', formulae: ['0.9', '0.99999'] }] },
    ]);
    const bad = cfsOf(q)[2]?.rules[0] as { style?: Partial<ExcelJS.Style> };
    expect(bad.style?.fill).toMatchObject({ bgColor: { argb: 'FFFFC7CE' } });
    const a = sheet(wb, 'Account Status');
    const bar = cfsOf(a).find((cf) => cf.rules[0]?.type === 'dataBar');
    expect(bar?.ref).toBe('D5:D16');
    expect(bar?.rules[0]).toMatchObject({ type: 'dataBar', color: { argb: 'FF5B9BD5' } });
  });

  test('print setup: landscape, one page wide, repeated header row', () => {
    const q = sheet(wb, 'Quarterly Results');
    expect(q.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    expect(sheet(wb, 'Commission').pageSetup).toMatchObject({ orientation: 'portrait', fitToPage: true });
  });

  test('chart parts: one drawing per chart sheet, charts with sheet references and caches', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const parts = Object.keys(zip.files).filter((p) => /^xl\/(charts|drawings)\/.*[^/]$/.test(p)).sort();
    expect(parts).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/_rels/drawing2.xml.rels',
      'xl/drawings/drawing1.xml',
      'xl/drawings/drawing2.xml',
    ]);
    const read = async (p: string): Promise<string> => (await zip.file(p)?.async('string')) ?? '';
    const chart1 = await read('xl/charts/chart1.xml');
    expect(chart1).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart1).not.toContain('<c:lineChart>');
    expect(chart1).toContain('<c:f>&apos;Quarterly Results&apos;!$A$5:$A$8</c:f>');
    expect(chart1).toContain('<c:f>&apos;Quarterly Results&apos;!$B$5:$B$8</c:f>');
    expect(chart1).toContain('<c:f>&apos;Quarterly Results&apos;!$C$5:$C$8</c:f>');
    expect(chart1).toContain('<c:f>&apos;Quarterly Results&apos;!$B$4</c:f>');
    expect(chart1).toContain('<c:pt idx="1"><c:v>95000.5</c:v></c:pt>');
    expect(chart1).toContain('<c:pt idx="0"><c:v>2026-Q1</c:v></c:pt>');
    expect(chart1).toContain('<a:t>Revenue vs quota</a:t>');
    const combo = await read('xl/charts/chart2.xml');
    expect(combo).toContain('<c:barChart>');
    expect(combo).toContain('<c:lineChart>');
    expect(combo).toContain('<c:f>Forecast!$D$3:$D$6</c:f>');
    // The empty Q4 actual is left out of the cache (a gap), not written as 0.
    const chart3 = await read('xl/charts/chart3.xml');
    expect(chart3).toContain('<c:ptCount val="4"/><c:pt idx="0"><c:v>120000</c:v></c:pt><c:pt idx="1"><c:v>95000</c:v></c:pt><c:pt idx="2"><c:v>101000</c:v></c:pt></c:numCache>');
    const drawing2 = await read('xl/drawings/drawing2.xml');
    expect(drawing2.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(drawing2).toContain('<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>');
    expect(await read('xl/drawings/_rels/drawing2.xml.rels')).toContain('Target="../charts/chart3.xml"');
    const types = await read('[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
  });

  test('the <drawing> element sits where CT_Worksheet wants it', async () => {
    const q = await zipText(out, 'xl/worksheets/sheet1.xml');
    const rels = await zipText(out, 'xl/worksheets/_rels/sheet1.xml.rels');
    const id = /<drawing r:id="(rId\d+)"\/>/.exec(q)?.[1];
    expect(rels).toContain(`Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    expect(q.indexOf('<pageSetup')).toBeLessThan(q.indexOf('<drawing'));
    expect(q).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/);
    // The sheet with no table but charts; the Account Status sheet has a table and no chart.
    const f = await zipText(out, 'xl/worksheets/sheet4.xml');
    expect(f.indexOf('<drawing')).toBeGreaterThan(f.indexOf('<pageSetup'));
    expect(await zipText(out, 'xl/worksheets/sheet3.xml')).not.toContain('<drawing');
  });
});

describe('writeReportXlsx — appended to the input workbook', () => {
  let base: string;
  let out: string;
  let result: Awaited<ReturnType<typeof writeReportXlsx>>;
  // 1×1 red PNG.
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

  beforeAll(async () => {
    base = join(dir, 'input.xlsx');
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet('Data');
    data.addRow(['Date', 'Account', 'Manager', 'Amount']);
    data.addRow([new Date(Date.UTC(2026, 2, 31)), 'ACME', 'Zofia', 1234.56]);
    data.addRow([new Date(Date.UTC(2026, 3, 1)), '=not a formula', 'Jürgen', -50]);
    data.getCell('E2').value = { formula: 'D2*2', result: 2469.12 } as ExcelJS.CellFormulaValue;
    data.getCell('A1').font = { bold: true };
    data.addTable({ name: 'AccountStatus', ref: 'G1', columns: [{ name: 'K' }], rows: [[1], [2]] });
    const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    data.addImage(image, { tl: { col: 8, row: 2 }, ext: { width: 20, height: 20 } });
    const mine = wb.addWorksheet('commission');
    mine.getCell('A1').value = 'my own notes';
    await wb.xlsx.writeFile(base);
    out = join(dir, 'with-base.xlsx');
    result = await writeReportXlsx(sampleModel(), { baseWorkbookPath: base, outPath: out });
  });

  test('input sheets come first and keep their cells', async () => {
    const wb = await readBack(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'commission', 'Quarterly Results', 'Commission (2)', 'Account Status', 'Forecast']);
    const data = sheet(wb, 'Data');
    expect(data.getCell('B2').value).toBe('ACME');
    expect(data.getCell('D2').value).toBe(1234.56);
    expect(data.getCell('B3').value).toBe('=not a formula');
    expect(data.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(data.getCell('E2').formula).toBe('D2*2');
    expect(data.getCell('E2').result).toBe(2469.12);
    expect(data.getCell('A1').font).toMatchObject({ bold: true });
    expect(data.getImages()).toHaveLength(1);
    expect(sheet(wb, 'commission').getCell('A1').value).toBe('my own notes');
  });

  test('a report whose name is taken (ignoring case) gets another name, and says so', () => {
    expect(result.renamedSheets).toEqual([{ key: 'commission', requestedName: 'Commission', name: 'Commission (2)' }]);
  });

  test('a table name taken by the input is renamed', async () => {
    expect(result.renamedTables).toEqual([{ sheetKey: 'accounts', requestedName: 'AccountStatus', name: 'AccountStatus_2' }]);
    const wb = await readBack(out);
    const names = wb.worksheets.flatMap((w) => tablesOf(w).map((t) => t.name));
    expect(names.sort()).toEqual(['AccountStatus', 'AccountStatus_2']);
  });

  test('charts get drawing parts of their own next to the image drawing', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const drawings = Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p)).sort();
    expect(drawings).toEqual(['xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml', 'xl/drawings/drawing3.xml']);
    expect((await zip.file('xl/drawings/drawing1.xml')?.async('string')) ?? '').toContain('<xdr:pic>');
  });

  test('running again on its own output keeps the first charts and adds the second ones', async () => {
    const again = await writeReportXlsx(sampleModel(), { baseWorkbookPath: out, outPath: join(dir, 'again.xlsx') });
    expect(again.lostFeatures).toEqual([]);
    expect(again.renamedSheets.map((s) => s.name)).toEqual(['Quarterly Results (2)', 'Commission (3)', 'Account Status (2)', 'Forecast (2)']);
    expect(again.renamedTables).toEqual([{ sheetKey: 'accounts', requestedName: 'AccountStatus', name: 'AccountStatus_3' }]);
    const wb = await readBack(join(dir, 'again.xlsx'));
    expect(sheet(wb, 'Commission (3)').getCell('E12').formula).toBe("'Quarterly Results (2)'!$B$9");
    const before = await JSZip.loadAsync(readFileSync(out));
    const after = await JSZip.loadAsync(readFileSync(join(dir, 'again.xlsx')));
    const charts = (z: JSZip): string[] => Object.keys(z.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
    expect(charts(before)).toHaveLength(3);
    expect(charts(after)).toHaveLength(6);
    for (const p of charts(before)) expect(await after.file(p)?.async('string')).toBe(await before.file(p)?.async('string'));
  });
});

describe('writeReportXlsx — guards', () => {
  test('an invalid model is refused before anything is written', async () => {
    const good = sampleModel();
    const first = good.sheets[0];
    if (first === undefined) throw new Error('sample has sheets');
    const broken: ReportModel = { ...good, sheets: [{ ...first, name: 'Bad/Name', rows: [[{ kind: 'text', text: '=1+1' }]] }] };
    const out = join(dir, 'never.xlsx');
    await expect(writeReportXlsx(broken, { outPath: out })).rejects.toThrow(/illegal sheet name[\s\S]*asText/);
    expect(existsSync(out)).toBe(false);
  });

  test('an existing output is replaced only by a complete file', async () => {
    const out = join(dir, 'replace.xlsx');
    const m: ReportModel = { version: 1, language: 'en', styles: sampleModel().styles, sheets: [{ key: 'a', name: 'A', columns: [], rows: [[textCell('one')]] }] };
    await writeReportXlsx(m, { outPath: out });
    await writeReportXlsx({ ...m, sheets: [{ key: 'a', name: 'A', columns: [], rows: [[numberCell(2)]] }] }, { outPath: out });
    expect(sheet(await readBack(out), 'A').getCell('A1').value).toBe(2);
  });

  test('a 20 000-row Account Status sheet is written in a few seconds', async () => {
    const model = sampleModel(20000);
    const out = join(dir, 'big.xlsx');
    const t0 = Date.now();
    await writeReportXlsx(model, { outPath: out });
    const ms = Date.now() - t0;
    console.log(`xlsx sink: 20 000 account rows written in ${ms} ms`);
    expect(ms).toBeLessThan(10000);
    const wb = await readBack(out);
    const a = sheet(wb, 'Account Status');
    expect(a.rowCount).toBe(20004);
    expect(tablesOf(a)[0]?.tableRef).toBe('A4:I20004');
  }, 60000);
});
