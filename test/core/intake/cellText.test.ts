import { cellText, isBlankCell, type CellValue } from '../../../src/core/intake';

describe('isBlankCell and cellText', () => {
  it.each<[CellValue, boolean]>([
    [null, true], [undefined, true], ['', true], ['   ', true], ['\u00a0\u202f\u2009\t', true],
    [0, false], [false, false], ['0', false], [' x ', false], [{ error: '#N/A' }, false], [new Date(0), false],
  ])('isBlankCell(%p) = %p', (cell, blank) => {
    expect(isBlankCell(cell)).toBe(blank);
  });

  it.each<[CellValue, string]>([
    [null, ''], [undefined, ''], ['  x ', '  x '], [12.5, '12.5'], [true, 'TRUE'], [false, 'FALSE'],
    [new Date(Date.UTC(2026, 2, 31)), '2026-03-31'], [new Date(Date.UTC(2026, 2, 31, 10)), '2026-03-31T10:00:00.000Z'],
    [new Date(NaN), 'Invalid Date'], [{ error: '#DIV/0!' }, '#DIV/0!'],
  ])('cellText(%p) = %p', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});
