import { parseAmount, DASH_REASON, type CellValue, type DecimalSeparator } from '../../../src/core/intake';

describe('parseAmount: numbers', () => {
  it.each([
    [1234.56, 123456],
    [-1234.56, -123456],
    [0, 0],
    [0.1 + 0.2, 30],
    [1.005, 101],
    [-1.005, -101],
    [0.005, 1],
    [-0.005, -1],
    [0.004999, 0],
    [1e6, 100000000],
    [123456789.125, 12345678913],
  ])('%p → %p cents', (n, cents) => {
    expect(parseAmount(n, '.')).toEqual({ ok: true, value: cents });
  });

  it.each([
    [NaN, 'amount.unparseable'],
    [Infinity, 'amount.unparseable'],
    [1e20, 'amount.tooLarge'],
  ])('refuses %p (%p)', (n, code) => {
    expect(parseAmount(n, '.')).toMatchObject({ ok: false, code });
  });
});

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const THIN = '\u2009';

describe('parseAmount: text', () => {
  it.each<[string, DecimalSeparator, number]>([
    // the SPEC's examples, under the default decimal separator and under ','
    ['1,234.56', '.', 123456],
    ['1,234.56', ',', 123456],
    ['1.234,56', '.', 123456],
    ['1.234,56', ',', 123456],
    ['€ 1.234,56', '.', 123456],
    ['€ 1.234,56', ',', 123456],
    ['-1 234,56 zł', '.', -123456],
    ['-1 234,56 zł', ',', -123456],
    ["1'234.56", '.', 123456],
    ["1'234,56", '.', 123456],
    ['1\u2019234.56', '.', 123456],
    ['(1,234.56)', '.', -123456],
    ['(1.234,56)', ',', -123456],
    // one separator: the configured decimal decides
    ['1.234', ',', 123400],
    ['1.234', '.', 123],
    ['1,234', '.', 123400],
    ['1,234', ',', 123],
    ['1,5', ',', 150],
    ['1.5', '.', 150],
    // a separator that occurs twice can only group thousands
    ['1.234.567', '.', 123456700],
    ['1,234,567', ',', 123456700],
    ['1.234.567,89', '.', 123456789],
    ['1,234,567.89', ',', 123456789],
    // space-like thousands separators
    ['1 234,56', ',', 123456],
    [`1${NBSP}234,56`, ',', 123456],
    [`1${NNBSP}234,56`, ',', 123456],
    [`1${THIN}234,56`, ',', 123456],
    [`1${NBSP}234${NBSP}567`, '.', 123456700],
    [`1 234.56`, '.', 123456],
    [`1 234`, '.', 123400],
    // signs and currency affixes
    ['-1234.56', '.', -123456],
    ['+1234.56', '.', 123456],
    ['1234.56-', '.', -123456],
    ['\u22121234.56', '.', -123456],
    ['1234.56\u2212', '.', -123456],
    ['- 1234.56', '.', -123456],
    ['$1,234.56', '.', 123456],
    ['-$1,234.56', '.', -123456],
    ['$-1,234.56', '.', -123456],
    ['($1,234.56)', '.', -123456],
    ['USD 1,234.56', '.', 123456],
    ['1,234.56 USD', '.', 123456],
    ['1.234,56 €', ',', 123456],
    ['1.234,56 EUR-', ',', -123456],
    ['£12.50', '.', 1250],
    ['CHF 1\'234.50', '.', 123450],
    ['Fr. 1\'234.50', '.', 123450],
    ['12,50 zł.', ',', 1250],
    ['PLN 12,50', ',', 1250],
    ['100 kr', '.', 10000],
    ['¥1,000', '.', 100000],
    ['R$ 1.234,56', '.', 123456],
    ['Rs.1,234.50', '.', 123450],
    // digits: rounding half away from zero beyond two decimals
    ['1.005', '.', 101],
    ['-1.005', '.', -101],
    ['0.005', '.', 1],
    ['-0.005', '.', -1],
    ['0.0049999', '.', 0],
    ['2.675', '.', 268],
    ['1.999', '.', 200],
    ['1,005', ',', 101],
    ['.5', '.', 50],
    [',5', ',', 50],
    ['5.', '.', 500],
    ['0', '.', 0],
    ['-0', '.', 0],
    ['-0.001', '.', 0],
    ['007', '.', 700],
    ['  42  ', '.', 4200],
    // scientific notation
    ['1.5E+3', '.', 150000],
    ['1.5e3', '.', 150000],
    ['-2E-2', '.', -2],
    ['1,5E+3', ',', 150000],
    ['5E-3', '.', 1],
    ['1E-9', '.', 0],
    // large but exact
    ['90,071,992,547,409.91', '.', 9007199254740991],
  ])('%p (decimal %p) → %p cents', (text, decimal, cents) => {
    const r = parseAmount(text, decimal);
    expect(r).toEqual({ ok: true, value: cents });
    if (r.ok) expect(Object.is(r.value, -0)).toBe(false);
  });

  it.each<[string, DecimalSeparator, string, RegExp]>([
    ['-', '.', 'amount.dash', /^a dash is not an amount$/],
    ['—', '.', 'amount.dash', /^a dash is not an amount$/],
    ['–', '.', 'amount.dash', /^a dash is not an amount$/],
    ['\u2212', '.', 'amount.dash', /^a dash is not an amount$/],
    [' - ', '.', 'amount.dash', /^a dash is not an amount$/],
    ['- -', '.', 'amount.dash', /^a dash is not an amount$/],
    ['', '.', 'amount.missing', /^the amount is missing$/],
    ['   ', '.', 'amount.missing', /^the amount is missing$/],
    [`${NBSP}${NNBSP}`, '.', 'amount.missing', /^the amount is missing$/],
    ['abc', '.', 'amount.unparseable', /^not a number$/],
    ['EUR', '.', 'amount.unparseable', /^not a number$/],
    ['n/a', '.', 'amount.unparseable', /^not a number$/],
    ['12abc34', '.', 'amount.unparseable', /^not a number$/],
    ['1 2 3 abc', '.', 'amount.grouping', /three digits/],
    ['12.34.56,78,9', '.', 'amount.separators', /occurs more than once/],
    ['1,23,4', '.', 'amount.grouping', /three digits/],
    ['1.23.4', ',', 'amount.grouping', /three digits/],
    ['12,34', '.', 'amount.grouping', /if "," is the decimal separator here, set the decimal separator to ","/],
    ['1,5', '.', 'amount.grouping', /three digits/],
    ['1.5', ',', 'amount.grouping', /if "\." is the decimal separator here/],
    ['1,2345.6', '.', 'amount.grouping', /three digits/],
    ['1234,567.8', '.', 'amount.grouping', /three digits/],
    ['1 23', '.', 'amount.grouping', /three digits/],
    ["1 234'567", '.', 'amount.separators', /mixed/],
    ['1 234.567,8', '.', 'amount.separators', /too many kinds/],
    ['1 234.567.8', '.', 'amount.separators', /too many kinds/],
    ['1.234,5 6', ',', 'amount.separators', /too many kinds/],
    ['1,234.5 6', '.', 'amount.separators', /too many kinds/],
    ['12.5%', '.', 'amount.unparseable', /^a percentage is not an amount$/],
    ['--5', '.', 'amount.sign', /more than one sign/],
    ['-(5)', '.', 'amount.sign', /more than one sign/],
    ['-5-', '.', 'amount.sign', /more than one sign/],
    ['+-5', '.', 'amount.sign', /more than one sign/],
    ['(5', '.', 'amount.unparseable', /parentheses/],
    ['5)', '.', 'amount.unparseable', /parentheses/],
    ['((5))', '.', 'amount.unparseable', /parentheses/],
    ['()', '.', 'amount.unparseable', /^not a number$/],
    ['1.5k', '.', 'amount.scaleSuffix', /scale/],
    ['2 Mio.', ',', 'amount.scaleSuffix', /scale/],
    ['3 mln zł', ',', 'amount.scaleSuffix', /scale/],
    ['$5M', '.', 'amount.scaleSuffix', /scale/],
    ['5 M€', '.', 'amount.scaleSuffix', /scale/],
    ['50¢', '.', 'amount.scaleSuffix', /scale/],
    ['1.', ',', 'amount.grouping', /three digits/],
    ['.', '.', 'amount.unparseable', /^not a number$/],
    [',', '.', 'amount.grouping', /three digits/],
    ['1e', '.', 'amount.unparseable', /^not a number$/],
    ['5 E', '.', 'amount.unparseable', /^not a number$/],
    ['1.5E+30', '.', 'amount.tooLarge', /too large/],
    ['1,5E+3', '.', 'amount.unparseable', /^not a number$/],
    ['E5', '.', 'amount.unparseable', /^not a number$/],
    ['1e5e5', '.', 'amount.unparseable', /^not a number$/],
    ['123456789012345678', '.', 'amount.tooLarge', /too large/],
    ['#N/A', '.', 'cell.error', /^the cell holds the Excel error #N\/A$/],
    ['#DIV/0!', '.', 'cell.error', /^the cell holds the Excel error #DIV\/0!$/],
    ['#1', '.', 'amount.unparseable', /^not a number$/],
    ['1\u20132', '.', 'amount.unparseable', /^not a number$/],
    ['١٢٣', '.', 'amount.unparseable', /^not a number$/],
  ])('refuses %p (decimal %p): %p', (text, decimal, code, reason) => {
    const r = parseAmount(text, decimal);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('documents the dash choice', () => {
    expect(DASH_REASON).toBe('a dash is not an amount');
  });
});

describe('parseAmount: other cells', () => {
  it.each<[CellValue, string, string]>([
    [null, 'amount.missing', 'the amount is missing'],
    [undefined, 'amount.missing', 'the amount is missing'],
    [true, 'amount.unparseable', 'TRUE is a logical value, not an amount'],
    [false, 'amount.unparseable', 'FALSE is a logical value, not an amount'],
    [new Date(Date.UTC(2026, 0, 1)), 'amount.unparseable', 'a date is not an amount'],
    [{ error: '#VALUE!' }, 'cell.error', 'the cell holds the Excel error #VALUE!'],
    [{ error: '#SPILL!' }, 'cell.error', 'the cell holds the Excel error #SPILL!'],
  ])('%p → %p', (cell, code, reason) => {
    expect(parseAmount(cell, '.')).toEqual({ ok: false, code, reason, message: expect.objectContaining({ key: expect.any(String) }) });
  });
});
