import fc from 'fast-check';
import {
  booleanCell,
  columnWidthPoints,
  dateCell,
  effectiveFormat,
  emptyCell,
  formulaCell,
  legalTableName,
  numberCell,
  reportStyles,
  resolveSheetTokens,
  sheetToken,
  sheetTokenKeys,
  sheetWidth,
  styleRectangles,
  textCell,
  uniqueTableName,
  validateModel,
  type Cell,
  type ReportModel,
  type ReportSheet,
  type StyleName,
} from '../../../src/reports/model';
import { sampleModel } from './sampleModel';

describe('the ReportModel is plain data', () => {
  test('JSON round trip gives the same model', () => {
    const m = sampleModel();
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  test('the sample model is valid', () => {
    expect(validateModel(sampleModel())).toEqual([]);
  });
});

describe('cell constructors', () => {
  test('text: formula-like and number-like texts are marked asText', () => {
    expect(textCell('ACME')).toEqual({ kind: 'text', text: 'ACME' });
    expect(textCell('=HYPERLINK("http://x","y")')).toEqual({ kind: 'text', text: '=HYPERLINK("http://x","y")', asText: true });
    expect(textCell('00123', { style: 'muted' })).toEqual({ kind: 'text', text: '00123', asText: true, style: 'muted' });
  });

  test('absent options stay absent', () => {
    expect(numberCell(1, { style: undefined, format: undefined })).toEqual({ kind: 'number', value: 1 });
    expect(Object.keys(numberCell(1, {}))).toEqual(['kind', 'value']);
  });

  test('numbers must be finite; -0 becomes 0', () => {
    expect(() => numberCell(NaN)).toThrow(RangeError);
    expect(() => numberCell(Infinity)).toThrow(RangeError);
    expect(Object.is(numberCell(-0).value, 0)).toBe(true);
  });

  test('dates are positive integer day numbers', () => {
    expect(dateCell(46295)).toEqual({ kind: 'date', day: 46295 });
    expect(() => dateCell(1.5)).toThrow(RangeError);
    expect(() => dateCell(0)).toThrow(RangeError);
  });

  test('formulas start with = and carry a finite cached value', () => {
    expect(formulaCell('=1+1', 2, { format: '0' })).toEqual({ kind: 'formula', formula: '=1+1', cached: 2, format: '0' });
    expect(() => formulaCell('1+1', 2)).toThrow(RangeError);
    expect(() => formulaCell('=1/0', Infinity)).toThrow(RangeError);
    expect(formulaCell('=A1="x"', false).cached).toBe(false);
  });

  test('boolean and empty', () => {
    expect(booleanCell(true)).toEqual({ kind: 'boolean', value: true });
    expect(emptyCell({ style: 'total' })).toEqual({ kind: 'empty', style: 'total' });
  });
});

describe('effectiveFormat', () => {
  test.each<[Cell | null, string]>([
    [null, 'General'],
    [numberCell(1), 'General'],
    [numberCell(1, { format: '0.0%' }), '0.0%'],
    [dateCell(46000), 'yyyy-mm-dd'],
    [dateCell(46000, { format: 'dd.mm.yyyy' }), 'dd.mm.yyyy'],
    [textCell('plain'), 'General'],
    [textCell('+48 22 123'), '@'],
    // A builder that forgot the flag is still safe.
    [{ kind: 'text', text: '=1+1', format: '0.00' }, '@'],
  ])('%j → %s', (cell, expected) => {
    expect(effectiveFormat(cell)).toBe(expected);
  });
});

describe('sheet tokens', () => {
  test('resolve to quoted final names', () => {
    const f = `=${sheetToken('quarterly')}!$B$9+${sheetToken('commission')}!A1`;
    expect(sheetTokenKeys(f)).toEqual(['quarterly', 'commission']);
    const names: Record<string, string> = { quarterly: 'Quarterly Results (2)', commission: 'Provision' };
    expect(resolveSheetTokens(f, (k) => names[k] ?? '')).toBe("='Quarterly Results (2)'!$B$9+Provision!A1");
    expect(() => sheetToken('bad key')).toThrow(RangeError);
  });
});

describe('table names', () => {
  test.each([
    ['AccountStatus', 'AccountStatus'],
    ['Account Status 2026', 'Account_Status_2026'],
    ['Kundenübersicht', 'Kundenübersicht'],
    ['Estado-de-cuentas', 'Estado_de_cuentas'],
    ['2026 Accounts', '_2026_Accounts'],
    ['A1', 'A1_'],
    ['R1C1', 'R1C1_'],
    ['C', 'C_'],
  ])('legalTableName(%j) = %s', (wanted, expected) => {
    expect(legalTableName(wanted)).toBe(expected);
  });

  test('unique ignoring case', () => {
    expect(uniqueTableName('Accounts', ['ACCOUNTS'])).toBe('Accounts_2');
    expect(uniqueTableName('Accounts', ['accounts', 'Accounts_2'])).toBe('Accounts_3');
    expect(uniqueTableName('Accounts', [])).toBe('Accounts');
  });
});

describe('validateModel finds builder bugs', () => {
  const base = (sheet: Partial<ReportSheet>): ReportModel => ({
    version: 1,
    language: 'en',
    styles: reportStyles,
    sheets: [{ key: 's', name: 'S', columns: [], rows: [], ...sheet }],
  });
  const header = [textCell('A', { style: 'header' }), textCell('B', { style: 'header' })];

  test.each<[string, ReportModel, RegExp]>([
    ['illegal sheet name', base({ name: 'a/b' }), /illegal sheet name/],
    ['duplicate keys', { ...base({}), sheets: [...base({}).sheets, ...base({ name: 'T' }).sheets] }, /duplicate sheet key/],
    ['duplicate names, ignoring case', { ...base({}), sheets: [...base({}).sheets, { key: 't', name: 's', columns: [], rows: [] }] }, /duplicate sheet name/],
    ['unflagged formula-like text', base({ rows: [[{ kind: 'text', text: '@SUM(A1)' }]] }), /asText/],
    ['non-finite number', base({ rows: [[{ kind: 'number', value: NaN }]] }), /non-finite/],
    ['formula without =', base({ rows: [[{ kind: 'formula', formula: 'SUM(A1)', cached: 0 }]] }), /start with '='/],
    ['unknown sheet token', base({ rows: [[formulaCell(`=${sheetToken('nope')}!A1`, 0)]] }), /unknown sheet key nope/],
    ['unknown style', base({ rows: [[{ kind: 'number', value: 1, style: 'fancy' as StyleName }]] }), /unknown style fancy/],
    ['value under a merge', base({ rows: [[textCell('T'), textCell('x')]], merges: [{ row: 0, col: 0, rowCount: 1, colCount: 2 }] }), /only its top-left cell/],
    ['overlapping merges', base({ merges: [{ row: 0, col: 0, rowCount: 1, colCount: 2 }, { row: 0, col: 1, rowCount: 2, colCount: 1 }] }), /overlap/],
    ['one-cell merge', base({ merges: [{ row: 0, col: 0, rowCount: 1, colCount: 1 }] }), /single cell/],
    ['table without data row', base({ rows: [header], tables: [{ name: 'T', range: { row: 0, col: 0, rowCount: 1, colCount: 2 }, style: 'TableStyleMedium2', showRowStripes: true, autoFilter: true }] }), /at least one data row/],
    ['table with a number header', base({ rows: [[textCell('A'), numberCell(1)], [numberCell(1), numberCell(2)]], tables: [{ name: 'T', range: { row: 0, col: 0, rowCount: 2, colCount: 2 }, style: 'TableStyleMedium2', showRowStripes: true, autoFilter: true }] }), /must be non-empty text/],
    ['table with duplicate headers', base({ rows: [[textCell('A'), textCell('a')], [numberCell(1), numberCell(2)]], tables: [{ name: 'T', range: { row: 0, col: 0, rowCount: 2, colCount: 2 }, style: 'TableStyleMedium2', showRowStripes: true, autoFilter: true }] }), /duplicate header/],
    ['illegal table name', base({ rows: [header, [numberCell(1), numberCell(2)]], tables: [{ name: 'My Table', range: { row: 0, col: 0, rowCount: 2, colCount: 2 }, style: 'TableStyleMedium2', showRowStripes: true, autoFilter: true }] }), /not a legal Excel name/],
    ['between with one formula', base({ conditionalFormats: [{ kind: 'cellValue', range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, operator: 'between', formulas: ['1'], style: 'good' }] }), /needs 2 formula/],
    ['CF formula with =', base({ conditionalFormats: [{ kind: 'cellValue', range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, operator: 'equal', formulas: ['=1'], style: 'good' }] }), /without the leading =/],
    ['data bar colour', base({ conditionalFormats: [{ kind: 'dataBar', range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, color: 'blue', gradient: false }] }), /#RRGGBB/],
    ['empty range', base({ conditionalFormats: [{ kind: 'dataBar', range: { row: 0, col: 0, rowCount: 0, colCount: 1 }, color: '#000000', gradient: false }] }), /invalid range/],
    [
      'chart series lengths differ',
      base({ charts: [{ type: 'line', title: 'x', legend: 'none', anchor: { row: 0, col: 0 }, size: { cols: 4, rows: 4 }, series: [{ name: 'a', categories: { sheet: 's', range: { row: 0, col: 0, rowCount: 3, colCount: 1 } }, values: { sheet: 's', range: { row: 0, col: 1, rowCount: 2, colCount: 1 } } }] }] }),
      /2 values for 3 categories/,
    ],
    [
      'chart on an unknown sheet',
      base({ charts: [{ type: 'line', title: 'x', legend: 'none', anchor: { row: 0, col: 0 }, size: { cols: 4, rows: 4 }, series: [{ name: 'a', categories: { sheet: 'q', range: { row: 0, col: 0, rowCount: 2, colCount: 1 } }, values: { sheet: 's', range: { row: 0, col: 1, rowCount: 2, colCount: 1 } } }] }] }),
      /unknown sheet key q/,
    ],
    [
      'combo series without type',
      base({ charts: [{ type: 'combo', title: 'x', legend: 'none', anchor: { row: 0, col: 0 }, size: { cols: 4, rows: 4 }, series: [{ name: 'a', categories: { sheet: 's', range: { row: 0, col: 0, rowCount: 2, colCount: 1 } }, values: { sheet: 's', range: { row: 0, col: 1, rowCount: 2, colCount: 1 } } }] }] }),
      /needs a type/,
    ],
    [
      'two-dimensional series',
      base({ charts: [{ type: 'line', title: 'x', legend: 'none', anchor: { row: 0, col: 0 }, size: { cols: 4, rows: 4 }, series: [{ name: 'a', categories: { sheet: 's', range: { row: 0, col: 0, rowCount: 2, colCount: 2 } }, values: { sheet: 's', range: { row: 0, col: 1, rowCount: 4, colCount: 1 } } }] }] }),
      /one row or one column/,
    ],
    ['frozen panes', base({ freeze: { rows: -1, cols: 0 } }), /frozen panes/],
    ['column width', base({ columns: [{ width: 300 }] }), /width 300/],
  ])('%s', (_what, model, problem) => {
    expect(validateModel(model).join('\n')).toMatch(problem);
  });

  test('table names are unique across sheets', () => {
    const rows = [[textCell('A')], [numberCell(1)]];
    const table = { name: 'Accounts', range: { row: 0, col: 0, rowCount: 2, colCount: 1 }, style: 'TableStyleMedium2', showRowStripes: true, autoFilter: true };
    const m: ReportModel = {
      version: 1,
      language: 'en',
      styles: reportStyles,
      sheets: [
        { key: 'a', name: 'A', columns: [], rows, tables: [table] },
        { key: 'b', name: 'B', columns: [], rows, tables: [{ ...table, name: 'ACCOUNTS' }] },
      ],
    };
    expect(validateModel(m)).toEqual(['b: table name ACCOUNTS used twice']);
  });
});

describe('styleRectangles (for Office.js range formatting)', () => {
  test('groups runs and stacks identical runs', () => {
    const h = (s: StyleName | undefined): Cell => (s === undefined ? numberCell(1) : numberCell(1, { style: s }));
    const sheet = {
      rows: [
        [h('header'), h('header'), h('header')],
        [h(undefined), h('good'), h('good')],
        [h(undefined), h('good'), h('good')],
        [h('total'), h('total'), null],
        [],
        [h('good')],
      ],
    };
    expect(styleRectangles(sheet)).toEqual([
      { style: 'header', ranges: [{ row: 0, col: 0, rowCount: 1, colCount: 3 }] },
      { style: 'good', ranges: [{ row: 1, col: 1, rowCount: 2, colCount: 2 }, { row: 5, col: 0, rowCount: 1, colCount: 1 }] },
      { style: 'total', ranges: [{ row: 3, col: 0, rowCount: 1, colCount: 2 }] },
    ]);
  });

  test('property: rectangles of a style cover exactly its cells, without overlap', () => {
    const styles: (StyleName | undefined)[] = [undefined, 'good', 'bad', 'header'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }), { maxLength: 8 }), (grid) => {
        const rows = grid.map((r) => r.map((i) => (styles[i] === undefined ? null : emptyCell({ style: styles[i] }))));
        const covered = new Map<string, StyleName>();
        for (const { style, ranges } of styleRectangles({ rows })) {
          for (const g of ranges) {
            for (let r = g.row; r < g.row + g.rowCount; r++) {
              for (let c = g.col; c < g.col + g.colCount; c++) {
                expect(covered.has(`${r},${c}`)).toBe(false);
                covered.set(`${r},${c}`, style);
              }
            }
          }
        }
        const expected = new Map<string, StyleName>();
        rows.forEach((r, ri) => r.forEach((cell, ci) => cell?.style !== undefined && expected.set(`${ri},${ci}`, cell.style)));
        expect(covered).toEqual(expected);
      }),
    );
  });
});

describe('small helpers', () => {
  test('columnWidthPoints matches Excel for Calibri 11', () => {
    expect(columnWidthPoints(9.140625)).toBe(48); // Excel's default column: 64 px
    expect(columnWidthPoints(14)).toBe(73.5); // 98 px
    expect(columnWidthPoints(0)).toBe(0);
  });

  test('sheetWidth is the longest row', () => {
    expect(sheetWidth({ rows: [[null], [], [null, null, null]] })).toBe(3);
    expect(sheetWidth(sampleModel().sheets[2] ?? { rows: [] })).toBe(9);
  });
});
