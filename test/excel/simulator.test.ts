/**
 * The simulator enforces OFFICE-JS.md's "Rules the simulator must enforce" 1–10: each rule
 * has a test that the wrong use is rejected (and the right one accepted), written against the
 * real @types/office-js typings through the installed `Excel` global.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests break the load/sync rules on purpose, to prove the simulator rejects it. */
import { ExcelSimulator, type SimulatorOptions, type WorkbookSeed } from '../support/excelSimulator';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function sim(seed: WorkbookSeed = { sheets: [{ name: 'Sheet1' }] }, options?: SimulatorOptions): ExcelSimulator {
  const s = ExcelSimulator.create(seed, options);
  restore = s.install();
  return s;
}

async function officeError(p: Promise<unknown>): Promise<OfficeExtension.Error> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OfficeExtension.Error);
    return e as OfficeExtension.Error;
  }
  throw new Error('expected the promise to reject');
}

function thrown(f: () => unknown): OfficeExtension.Error {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(OfficeExtension.Error);
    return e as OfficeExtension.Error;
  }
  throw new Error('expected a throw');
}

const SALES: WorkbookSeed = {
  sheets: [
    {
      name: 'Sales',
      values: [
        ['Date', 'Account', 'Amount'],
        [45000, 'ACME', 100],
        [45001, 'Bolt', 250.5],
      ],
      numberFormats: [[null, null, null], ['yyyy-mm-dd', null, '#,##0.00'], ['yyyy-mm-dd', null, '#,##0.00']],
    },
    { name: 'Quarterly Results', values: [['Q', 'Revenue'], ['Q1', 1000], ['Q2', 2000]] },
  ],
};

describe('rule 1: properties are unreadable before load + sync', () => {
  test('reading before load, and after load but before sync, throws PropertyNotLoaded at once', async () => {
    sim(SALES);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sales').getRange('A1:C3');
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      r.load('values');
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(r.values).toEqual([['Date', 'Account', 'Amount'], [45000, 'ACME', 100], [45001, 'Bolt', 250.5]]);
      // Only what was loaded is readable.
      expect(thrown(() => r.numberFormat).code).toBe('PropertyNotLoaded');
    });
  });

  test('ClientResult.value throws ValueNotLoaded until the sync', async () => {
    sim(SALES);
    await Excel.run(async (ctx) => {
      const count = ctx.workbook.worksheets.getCount();
      expect(thrown(() => count.value).code).toBe('ValueNotLoaded');
      await ctx.sync();
      expect(count.value).toBe(2);
    });
  });

  test('collection items need a load; leaf paths load nested properties', async () => {
    sim(SALES);
    await Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe('PropertyNotLoaded');
      sheets.load('items/name');
      const font = ctx.workbook.worksheets.getItem('Sales').getRange('A1');
      font.load('format/font/bold');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Sales', 'Quarterly Results']);
      expect(thrown(() => sheets.items[0]?.position).code).toBe('PropertyNotLoaded');
      expect(font.format.font.bold).toBe(false);
    });
  });

  test('loading a property that does not exist fails the sync', async () => {
    sim(SALES);
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').getRange('A1').load('valuez');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });
});

describe('rule 2: writes queue until sync; errors reject the sync, shaped like OfficeExtension.Error', () => {
  test('a write is invisible until sync', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('B2').values = [['Zeta']];
      expect(s.cell('Sales', 'B2').value).toBe('ACME');
      await ctx.sync();
      expect(s.cell('Sales', 'B2').value).toBe('Zeta');
    });
  });

  test('the rejection has name, code, message and debugInfo with the failing statement', async () => {
    sim(SALES);
    const e = await officeError(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sales');
        ws.getRange('A1').values = [['ok']];
        ws.getRange('A1:B1').values = [['too few']];
        await ctx.sync();
      }),
    );
    expect(e.name).toBe('RichApi.Error');
    expect(e.code).toBe('InvalidArgument');
    expect(e.message).toMatch(/doesn't match the size or dimensions/);
    expect(e.debugInfo.code).toBe('InvalidArgument');
    expect(e.debugInfo.message).toBe(e.message);
    expect(e.debugInfo.errorLocation).toContain('getRange("A1:B1").values');
    expect(e.debugInfo.statement).toContain('values = <1×1 array>');
  });

  test('statements before the failing one stay applied (no rollback, labelled assumption)', async () => {
    const s = sim(SALES);
    await officeError(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sales');
        ws.getRange('B2').values = [['applied']];
        ws.getRange('B3:C3').values = [['x']];
        await ctx.sync();
      }),
    );
    expect(s.cell('Sales', 'B2').value).toBe('applied');
  });

  test('Excel.run syncs at the end; a rejected batch is not synced', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('B2').values = [['end']];
      await Promise.resolve();
    });
    expect(s.cell('Sales', 'B2').value).toBe('end');
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').getRange('B2').values = [['never']];
        throw new Error('bug');
      }),
    ).rejects.toThrow('bug');
    expect(s.cell('Sales', 'B2').value).toBe('end');
  });

  test('an object from a finished Excel.run cannot be used without tracking', async () => {
    sim(SALES);
    let kept: Excel.Range | undefined;
    await Excel.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem('Sales').getRange('A1');
      await ctx.sync();
    });
    expect(thrown(() => kept?.load('values')).code).toBe('InvalidObjectPath');
  });

  test('a range from another context is refused', async () => {
    sim(SALES);
    await Excel.run(async (a) => {
      await Excel.run(async (b) => {
        const r = a.workbook.worksheets.getItem('Sales').getRange('A1:C3');
        expect(thrown(() => b.workbook.worksheets.getItem('Sales').tables.add(r, true)).code).toBe('InvalidRequestContext');
        await b.sync();
      });
    });
  });
});

describe('rule 3: 5 MB request and response limits on the web', () => {
  test('a request over the limit is refused whole (nothing applied)', async () => {
    const s = sim(SALES, { requestLimitBytes: 2000 });
    const big = Array.from({ length: 50 }, (_x, i) => [`row ${i} ${'x'.repeat(40)}`]);
    const e = await officeError(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sales');
        ws.getRange('B2').values = [['first']];
        ws.getRange('E1:E50').values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(s.cell('Sales', 'B2').value).toBe('ACME');
    expect(s.stats.log.at(-1)?.requestBytes).toBeGreaterThan(2000);
  });

  test('a response over the limit fails the sync', async () => {
    const values = Array.from({ length: 200 }, (_x, i) => [i, `name ${i}`]);
    sim({ sheets: [{ name: 'Data', values }] }, { responseLimitBytes: 1000 });
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('A1:B200').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('desktop has no payload limit', async () => {
    const values = Array.from({ length: 200 }, (_x, i) => [i, `name ${i}`]);
    sim({ sheets: [{ name: 'Data', values }] }, { responseLimitBytes: 1000, platform: 'desktop' });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B200').load('values');
      await ctx.sync();
      expect(r.values).toHaveLength(200);
    });
  });

  test('request and response bytes are counted per sync, with maxima and totals', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sales').getRange('A1:C3').load('values');
      await ctx.sync();
      expect(r.values).toHaveLength(3);
    });
    // Excel.run's closing sync has nothing to send: like Office.js, it makes no round trip.
    expect(s.stats.syncs).toBe(1);
    expect(s.stats.responseBytes).toBeGreaterThanOrEqual(JSON.stringify(SALES.sheets[0]?.values).length);
    expect(s.stats.maxResponseBytes).toBe(s.stats.responseBytes);
    expect(s.stats.requestBytes).toBeGreaterThan(0);
    expect(s.stats.simulatedMs).toBeGreaterThan(0);
  });
});

describe('rule 4: a read of more than 5,000,000 cells', () => {
  test('returns values === null by default (the silent case)', async () => {
    sim(SALES, { readCellLimit: 4 });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sales').getRange('A1:C3').load('values');
      await ctx.sync();
      expect(r.values).toBeNull();
    });
  });

  test('or throws, when configured', async () => {
    sim(SALES, { readCellLimit: 4, oversizeRead: 'throw' });
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').getRange('A1:C3').load('values');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('GeneralException');
  });

  test('the real default limit is 5,000,000 cells', async () => {
    sim(SALES);
    await Excel.run(async (ctx) => {
      const ok = ctx.workbook.worksheets.getItem('Sales').getRange('A1:E1000000').load('rowCount');
      const tooMany = ctx.workbook.worksheets.getItem('Sales').getRange('A1:F1000000').load('values');
      await ctx.sync();
      expect(ok.rowCount).toBe(1000000);
      expect(tooMany.values).toBeNull();
    });
  });
});

describe('rule 5: 2-D arrays must match the range', () => {
  test.each([
    ['too few rows', [['a', 'b']]],
    ['too many columns', [['a', 'b', 'c'], ['d', 'e', 'f']]],
    ['ragged', [['a', 'b'], ['c']]],
    ['not an array', 'a'],
  ])('values: %s → InvalidArgument', async (_name, data) => {
    sim(SALES);
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').getRange('A1:B2').values = data as unknown[][];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('numberFormat and formulas are checked the same way', async () => {
    sim(SALES);
    for (const prop of ['numberFormat', 'formulas'] as const) {
      const e = await officeError(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sales').getRange('A1:B2')[prop] = [['x']];
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
    }
  });

  test('null keeps a cell, "" clears it', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('B2:C2').values = [[null, '']];
      await ctx.sync();
    });
    expect(s.cell('Sales', 'B2').value).toBe('ACME');
    expect(s.cell('Sales', 'C2').kind).toBe('empty');
  });
});

describe('rule 6: strings starting with = + - (and @, labelled) become formulas unless the cell is Text', () => {
  const INJECTIONS = ['=HYPERLINK("http://x","y")', '@SUM(A1)', '-1+2', '=1+1'];

  test.each(INJECTIONS)('%s written to a General cell is a formula', async (text) => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('E1').values = [[text]];
      await ctx.sync();
    });
    expect(s.cell('Sales', 'E1').kind).toBe('formula');
  });

  test('"+48 22 123" is not a valid formula: the write fails (labelled assumption)', async () => {
    sim(SALES);
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').getRange('E1').values = [['+48 22 123']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test.each([...INJECTIONS, '+48 22 123', '00123', 'TRUE'])('%s stays text when numberFormat "@" is set first in the same batch', async (text) => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sales').getRange('E1');
      r.numberFormat = [['@']];
      r.values = [[text]];
      await ctx.sync();
    });
    expect(s.cell('Sales', 'E1')).toMatchObject({ kind: 'text', value: text, numberFormat: '@' });
  });

  test('numberFormat "@" set after the values is too late', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sales').getRange('E1');
      r.values = [['=1+1']];
      r.numberFormat = [['@']];
      await ctx.sync();
    });
    expect(s.cell('Sales', 'E1').kind).toBe('formula');
  });

  test('plain numeric text becomes a number, TRUE a boolean (labelled assumption)', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('E1:F1').values = [['00123', 'true']];
      await ctx.sync();
    });
    expect(s.cell('Sales', 'E1').value).toBe(123);
    expect(s.cell('Sales', 'F1').value).toBe(true);
  });

  test('unbalanced parentheses or an unknown function is refused', async () => {
    sim(SALES);
    for (const f of ['=SUM(A1', '=FOO(1)', '=1+']) {
      const e = await officeError(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sales').getRange('E1').formulas = [[f]];
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
    }
  });
});

describe('rule 7: sheet names', () => {
  test.each([
    ['too long (32)', 'x'.repeat(32)],
    ['empty', ''],
    ...[':', '\\', '/', '?', '*', '[', ']'].map((c) => [`contains ${c}`, `Q1${c}Q2`]),
    ['leading apostrophe', "'Sales"],
    ['trailing apostrophe', "Sales'"],
    ['History', 'history'],
  ])('add: %s → InvalidArgument', async (_name, name) => {
    sim(SALES);
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('31 characters and inner apostrophes are fine', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('x'.repeat(31));
      ctx.workbook.worksheets.add("O'Brien's sales");
      await ctx.sync();
    });
    expect(s.sheetNames()).toContain("O'Brien's sales");
  });

  test('duplicates (ignoring case) → ItemAlreadyExists, on add and on rename', async () => {
    sim(SALES);
    const e1 = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('SALES');
        await ctx.sync();
      }),
    );
    expect(e1.code).toBe('ItemAlreadyExists');
    expect(e1.message).toMatch(/A resource with the same name or identifier already exists/);
    const e2 = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Quarterly Results').name = 'sales';
        await ctx.sync();
      }),
    );
    expect(e2.code).toBe('ItemAlreadyExists');
  });

  test('rename follows the same rules and updates formulas that refer to the sheet', async () => {
    const s = sim({ ...SALES, sheets: [...SALES.sheets, { name: 'Summary', formulas: { A1: "=SUM('Quarterly Results'!B2:B3)" } }] });
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Quarterly Results').name = 'Q/Results';
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Quarterly Results').name = 'Results';
      await ctx.sync();
    });
    expect(s.cell('Summary', 'A1')).toMatchObject({ formula: '=SUM(Results!B2:B3)', value: 3000 });
  });
});

describe('rule 8: getItem and *OrNullObject', () => {
  test('getItem of a missing key → ItemNotFound', async () => {
    sim(SALES);
    for (const get of [
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Nope').load('name'),
      (ctx: Excel.RequestContext) => ctx.workbook.tables.getItem('Nope').load('name'),
      (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sales').customProperties.getItem('nope').load('value'),
    ]) {
      const e = await officeError(
        Excel.run(async (ctx) => {
          get(ctx);
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('ItemNotFound');
    }
  });

  test('getItemOrNullObject gives a proxy (never null) whose isNullObject is true after sync', async () => {
    sim(SALES);
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('sales');
      expect(missing).not.toBeNull();
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      there.load('name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe('Sales');
    });
  });

  test('using a null object fails (labelled assumption)', async () => {
    sim(SALES);
    const e = await officeError(
      Excel.run(async (ctx) => {
        const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
        await ctx.sync();
        missing.delete();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ItemNotFound');
  });
});

describe('rule 9: very hidden sheets and multi-area selections', () => {
  test('deleting a VeryHidden sheet → InvalidOperation; a Hidden one is fine', async () => {
    const s = sim({ sheets: [{ name: 'A' }, { name: 'B', visibility: 'VeryHidden' }, { name: 'C', visibility: 'Hidden' }] });
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('B').delete();
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperation');
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('C').delete();
      await ctx.sync();
    });
    expect(s.sheetNames()).toEqual(['A', 'B']);
  });

  test('the last visible sheet cannot be deleted or hidden (labelled assumption)', async () => {
    sim({ sheets: [{ name: 'A' }, { name: 'B', visibility: 'Hidden' }] });
    for (const f of [(ws: Excel.Worksheet) => ws.delete(), (ws: Excel.Worksheet) => (ws.visibility = 'Hidden')]) {
      const e = await officeError(
        Excel.run(async (ctx) => {
          f(ctx.workbook.worksheets.getItem('A'));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidOperation');
    }
  });

  test('getSelectedRange with several areas selected throws', async () => {
    const s = sim(SALES);
    s.select('Sales', ['A1:A3', 'C1:C3']);
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.getSelectedRange().load('address');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidSelection');
    s.select('Sales', 'A1:C3');
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
      expect(r.address).toBe('Sales!A1:C3');
    });
  });
});

describe('rule 10: requirement sets', () => {
  test('isSetSupported answers from the configured version, comparing numbers ("1.9" < "1.12")', () => {
    sim(SALES, { apiVersion: '1.9' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(false);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.2')).toBe(true);
    expect(Office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
  });

  test.each([
    ['customProperties (1.12)', '1.11', (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sales').customProperties.add('k', 'v')],
    ['getRangeByIndexes (1.7)', '1.6', (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sales').getRangeByIndexes(0, 0, 1, 1).load('values')],
    ['freezePanes (1.7)', '1.6', (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sales').freezePanes.freezeRows(1)],
    ['conditional formats (1.6)', '1.5', (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sales').getRange('A1').conditionalFormats.add('DataBar')],
    ['suspendScreenUpdatingUntilNextSync (1.9)', '1.8', (ctx: Excel.RequestContext) => ctx.workbook.application.suspendScreenUpdatingUntilNextSync()],
    ['calculationMode set (1.8)', '1.7', (ctx: Excel.RequestContext) => (ctx.workbook.application.calculationMode = 'Manual')],
    ['tabColor (1.7)', '1.6', (ctx: Excel.RequestContext) => (ctx.workbook.worksheets.getItem('Sales').tabColor = '#FF0000')],
  ])('%s fails with ApiNotFound on an older host', async (_name, version, call) => {
    sim(SALES, { apiVersion: version });
    const e = await officeError(
      Excel.run(async (ctx) => {
        call(ctx);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });
});

describe('formulas', () => {
  const COMMISSION: WorkbookSeed = {
    sheets: [
      { name: 'Quarterly Results', values: [['Q', 'Revenue'], ['Q1', 60000], ['Q2', 70000]] },
      {
        name: 'Commission',
        values: [
          ['Revenue', null, null, null, null],
          ['Tier', 'Lower', 'Upper', 'Rate', 'Amount'],
          [1, 0, 50000, 0.02, null],
          [2, 50000, 100000, 0.05, null],
          [3, 100000, null, 0.08, null],
        ],
        formulas: {
          B1: "=SUM('Quarterly Results'!B2:B3)",
          E3: '=MAX(0,MIN($B$1,C3)-B3)*D3',
          E4: '=MAX(0,MIN($B$1,C4)-B4)*D4',
          E5: '=MAX(0,$B$1-B5)*D5',
          E6: '=SUM(E3:E5)',
          E7: '=ROUND(E6-5900,2)',
          E8: '=IF(B1>=100000,"above quota","below quota")',
          E9: '=B1/0',
          E10: '=HYPERLINK("http://x","y")',
          E11: "=ISNUMBER(SEARCH(\"ab\",\"xAbc\"))",
          E12: '=SUBTOTAL(109,E3:E5)',
          E13: '=AND(B1>0,E6>0)',
        },
      },
    ],
  };

  test('evaluates the commission formulas, cross-sheet references and errors', () => {
    const s = ExcelSimulator.create(COMMISSION);
    expect(s.cell('Commission', 'B1').value).toBe(130000);
    expect(s.cell('Commission', 'E3').value).toBe(1000);
    expect(s.cell('Commission', 'E4').value).toBe(2500);
    expect(s.cell('Commission', 'E5').value).toBeCloseTo(2400, 9);
    expect(s.cell('Commission', 'E6').value).toBeCloseTo(5900, 9);
    expect(s.cell('Commission', 'E7').value).toBe(0);
    expect(s.cell('Commission', 'E8').value).toBe('above quota');
    expect(s.cell('Commission', 'E9').value).toBe('#DIV/0!');
    expect(s.cell('Commission', 'E11').value).toBe(true);
    expect(s.cell('Commission', 'E12').value).toBeCloseTo(5900, 9);
    expect(s.cell('Commission', 'E13').value).toBe(true);
  });

  test('a known function the simulator does not evaluate is parsed and left undefined', () => {
    const s = ExcelSimulator.create(COMMISSION);
    expect(s.cell('Commission', 'E10')).toMatchObject({ kind: 'formula', value: null, unevaluated: true });
  });

  test('deleting a referenced sheet turns references into #REF!', async () => {
    const s = sim(COMMISSION);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Quarterly Results').delete();
      await ctx.sync();
    });
    expect(s.cell('Commission', 'B1')).toMatchObject({ formula: '=SUM(#REF!)', value: '#REF!' });
  });

  test('formulas written while API calculation is suspended have no value until calculate() (labelled)', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem('Sales').getRange('D2').formulas = [['=C2*2']];
      await ctx.sync();
    });
    expect(s.cell('Sales', 'D2')).toMatchObject({ dirty: true, value: null });
    await Excel.run(async (ctx) => {
      ctx.workbook.application.calculate('Recalculate');
      await ctx.sync();
    });
    expect(s.cell('Sales', 'D2')).toMatchObject({ dirty: false, value: 200 });
  });
});

describe('workbook objects', () => {
  test('worksheets: add (appended last), position, visibility, activate, delete, id survives rename', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('New');
      ws.load('id, position');
      await ctx.sync();
      expect(ws.position).toBe(2);
      const id = ws.id;
      ws.name = 'Renamed';
      ws.position = 0;
      ws.activate();
      ctx.workbook.worksheets.getItem('Quarterly Results').visibility = 'Hidden';
      const again = ctx.workbook.worksheets.getItem(id).load('name, position');
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect([again.name, again.position, active.name]).toEqual(['Renamed', 0, 'Renamed']);
    });
    expect(s.dump().sheets.map((x) => [x.name, x.visibility])).toEqual([
      ['Renamed', 'Visible'],
      ['Sales', 'Visible'],
      ['Quarterly Results', 'Hidden'],
    ]);
  });

  test('custom properties: add overwrites (keys ignore case), items, getItemOrNullObject, delete', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const props = ctx.workbook.worksheets.getItem('Sales').customProperties;
      props.add('AccountDesk.owned', 'quarterly');
      props.add('accountdesk.OWNED', 'commission');
      const none = props.getItemOrNullObject('other');
      props.load('items/key, items/value');
      await ctx.sync();
      expect(props.items.map((p) => [p.key, p.value])).toEqual([['accountdesk.OWNED', 'commission']]);
      expect(none.isNullObject).toBe(true);
      props.getItem('AccountDesk.Owned').delete();
      await ctx.sync();
    });
    expect(s.dump().sheets[0]?.customProperties).toEqual({});
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').customProperties.add('k'.repeat(256), 'v');
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('workbook.settings persist JSON values', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      ctx.workbook.settings.add('AccountDesk.run', { lang: 'pl', fiscalStart: 4 });
      await ctx.sync();
      const setting = ctx.workbook.settings.getItem('AccountDesk.run').load('value');
      await ctx.sync();
      expect(setting.value).toEqual({ lang: 'pl', fiscalStart: 4 });
    });
    expect(s.dump().settings).toEqual({ 'AccountDesk.run': { lang: 'pl', fiscalStart: 4 } });
  });

  test('tables: add over values, names unique across the workbook (InvalidArgument), body and header ranges', async () => {
    const s = sim({ ...SALES, tables: [{ name: 'Revenue', sheet: 'Quarterly Results', address: 'A1:B3' }] });
    await Excel.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Sales').tables.add('A1:C3', true);
      t.style = 'TableStyleMedium2';
      const body = t.getDataBodyRange().load('address');
      const header = t.getHeaderRowRange().load('values');
      t.load('name');
      await ctx.sync();
      expect(t.name).toBe('Table2');
      expect(body.address).toBe('Sales!A2:C3');
      expect(header.values).toEqual([['Date', 'Account', 'Amount']]);
      t.name = 'revenue';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(s.dump().sheets[0]?.tables).toEqual([{ name: 'Table2', range: 'A1:C3', style: 'TableStyleMedium2', showBandedRows: true, showFilterButton: true }]);
  });

  test('tables may not overlap', async () => {
    sim({ ...SALES, tables: [{ name: 'T', sheet: 'Sales', address: 'A1:C3' }] });
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').tables.add('B2:D4', true);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('conditional formats (DataBar, CellValue, ContainsText, Custom) are recorded; a new one takes the top priority', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sales').getRange('C2:C3');
      const bar = r.conditionalFormats.add('DataBar');
      bar.dataBar.positiveFormat.fillColor = '#5B9BD5';
      bar.dataBar.positiveFormat.gradientFill = false;
      const cv = r.conditionalFormats.add('CellValue');
      cv.cellValue.rule = { formula1: '=100', operator: 'LessThan' };
      cv.cellValue.format.font.color = '#9C0006';
      const tx = ctx.workbook.worksheets.getItem('Sales').getRange('B2:B3').conditionalFormats.add('ContainsText');
      tx.textComparison.rule = { operator: 'BeginsWith', text: 'AC' };
      tx.textComparison.format.fill.color = '#C6EFCE';
      const cu = r.conditionalFormats.add('Custom');
      cu.custom.rule.formula = '=C2>200';
      await ctx.sync();
    });
    const cfs = s.dump().sheets[0]?.conditionalFormats ?? [];
    expect(cfs.map((c) => [c.type, c.priority])).toEqual([
      ['Custom', 0],
      ['ContainsText', 1],
      ['CellValue', 2],
      ['DataBar', 3],
    ]);
    expect(cfs[3]?.props).toEqual({ 'dataBar.positiveFormat.fillColor': '#5B9BD5', 'dataBar.positiveFormat.gradientFill': false });
    expect(cfs[1]?.props).toEqual({ 'textComparison.rule': { operator: 'BeginsWith', text: 'AC' }, 'textComparison.format.fill.color': '#C6EFCE' });
  });

  test('conditional format rules are validated; the wrong sub-object for a type fails', async () => {
    sim(SALES);
    for (const f of [
      (r: Excel.Range) => (r.conditionalFormats.add('CellValue').cellValue.rule = { formula1: '=1', operator: 'Bigger' as 'GreaterThan' }),
      (r: Excel.Range) => (r.conditionalFormats.add('CellValue').cellValue.rule = { formula1: '=1', operator: 'Between' }),
      (r: Excel.Range) => (r.conditionalFormats.add('DataBar').cellValue.rule = { formula1: '=1', operator: 'LessThan' }),
      (r: Excel.Range) => r.conditionalFormats.add('Sparkles' as 'DataBar'),
    ]) {
      const e = await officeError(
        Excel.run(async (ctx) => {
          f(ctx.workbook.worksheets.getItem('Sales').getRange('C2:C3'));
          await ctx.sync();
        }),
      );
      expect(e.code).toBe('InvalidArgument');
    }
  });

  test('charts: add, setPosition, series with values and categories (following sheet renames)', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Quarterly Results');
      const chart = ws.charts.add('ColumnClustered', ws.getRange('B2:B3'), 'Columns');
      chart.title.text = 'Revenue';
      chart.legend.position = 'Bottom';
      chart.axes.valueAxis.numberFormat = '#,##0';
      chart.setPosition('D2', 'J15');
      const first = chart.series.getItemAt(0);
      first.name = 'Revenue';
      first.setXAxisValues(ws.getRange('A2:A3'));
      const line = chart.series.add('Plan');
      line.setValues(ws.getRange('B2:B3'));
      line.chartType = 'Line';
      line.format.line.color = '#C00000';
      ws.name = 'Results';
      await ctx.sync();
    });
    const chart = s.dump().sheets[1]?.charts[0];
    expect(chart).toMatchObject({
      type: 'ColumnClustered',
      position: { start: 'D2', end: 'J15' },
      props: { 'title.text': 'Revenue', 'legend.position': 'Bottom', 'axes.valueAxis.numberFormat': '#,##0' },
    });
    expect(chart?.series).toEqual([
      { name: 'Revenue', chartType: undefined, values: "'Results'!B2:B3", xValues: "'Results'!A2:A3", props: {} },
      { name: 'Plan', chartType: 'Line', values: "'Results'!B2:B3", xValues: undefined, props: { 'line.color': '#C00000' } },
    ]);
  });

  test('formats, column widths, merges, frozen panes and getRanges areas are recorded', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      const header = ws.getRange('A1:C1');
      header.format.font.bold = true;
      header.format.fill.color = '#1F4E78';
      header.format.borders.getItem('EdgeBottom').style = 'Continuous';
      ws.getRange('A:A').format.columnWidth = 90;
      ws.getRange('E1:G1').merge();
      ws.freezePanes.freezeAt(ws.getRange('A1:A1'));
      ws.getRanges('A2:A3, C2:C3').format.font.italic = true;
      const check = ws.getRange('A1:C1').load('format/font/bold');
      await ctx.sync();
      expect(check.format.font.bold).toBe(true);
    });
    expect(s.cellFormat('Sales', 'B1', 'font.bold')).toBe(true);
    expect(s.cellFormat('Sales', 'C1', 'borders.EdgeBottom.style')).toBe('Continuous');
    expect(s.cellFormat('Sales', 'C3', 'font.italic')).toBe(true);
    expect(s.cellFormat('Sales', 'B3', 'font.italic')).toBeUndefined();
    const d = s.dump().sheets[0];
    expect(d?.columnWidths).toEqual({ A: 90 });
    expect(d?.merges).toEqual(['E1:G1']);
    expect(d?.freeze).toEqual({ rows: 1, cols: 1 });
  });

  test('page layout (1.9): orientation, zoom and print title rows are checked and recorded', async () => {
    const s = sim(SALES);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      ws.pageLayout.setPrintTitleRows('$1:$1');
      await ctx.sync();
    });
    expect(s.dump().sheets[0]?.pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, printTitleRows: '1:1' });
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 };
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
  });

  test('used range, getRangeByIndexes, getResizedRange, getOffsetRange, getCell, text and valueTypes', async () => {
    sim({ sheets: [{ name: 'Blank' }, { name: 'Data', values: [[], [null, 'h1', 'h2'], [null, 1.5, 45000]], numberFormats: [[], [], [null, '0.0%', 'yyyy-mm-dd']] }] });
    await Excel.run(async (ctx) => {
      const blank = ctx.workbook.worksheets.getItem('Blank').getUsedRange().load('address');
      const none = ctx.workbook.worksheets.getItem('Blank').getUsedRangeOrNullObject(true);
      const ws = ctx.workbook.worksheets.getItem('Data');
      const used = ws.getUsedRange(true).load('address, rowIndex, columnIndex, rowCount, columnCount');
      const byIdx = ws.getRangeByIndexes(1, 1, 2, 2).load('values, text, valueTypes');
      const grown = ws.getRange('B2').getResizedRange(1, 1).load('address');
      const moved = ws.getRange('B2:C3').getOffsetRange(1, 0).load('address');
      const cell = ws.getRange('B2:C3').getCell(1, 1).load('address');
      await ctx.sync();
      expect(blank.address).toBe('Blank!A1');
      expect(none.isNullObject).toBe(true);
      expect([used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual(['Data!B2:C3', 1, 1, 2, 2]);
      expect(byIdx.values).toEqual([['h1', 'h2'], [1.5, 45000]]);
      expect(byIdx.text).toEqual([['h1', 'h2'], ['150.0%', '2023-03-15']]);
      expect(byIdx.valueTypes).toEqual([['String', 'String'], ['Double', 'Integer']]);
      expect([grown.address, moved.address, cell.address]).toEqual(['Data!B2:C3', 'Data!B3:C4', 'Data!C3']);
    });
  });
});

describe('test controls', () => {
  test('failSync(n) fails exactly the n-th sync, optionally after some statements', async () => {
    const s = sim(SALES);
    s.failSync(2, { code: 'GeneralException', afterActions: 1 });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sales');
      ws.getRange('B2').values = [['one']];
      await ctx.sync();
      ws.getRange('B2').values = [['two']];
      ws.getRange('B3').values = [['three']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    });
    expect([s.cell('Sales', 'B2').value, s.cell('Sales', 'B3').value]).toEqual(['two', 'Bolt']);
    expect(s.stats.failedSyncs).toBe(1);
  });

  test('cell edit mode: syncs fail with InvalidOperationInCellEditMode unless the run waits (delayForCellEdit)', async () => {
    const s = sim(SALES);
    s.cellEditMode = true;
    const e = await officeError(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sales').getRange('B2').values = [['x']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    await Excel.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sales').getRange('B2').values = [['x']];
      await ctx.sync();
    });
    expect(s.cell('Sales', 'B2').value).toBe('x');
  });

  test('seed → dump round trip, sheet versions count changes', () => {
    const s = ExcelSimulator.create(SALES);
    const d = s.dump();
    expect(d.sheets.map((x) => x.name)).toEqual(['Sales', 'Quarterly Results']);
    expect(d.sheets[0]?.values).toEqual(SALES.sheets[0]?.values);
    expect(d.sheets[0]?.numberFormats).toEqual({ A2: 'yyyy-mm-dd', A3: 'yyyy-mm-dd', C2: '#,##0.00', C3: '#,##0.00' });
    expect(d.activeSheet).toBe('Sales');
    expect(s.sheetVersion('Sales')).toBe(0);
  });
});
