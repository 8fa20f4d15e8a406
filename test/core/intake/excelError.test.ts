import { EXCEL_ERROR_LITERALS, excelErrorOf, parseAmount, parseCurrency, parseDate, parseText, type CellValue } from '../../../src/core/intake';

describe('Excel errors', () => {
  it.each(EXCEL_ERROR_LITERALS)('%s is an error in every parser, as a cell and as text', (literal) => {
    const reason = `the cell holds the Excel error ${literal}`;
    for (const cell of [{ error: literal }, literal, ` ${literal.toLowerCase()} `]) {
      expect(excelErrorOf(cell)).toBe(literal);
      expect(parseDate(cell, 'DMY')).toEqual({ ok: false, code: 'cell.error', reason, message: { key: 'cell.excelError', params: { error: expect.any(String) } } });
      expect(parseAmount(cell, '.')).toEqual({ ok: false, code: 'cell.error', reason, message: { key: 'cell.excelError', params: { error: expect.any(String) } } });
      expect(parseText(cell, 'account')).toEqual({ ok: false, code: 'cell.error', reason, message: { key: 'cell.excelError', params: { error: expect.any(String) } } });
      expect(parseCurrency(cell)).toEqual({ ok: false, code: 'cell.error', reason, message: { key: 'cell.excelError', params: { error: expect.any(String) } } });
    }
  });

  it('includes the literals the brief lists', () => {
    expect(EXCEL_ERROR_LITERALS).toEqual(
      expect.arrayContaining(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']),
    );
  });

  it.each<CellValue>(['#', '#N/A!', 'N/A', '#hashtag', 0, null, true])('%p is no error', (cell) => {
    expect(excelErrorOf(cell)).toBeNull();
  });
});
