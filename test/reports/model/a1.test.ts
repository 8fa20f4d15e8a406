import { a1, columnIndex, columnLetters, parseA1, parseRangeA1, quoteSheetName, rangeA1, rangesOverlap, sheetRangeRef } from '../../../src/reports/a1';

describe('column letters', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%i ↔ %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  test('round trip over every column', () => {
    for (let c = 0; c <= 16383; c++) expect(columnIndex(columnLetters(c))).toBe(c);
  });

  test.each([-1, 16384, 1.5, NaN])('rejects column %p', (c) => {
    expect(() => columnLetters(c)).toThrow(RangeError);
  });

  test('rejects columns beyond XFD', () => {
    expect(() => columnIndex('XFE')).toThrow(RangeError);
    expect(() => columnIndex('A1')).toThrow(RangeError);
  });
});

describe('addresses and ranges', () => {
  test.each([
    [0, 0, false, 'A1'],
    [2, 1, false, 'B3'],
    [2, 1, true, '$B$3'],
    [1048575, 16383, true, '$XFD$1048576'],
  ])('a1(%i, %i, %p) = %s', (row, col, abs, expected) => {
    expect(a1(row, col, abs)).toBe(expected);
    expect(parseA1(expected)).toEqual({ row, col });
  });

  test('ranges', () => {
    expect(rangeA1({ row: 1, col: 1, rowCount: 8, colCount: 1 }, true)).toBe('$B$2:$B$9');
    expect(rangeA1({ row: 1, col: 1, rowCount: 1, colCount: 1 })).toBe('B2');
    expect(rangeA1({ row: 0, col: 0, rowCount: 3, colCount: 5 })).toBe('A1:E3');
    expect(parseRangeA1('B2:C9')).toEqual({ row: 1, col: 1, rowCount: 8, colCount: 2 });
    expect(parseRangeA1('C9:B2')).toEqual({ row: 1, col: 1, rowCount: 8, colCount: 2 });
    expect(parseRangeA1('$D$4')).toEqual({ row: 3, col: 3, rowCount: 1, colCount: 1 });
    expect(() => rangeA1({ row: 0, col: 0, rowCount: 0, colCount: 1 })).toThrow(RangeError);
    expect(() => parseA1('A0')).toThrow(RangeError);
    expect(() => parseRangeA1('A1:B2:C3')).toThrow(RangeError);
  });

  test('overlap', () => {
    const a = { row: 0, col: 0, rowCount: 2, colCount: 2 };
    expect(rangesOverlap(a, { row: 1, col: 1, rowCount: 1, colCount: 1 })).toBe(true);
    expect(rangesOverlap(a, { row: 2, col: 0, rowCount: 1, colCount: 1 })).toBe(false);
    expect(rangesOverlap(a, { row: 0, col: 2, rowCount: 5, colCount: 1 })).toBe(false);
  });
});

describe('sheet-qualified references', () => {
  test.each([
    ['Data', 'Data'],
    ['Sheet_1.a', 'Sheet_1.a'],
    ['Quarterly Results', "'Quarterly Results'"],
    ["O'Brien", "'O''Brien'"],
    ['A1', "'A1'"],
    ['XFD100', "'XFD100'"],
    ['R1C1', "'R1C1'"],
    ['R', "'R'"],
    ['C', "'C'"],
    ['TRUE', "'TRUE'"],
    ['2026', "'2026'"],
    ['Umsätze', "'Umsätze'"],
    ['Wyniki-kwartalne', "'Wyniki-kwartalne'"],
  ])('quoteSheetName(%j) = %s', (name, expected) => {
    expect(quoteSheetName(name)).toBe(expected);
  });

  test('the chart-series form', () => {
    expect(sheetRangeRef('Quarterly Results', { row: 1, col: 1, rowCount: 8, colCount: 1 })).toBe("'Quarterly Results'!$B$2:$B$9");
    expect(sheetRangeRef('Data', { row: 0, col: 0, rowCount: 1, colCount: 1 })).toBe('Data!$A$1');
  });
});
