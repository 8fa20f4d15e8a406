/**
 * The package-level merge (src/cli/xlsx/mergeReportPackage.ts) on an input workbook that has
 * what exceljs used to drop: a chart, sparklines, a custom XML part, a stored (uncompressed)
 * image, entries with data descriptors — plus a table, a defined name, custom number formats,
 * conditional formats and shared strings whose indices the report must not disturb.
 * Checked: every input part not edited is byte-identical (content and compressed bytes), the
 * edited ones keep the input's entries, the report sheets read back right (values, styles,
 * conditional formats, tables), LibreOffice opens the result, a second run on the output works,
 * and the workbook variants (.xlsm, prefixed XML, 1904 dates, Strict, not a zip).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { InputError } from '../../src/cli/inputError';
import { addCharts } from '../../src/cli/xlsx/addCharts';
import { writeReportXlsx } from '../../src/cli/xlsxSink';
import { ZipArchive } from '../../src/cli/zip/zipArchive';
import { dayNumber } from '../../src/core/periods/dayNumber';
import { MONEY, PERCENT, sampleModel } from '../reports/model/sampleModel';
import { convertWithLibreOffice, removeLibreOfficeProfile, sofficeOrSkip } from '../support/libreoffice';
import { readBack, sheet } from './support/readBack';

// XLSX_SINK_KEEP_DIR=/some/dir keeps the written workbooks there, to open and look at.
const keep = process.env.XLSX_SINK_KEEP_DIR;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(keep !== undefined && keep !== '' ? keep : tmpdir(), 'xlsx-merge-'));
});
afterAll(() => {
  removeLibreOfficeProfile();
  if (keep === undefined || keep === '') rmSync(dir, { recursive: true, force: true });
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const KG = '0.000" kg"';
const SPARKLINES =
  '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap">' +
  '<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Data!D2:D3</xm:f><xm:sqref>F2</xm:sqref></x14:sparkline></x14:sparklines>' +
  '</x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';
const VBA_TYPE = 'application/vnd.ms-office.vbaProject';

interface InputOptions {
  /** Save as a macro-enabled workbook with a (fake) VBA project. */
  readonly macro?: boolean;
  /** Write workbook.xml and styles.xml with an `x:` prefix instead of a default namespace. */
  readonly prefixed?: boolean;
  readonly date1904?: boolean;
}

/** Builds the rich input workbook described in the file comment. */
async function richInput(path: string, o: InputOptions = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (o.date1904 === true) wb.properties.date1904 = true;
  const data = wb.addWorksheet('Data');
  data.addRow(['Date', 'Account', 'Manager', 'Amount', 'Weight']);
  data.addRow([new Date(Date.UTC(2026, 2, 31)), 'ACME', 'Zofia', 1234.56, 1.5]);
  data.addRow([new Date(Date.UTC(2026, 3, 1)), 'Beta & Söhne <GmbH>', 'Jürgen', -50, 2.25]);
  data.getRow(1).font = { bold: true, color: { argb: 'FF7030A0' } };
  data.getCell('E2').numFmt = KG;
  data.getCell('E3').numFmt = KG;
  data.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  data.addConditionalFormatting({ ref: 'D2:D3', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } }] });
  data.addTable({ name: 'AccountStatus', ref: 'H1', columns: [{ name: 'K' }], rows: [[1], [2]] });
  data.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), { tl: { col: 10, row: 1 }, ext: { width: 20, height: 20 } });
  wb.definedNames.add('Data!$D$2', 'TaxRate');
  wb.addWorksheet('Commission').getCell('A1').value = 'my own notes';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());

  // A chart of the input's own (exceljs would have dropped it).
  await addCharts(
    zip,
    new Map([
      [
        'Data',
        [
          {
            chart: {
              title: 'Input chart',
              legend: 'none',
              series: [{ name: 'Amount', type: 'column', color: '4472C4', categories: { kind: 'str', ref: 'Data!$B$2:$B$3', values: ['ACME', 'Beta'] }, values: { kind: 'num', ref: 'Data!$D$2:$D$3', values: [1234.56, -50], formatCode: 'General' } }],
            },
            from: { row: 5, col: 0 },
            to: { row: 15, col: 5 },
          },
        ],
      ],
    ]),
  );
  // Sparklines inside the sheet (x14 extension at the end of the worksheet).
  const sheet1 = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  zip.file('xl/worksheets/sheet1.xml', sheet1.replace(/<\/worksheet>$/, `${SPARKLINES}</worksheet>`));
  // A custom XML part (as SharePoint adds), linked from the workbook.
  zip.file('customXml/item1.xml', '<?xml version="1.0" encoding="UTF-8"?><pivotLike xmlns="urn:accountdesk:test">keep me</pivotLike>');
  let rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  rels = rels.replace('</Relationships>', '<Relationship Id="rId900" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>');
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (o.macro === true) {
    zip.file('xl/vbaProject.bin', Buffer.from('not really VBA, but bytes all the same'));
    rels = rels.replace('</Relationships>', '<Relationship Id="rId901" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
    types = types
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', `<Default Extension="bin" ContentType="${VBA_TYPE}"/></Types>`);
  }
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  if (o.prefixed === true) {
    for (const part of ['xl/workbook.xml', 'xl/styles.xml']) {
      const xml = (await zip.file(part)?.async('string')) ?? '';
      const prefixed = xml
        .replace(/<(\/?)(?![\w.-]*:)([A-Za-z_][\w.-]*)/g, '<$1x:$2')
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
      zip.file(part, prefixed);
    }
  }
  // The PNG stored, not deflated; the rest deflated with data descriptors (streamFiles).
  const media = Object.keys(zip.files).find((p) => /^xl\/media\/.+[^/]$/.test(p));
  if (media !== undefined) zip.file(media, await zip.file(media)?.async('nodebuffer') ?? Buffer.alloc(0), { compression: 'STORE' });
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true }));
}

async function parts(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

async function text(zip: JSZip, part: string): Promise<string> {
  const f = zip.file(part);
  if (f === null) throw new Error(`no part ${part}`);
  return f.async('string');
}

/** Raw compressed bytes and CRC of every entry, read straight from the archive. */
async function rawEntries(path: string): Promise<Map<string, { method: number; crc: number; raw: Buffer }>> {
  // Names as stored: the merge writes them back so.
  const zip = await ZipArchive.open(path, { names: 'stored' });
  try {
    const out = new Map<string, { method: number; crc: number; raw: Buffer }>();
    for (const e of zip.entries) {
      const chunks: Buffer[] = [];
      for await (const c of zip.rawChunks(e)) chunks.push(c);
      out.set(e.name, { method: e.method, crc: e.crc32, raw: Buffer.concat(chunks) });
    }
    return out;
  } finally {
    await zip.close();
  }
}

const EDITED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'];

function childrenOf(xml: string, section: string): string[] {
  const m = new RegExp(`<(?:x:)?${section}\\b[^>]*>([\\s\\S]*?)</(?:x:)?${section}>`).exec(xml);
  if (m === null) return [];
  const inner = m[1] ?? '';
  const item = { cellXfs: 'xf', fonts: 'font', fills: 'fill', borders: 'border', dxfs: 'dxf', numFmts: 'numFmt' }[section] ?? section;
  return inner.match(new RegExp(`<(?:x:)?${item}\\b(?:[^>]*/>|[\\s\\S]*?</(?:x:)?${item}>)`, 'g')) ?? [];
}

describe('merge into a workbook with charts, sparklines, custom parts', () => {
  let input: string;
  let out: string;
  let result: Awaited<ReturnType<typeof writeReportXlsx>>;
  let inZip: JSZip;
  let outZip: JSZip;
  beforeAll(async () => {
    input = join(dir, 'rich.xlsx');
    await richInput(input);
    out = join(dir, 'rich-out.xlsx');
    const before = readFileSync(input);
    result = await writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: out });
    expect(readFileSync(input).equals(before)).toBe(true); // the input is never modified
    inZip = await parts(input);
    outZip = await parts(out);
  });

  test('keeps nothing back: no lost features, names clash-free', () => {
    expect(result.lostFeatures).toEqual([]);
    expect(result.renamedSheets).toEqual([{ key: 'commission', requestedName: 'Commission', name: 'Commission (2)' }]);
    expect(result.renamedTables).toEqual([{ sheetKey: 'accounts', requestedName: 'AccountStatus', name: 'AccountStatus_2' }]);
  });

  test('every input part that is not edited is copied byte for byte, compressed bytes included', async () => {
    const rawIn = await rawEntries(input);
    const rawOut = await rawEntries(out);
    const copied = [...rawIn.keys()].filter((p) => !EDITED.includes(p) && !p.endsWith('/'));
    expect(copied).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'customXml/item1.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/tables/table1.xml']));
    for (const p of copied) {
      const a = rawIn.get(p);
      const b = rawOut.get(p);
      expect({ p, same: b !== undefined && a !== undefined && a.raw.equals(b.raw) && a.crc === b.crc && a.method === b.method }).toEqual({ p, same: true });
      // And by an independent reader, decompressed.
      expect({ p, content: (await outZip.file(p)?.async('nodebuffer'))?.equals((await inZip.file(p)?.async('nodebuffer')) ?? Buffer.alloc(1)) }).toEqual({ p, content: true });
    }
    // The stored image stayed stored.
    const media = copied.find((p) => p.startsWith('xl/media/'));
    expect(rawIn.get(media ?? '')?.method).toBe(0);
    expect(rawOut.get(media ?? '')?.method).toBe(0);
    expect(await text(outZip, 'xl/worksheets/sheet1.xml')).toContain('<x14:sparklineGroups');
  });

  test('styles: the input keeps its indices and formats; report formats get ids that do not clash', async () => {
    const before = await text(inZip, 'xl/styles.xml');
    const after = await text(outZip, 'xl/styles.xml');
    for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const a = childrenOf(before, section);
      expect({ section, prefix: childrenOf(after, section).slice(0, a.length) }).toEqual({ section, prefix: a });
    }
    const formats = childrenOf(after, 'numFmts').map((f) => /numFmtId="(\d+)"/.exec(f)?.[1]);
    expect(new Set(formats).size).toBe(formats.length);
    expect(before).toContain(`numFmtId="164" formatCode="${KG.replace(/"/g, '&quot;')}"`);
    expect(after).toMatch(/<cellXfs count="(\d+)"/);
    expect(Number(/<cellXfs count="(\d+)"/.exec(after)?.[1])).toBe(childrenOf(after, 'cellXfs').length);
  });

  test('workbook, rels, content types and app properties list the report sheets', async () => {
    const wbXml = await text(outZip, 'xl/workbook.xml');
    const names = [...wbXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Data', 'Commission', 'Quarterly Results', 'Commission (2)', 'Account Status', 'Forecast']);
    const ids = [...wbXml.matchAll(/sheetId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(wbXml).toContain('<definedName name="TaxRate">Data!$D$2</definedName>');
    expect(wbXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Quarterly Results&apos;!$4:$4</definedName>');
    const types = await text(outZip, '[Content_Types].xml');
    for (const p of Object.keys(outZip.files).filter((n) => !n.endsWith('/') && !n.endsWith('.rels') && !outZip.files[n]?.dir)) {
      const ext = p.split('.').pop() ?? '';
      expect({ p, declared: types.includes(`PartName="/${p}"`) || types.includes(`Extension="${ext}"`) }).toEqual({ p, declared: true });
    }
    const app = await text(outZip, 'docProps/app.xml');
    expect(app).toContain('<vt:i4>6</vt:i4>');
    expect(app).toContain('<vt:lpstr>Commission (2)</vt:lpstr>');
  });

  test('report sheets read back with values, styles, conditional formats and tables', async () => {
    const wb = await readBack(out);
    const q = sheet(wb, 'Quarterly Results');
    expect(q.getCell('A1').value).toBe('Quarterly Results');
    expect(q.getCell('A1').font).toMatchObject({ bold: true, size: 16, color: { argb: 'FF1F3864' } });
    expect(q.getCell('B4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } });
    expect(q.getCell('B6').value).toBe(95000.5);
    expect(q.getCell('B6').numFmt).toBe(MONEY);
    expect(q.getCell('D5').numFmt).toBe(PERCENT);
    expect(q.getCell('B9').formula).toBe('SUM(B5:B8)');
    expect(q.pageSetup.printTitlesRow).toBe('4:4');
    const cfs = (q as unknown as { conditionalFormattings: { ref: string; rules: { type: string; style?: Partial<ExcelJS.Style> }[] }[] }).conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toEqual(['E5:E8', 'E5:E8', 'D5:D8', 'D5:D8']);
    expect(cfs[2]?.rules[0]?.style?.fill).toMatchObject({ bgColor: { argb: 'FFFFC7CE' } });
    expect(cfs[2]?.rules[0]?.style?.font).toMatchObject({ color: { argb: 'FF9C0006' } });
    expect(sheet(wb, 'Commission (2)').getCell('E12').formula).toBe("'Quarterly Results'!$B$9");
    // The input's own cells and styles are as they were.
    const data = sheet(wb, 'Data');
    expect(data.getCell('B3').value).toBe('Beta & Söhne <GmbH>');
    expect(data.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FF7030A0' } });
    expect(data.getCell('E2').numFmt).toBe(KG);
    expect(data.getCell('B2').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
    const tables = wb.worksheets.flatMap((w) => (w.model as unknown as { tables: { name: string }[] }).tables.map((t) => t.name));
    expect(tables.sort()).toEqual(['AccountStatus', 'AccountStatus_2']);
    const tableIds = await Promise.all(Object.keys(outZip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p)).map(async (p) => /<table [^>]*\sid="(\d+)"/.exec(await text(outZip, p))?.[1]));
    expect(new Set(tableIds).size).toBe(tableIds.length);
  });

  test('LibreOffice opens it: the input chart and the report charts are charts, the formulas recalculate', async () => {
    const soffice = sofficeOrSkip('merged workbook in LibreOffice');
    if (soffice === undefined) return;
    const ods = await convertWithLibreOffice(out, { to: 'ods', outDir: join(dir, 'ods'), soffice });
    const zip = await parts(ods);
    const objects = Object.keys(zip.files).filter((p) => /^Object \d+\/content\.xml$/.test(p));
    const titles = await Promise.all(objects.map(async (p) => /<chart:title[^>]*>\s*<text:p>([^<]*)<\/text:p>/.exec(await text(zip, p))?.[1]));
    expect(titles.sort()).toEqual(['Actual and forecast vs quota', 'Actual by quarter', 'Input chart', 'Revenue vs quota']);
    const content = await text(zip, 'content.xml');
    expect([...content.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Data', 'Commission', 'Quarterly Results', 'Commission (2)', 'Account Status', 'Forecast']);
    const recalculated = await readBack(await convertWithLibreOffice(out, { to: 'xlsx', outDir: join(dir, 'lo'), soffice }));
    expect(sheet(recalculated, 'Quarterly Results').getCell('B9').result).toBe(316000.75);
    expect(sheet(recalculated, 'Commission (2)').getCell('E11').result).toBe(0);
    expect(sheet(recalculated, 'Data').getCell('B3').value).toBe('Beta & Söhne <GmbH>');
  }, 120000);

  test('a second run on the output: report names and tables renamed again, styles do not grow', async () => {
    const again = join(dir, 'rich-again.xlsx');
    const r = await writeReportXlsx(sampleModel(), { baseWorkbookPath: out, outPath: again });
    expect(r.renamedSheets.map((s) => s.name)).toEqual(['Quarterly Results (2)', 'Commission (3)', 'Account Status (2)', 'Forecast (2)']);
    expect(r.renamedTables.map((t) => t.name)).toEqual(['AccountStatus_3']);
    const zip = await parts(again);
    const tableIds = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p)).map(async (p) => /<table [^>]*\sid="(\d+)"/.exec(await text(zip, p))?.[1]));
    expect(tableIds).toHaveLength(3);
    expect(new Set(tableIds).size).toBe(3);
    const count = (xml: string, s: string): number => childrenOf(xml, s).length;
    const first = await text(outZip, 'xl/styles.xml');
    const second = await text(zip, 'xl/styles.xml');
    for (const s of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) expect({ s, n: count(second, s) }).toEqual({ s, n: count(first, s) });
    const wb = await readBack(again);
    expect(sheet(wb, 'Commission (3)').getCell('E12').formula).toBe("'Quarterly Results (2)'!$B$9");
    expect(sheet(wb, 'Quarterly Results (2)').getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(sheet(wb, 'Quarterly Results').getCell('B6').numFmt).toBe(MONEY);
    const soffice = sofficeOrSkip('second merge in LibreOffice');
    if (soffice === undefined) return;
    const ods = await parts(await convertWithLibreOffice(again, { to: 'ods', outDir: join(dir, 'ods2'), soffice }));
    expect(Object.keys(ods.files).filter((p) => /^Object \d+\/content\.xml$/.test(p))).toHaveLength(7);
  }, 120000);
});

test('a report sheet larger than one graft piece (4 MB) is grafted piece by piece, every cell intact', async () => {
  const input = join(dir, 'big-in.xlsx');
  await richInput(input);
  const out = join(dir, 'big-out.xlsx');
  const rows = 40000;
  await writeReportXlsx(sampleModel(rows), { baseWorkbookPath: input, outPath: out });
  const zip = await parts(out);
  const wbXml = await text(zip, 'xl/workbook.xml');
  const rid = /<sheet name="Account Status" sheetId="\d+" r:id="([^"]+)"/.exec(wbXml)?.[1];
  const target = new RegExp(`Id="${rid ?? '?'}"[^>]*Target="([^"]+)"`).exec(await text(zip, 'xl/_rels/workbook.xml.rels'))?.[1];
  const xml = await text(zip, `xl/${target ?? ''}`);
  expect(xml.length).toBeGreaterThan(3 * (1 << 22));
  expect(xml).not.toContain('t="s"');
  const xfCount = Number(/<cellXfs count="(\d+)"/.exec(await text(zip, 'xl/styles.xml'))?.[1]);
  const styles = [...xml.matchAll(/<c r="[A-Z]+\d+" s="(\d+)"/g)].map((m) => Number(m[1]));
  expect(styles.length).toBeGreaterThan(rows * 4);
  expect(styles.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(xfCount);
  const wb = await readBack(out);
  const a = sheet(wb, 'Account Status');
  expect(a.rowCount).toBe(rows + 4);
  for (const r of [5, 20000, 30001, rows + 4]) {
    const i = r - 5;
    expect({ r, name: a.getCell(`A${r}`).value }).toEqual({ r, name: i < 6 ? expect.any(String) : `Account ${String(i + 1).padStart(5, '0')} Größe ąęł ñ` });
    expect({ r, fmt: a.getCell(`C${r}`).numFmt, pct: a.getCell(`D${r}`).numFmt }).toEqual({ r, fmt: MONEY, pct: PERCENT });
  }
  expect((a.model as unknown as { tables: { tableRef: string }[] }).tables[0]?.tableRef).toBe(`A4:I${rows + 4}`);
}, 120000);

describe('workbook variants', () => {
  test('.xlsm: the VBA project and its relationship are dropped, the workbook becomes an ordinary one', async () => {
    const input = join(dir, 'macro.xlsm');
    await richInput(input, { macro: true });
    const out = join(dir, 'macro-out.xlsx');
    const r = await writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: out });
    expect(r.lostFeatures).toEqual(['macros (VBA)']);
    const zip = await parts(out);
    expect(zip.file('xl/vbaProject.bin')).toBeNull();
    expect(await text(zip, 'xl/_rels/workbook.xml.rels')).not.toContain('vbaProject');
    const types = await text(zip, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>');
    expect(types).not.toContain('macroEnabled');
    expect(sheet(await readBack(out), 'Forecast').getCell('A1').value).toBeDefined();
    const soffice = sofficeOrSkip('xlsm merge in LibreOffice');
    if (soffice === undefined) return;
    const back = await readBack(await convertWithLibreOffice(out, { to: 'xlsx', outDir: join(dir, 'lo-macro'), soffice }));
    expect(back.worksheets.map((w) => w.name)).toEqual(['Data', 'Commission', 'Quarterly Results', 'Commission (2)', 'Account Status', 'Forecast']);
  }, 120000);

  test('the CLI says which features a macro-enabled input loses', async () => {
    const input = join(dir, 'cli.xlsm');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sales').addRows([['Date', 'Account', 'Manager', 'Amount'], [new Date(Date.UTC(2026, 0, 10)), 'A', 'M', 100]]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    zip.file('xl/vbaProject.bin', Buffer.from('vba'));
    zip.file('xl/_rels/workbook.xml.rels', ((await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '').replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    zip.file('[Content_Types].xml', ((await zip.file('[Content_Types].xml')?.async('string')) ?? '').replace('spreadsheetml.sheet.main+xml', 'spreadsheetml.sheet.main+xml').replace('</Types>', `<Default Extension="bin" ContentType="${VBA_TYPE}"/></Types>`).replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    let err = '';
    const code = await main(['report', input, '--out', join(dir, 'cli-out.xlsx')], { stdout: () => undefined, stderr: (t) => (err += t) });
    expect(code).toBe(0);
    expect(err).toMatch(/cli-out\.xlsx is an \.xlsx: it does not keep the macros \(VBA\) of cli\.xlsm \(the input file itself is unchanged\)/);
  });

  test('workbook and styles written with a namespace prefix get prefixed elements', async () => {
    const input = join(dir, 'prefixed.xlsx');
    await richInput(input, { prefixed: true });
    const out = join(dir, 'prefixed-out.xlsx');
    await writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: out });
    const zip = await parts(out);
    const wbXml = await text(zip, 'xl/workbook.xml');
    expect(wbXml).toContain('<x:sheet name="Quarterly Results" sheetId="3" r:id="');
    expect(wbXml).toMatch(/<x:definedName name="_xlnm\.Print_Titles" localSheetId="2">/);
    expect(wbXml).not.toMatch(/<(sheet|definedName) /);
    const styles = await text(zip, 'xl/styles.xml');
    expect(styles).not.toMatch(/<(xf|font|fill|border|dxf|numFmt)[ >]/);
    const soffice = sofficeOrSkip('prefixed merge in LibreOffice');
    if (soffice === undefined) return;
    const back = await readBack(await convertWithLibreOffice(out, { to: 'xlsx', outDir: join(dir, 'lo-prefixed'), soffice }));
    const q = sheet(back, 'Quarterly Results');
    expect(q.getCell('B6').value).toBe(95000.5);
    // LibreOffice writes the format code in its own spelling (`[RED]`, quotes moved).
    expect(q.getCell('B6').numFmt).toMatch(/€.*#,##0\.00;\[RED\]/i);
    expect(q.getCell('A1').font).toMatchObject({ bold: true });
    expect(sheet(back, 'Data').getCell('E2').numFmt).toBe(KG);
  }, 120000);

  test('an input in the 1904 date system gets report dates counted from 1904', async () => {
    const input = join(dir, 'mac.xlsx');
    await richInput(input, { date1904: true });
    const out = join(dir, 'mac-out.xlsx');
    await writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: out });
    const zip = await parts(out);
    const wbXml = await text(zip, 'xl/workbook.xml');
    const rid = /<sheet name="Account Status" sheetId="\d+" r:id="([^"]+)"/.exec(wbXml)?.[1];
    const target = new RegExp(`Id="${rid ?? '?'}"[^>]*Target="([^"]+)"`).exec(await text(zip, 'xl/_rels/workbook.xml.rels'))?.[1];
    const xml = await text(zip, `xl/${target ?? ''}`);
    expect(/<c r="H5"[^>]*><v>(\d+)<\/v>/.exec(xml)?.[1]).toBe(String(dayNumber(2026, 9, 30) - 1462));
    const wb = await readBack(out);
    expect(sheet(wb, 'Account Status').getCell('H5').value).toEqual(new Date(Date.UTC(2026, 8, 30)));
  });

  test('a Strict Open XML workbook is refused with a message naming the file', async () => {
    const input = join(dir, 'strict.xlsx');
    await richInput(input);
    const zip = await parts(input);
    zip.file('_rels/.rels', (await text(zip, '_rels/.rels')).replace('http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument'));
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const out = join(dir, 'strict-out.xlsx');
    const p = writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: out });
    await expect(p).rejects.toThrow(InputError);
    await expect(writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: out })).rejects.toThrow(/strict\.xlsx: .*Strict Open XML/);
    expect(readdirSync(dir).filter((f) => f.startsWith('strict-out'))).toEqual([]); // no output, no temporary file
  });

  test('an input without a styles part gets the report styles as its own', async () => {
    const input = join(dir, 'nostyles.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 'x';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    zip.remove('xl/styles.xml');
    zip.file('xl/_rels/workbook.xml.rels', (await text(zip, 'xl/_rels/workbook.xml.rels')).replace(/<Relationship [^>]*relationships\/styles"[^>]*\/>/, ''));
    zip.file('[Content_Types].xml', (await text(zip, '[Content_Types].xml')).replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''));
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const out = join(dir, 'nostyles-out.xlsx');
    await writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: out });
    const back = await readBack(out);
    expect(sheet(back, 'Quarterly Results').getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(sheet(back, 'Quarterly Results').getCell('B6').numFmt).toBe(MONEY);
    expect(await text(await parts(out), '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
  });

  test('a workbook saved by LibreOffice (its own part layout, no sheet titles in app.xml) takes the reports', async () => {
    const soffice = sofficeOrSkip('LibreOffice-written input');
    if (soffice === undefined) return;
    const rich = join(dir, 'lo-source.xlsx');
    await richInput(rich);
    const input = await convertWithLibreOffice(rich, { to: 'xlsx', outDir: join(dir, 'lo-written'), soffice });
    const out = join(dir, 'lo-written-out.xlsx');
    const r = await writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: out });
    expect(r.renamedSheets.map((s) => s.name)).toEqual(['Commission (2)']);
    const back = await readBack(await convertWithLibreOffice(out, { to: 'xlsx', outDir: join(dir, 'lo-written-back'), soffice }));
    expect(back.worksheets.map((w) => w.name)).toEqual(['Data', 'Commission', 'Quarterly Results', 'Commission (2)', 'Account Status', 'Forecast']);
    expect(sheet(back, 'Quarterly Results').getCell('B9').result).toBe(316000.75);
    expect(sheet(back, 'Data').getCell('B2').value).toBe('ACME');
  }, 120000);

  test('a file that is not a zip is refused with a message naming the file', async () => {
    const input = join(dir, 'fake.xlsx');
    writeFileSync(input, 'Date,Account\n2026-01-01,A\n');
    await expect(writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: join(dir, 'fake-out.xlsx') })).rejects.toThrow(/fake\.xlsx: not a valid \.xlsx file/);
  });

  test('a damaged workbook part is refused with a message naming the file and the part', async () => {
    const input = join(dir, 'damaged.xlsx');
    await richInput(input);
    const zip = await parts(input);
    zip.file('xl/workbook.xml', (await text(zip, 'xl/workbook.xml')).replace('</sheets>', ''));
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await expect(writeReportXlsx(sampleModel(), { baseWorkbookPath: input, outPath: join(dir, 'damaged-out.xlsx') })).rejects.toThrow(/damaged\.xlsx: xl\/workbook\.xml: malformed XML/);
  });
});
