/**
 * Parity: the same ReportModel through the Excel sink (on the simulator) and the xlsx sink
 * (read back with exceljs) gives the same cells, number formats and formulas on every report
 * sheet — and the same merges, frozen panes, column widths and tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeReportXlsx } from '../../src/cli/xlsxSink';
import { ExcelReportSink } from '../../src/excel/excelReportSink';
import { quoteSheetName } from '../../src/reports/a1';
import { buildReportModel } from '../../src/reports/build';
import { message } from '../../src/reports/i18n/catalog';
import { LANGUAGES } from '../../src/reports/i18n/language';
import { columnWidthPoints } from '../../src/reports/model/columnWidthPoints';
import type { ReportModel } from '../../src/reports/model';
import { ExcelSimulator } from '../support/excelSimulator';
import { plainRun, quarterRun, yearRun } from '../reports/build/tinyRuns';
import { sampleModel } from '../reports/model/sampleModel';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'excel-parity-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface CellView {
  value: unknown;
  formula?: string;
  numberFormat: string;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function fromExceljs(cell: ExcelJS.Cell): CellView | undefined {
  // exceljs reports the master's value on every cell of a merge; in the file (and in Excel) the others are empty.
  if (cell.type === ExcelJS.ValueType.Merge) return undefined;
  const v = cell.value;
  const numberFormat = cell.numFmt === undefined || cell.numFmt === '' ? 'General' : cell.numFmt;
  if (v === null || v === undefined) return numberFormat === 'General' ? undefined : { value: null, numberFormat };
  if (v instanceof Date) return { value: Math.round((v.getTime() - EXCEL_EPOCH) / 86400000), numberFormat };
  if (typeof v === 'object' && 'formula' in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    const result = r instanceof Date ? Math.round((r.getTime() - EXCEL_EPOCH) / 86400000) : r;
    return { value: result ?? null, formula: `=${(v as ExcelJS.CellFormulaValue).formula}`, numberFormat };
  }
  if (typeof v === 'object') throw new Error(`unexpected exceljs value ${JSON.stringify(v)}`);
  return { value: v, numberFormat };
}

async function bothSinks(model: ReportModel, name: string) {
  const out = join(dir, `${name}.xlsx`);
  const xlsx = await writeReportXlsx(model, { outPath: out });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sim = ExcelSimulator.create({ sheets: [{ name: 'Data', values: [['x']] }] });
  const restore = sim.install();
  let excel;
  try {
    excel = await new ExcelReportSink().write(model);
  } finally {
    restore();
  }
  return { wb, xlsx, sim, excel };
}

function compare(model: ReportModel, wb: ExcelJS.Workbook, sim: ExcelSimulator): { cells: number; formulas: number } {
  let cells = 0;
  let formulas = 0;
  const dump = sim.dump();
  for (const sheet of model.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    const sd = dump.sheets.find((s) => s.name === sheet.name);
    if (ws === undefined || sd === undefined) throw new Error(`sheet ${sheet.name} missing`);
    const height = Math.max(sheet.rows.length, ws.rowCount);
    const width = Math.max(...sheet.rows.map((r) => r.length), ws.columnCount);
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const address = `${ws.getColumn(c + 1).letter}${r + 1}`;
        const x = fromExceljs(ws.getCell(address));
        const e = sim.cell(sheet.name, address);
        const where = `${sheet.name}!${address}`;
        if (x === undefined) {
          expect({ where, kind: e.kind, numberFormat: e.numberFormat }).toEqual({ where, kind: 'empty', numberFormat: 'General' });
          continue;
        }
        cells++;
        expect({ where, numberFormat: e.numberFormat }).toEqual({ where, numberFormat: x.numberFormat });
        expect({ where, formula: e.formula }).toEqual({ where, formula: x.formula });
        if (x.formula !== undefined) {
          formulas++;
          // The engine's cached value (in the xlsx) = what Excel calculates (simulator), where it
          // evaluates. exceljs reads a cached 0 as no result, so the model's value stands in then.
          const m = sheet.rows[r]?.[c];
          const cached = x.value ?? (m?.kind === 'formula' ? m.cached : null);
          if (!e.unevaluated) {
            if (typeof cached === 'number') expect({ where, value: e.value }).toEqual({ where, value: expect.closeTo(cached, 6) });
            else expect({ where, value: e.value }).toEqual({ where, value: cached });
          }
        } else {
          expect({ where, value: e.value }).toEqual({ where, value: x.value });
          // Text stays text: never a formula in either sink.
          if (typeof x.value === 'string') expect({ where, kind: e.kind }).toEqual({ where, kind: 'text' });
        }
      }
    }
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
    expect({ sheet: sheet.name, merges: sd.merges.slice().sort() }).toEqual({ sheet: sheet.name, merges });
    const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const freeze = view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : undefined;
    expect({ sheet: sheet.name, freeze: sd.freeze }).toEqual({ sheet: sheet.name, freeze });
    sheet.columns.forEach((col, i) => {
      expect(columnWidthPoints(ws.getColumn(i + 1).width ?? 0)).toBe(sd.columnWidths[ws.getColumn(i + 1).letter]);
    });
    const tables = ws.getTables().map((t) => {
      const tm = (t as unknown as { table: { name: string; tableRef: string } }).table;
      return { name: tm.name, range: tm.tableRef };
    });
    expect(sd.tables.map((t) => ({ name: t.name, range: t.range }))).toEqual(tables);
  }
  return { cells, formulas };
}

test('the sample model: same cells, number formats, formulas, merges, panes, widths and tables', async () => {
  const model = sampleModel(40);
  const { wb, xlsx, sim, excel } = await bothSinks(model, 'sample');
  expect(excel.sheets).toEqual(xlsx.sheets);
  const { cells, formulas } = compare(model, wb, sim);
  expect(cells).toBeGreaterThan(400);
  expect(formulas).toBeGreaterThanOrEqual(15);
});

test.each(['de', 'es', 'pl'] as const)('localised sheet names (%s) and cross-sheet formulas', async (lang) => {
  const base = sampleModel();
  const keyName = { quarterly: 'sheet.quarterly', commission: 'sheet.commission', accounts: 'sheet.accounts', forecast: 'sheet.forecast' } as const;
  const model: ReportModel = { ...base, language: lang, sheets: base.sheets.map((s) => ({ ...s, name: message(lang, keyName[s.key as keyof typeof keyName]) })) };
  const { wb, sim } = await bothSinks(model, `sample-${lang}`);
  compare(model, wb, sim);
  const commission = message(lang, 'sheet.commission');
  expect(sim.cell(commission, 'E12').formula).toBe(`=${quoteSheetName(message(lang, 'sheet.quarterly'))}!$B$9`);
});

describe('models from the real builders (engine → buildReportModel)', () => {
  const runs = { quarter: quarterRun, year: yearRun, plain: plainRun } as const;
  const cases = LANGUAGES.flatMap((lang) => (Object.keys(runs) as (keyof typeof runs)[]).map((name) => [name, lang] as const));
  test.each(cases)('%s run in %s', async (name, lang) => {
    const model = buildReportModel(runs[name](), { language: lang, sourceLabel: 'sales.xlsx, sheet Sales' });
    const { wb, xlsx, sim, excel } = await bothSinks(model, `${name}-${lang}`);
    expect(excel.sheets).toEqual(xlsx.sheets);
    compare(model, wb, sim);
  });
});
