import { intake, parseFxTable, type CellValue, type Grid } from '../../../src/core/intake';

const grid = (rows: CellValue[][], sheet = 'FX Rates'): Grid => ({ sheet, firstRow: 1, rows });
const text = (d: { digits: bigint; scale: number } | undefined) => (d === undefined ? undefined : `${d.digits}e-${d.scale}`);

describe('parseFxTable', () => {
  it.each([
    [['Currency', 'Rate']],
    [['Moneda', 'Tipo de cambio']],
    [['Divisa', 'Tasa de cambio']],
    [['Waluta', 'Kurs']],
    [['Währung', 'Wechselkurs']],
    [['CCY', 'Exchange Rate']],
  ])('reads headers %p', (header) => {
    const r = parseFxTable(grid([header, ['PLN', 0.2345], ['usd', '0.9']]));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect([...r.rates.keys()]).toEqual(['PLN', 'USD']);
      expect(r.rates.get('PLN')).toEqual({ digits: 2345n, scale: 4 });
      expect(r.rates.get('USD')).toEqual({ digits: 9n, scale: 1 });
      expect(r.issues).toEqual([]);
    }
  });

  it('reads rates exactly: numbers as Excel shows them, text as plain decimals', () => {
    const r = parseFxTable(grid([['Rate', 'Currency'], [0.1 + 0.2, 'GBP'], ['4.2850', 'PLN'], ['1.5E-3', 'JPY'], [160, 'CNY']]));
    expect(r.ok && [...r.rates].map(([c, d]) => [c, text(d)])).toEqual([
      ['GBP', '3e-1'],
      ['PLN', '4285e-3'],
      ['JPY', '15e-4'],
      ['CNY', '160e-0'],
    ]);
  });

  it('reads rates with a decimal comma when told to', () => {
    const r = parseFxTable(grid([['Waluta', 'Kurs'], ['EUR', '4,2850']]), { decimal: ',' });
    expect(r.ok && r.rates.get('EUR')).toEqual({ digits: 4285n, scale: 3 });
  });

  it('skips a title row and blank lines, and turns bad lines into issues', () => {
    const r = parseFxTable(
      grid([
        ['Exchange rates to EUR, March 2026'],
        ['Currency', 'Rate'],
        ['PLN', 0.2345],
        [],
        [null, ''],
        ['Zloty', 0.23],
        ['', 0.5],
        ['USD', 'abc'],
        ['GBP', '1,17'],
        ['CHF', 0],
        ['SEK', -0.09],
        ['NOK', { error: '#N/A' }],
        ['DKK', null],
        ['PLN', 0.2345],
        ['PLN', 0.25],
        [{ error: '#REF!' }, 1],
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // A lone comma in a rate can only be the decimal point (rates have no thousands separators).
    expect([...r.rates.keys()]).toEqual(['PLN', 'GBP']);
    expect(r.rates.get('GBP')).toEqual({ digits: 117n, scale: 2 });
    expect(r.headerRow).toBe(2);
    expect(r.issues).toEqual([
      { code: 'currency.invalid', sheet: 'FX Rates', row: 6, column: 'Currency', value: 'Zloty', reason: 'not a three-letter currency code such as EUR, USD or PLN', message: { key: 'currency.invalid', params: {} } },
      { code: 'fx.currencyMissing', sheet: 'FX Rates', row: 7, column: 'Currency', value: '', reason: 'the currency is missing', message: expect.objectContaining({ key: expect.any(String) }) },
      { code: 'fx.rateInvalid', sheet: 'FX Rates', row: 8, column: 'Rate', value: 'abc', reason: 'not a number', message: expect.objectContaining({ key: expect.any(String) }) },
      { code: 'fx.rateInvalid', sheet: 'FX Rates', row: 10, column: 'Rate', value: '0', reason: 'an exchange rate must be greater than zero', message: expect.objectContaining({ key: expect.any(String) }) },
      { code: 'fx.rateInvalid', sheet: 'FX Rates', row: 11, column: 'Rate', value: '-0.09', reason: 'an exchange rate must be greater than zero', message: expect.objectContaining({ key: expect.any(String) }) },
      { code: 'cell.error', sheet: 'FX Rates', row: 12, column: 'Rate', value: '#N/A', reason: 'the cell holds the Excel error #N/A', message: expect.objectContaining({ key: expect.any(String) }) },
      { code: 'fx.rateInvalid', sheet: 'FX Rates', row: 13, column: 'Rate', value: '', reason: 'the rate is missing', message: expect.objectContaining({ key: expect.any(String) }) },
      { code: 'fx.duplicate', sheet: 'FX Rates', row: 15, column: 'Rate', value: '0.25', reason: 'a second, different rate for PLN; the first one (row 3) is used', message: { key: 'fx.duplicate', params: { currency: 'PLN', row: 3 } } },
      { code: 'cell.error', sheet: 'FX Rates', row: 16, column: 'Currency', value: '#REF!', reason: 'the cell holds the Excel error #REF!', message: expect.objectContaining({ key: expect.any(String) }) },
    ]);
  });

  it('fails like transactions when a header is missing', () => {
    expect(parseFxTable(grid([['Currency', 'Value'], ['PLN', 1]]))).toMatchObject({
      ok: false,
      code: 'header.missing',
      field: 'rate',
      message: 'Missing required column "rate". Headers found: Currency, Value.',
    });
  });

  it('feeds intake', () => {
    const fx = parseFxTable(grid([['Currency', 'Rate'], ['PLN', '0.25']]));
    if (!fx.ok) throw new Error(fx.message);
    const r = intake(
      { sheet: 'Sales', firstRow: 1, rows: [['Date', 'Customer', 'Owner', 'Amount', 'Currency'], ['2026-01-01', 'A', 'M', 10, 'PLN']] },
      { currency: 'EUR', fx: fx.rates },
    );
    expect(r.ok && Array.from(r.transactions.amount)).toEqual([250]);
  });
});
