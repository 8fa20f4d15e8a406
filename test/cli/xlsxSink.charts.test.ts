import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addCharts, worksheetParts } from '../../src/cli/xlsx/addCharts';
import { chartXml, type ResolvedChart } from '../../src/cli/xlsx/chartXml';
import { xmlAttributes, xmlEscape, xmlUnescape } from '../../src/cli/xlsx/xml';
import { writeReportXlsx } from '../../src/cli/xlsxSink';
import { numberCell, reportStyles, textCell, type ReportModel } from '../../src/reports/model';

// XLSX_SINK_KEEP_DIR=/some/dir keeps the written workbooks there, to open and look at.
const keep = process.env.XLSX_SINK_KEEP_DIR;
let dir: string;
beforeAll(() => {
  dir = keep !== undefined && keep !== '' ? mkdtempSync(join(keep, 'xlsx-charts-')) : mkdtempSync(join(tmpdir(), 'xlsx-charts-'));
});
afterAll(() => {
  if (keep === undefined || keep === '') rmSync(dir, { recursive: true, force: true });
});

const simpleChart = (title: string): ResolvedChart => ({
  title,
  legend: 'none',
  series: [
    {
      name: 'S & P <1>',
      type: 'column',
      color: '4472C4',
      categories: { kind: 'str', ref: 'Data!$A$1:$A$2', values: ['a', 'b'] },
      values: { kind: 'num', ref: 'Data!$B$1:$B$2', values: [1, 2], formatCode: 'General' },
    },
  ],
});

describe('chartXml', () => {
  test('escapes titles and names, omits the legend when asked', () => {
    const xml = chartXml({ ...simpleChart('R&D <"Q1">'), valueFormat: '#,##0 "€"' });
    expect(xml).toContain('<a:t>R&amp;D &lt;&quot;Q1&quot;&gt;</a:t>');
    expect(xml).toContain('<c:tx><c:v>S &amp; P &lt;1&gt;</c:v></c:tx>');
    expect(xml).not.toContain('<c:legend>');
    expect(xml).toContain('<c:numFmt formatCode="#,##0 &quot;€&quot;" sourceLinked="0"/>');
  });

  test('refuses a chart without series', () => {
    expect(() => chartXml({ ...simpleChart('x'), series: [] })).toThrow(/no series/);
  });
});

describe('xml helpers', () => {
  test.each([
    ['plain', 'plain'],
    ['a&b<c>"d"\'e', 'a&amp;b&lt;c&gt;&quot;d&quot;&apos;e'],
    ['bell\u0007gone', 'bellgone'],
  ])('xmlEscape(%j)', (input, expected) => {
    expect(xmlEscape(input)).toBe(expected);
  });

  test('round trip and attributes', () => {
    expect(xmlUnescape(xmlEscape('O\'Brien & "Söhne" <GmbH>'))).toBe('O\'Brien & "Söhne" <GmbH>');
    expect(xmlUnescape('&#x41;&#66;')).toBe('AB');
    expect(xmlAttributes('<sheet name="R&amp;D" r:id=\'rId3\'/>')).toEqual({ name: 'R&D', 'r:id': 'rId3' });
  });
});

describe('addCharts', () => {
  test('merges a chart into a sheet drawing that already holds an image', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['a', 1]);
    ws.addRow(['b', 2]);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), { tl: { col: 4, row: 0 }, ext: { width: 20, height: 20 } });
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    await addCharts(zip, new Map([['Data', [{ chart: simpleChart('Merged'), from: { row: 3, col: 0 }, to: { row: 15, col: 6 } }]]]));
    const drawing = (await zip.file('xl/drawings/drawing1.xml')?.async('string')) ?? '';
    expect(drawing).toContain('<xdr:pic>');
    expect(drawing).toContain('<c:chart ');
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const rels = (await zip.file('xl/drawings/_rels/drawing1.xml.rels')?.async('string')) ?? '';
    expect(rels).toContain('relationships/image');
    expect(rels).toContain('Target="../charts/chart1.xml"');
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheet.match(/<drawing /g)).toHaveLength(1);
    const out = join(dir, 'merged.xlsx');
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    writeFileSync(out, buf);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet('Data')?.getImages()).toHaveLength(1);
  });

  test('finds sheet parts by name, including names with XML special characters', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('First');
    wb.addWorksheet('R&D <Nord>');
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const parts = await worksheetParts(zip);
    expect([...parts.entries()]).toEqual([
      ['First', 'xl/worksheets/sheet1.xml'],
      ['R&D <Nord>', 'xl/worksheets/sheet2.xml'],
    ]);
  });
});

test('a report sheet whose name needs quoting and escaping gets working chart references', async () => {
  const name = "R&D O'Brien";
  const model: ReportModel = {
    version: 1,
    language: 'en',
    styles: reportStyles,
    sheets: [
      {
        key: 'rd',
        name,
        columns: [{ width: 12 }, { width: 12 }],
        rows: [
          [textCell('Quarter', { style: 'header' }), textCell('Revenue', { style: 'header' })],
          [textCell('Q1'), numberCell(10)],
          [textCell('Q2'), numberCell(20)],
        ],
        charts: [
          {
            type: 'line',
            title: 'R&D',
            series: [{ name: 'Revenue', categories: { sheet: 'rd', range: { row: 1, col: 0, rowCount: 2, colCount: 1 } }, values: { sheet: 'rd', range: { row: 1, col: 1, rowCount: 2, colCount: 1 } } }],
            anchor: { row: 4, col: 0 },
            size: { cols: 5, rows: 10 },
            legend: 'right',
          },
        ],
        print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: 0, count: 1 } },
      },
    ],
  };
  const out = join(dir, 'quoted.xlsx');
  await writeReportXlsx(model, { outPath: out });
  const zip = await JSZip.loadAsync(readFileSync(out));
  const chart = (await zip.file('xl/charts/chart1.xml')?.async('string')) ?? '';
  expect(chart).toContain('<c:f>&apos;R&amp;D O&apos;&apos;Brien&apos;!$B$2:$B$3</c:f>');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet(name)?.getCell('B3').value).toBe(20);
  // exceljs cannot write print titles for names with apostrophes (it does not double them),
  // so the sink leaves them out rather than write a broken defined name.
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  expect(workbookXml).not.toContain('Print_Titles');
});

test('on a sheet with a table and x14 data bars the drawing goes between pageSetup and tableParts', async () => {
  const rows = [
    [textCell('Account', { style: 'header' }), textCell('Share', { style: 'header' })],
    [textCell('A'), numberCell(0.6)],
    [textCell('B'), numberCell(0.4)],
  ];
  const range = (col: number) => ({ sheet: 'acc', range: { row: 1, col, rowCount: 2, colCount: 1 } });
  const model: ReportModel = {
    version: 1,
    language: 'en',
    styles: reportStyles,
    sheets: [
      {
        key: 'acc',
        name: 'Accounts',
        columns: [],
        rows,
        tables: [{ name: 'Accounts', range: { row: 0, col: 0, rowCount: 3, colCount: 2 }, style: 'TableStyleLight9', showRowStripes: false, autoFilter: false }],
        conditionalFormats: [{ kind: 'dataBar', range: { row: 1, col: 1, rowCount: 2, colCount: 1 }, color: '#63BE7B', gradient: false }],
        charts: [{ type: 'columnClustered', title: 'Share', series: [{ name: 'Share', categories: range(0), values: range(1) }], anchor: { row: 0, col: 3 }, size: { cols: 5, rows: 10 }, legend: 'none' }],
        print: { orientation: 'landscape', fitToWidth: true },
      },
    ],
  };
  const out = join(dir, 'table-and-chart.xlsx');
  await writeReportXlsx(model, { outPath: out });
  const zip = await JSZip.loadAsync(readFileSync(out));
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  // The data bar's cfRule holds an <extLst> of its own; the worksheet's is the last one.
  expect(sheet.indexOf('<extLst')).toBeLessThan(sheet.indexOf('<pageSetup'));
  const order = ['<conditionalFormatting', '<pageSetup', '<drawing', '<tableParts'].map((tag) => sheet.indexOf(tag)).concat(sheet.lastIndexOf('<extLst'));
  expect(order.every((i) => i > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  const rels = (await zip.file('xl/worksheets/_rels/sheet1.xml.rels')?.async('string')) ?? '';
  const ids = [...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids).toHaveLength(2); // table + drawing, distinct ids
  expect(new Set(ids).size).toBe(2);
  const table = (await zip.file('xl/tables/table1.xml')?.async('string')) ?? '';
  expect(table).toContain('hiddenButton="1"');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet('Accounts')?.getCell('B2').value).toBe(0.6);
});
