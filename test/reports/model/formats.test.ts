import { currencySymbol, isDateFormat, numberFormat, type FormatKind, type ReportLanguage } from '../../../src/reports/formats';

describe('numberFormat', () => {
  test.each<[string | undefined, ReportLanguage, string]>([
    ['EUR', 'en', '"€"#,##0.00;[Red]-"€"#,##0.00'],
    ['EUR', 'de', '#,##0.00 "€";[Red]-#,##0.00 "€"'],
    ['EUR', 'es', '#,##0.00 "€";[Red]-#,##0.00 "€"'],
    ['PLN', 'pl', '#,##0.00 "zł";[Red]-#,##0.00 "zł"'],
    ['PLN', 'en', '"zł"#,##0.00;[Red]-"zł"#,##0.00'],
    ['USD', 'en', '"$"#,##0.00;[Red]-"$"#,##0.00'],
    ['usd', 'de', '#,##0.00 "$";[Red]-#,##0.00 "$"'],
    ['JPY', 'en', '"¥"#,##0;[Red]-"¥"#,##0'],
    ['SEK', 'en', '"kr"#,##0.00;[Red]-"kr"#,##0.00'],
    ['XYZ', 'en', '"XYZ"#,##0.00;[Red]-"XYZ"#,##0.00'],
    [undefined, 'en', '#,##0.00;[Red]-#,##0.00'],
  ])('money in %s for %s', (currency, language, expected) => {
    expect(numberFormat('money', { currency, language })).toBe(expected);
  });

  test.each<[FormatKind, string]>([
    ['general', 'General'],
    ['text', '@'],
    ['moneyWhole', '"€"#,##0;[Red]-"€"#,##0'],
    ['integer', '#,##0'],
    ['decimal', '#,##0.00'],
    ['percent', '0.0%'],
    ['percentChange', '+0.0%;-0.0%;0.0%'],
    ['rate', '0.00%'],
    ['ratio', '0.00'],
    ['date', 'yyyy-mm-dd'],
  ])('%s', (kind, expected) => {
    expect(numberFormat(kind, { currency: 'EUR', language: 'en' })).toBe(expected);
  });

  test('stored codes are the same for every language except the money symbol position', () => {
    for (const kind of ['integer', 'decimal', 'percent', 'percentChange', 'rate', 'ratio', 'date'] as const) {
      const codes = new Set((['en', 'de', 'es', 'pl'] as const).map((language) => numberFormat(kind, { currency: 'EUR', language })));
      expect(codes.size).toBe(1);
    }
  });

  test('symbols', () => {
    expect(currencySymbol('eur')).toBe('€');
    expect(currencySymbol('CHF')).toBe('CHF');
    expect(currencySymbol('BRL')).toBe('BRL');
  });

  test.each([
    ['yyyy-mm-dd', true],
    ['dd.mm.yyyy hh:mm', true],
    ['"€"#,##0.00', false],
    ['0.0%', false],
    ['General', false],
    ['[Red]#,##0', false],
    ['"days"0', false],
  ])('isDateFormat(%j) = %p', (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});
