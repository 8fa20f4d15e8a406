/**
 * Proof with a real spreadsheet application: LibreOffice recalculates every formula of the
 * written workbook and must get the cached values the sink wrote; and it must understand the
 * hand-written chart parts. Runs where soffice is installed; in CI (env CI set) a missing
 * soffice fails the test instead of skipping it (see test/support/libreoffice.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeReportXlsx } from '../../src/cli/xlsxSink';
import { formulaCell, textCell, type ReportModel } from '../../src/reports/model';
import { sampleModel } from '../reports/model/sampleModel';
import { convertWithLibreOffice, removeLibreOfficeProfile, sofficeOrSkip } from '../support/libreoffice';

// XLSX_SINK_KEEP_DIR=/some/dir keeps the written workbooks there, to open and look at.
const keep = process.env.XLSX_SINK_KEEP_DIR;
let dir: string;
beforeAll(() => {
  dir = keep !== undefined && keep !== '' ? mkdtempSync(join(keep, 'xlsx-recalc-')) : mkdtempSync(join(tmpdir(), 'xlsx-recalc-'));
});
afterAll(() => {
  removeLibreOfficeProfile();
  if (keep === undefined || keep === '') rmSync(dir, { recursive: true, force: true });
});

/** The sample plus a canary whose cached value is deliberately wrong: proves LibreOffice recalculated. */
function modelWithCanary(): ReportModel {
  const m = sampleModel();
  return { ...m, sheets: [...m.sheets, { key: 'canary', name: 'Canary', columns: [], rows: [[textCell('1+1'), formulaCell('=1+1', 3)]] }] };
}

type Found = { sheet: string; address: string; formula: string; value: unknown };

function formulaCells(wb: ExcelJS.Workbook): Found[] {
  const out: Found[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: cell.address, formula: cell.formula, value: cell.result });
      });
    });
  }
  return out;
}

test('LibreOffice recalculates every formula to the cached value the sink wrote', async () => {
  const soffice = sofficeOrSkip('xlsx recalculation proof');
  if (soffice === undefined) return;
  const written = join(dir, 'reports.xlsx');
  await writeReportXlsx(modelWithCanary(), { outPath: written });
  const recalculated = await convertWithLibreOffice(written, { to: 'xlsx', outDir: join(dir, 'lo'), soffice });

  const before = new ExcelJS.Workbook();
  await before.xlsx.readFile(written);
  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(recalculated);
  const cached = formulaCells(before);
  const computed = new Map(formulaCells(after).map((f) => [`${f.sheet}!${f.address}`, f] as const));

  expect(computed.get('Canary!B1')?.value).toBe(2); // cached 3: recalculation really happened
  const checked = cached.filter((f) => f.sheet !== 'Canary');
  expect(checked.length).toBeGreaterThanOrEqual(12);
  for (const f of checked) {
    const lo = computed.get(`${f.sheet}!${f.address}`);
    expect({ at: `${f.sheet}!${f.address}`, formula: lo?.formula }).toEqual({ at: `${f.sheet}!${f.address}`, formula: f.formula });
    if (typeof f.value === 'number') {
      expect(typeof lo?.value).toBe('number');
      expect(Math.abs((lo?.value as number) - f.value)).toBeLessThan(1e-9 * Math.max(1, Math.abs(f.value)));
    } else {
      expect({ at: `${f.sheet}!${f.address}`, value: lo?.value }).toEqual({ at: `${f.sheet}!${f.address}`, value: f.value });
    }
  }
  // The commission check cell: formula total − engine total = 0.
  expect(computed.get('Commission!E11')?.value).toBe(0);
}, 120000);

test('LibreOffice reads the chart parts as charts with their series', async () => {
  const soffice = sofficeOrSkip('xlsx chart import check');
  if (soffice === undefined) return;
  const written = join(dir, 'charts.xlsx');
  await writeReportXlsx(sampleModel(), { outPath: written });
  const ods = await convertWithLibreOffice(written, { to: 'ods', outDir: join(dir, 'ods'), soffice });
  const zip = await JSZip.loadAsync(readFileSync(ods));
  const objects = Object.keys(zip.files).filter((p) => /^Object \d+\/content\.xml$/.test(p)).sort();
  expect(objects).toHaveLength(3);
  const charts = await Promise.all(objects.map(async (p) => (await zip.file(p)?.async('string')) ?? ''));
  const summary = charts
    .map((xml) => ({
      title: /<chart:title[^>]*>\s*<text:p>([^<]*)<\/text:p>/.exec(xml)?.[1],
      series: [...xml.matchAll(/<chart:series [^>]*chart:values-cell-range-address="([^"]+)"[^>]*chart:class="chart:(\w+)"/g)].map((m) => `${m[2]} ${(m[1] ?? '').replace(/&apos;/g, "'")}`),
    }))
    .sort((a, b) => String(a.title).localeCompare(String(b.title)));
  expect(summary).toEqual([
    { title: 'Actual and forecast vs quota', series: ['bar Forecast.B3:Forecast.B6', 'bar Forecast.C3:Forecast.C6', 'line Forecast.D3:Forecast.D6'] },
    { title: 'Actual by quarter', series: ['line Forecast.B3:Forecast.B6'] },
    { title: 'Revenue vs quota', series: ["bar 'Quarterly Results'.B5:'Quarterly Results'.B8", "bar 'Quarterly Results'.C5:'Quarterly Results'.C8"] },
  ]);
}, 120000);
