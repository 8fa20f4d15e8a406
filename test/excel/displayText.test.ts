/**
 * The simulator's `Range.text` (labelled assumption 19 of its README): number formats as Excel
 * displays them, including the layout codes `_x` (a space as wide as `x`) and `*x` (fill).
 */
import { displayText } from '../support/excelSimulator/objects';

describe('simulated Range.text', () => {
  test.each([
    // [value, format, text]
    [1234.5, 'General', '1234.5'],
    [1234.5, '#,##0.00', '1,234.50'],
    [0.256, '0.0%', '25.6%'],
    [1234, '#,##0_);(#,##0)', '1,234 '],
    [-1234, '#,##0_);(#,##0)', '(1,234)'],
    [-1234.5, '#,##0.00_);[Red](#,##0.00)', '(1,234.50)'],
    [1234.5, '_-* #,##0.00_-;-* #,##0.00_-', ' 1,234.50 '],
    // `* ` fills with spaces up to the column width: not modelled, so dropped.
    [-1234.5, '_-* #,##0.00_-;-* #,##0.00_-', '-1,234.50 '],
    [1234.5, '_("€"* #,##0.00_)', ' €1,234.50 '],
    [1234.5, '#,##0.00 "EUR"', '1,234.50 EUR'],
    [1234, '\\$#,##0', '$1,234'],
    [42, '*-0', '42'],
    [45292, 'yyyy-mm-dd', '2024-01-01'],
    ['text', '#,##0', 'text'],
    [true, 'General', 'TRUE'],
    [null, '#,##0', ''],
  ] as const)('%p in %p shows %p', (value, format, text) => {
    expect(displayText(value, format)).toBe(text);
  });

  test('the padding of `_)` never changes the digits: the decimals are those of the number codes', () => {
    expect(displayText(2.5, '0_.')).toBe('3 ');
    expect(displayText(2.5, '0.0_)')).toBe('2.5 ');
  });
});
