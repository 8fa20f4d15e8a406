import { parseCurrency, type CellValue } from '../../../src/core/intake';

describe('parseCurrency', () => {
  it.each<[CellValue, string | null]>([
    ['EUR', 'EUR'],
    [' pln ', 'PLN'],
    ['usd', 'USD'],
    ['€', 'EUR'],
    ['$', 'USD'],
    ['US$', 'USD'],
    ['£', 'GBP'],
    ['zł', 'PLN'],
    ['ZŁ', 'PLN'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%p → %p', (cell, code) => {
    expect(parseCurrency(cell)).toEqual({ ok: true, value: code });
  });

  it.each<[CellValue, string]>([
    ['Euro', 'currency.invalid'],
    ['EU', 'currency.invalid'],
    ['E U R', 'currency.invalid'],
    ['12€', 'currency.invalid'],
    ['ÄÖÜ', 'currency.invalid'],
    [978, 'currency.invalid'],
    [true, 'currency.invalid'],
    [new Date(0), 'currency.invalid'],
    ['#N/A', 'cell.error'],
    [{ error: '#REF!' }, 'cell.error'],
  ])('refuses %p (%p)', (cell, code) => {
    expect(parseCurrency(cell)).toMatchObject({ ok: false, code });
  });
});
