/**
 * The streaming workbook reader (`readXlsxFile`, `src/cli/xlsxRead/`) against its oracle, the
 * former reader (exceljs full load + `fromExcelJs`, in `./support/readXlsxWithExcelJs`): every
 * workbook here is read by both and the results must be identical — sheet names, visibility,
 * row count, row lengths (trailing nulls), and every cell value, Dates to the millisecond.
 * Workbooks come from exceljs itself (its two writers, with and without shared strings), from
 * hand-written packages covering what exceljs never writes, and from a fast-check property.
 * Where the reader differs on purpose (where exceljs fails or skips content), the tests say so.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readXlsxFile, type WorkbookSheet } from '../../src/cli/readXlsx';
import { InputError } from '../../src/cli/inputError';
import { readSheetRows, type SheetContext } from '../../src/cli/xlsxRead/readSheetRows';
import { readXlsxWithExcelJs } from './support/readXlsxWithExcelJs';
import { convertWithLibreOffice, removeLibreOfficeProfile, sofficeOrSkip } from '../support/libreoffice';
import { main } from '../../src/cli/main';
import { hyperlinkRels, sheetXml, toZip64, writePackage } from './support/xlsxPackage';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'accountdesk-readxlsx-'));
});
afterAll(() => {
  removeLibreOfficeProfile();
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string): string => join(dir, `${n++}-${name}`);

/** Dates as instants (an Invalid Date as such), so that toStrictEqual compares everything else exactly. */
function comparableRows(rows: WorkbookSheet['grid']['rows']): unknown {
  return rows.map((r) => r.map((v) => (v instanceof Date ? { date: Number.isNaN(v.getTime()) ? 'invalid' : v.getTime() } : v)));
}

function comparable(sheets: readonly WorkbookSheet[]): unknown {
  return sheets.map((s) => ({ name: s.name, visible: s.visible, grid: { ...s.grid, rows: comparableRows(s.grid.rows) } }));
}

async function expectSameAsExcelJs(path: string): Promise<WorkbookSheet[]> {
  const expected = await readXlsxWithExcelJs(path);
  const actual = await readXlsxFile(path, path);
  expect(comparable(actual)).toStrictEqual(comparable(expected));
  return actual;
}

const rowsOf = (sheets: readonly WorkbookSheet[], name: string): unknown => sheets.find((s) => s.name === name)?.grid.rows;

// ---------------------------------------------------------------------------------------------
// Hand-written packages

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="8"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="[$-409]mmmm d, yyyy"/><numFmt numFmtId="166" formatCode="h:mm:ss"/>
<numFmt numFmtId="167" formatCode="&quot;$&quot;#,##0.00"/><numFmt numFmtId="168" formatCode="#,##0.00\\ [$€-407]"/><numFmt numFmtId="169" formatCode="[h]:mm"/>
<numFmt numFmtId="170" formatCode="0.0 &quot;kg&quot;"/><numFmt numFmtId="171" formatCode="yyyy-mm-dd;@"/></numFmts>
<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="16"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="10"/><xf numFmtId="167"/><xf numFmtId="168"/>
<xf numFmtId="22"/><xf numFmtId="169"/><xf numFmtId="49"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="47"/><xf numFmtId="30"/><xf numFmtId="9"><alignment horizontal="left"/></xf></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="200" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;

const SST = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
<si><t>Plain _x000D_ text _x005F_x0041_</t></si>
<si><r><t>Rich </t></r><r><rPr><i/><sz val="11"/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>PH</t></rPh></si>
<si><t xml:space="preserve">  spaced  </t></si>
<si/>
<si><t>&lt;tag&gt; &amp; &#x1F600; 😀 Zürich 日本</t></si>
<si><r><t>no</t></r><r><rPr><b/></rPr></r></si>
</sst>`;

const EDGE_ROWS = [
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Inline &amp; &#x1F600; _x000D_ x</t></is></c>',
  '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> _x0041_ tail</t></r></is></c>',
  '<c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c><c r="E1" t="str"><v>A &amp;amp; B &amp;#65; line1&#13;&#10;line2\r\nline3</v></c>',
  '<c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c><c r="H1" t="e"><v>#N/A</v></c><c r="I1" t="e"><v>#DIV/0!</v></c>',
  '<c r="K1" t="s"><v>2</v></c><c r="L1" t="s"><v>3</v></c><c r="M1" t="s"><v>4</v></c><c r="N1" t="s"><v>5</v></c><c r="O1" t="b"><v>true</v></c></row>',
  '<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="2"><v>45000.5</v></c><c r="C2" s="3"><v>45001</v></c><c r="D2" s="4"><v>0.75</v></c>',
  '<c r="E2" s="5"><v>0.125</v></c><c r="F2" s="6"><v>1234.5</v></c><c r="G2" s="9"><v>1.5</v></c><c r="H2" s="10"><v>42</v></c><c r="I2" s="11"><v>3</v></c>',
  '<c r="J2" s="12"><v>45002</v></c><c r="K2" s="13"><v>0.01</v></c><c r="L2" s="14"><v>45003</v></c><c r="M2" s="0"><v>45004</v></c><c r="N2"><v>1E-7</v></c>',
  '<c r="O2"><v> 12 </v></c><c r="P2"><v>-0</v></c><c r="Q2" t="n"><v>3.14159265358979</v></c><c r="R2" t="d"><v>2024-01-15T00:00:00</v></c>',
  '<c r="S2"><v>123456789012345678</v></c><c r="T2" s="7"><v>-1234.567</v></c><c r="U2" s="8"><v>45000.75</v></c><c r="V2" s="15"><v>0.5</v></c>',
  '<c r="W2" s="1"><v>-1</v></c><c r="X2" s="99"><v>7</v></c><c r="Y2"><v>0.1</v></c><c r="Z2"><v>-000.50</v></c><c r="AA2"><v>&#49;2</v></c></row>',
  '<row r="4"><c r="B4" t="str"><v>a</v></c><c/><c t="str"><v>b</v></c><c s="5"/><c><v>5</v></c></row>',
  '<row r="5"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5"><f>0*1</f><v>0</v></c><c r="C5" t="str"><f>"x"</f><v>x &amp;amp; y</v></c>',
  '<c r="D5" t="b"><f>TRUE()</f><v>1</v></c><c r="E5" t="b"><f>FALSE()</f><v>0</v></c><c r="F5" t="e"><f>NA()</f><v>#N/A</v></c>',
  '<c r="G5" s="1"><f>TODAY()</f><v>45000</v></c><c r="H5"><f>A5</f></c><c r="I5"><f t="shared" ref="I5:I7" si="0">A5*2</f><v>4</v></c>',
  '<c r="J5" t="str" s="1"><f>TEXT(A1,"x")</f><v>abc</v></c><c r="K5" t="str" s="1"><f>"45000"</f><v>45000</v></c><c r="L5" t="b" s="1"><f>TRUE()</f><v>1</v></c></row>',
  '<row r="6"><c r="I6"><f t="shared" si="0"/><v>6</v></c><c r="J6"><f t="shared" si="9"/><v>7</v></c><c r="K6"><f t="array" ref="K6:K7">SUM(A1:A2)</f><v>8</v></c>',
  '<c r="L6"><f t="shared" ref="L6:L7" si="1"/><v>5</v></c></row>',
  '<row r="7"><c r="I7"><f t="shared" si="0"/><v>0</v></c><c r="K7"><v>9</v></c><c r="L7"><f t="shared" si="1"/><v>5</v></c></row>',
  '<row r="9"/>',
  '<row r="10"><c r="ZZ10" t="str"><v>far</v></c></row>',
  '<row r="12" spans="1:3"><c r="A12" s="2"/><c r="B12" s="2"/></row>',
  '<row r="13"><c r="A13"><v>1</v></c><c r="A13"><v>2</v></c><c r="C13" s="3"><v>3</v></c><c r="C13" s="3"/></row>',
  '<row r="15"><c r="A15" t="str"><v>Merged</v></c><c r="B15"><v>99</v></c></row>',
  '<row r="20"><c r="A20" s="0"/><c r="B20"/><c r="C20"/><c t="str"><v>after link</v></c></row>',
  '<row r="21"><c\tr = "B21"\n s=\'1\'><v>45000</v></c><c r="C21"  t="b" ><v>1</v></c>\n<c r="D21" t="e"/></row>',
].join('');

const EDGE_AFTER =
  '<mergeCells count="3"><mergeCell ref="A15:C16"/><mergeCell ref="E13:F13"/><mergeCell ref="A22:B23"/></mergeCells>' +
  '<hyperlinks><hyperlink ref="H5" r:id="rId1"/><hyperlink ref="A20" r:id="rId1"/><hyperlink ref="B5" r:id="rId2"/><hyperlink ref="E5" r:id="rId1"/>' +
  '<hyperlink ref="C20" r:id="rId2"/><hyperlink ref="D1" r:id="rId1"/><hyperlink ref="B20" location="Other!A1"/></hyperlinks>';

function edgePackage(extra: { workbookPr?: string } = {}): Parameters<typeof writePackage>[1] {
  return {
    sharedStrings: SST,
    styles: STYLES,
    ...extra,
    sheets: [
      { name: 'Edge &amp; Co', xml: sheetXml(EDGE_ROWS, EDGE_AFTER), rels: hyperlinkRels(['rId1', 'rId2']) },
      { name: 'Hidden', state: 'hidden', target: '/xl/worksheets/sheet2.xml', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      { name: 'Very', state: 'veryHidden', xml: sheetXml('<row r="3"><c r="B3" t="s"><v>4</v></c></row>') },
      { name: 'Empty', xml: sheetXml('') },
      { name: 'Styled only', state: 'visible', xml: sheetXml('<row r="1"><c r="A1" s="1"/></row><row r="2" ht="30" customHeight="1"/>') },
      { name: 'Chart', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet', target: 'chartsheets/sheet1.xml', part: 'xl/chartsheets/sheet1.xml', xml: '<chartsheet/>' },
      { name: 'Trailing rows', xml: sheetXml('<row r="2"><c r="A2" t="str"><v>x</v></c></row><row r="5"/>') },
    ],
  };
}

describe('hand-written packages: same as exceljs', () => {
  test('every cell type, style, formula, merge, hyperlink and sheet state in one workbook', async () => {
    const path = file('edge.xlsx');
    await writePackage(path, edgePackage());
    const sheets = await expectSameAsExcelJs(path);
    // The oracle could be wrong in the same way; spot-check what the equality covers.
    expect(sheets.map((s) => [s.name, s.visible])).toEqual([
      ['Edge & Co', true], ['Hidden', false], ['Very', false], ['Empty', true], ['Styled only', true], ['Trailing rows', true],
    ]);
    const rows = rowsOf(sheets, 'Edge & Co') as unknown[][];
    expect(rows[0]?.slice(0, 5)).toEqual(['Inline & 😀 _x000D_ x', 'Bold A tail', 'Plain \r text _x0041_', 'Rich text', 'A & B &#65; line1\r\nline2\nline3']);
    expect(rows[1]?.[0]).toEqual(new Date(Date.UTC(2023, 2, 15)));
    expect(rows[1]?.slice(4, 6)).toEqual([0.125, 1234.5]);
    expect(rows[3]).toEqual([null, 'a', 'b', null, 5]);
    expect(rows[4]?.slice(0, 3)).toEqual([2, 0, 'x & y']);
    expect(rows[12]).toEqual([2, null, null, null, null, null]);
    expect(rows[14]).toEqual(['Merged', 'Merged', 'Merged']);
    expect(rows[19]).toEqual([null, null, null, 'after link']);
    expect(rows[20]).toEqual([null, new Date(Date.UTC(2023, 2, 15)), true]);
    expect(rows).toHaveLength(23);
    expect(rowsOf(sheets, 'Styled only')).toEqual([]);
    expect(rowsOf(sheets, 'Empty')).toEqual([]);
  });

  test('the 1904 date system', async () => {
    const path = file('mac.xlsx');
    await writePackage(path, edgePackage({ workbookPr: 'date1904="1"' }));
    const sheets = await expectSameAsExcelJs(path);
    expect((rowsOf(sheets, 'Edge & Co') as unknown[][])[1]?.[0]).toEqual(new Date(Date.UTC(2027, 2, 16)));
  });

  test('stored (uncompressed) entries, and a sheet part larger than one streamed chunk', async () => {
    const rows: string[] = [];
    // Random-looking text so that even deflated the part is well above 1 MB (the streaming path).
    let x = 12345;
    const word = (): string => {
      let s = '';
      for (let i = 0; i < 24; i++) s += ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8).toString(36);
      return s;
    };
    for (let r = 1; r <= 6000; r++) rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${word()}</t></is></c><c r="B${r}"><v>${r / 7}</v></c><c r="C${r}" t="str"><v>${word()}</v></c></row>`);
    for (const stored of [true, false]) {
      const path = file('big.xlsx');
      await writePackage(path, { stored, sheets: [{ name: 'Big', xml: sheetXml(rows.join('')) }] });
      const sheets = await expectSameAsExcelJs(path);
      expect(sheets[0]?.grid.rows).toHaveLength(6000);
    }
  });
});

test('a ZIP64 archive reads like the same package zipped plainly', async () => {
  const path = file('plain.xlsx');
  await writePackage(path, edgePackage());
  const zip64 = file('zip64.xlsx');
  writeFileSync(zip64, await toZip64(readFileSync(path)));
  expect(comparable(await readXlsxFile(zip64, zip64))).toStrictEqual(comparable(await readXlsxFile(path, path)));
  expect(comparable(await readXlsxFile(zip64, zip64))).toStrictEqual(comparable(await readXlsxWithExcelJs(path)));
});

describe('on purpose different from exceljs (which fails or reads nothing there)', () => {
  test('namespace-prefixed parts (x:) are read like unprefixed ones', async () => {
    const path = file('prefixed.xlsx');
    const xml = sheetXml('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Date</x:t></x:is></x:c><x:c r="B1" s="1"><x:v>45000</x:v></x:c></x:row><x:row r="3"><x:c r="C3"><x:f>1</x:f><x:v>1</x:v></x:c></x:row>', '', 'x');
    await writePackage(path, { prefix: 'x', styles: STYLES, sheets: [{ name: 'Sales', xml }] });
    const sheets = await readXlsxFile(path, path);
    expect(sheets).toEqual([{ name: 'Sales', visible: true, grid: { sheet: 'Sales', firstRow: 1, rows: [['Date', new Date(Date.UTC(2023, 2, 15))], [], [null, null, 1]] } }]);
    await expect(readXlsxWithExcelJs(path)).rejects.toThrow();
  });

  test('rows without r follow the previous row; a first cell without r is column A', async () => {
    const path = file('no-r.xlsx');
    await writePackage(path, { sheets: [{ name: 'S', xml: sheetXml('<row><c t="str"><v>a</v></c><c><v>1</v></c></row><row r="3"><c><v>2</v></c></row><row><c r="B4"><v>3</v></c></row>') }] });
    expect(rowsOf(await readXlsxFile(path, path), 'S')).toEqual([['a', 1], [], [2], [null, 3]]);
    await expect(readXlsxWithExcelJs(path)).rejects.toThrow();
  });

  test('CDATA is text', async () => {
    const path = file('cdata.xlsx');
    await writePackage(path, { sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="str"><v><![CDATA[a < b & c]]></v></c><c r="B1"><v><![CDATA[12.5]]></v></c></row>') }] });
    expect(rowsOf(await readXlsxFile(path, path), 'S')).toEqual([['a < b & c', 12.5]]);
  });

  test('date1904="true" is the 1904 system too', async () => {
    const path = file('true1904.xlsx');
    await writePackage(path, { workbookPr: 'date1904="true"', styles: STYLES, sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>0</v></c></row>') }] });
    expect(rowsOf(await readXlsxFile(path, path), 'S')).toEqual([[new Date(Date.UTC(1904, 0, 1))]]);
  });

  test('sheet parts with other names, a sheet named History and a name over 31 characters are read', async () => {
    const path = file('names.xlsx');
    const long = 'A name that is longer than thirty-one characters';
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writePackage(path, {
      sheets: [
        { name: 'History', target: 'worksheets/data.xml', part: 'xl/worksheets/data.xml', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { name: long, xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') },
      ],
    });
    expect((await readXlsxFile(path, path)).map((s) => [s.name, s.grid.rows])).toEqual([['History', [[1]]], [long, [[2]]]]);
    await expect(readXlsxWithExcelJs(path)).rejects.toThrow();
    warn.mockRestore();
  });
});

describe('damaged input: an InputError naming the file and the part', () => {
  test.each([
    ['not a zip', async (p: string) => writeFileSync(p, 'Date,Account\n'), /bad\.xlsx: cannot read this file as an Excel workbook \(\.xlsx\): not a zip archive/],
    ['no workbook part', async (p: string) => writeFileSync(p, await new (await import('jszip')).default().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' })), /xl\/workbook\.xml: missing/],
    ['a cut tag', async (p: string) => writePackage(p, { sheets: [{ name: 'S', xml: '<worksheet><sheetData><row r="1"><c r="A1"' }] }), /xl\/worksheets\/sheet1\.xml: malformed XML/],
    ['a shared string that is not there', async (p: string) => writePackage(p, { sharedStrings: SST, sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>17</v></c></row>') }] }), /xl\/worksheets\/sheet1\.xml: a cell refers to shared string 17, the table has 6/],
    ['a row beyond Excel', async (p: string) => writePackage(p, { sheets: [{ name: 'S', xml: sheetXml('<row r="2000000"/>') }] }), /row number 2000000/],
  ])('%s', async (_name, make, message) => {
    const path = join(dir, 'bad.xlsx');
    await make(path);
    const p = readXlsxFile(path, path);
    await expect(p).rejects.toThrow(InputError);
    await expect(readXlsxFile(path, path)).rejects.toThrow(message);
  });
});

// ---------------------------------------------------------------------------------------------
// Workbooks written by exceljs

async function exceljsWorkbook(build: (wb: ExcelJS.Workbook) => void, how: 'full' | 'stream-shared' | 'stream-inline'): Promise<string> {
  const path = file(`${how}.xlsx`);
  if (how === 'full') {
    const wb = new ExcelJS.Workbook();
    build(wb);
    await wb.xlsx.writeFile(path);
  } else {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: how === 'stream-shared', useStyles: true });
    build(wb as unknown as ExcelJS.Workbook);
    for (const ws of (wb as unknown as { _worksheets: (ExcelJS.Worksheet | undefined)[] })._worksheets) if (ws) ws.commit();
    await wb.commit();
  }
  return path;
}

const FORMATS = ['General', '0.00', '0%', '0.00%', '"$"#,##0.00', '#,##0 "kg"', 'dd.mm.yyyy', 'yyyy-mm-dd', '[$-409]mmmm d, yyyy', 'h:mm:ss', '[h]:mm', 'mm-dd-yy', 'd-mmm-yy', '@', '#,##0.00 [$€-407]', 'm/d/yy h:mm'];

describe('workbooks written by exceljs: same as exceljs', () => {
  test.each(['full', 'stream-shared', 'stream-inline'] as const)('values, formats, formulas, merges, hyperlinks, states (%s writer)', async (how) => {
    const path = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet('Sales & Co');
      ws.addRow(['Date', 'Account', 'Manager', 'Amount', 'Note']);
      ws.addRow([new Date(Date.UTC(2026, 0, 15)), 'Zürich AG 😀', 'M <1>', 1234.56, 'a & b "q"']);
      ws.addRow([new Date(Date.UTC(2025, 11, 31, 13, 45)), 'Tab\there', 'Line\nbreak', -0.5, '  spaced  ']);
      ws.addRow([]);
      ws.addRow([null, true, false, { error: '#N/A' } as ExcelJS.CellErrorValue, { error: '#DIV/0!' } as ExcelJS.CellErrorValue]);
      ws.addRow([{ formula: 'D2*2', result: 2469.12 }, { formula: 'D2*0', result: 0 }, { formula: 'TODAY()', result: new Date(Date.UTC(2026, 1, 1)) }, { formula: 'B5', result: true }, { formula: '"x"', result: 'x & y' }]);
      ws.addRow([{ richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text' }] }, { text: 'link', hyperlink: 'https://example.com' }, 'x_x000D_y', 1e-10, 123456789012.345]);
      ws.getRow(9).getCell(3).value = 'gap';
      ws.getRow(10).getCell(200).value = 'wide';
      ws.getRow(11).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      FORMATS.forEach((f, i) => {
        const cell = ws.getRow(12).getCell(i + 1);
        cell.value = 45000.25 + i;
        cell.numFmt = f;
      });
      if (how === 'full') {
        ws.getCell('A14').value = 'merged';
        ws.mergeCells('A14:C15');
        ws.getCell('A17').value = { formula: 'A5', result: 5 };
        ws.getCell('A18').value = { sharedFormula: 'A17', result: 5 } as unknown as ExcelJS.CellValue;
      }
      const hidden = wb.addWorksheet('Hidden', { state: 'hidden' });
      hidden.addRow(['x']);
      const very = wb.addWorksheet('Very hidden', { state: 'veryHidden' });
      very.addRow([1, 2, 3]);
      wb.addWorksheet('Empty');
    }, how);
    await expectSameAsExcelJs(path);
  });

  test('the 1904 date system (exceljs writer)', async () => {
    const path = await exceljsWorkbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.addRow([new Date(Date.UTC(2026, 5, 30)), 45000]);
      ws.getCell('B1').numFmt = 'dd.mm.yyyy';
    }, 'full');
    const sheets = await expectSameAsExcelJs(path);
    expect(sheets[0]?.grid.rows[0]?.[0]).toEqual(new Date(Date.UTC(2026, 5, 30)));
  });

  test('the sample workbook, and the report workbook the CLI writes from it', async () => {
    const sample = join(__dirname, '..', '..', 'samples', 'AccountDesk-sample.xlsx');
    await expectSameAsExcelJs(sample);
    // The report: formulas, tables, merged titles, conditional formats, charts, many styles.
    const out = file('report.xlsx');
    expect(await main(['report', sample, '--out', out], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    await expectSameAsExcelJs(out);
  }, 60000);

  test('workbooks written by LibreOffice (its shared strings, styles and formula caches)', async () => {
    const soffice = sofficeOrSkip('reading a LibreOffice-written workbook');
    if (soffice === undefined) return;
    const sample = join(__dirname, '..', '..', 'samples', 'AccountDesk-sample.xlsx');
    const report = file('lo-report.xlsx');
    expect(await main(['report', sample, '--out', report], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    for (const input of [sample, report]) await expectSameAsExcelJs(await convertWithLibreOffice(input, { to: 'xlsx', outDir: join(dir, `lo-${n++}`), soffice }));
  }, 180000);
});

// ---------------------------------------------------------------------------------------------
// Property: random cells and styles

type Cell =
  | { kind: 'empty' }
  | { kind: 'styled'; fmt: number }
  | { kind: 'value'; value: ExcelJS.CellValue; fmt: number };

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('&amp;', '<b>', '_x000D_', '_x0041_', ' lead', 'trail ', 'a\r\nb', '😀', '&#x1F600;', '"q"', "'s'", ']]>'),
);
const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.integer({ min: 0, max: 2958465 }).map((d) => d / 4),
  text,
  fc.boolean(),
  fc.constantFrom('#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!').map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc.integer({ min: -2208988800000, max: 4102444800000 }).map((ms) => new Date(ms)),
  fc.record({ formula: fc.constant('1+1'), result: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(0), text, fc.boolean()) }) as fc.Arbitrary<ExcelJS.CellValue>,
  fc.array(text, { minLength: 1, maxLength: 3 }).map((parts) => ({ richText: parts.map((t, i) => ({ text: t, font: i % 2 ? { bold: true } : {} })) }) as ExcelJS.CellValue),
  text.map((t) => ({ text: t, hyperlink: 'https://example.com/x' }) as ExcelJS.CellValue),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'empty' as const }) },
  { weight: 1, arbitrary: fc.nat(FORMATS.length - 1).map((fmt) => ({ kind: 'styled' as const, fmt })) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('value' as const), value: cellValue, fmt: fc.nat(FORMATS.length) }) },
);
const grid = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 });

describe('on purpose different from exceljs: a formula\'s cached 0 or FALSE is its value', () => {
  test('a formula amount of 0 is an accepted row of 0, not a missing amount', async () => {
    const path = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet('Sales');
      ws.addRow(['Date', 'Account', 'Manager', 'Amount', 'Paid']);
      ws.addRow(['2026-01-05', 'Acme', 'Anna', { formula: '2*0', result: 0 }, { formula: '1=2', result: false }]);
      ws.addRow(['2026-01-06', 'Beta', 'Anna', { formula: '2*50', result: 100 }, { formula: '1=1', result: true }]);
    }, 'full');
    const [sheet] = await readXlsxFile(path, path);
    expect(sheet?.grid.rows.slice(1).map((r) => r.slice(3))).toEqual([[0, false], [100, true]]);
    let out = '';
    const code = await main(['report', path, '--json'], { stdout: (t) => (out += t), stderr: () => undefined });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ intake: { accepted: 2, rejected: 0 } });
  });
});

describe('property: any grid of values and formats reads as exceljs reads it', () => {
  test.each(['full', 'stream-shared', 'stream-inline'] as const)('%s writer', async (how) => {
    await fc.assert(
      fc.asyncProperty(grid, fc.boolean(), async (rows, date1904) => {
        const path = await exceljsWorkbook((wb) => {
          // The streaming writer has no workbook properties (and so no 1904 system).
          if (date1904 && how === 'full') wb.properties.date1904 = true;
          const ws = wb.addWorksheet('P');
          rows.forEach((cells, r) => {
            const row = ws.getRow(r + 1);
            cells.forEach((c, i) => {
              if (c.kind === 'empty') return;
              const target = row.getCell(i + 1);
              if (c.kind === 'value') target.value = c.value;
              const fmt = FORMATS[c.fmt];
              if (fmt !== undefined) target.numFmt = fmt;
            });
            row.commit?.();
          });
        }, how);
        await expectSameAsExcelJs(path);
      }),
      { numRuns: how === 'full' ? 100 : 50 },
    );
  }, 120000);
});

// ---------------------------------------------------------------------------------------------
// Chunk boundaries

describe('chunk boundaries', () => {
  const ctx: SheetContext = { sharedStrings: ['s0', 's1', 's2', 's3', 's4', 's5'], dateStyles: Uint8Array.of(0, 1, 1, 1, 1), date1904: false, relTargets: new Map([['rId1', 'x'], ['rId2', 'y']]) };
  const xml = Buffer.from(sheetXml(EDGE_ROWS.replace(/ s="(\d+)"/g, (_m, d: string) => ` s="${Number(d) % 5}"`), EDGE_AFTER) + '<!-- a > b --><?pi x?>');
  const whole = (): AsyncIterable<Buffer> => (async function* () {
    yield xml;
  })();

  test('the rows do not depend on where the XML is cut into chunks', async () => {
    const expected = await readSheetRows(whole, ctx);
    expect(expected.length).toBeGreaterThan(20);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (cuts, tiny) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const pieces = (): AsyncIterable<Buffer> => (async function* () {
          let from = 0;
          for (const c of at) {
            yield xml.subarray(from, c);
            from = c;
          }
          // The tail in tiny chunks: every token is cut somewhere.
          for (; from < xml.length; from += tiny) yield xml.subarray(from, Math.min(xml.length, from + tiny));
        })();
        expect(comparableRows(await readSheetRows(pieces, ctx))).toStrictEqual(comparableRows(expected));
      }),
      { numRuns: 60 },
    );
  });
});
