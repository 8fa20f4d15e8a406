import { CancelledError, type ProgressEvent } from '../../src/app/ports';
import { ExcelReportSink } from '../../src/excel/excelReportSink';
import { ExcelAdapterError } from '../../src/excel/officeErrorMessage';
import { OWNED_PROPERTY } from '../../src/excel/ownedSheets';
import { message } from '../../src/reports/i18n/catalog';
import { LANGUAGES, type Language } from '../../src/reports/i18n/language';
import { columnWidthPoints } from '../../src/reports/model/columnWidthPoints';
import { numberCell, textCell, type ReportModel, type ReportSheet } from '../../src/reports/model';
import { legalSheetName } from '../../src/reports/sheetName';
import { ExcelSimulator, type SheetDump, type SimulatorOptions, type WorkbookDump, type WorkbookSeed } from '../support/excelSimulator';
import { INJECTED_NAMES, MONEY, sampleModel } from '../reports/model/sampleModel';
import { adapterError } from './support/adapterError';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function sim(seed: WorkbookSeed, options?: SimulatorOptions): ExcelSimulator {
  restore?.();
  const s = ExcelSimulator.create(seed, options);
  restore = s.install();
  return s;
}

const SOURCE: WorkbookSeed = {
  sheets: [{ name: 'Sales', values: [['Date', 'Account', 'Amount'], [45000, 'ACME', 100], [45001, '=not a formula', 50]] }],
};

/** A model with one small sheet per name (for name tests). */
function namedModel(sheets: readonly { key: string; name: string }[], lang: Language = 'en'): ReportModel {
  const base = sampleModel();
  return {
    ...base,
    language: lang,
    sheets: sheets.map(
      (s): ReportSheet => ({ key: s.key, name: s.name, columns: [{ width: 12 }], rows: [[textCell(s.name, { style: 'title' })], [numberCell(1, { format: MONEY })]] }),
    ),
  };
}

/** The dump without change counters (an undone rename touches a sheet but leaves it as it was). */
function comparable(d: WorkbookDump): unknown {
  return { ...d, sheets: d.sheets.map((s: SheetDump) => ({ ...s, version: undefined })) };
}

describe('rendering the ReportModel', () => {
  let s: ExcelSimulator;
  let result: Awaited<ReturnType<ExcelReportSink['write']>>;
  const events: ProgressEvent[] = [];
  beforeAll(async () => {
    s = ExcelSimulator.create(SOURCE);
    const undo = s.install();
    try {
      result = await new ExcelReportSink().write(sampleModel(), (e) => events.push(e));
    } finally {
      undo();
    }
  });

  test('adds the report sheets after the user sheets, marked as owned, visible, the first one active', () => {
    const d = s.dump();
    expect(d.sheets.map((x) => [x.name, x.visibility, x.customProperties[OWNED_PROPERTY]])).toEqual([
      ['Sales', 'Visible', undefined],
      ['Quarterly Results', 'Visible', 'quarterly'],
      ['Commission', 'Visible', 'commission'],
      ['Account Status', 'Visible', 'accounts'],
      ['Forecast', 'Visible', 'forecast'],
    ]);
    expect(d.activeSheet).toBe('Quarterly Results');
    expect(result.sheets.map((x) => x.name)).toEqual(['Quarterly Results', 'Commission', 'Account Status', 'Forecast']);
    expect(result.renamedSheets).toEqual([]);
    expect(result.replacedSheets).toEqual([]);
  });

  test('never touches the source sheet', () => {
    expect(s.sheetVersion('Sales')).toBe(0);
  });

  test('values, number formats and formulas; formulas calculate to the engine values', () => {
    const q = (a: string) => s.cell('Quarterly Results', a);
    expect(q('A1')).toMatchObject({ kind: 'text', value: 'Quarterly Results' });
    expect(q('B6')).toMatchObject({ kind: 'number', value: 95000.5, numberFormat: MONEY });
    expect(q('D5')).toMatchObject({ kind: 'formula', formula: '=IF(C5>0,B5/C5,"")', value: 1.2, numberFormat: '0.0%', dirty: false });
    expect(q('B9')).toMatchObject({ formula: '=SUM(B5:B8)', value: 316000.75 });
    const c = (a: string) => s.cell('Commission', a);
    expect(c('E6')).toMatchObject({ formula: '=MAX(0,MIN($B$2,C6)-B6)*D6', value: 1000 });
    expect(c('E9').value).toBeCloseTo(5900, 9);
    expect(c('E11').value).toBe(0);
    // The sheet token resolved to the final name (written under the temporary one, renamed by Excel).
    expect(c('E12')).toMatchObject({ formula: "='Quarterly Results'!$B$9", value: 316000.75 });
    expect(c('E13').value).toBe(true);
    expect(c('E14').value).toBe('above quota');
    const a = (x: string) => s.cell('Account Status', x);
    expect(a('H5')).toMatchObject({ kind: 'number', numberFormat: 'yyyy-mm-dd', text: '2026-09-30' });
    expect(a('G5')).toMatchObject({ kind: 'boolean', value: true });
  });

  test('formula-injection names survive as text', () => {
    INJECTED_NAMES.forEach((name, i) => {
      expect(s.cell('Account Status', `A${5 + i}`)).toMatchObject({ kind: 'text', value: name, numberFormat: '@' });
    });
  });

  test('styles, widths, heights, merges, frozen panes, print setup, tab colour and gridlines', () => {
    expect(s.cellFormat('Quarterly Results', 'B4', 'font.bold')).toBe(true);
    expect(s.cellFormat('Quarterly Results', 'E4', 'fill.color')).toBe('#1F4E78');
    expect(s.cellFormat('Quarterly Results', 'C4', 'borders.EdgeBottom.style')).toBe('Continuous');
    expect(s.cellFormat('Quarterly Results', 'C9', 'borders.EdgeBottom.style')).toBe('Double');
    expect(s.cellFormat('Quarterly Results', 'C8', 'font.italic')).toBe(true); // derived quota
    expect(s.cellFormat('Quarterly Results', 'B8', 'font.italic')).toBeUndefined();
    const q = s.dump().sheets[1];
    expect(q).toMatchObject({ tabColor: '#1F4E78', showGridlines: false, merges: ['A1:E1'], freeze: { rows: 4, cols: 1 }, rowHeights: { 1: 24 } });
    expect(q?.pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, printTitleRows: '4:4' });
    expect(s.dump().sheets[2]?.pageLayout).toEqual({ orientation: 'Portrait', zoom: { horizontalFitToPages: 1 } });
    expect(q?.columnWidths).toEqual({ A: columnWidthPoints(14), B: columnWidthPoints(16), C: columnWidthPoints(16), D: columnWidthPoints(12), E: columnWidthPoints(10) });
  });

  test('tables, conditional formats in model priority, data bars, charts', () => {
    const d = s.dump();
    const acc = d.sheets[3];
    expect(acc?.tables).toEqual([{ name: 'AccountStatus', range: 'A4:I16', style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true }]);
    expect(acc?.conditionalFormats.map((c) => [c.type, c.range, c.priority])).toEqual([
      ['DataBar', 'D5:D16', 0],
      ['ContainsText', 'I5:I16', 1],
      ['ContainsText', 'I5:I16', 2],
      ['ContainsText', 'I5:I16', 3],
    ]);
    expect(acc?.conditionalFormats[0]?.props).toMatchObject({
      'dataBar.positiveFormat.fillColor': '#5B9BD5',
      'dataBar.positiveFormat.gradientFill': false,
      'dataBar.lowerBoundRule': { type: 'LowestValue' },
    });
    const q = d.sheets[1];
    expect(q?.conditionalFormats[2]?.props).toMatchObject({ 'cellValue.rule': { formula1: '=0.9', operator: 'LessThan' }, 'cellValue.format.fill.color': '#FFC7CE' });
    const f = d.sheets[4];
    expect(f?.charts.map((c) => [c.type, c.position, c.series.map((x) => [x.name, x.chartType, x.values, x.xValues])])).toEqual([
      [
        'ColumnClustered',
        { start: 'F1', end: 'M15' },
        [
          ['Actual', undefined, "'Forecast'!B3:B6", "'Forecast'!A3:A6"],
          ['Forecast', undefined, "'Forecast'!C3:C6", "'Forecast'!A3:A6"],
          ['Quota', 'Line', "'Forecast'!D3:D6", "'Forecast'!A3:A6"],
        ],
      ],
      ['LineMarkers', { start: 'F17', end: 'M28' }, [['Actual', undefined, "'Forecast'!B3:B6", "'Forecast'!A3:A6"]]],
    ]);
    expect(f?.charts[1]?.props).toMatchObject({ 'title.text': 'Actual by quarter', 'legend.visible': false });
  });

  test('few syncs, progress to the end', () => {
    // inspect (2) + writes (1 for this small model) + swap (1)
    expect(result.stats).toMatchObject({ syncs: 4, attempts: 1 });
    expect(s.stats.syncs).toBe(4);
    expect(events.at(-1)).toMatchObject({ phase: 'writing', done: events.at(-1)?.total });
  });
});

describe('owned sheets', () => {
  test('the next run replaces only owned sheets; a user sheet with a report name is never touched', async () => {
    const s = sim({ sheets: [...SOURCE.sheets, { name: 'commission', values: [['my own notes']] }] });
    const first = await new ExcelReportSink().write(sampleModel());
    expect(first.renamedSheets).toEqual([{ key: 'commission', requestedName: 'Commission', name: 'Commission (2)' }]);
    const userVersion = s.sheetVersion('commission');
    const second = await new ExcelReportSink().write(sampleModel(20));
    expect(second.replacedSheets).toEqual(['Quarterly Results', 'Commission (2)', 'Account Status', 'Forecast']);
    expect(s.sheetNames()).toEqual(['Sales', 'commission', 'Quarterly Results', 'Commission (2)', 'Account Status', 'Forecast']);
    expect(s.sheetVersion('commission')).toBe(userVersion);
    expect(s.cell('commission', 'A1').value).toBe('my own notes');
    expect(s.sheetVersion('Sales')).toBe(0);
    // The table keeps its name: the previous report's table went with its sheet.
    expect(second.renamedTables).toEqual([]);
    expect(s.dump().sheets[4]?.tables[0]).toMatchObject({ name: 'AccountStatus', range: 'A4:I24' });
  });

  test('a user table holding a report table name: the report table is renamed and listed', async () => {
    sim({ ...SOURCE, tables: [{ name: 'AccountStatus', sheet: 'Sales', address: 'A1:C3' }] });
    const result = await new ExcelReportSink().write(sampleModel());
    expect(result.renamedTables).toEqual([{ sheetKey: 'accounts', requestedName: 'AccountStatus', name: 'AccountStatus_2' }]);
  });

  test('a renamed, moved or very hidden previous report is still replaced; the mark moves with the sheet', async () => {
    const s = sim(SOURCE);
    await new ExcelReportSink().write(sampleModel());
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Forecast').name = 'My forecast';
      ctx.workbook.worksheets.getItem('Commission').position = 0;
      ctx.workbook.worksheets.getItem('Account Status').visibility = 'VeryHidden';
      await ctx.sync();
    });
    await new ExcelReportSink().write(sampleModel());
    expect(s.sheetNames()).toEqual(['Sales', 'Quarterly Results', 'Commission', 'Account Status', 'Forecast']);
  });

  test('protected sheets (the ones a run read) are kept even when marked', async () => {
    const s = sim({ sheets: [{ name: 'Commission', values: [['Tier', 'Rate']], customProperties: { [OWNED_PROPERTY]: 'commission' } }] });
    const result = await new ExcelReportSink({ protectSheets: ['commission'] }).write(sampleModel());
    expect(result.replacedSheets).toEqual([]);
    expect(s.sheetNames()).toContain('Commission (2)');
    expect(s.sheetVersion('Commission')).toBe(0);
  });

  test('temporary sheets left by a crashed run are cleaned up, and their names avoided meanwhile', async () => {
    const s = sim({
      sheets: [...SOURCE.sheets, { name: '~AD tmp 1', visibility: 'Hidden', customProperties: { [OWNED_PROPERTY]: 'quarterly' } }, { name: '~AD tmp 2', values: [['a user sheet that happens to look temporary']] }],
    });
    await new ExcelReportSink().write(sampleModel());
    expect(s.sheetNames()).toEqual(['Sales', '~AD tmp 2', 'Quarterly Results', 'Commission', 'Account Status', 'Forecast']);
    expect(s.sheetVersion('~AD tmp 2')).toBe(0);
  });
});

describe('sheet names', () => {
  test('manager names with every forbidden character, and over 31 characters', async () => {
    // ('History' is not here: legalSheetName('History') returns the reserved name, which validateModel rejects.)
    const managers = ['Q1/Q2: [draft]', 'A\\B?C*D', "'Quoted'", 'history 2', 'Zofia Wójcik-Brzęczyszczykiewicz von Habsburg', ':*?/\\[]'];
    const sheets = managers.map((m, i) => ({ key: `m${i}`, name: legalSheetName(m) }));
    const s = sim({ sheets: [...SOURCE.sheets, { name: legalSheetName(managers[4] ?? '') }] });
    const result = await new ExcelReportSink().write(namedModel(sheets));
    const names = result.sheets.map((x) => x.name);
    expect(names).toEqual(['Q1-Q2- (draft)', 'A-B-C-D', 'Quoted', 'history 2', 'Zofia Wójcik-Brzęczyszczyki (2)', '-----()']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(s.sheetNames()).toEqual(['Sales', 'Zofia Wójcik-Brzęczyszczykiewic', ...names]);
  });

  test.each(LANGUAGES)('all report sheet names in %s; switching language replaces the previous language\'s sheets', async (lang) => {
    const keys = ['quarterly', 'commission', 'forecast', 'accounts', 'issues'] as const;
    const s = sim(SOURCE);
    await new ExcelReportSink().write(namedModel(keys.map((k) => ({ key: k, name: message('en', `sheet.${k}`) }))));
    const result = await new ExcelReportSink().write(namedModel(keys.map((k) => ({ key: k, name: message(lang, `sheet.${k}`) })), lang));
    const expected = keys.map((k) => message(lang, `sheet.${k}`));
    expect(result.sheets.map((x) => x.name)).toEqual(expected);
    expect(s.sheetNames()).toEqual(['Sales', ...expected]);
  });
});

describe('failures leave the previous reports and the source as they were', () => {
  const modelA = (): ReportModel => sampleModel(12);
  const modelB = (): ReportModel => sampleModel(30);

  async function previous(options?: SimulatorOptions): Promise<{ s: ExcelSimulator; before: unknown }> {
    const s = sim(SOURCE, options);
    await new ExcelReportSink({ budget: { limitBytes: 6000 } }).write(modelA());
    s.resetStats();
    return { s, before: comparable(s.dump()) };
  }

  test('a failure at each sync of the next run (inspect, each sheet write, swap)', async () => {
    const probe = await previous();
    await new ExcelReportSink({ budget: { limitBytes: 6000 } }).write(modelB());
    const syncs = probe.s.stats.syncs;
    expect(syncs).toBeGreaterThan(8); // several write syncs: the failures hit different sheets
    for (let n = 1; n <= syncs; n++) {
      const { s, before } = await previous();
      s.failSync(n, { code: 'GeneralException' });
      const e = await adapterError(new ExcelReportSink({ budget: { limitBytes: 6000 } }).write(modelB()));
      expect(e.code).toBe('GeneralException');
      expect(e.rollbackError).toBeUndefined();
      expect(e.debugInfo).toMatchObject({ code: 'GeneralException' });
      expect(comparable(s.dump())).toEqual(before);
      expect(s.sheetNames().filter((x) => x.startsWith('~AD'))).toEqual([]);
      expect(s.sheetVersion('Sales')).toBe(0);
    }
  });

  test('the swap failing after each of its statements is undone or completed, never half done', async () => {
    const probe = await previous();
    await new ExcelReportSink({ budget: { limitBytes: 6000 } }).write(modelB());
    const swapSync = probe.s.stats.log.length; // the swap is the run's last sync
    const swapActions = probe.s.stats.log.at(-1)?.actions ?? 0;
    const after = comparable(probe.s.dump());
    let undone = 0;
    let completed = 0;
    for (let k = 0; k < swapActions; k++) {
      const { s, before } = await previous();
      s.failSync(swapSync, { code: 'GeneralException', afterActions: k });
      const write = new ExcelReportSink({ budget: { limitBytes: 6000 } }).write(modelB());
      const outcome = await write.then(
        (r) => r,
        (e: unknown) => e,
      );
      const now = comparable(s.dump());
      if (outcome instanceof ExcelAdapterError) {
        expect(now).toEqual(before);
        undone++;
      } else {
        expect((outcome as { recovered?: { code: string } }).recovered?.code).toBe('GeneralException');
        // Same workbook as a successful run, apart from sheet ids.
        expect(s.sheetNames()).toEqual(probe.s.sheetNames());
        expect((now as { sheets: { values: unknown }[] }).sheets.map((x) => x.values)).toEqual((after as { sheets: { values: unknown }[] }).sheets.map((x) => x.values));
        completed++;
      }
      expect(s.sheetNames().filter((x) => x.startsWith('~AD'))).toEqual([]);
      expect(s.sheetVersion('Sales')).toBe(0);
    }
    expect(undone).toBeGreaterThan(0);
    expect(completed).toBeGreaterThan(0);
  });

  test('a failing rollback is reported with the original error, never hidden', async () => {
    const { s } = await previous();
    // Sync 3 is the first write; sync 4 (the rollback's look-up) fails too.
    s.failSync(3, { code: 'GeneralException' });
    s.failSync(4, { code: 'ItemNotFound' });
    const e = await adapterError(new ExcelReportSink({ budget: { limitBytes: 6000 } }).write(modelB()));
    expect(e.code).toBe('GeneralException');
    expect(e.rollbackError).toMatchObject({ code: 'ItemNotFound' });
  });

  test('cancel between write batches: CancelledError, temporary sheets removed', async () => {
    const { s, before } = await previous();
    const token = { cancelled: false };
    let calls = 0;
    await expect(
      new ExcelReportSink({ budget: { limitBytes: 6000 } }).write(
        modelB(),
        () => {
          calls++;
          if (calls === 2) token.cancelled = true;
        },
        token,
      ),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(comparable(s.dump())).toEqual(before);
  });
});

describe('payload limits', () => {
  test('blocks stay under a lowered limit; syncs grow with the payload, not with rows or calls', async () => {
    const s = sim(SOURCE, { requestLimitBytes: 60_000 });
    const result = await new ExcelReportSink({ budget: { limitBytes: 60_000 } }).write(sampleModel(2000));
    expect(s.stats.maxRequestBytes).toBeLessThanOrEqual(60_000);
    expect(s.stats.failedSyncs).toBe(0);
    expect(result.stats.syncs).toBe(s.stats.syncs);
    // 3 fixed syncs (2 inspect + swap) plus the write batches, each filled to the target by the
    // sink's (conservative) estimate of the bytes it sends.
    expect(result.stats.syncs).toBeLessThanOrEqual(Math.ceil(result.stats.requestBytes / (0.8 * 60_000)) + 4);
    expect(result.stats.requestBytes).toBeGreaterThanOrEqual(s.stats.requestBytes - 2000);
    expect(s.cell('Account Status', 'A2004').value).toBe('Account 02000 Größe ąęł ñ');
  });

  test('a block refused for its size: the write is redone once with half-size blocks', async () => {
    const s = sim(SOURCE, { requestLimitBytes: 30_000 });
    const result = await new ExcelReportSink({ budget: { limitBytes: 50_000 } }).write(sampleModel(600));
    expect(result.stats.attempts).toBe(2);
    expect(s.stats.log.filter((l) => l.code === 'RequestPayloadSizeLimitExceeded')).toHaveLength(1);
    expect(s.sheetNames()).toEqual(['Sales', 'Quarterly Results', 'Commission', 'Account Status', 'Forecast']);
  });

  test('refused again: the error says so, no temporary sheets left', async () => {
    const s = sim(SOURCE, { requestLimitBytes: 10_000 });
    const e = await adapterError(new ExcelReportSink({ budget: { limitBytes: 60_000 } }).write(sampleModel(600)));
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(e.userMessage).toMatch(/write the reports, even after retrying with smaller blocks/);
    expect(s.sheetNames()).toEqual(['Sales']);
  });
});

describe('host conditions', () => {
  test('waits for the user to leave cell edit mode', async () => {
    const s = sim(SOURCE);
    s.cellEditMode = true;
    await new ExcelReportSink().write(sampleModel());
    expect(s.sheetNames()).toHaveLength(5);
  });

  test('an Excel without ExcelApi 1.12: the error names the Excel versions that work', async () => {
    const s = sim(SOURCE, { apiVersion: '1.11' });
    const e = await adapterError(new ExcelReportSink().write(sampleModel()));
    expect(e.code).toBe('ApiNotFound');
    expect(e.userMessage).toMatch(/ExcelApi 1\.12 .*Microsoft 365.*Excel 2021.*Excel on the web.*Mac 16\.40/);
    expect(s.sheetNames()).toEqual(['Sales']);
  });

  test('an invalid model is a bug: thrown before anything is written', async () => {
    const s = sim(SOURCE);
    const bad = { ...sampleModel(), sheets: [{ key: 'x', name: 'a/b', columns: [], rows: [] }] } as ReportModel;
    await expect(new ExcelReportSink().write(bad)).rejects.toThrow(/invalid ReportModel/);
    expect(s.stats.syncs).toBe(0);
  });
});
