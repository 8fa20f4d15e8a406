import { numberText, parseText, type CellValue } from '../../../src/core/intake';

describe('parseText', () => {
  it.each<[CellValue, string | null]>([
    ['Acme', 'Acme'],
    ['  Acme GmbH  ', 'Acme GmbH'],
    ['\u00a0Acme\u00a0', 'Acme'],
    ['Mu\u0308ller', 'M\u00fcller'], // decomposed (macOS) → composed, so it is one name
    [1001, '1001'],
    [1234.5, '1234.5'],
    [0.1 + 0.2, '0.3'],
    [-0, '0'],
    [1e21, '1e+21'],
    [new Date(Date.UTC(2026, 2, 31)), '2026-03-31'],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('%p → %p', (cell, text) => {
    expect(parseText(cell, 'account')).toEqual({ ok: true, value: text });
  });

  it.each<[CellValue, string, string]>([
    [true, 'manager.invalid', 'TRUE is a logical value, not a name'],
    [NaN, 'manager.invalid', 'not a finite number'],
    [new Date(NaN), 'manager.invalid', 'the cell holds an invalid date'],
    [{ error: '#N/A' }, 'cell.error', 'the cell holds the Excel error #N/A'],
    ['#NAME?', 'cell.error', 'the cell holds the Excel error #NAME?'],
    [' #null! ', 'cell.error', 'the cell holds the Excel error #NULL!'],
  ])('refuses %p', (cell, code, reason) => {
    expect(parseText(cell, 'manager')).toEqual({ ok: false, code, reason, message: expect.objectContaining({ key: expect.any(String) }) });
  });

  it('keeps text that only starts with #', () => {
    expect(parseText('#1 Customer', 'account')).toEqual({ ok: true, value: '#1 Customer' });
  });

  it('numberText shows what Excel shows', () => {
    expect(numberText(123456789012345.67)).toBe('123456789012346');
    expect(numberText(12)).toBe('12');
  });
});
