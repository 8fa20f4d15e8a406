import { dayNumber } from '../../../src/core/periods/dayNumber';
import { cellLength, fitColumnWidths, formattedLength, headerRowHeight, textWidth } from '../../../src/reports/build/columnWidths';
import { padded, withSuffix } from '../../../src/reports/build/formatCode';
import { formatDay } from '../../../src/reports/build/formatDay';
import { percentText } from '../../../src/reports/build/percentText';
import { numberFormat } from '../../../src/reports/formats';
import { numberCell, textCell } from '../../../src/reports/model';

const MONEY = numberFormat('money', { currency: 'EUR', language: 'en' });

describe('column widths', () => {
  it.each([
    [1234567.5, MONEY, 14], // -€1,234,567.50 with room for the sign
    [0.953, '0.0%', 6],
    [42, '#,##0', 3],
    [46000, 'yyyy-mm-dd', 10],
    [12, 'General', 2],
  ])('%d as %s takes %d characters', (value, format, length) => {
    expect(formattedLength(value, format)).toBe(length);
  });

  it('estimates text by glyph widths: narrow punctuation, wide capitals', () => {
    expect(textWidth('iiii')).toBeLessThan(textWidth('MMMM'));
    expect(textWidth('Revenue', true)).toBeGreaterThan(textWidth('Revenue'));
  });

  it('fits columns to their widest cell within bounds; free rows and titles do not count', () => {
    const rows = [
      [textCell('A very long title that spans the sheet', { style: 'title' })],
      [textCell('A note that runs on over empty cells')],
      [textCell('Manager', { style: 'header' }), textCell('Revenue', { style: 'header' })],
      [textCell('Anna'), numberCell(1234567.5, { format: MONEY })],
    ];
    const [a, b] = fitColumnWidths(rows, 2, [{ min: 6 }, { max: 15 }], new Set([1]));
    expect(a?.width).toBeLessThan(15);
    expect(b?.width).toBe(15); // capped
  });

  it('gives a header that might just fit on one line room to breathe, and lets a long one wrap', () => {
    const header = (t: string) => [[textCell(t, { style: 'header' })], [numberCell(1, { format: '0' })]];
    const short = fitColumnWidths(header('Key account'), 1)[0]?.width ?? 0;
    expect(short).toBeGreaterThanOrEqual(Math.ceil(textWidth('Key account', true) + 3));
    const long = fitColumnWidths(header('Days since last order placed by the account'), 1)[0]?.width ?? 0;
    expect(long).toBeLessThan(textWidth('Days since last order placed by the account', true));
    expect(headerRowHeight(['Days since last order placed by the account'], [{ width: long }])).toBeGreaterThanOrEqual(33);
    expect(headerRowHeight(['Revenue'], [{ width: 20 }])).toBe(18);
  });

  it('measures header cells by their longest word or half the label', () => {
    expect(cellLength(textCell('Prior year, same span', { style: 'header' }))).toBeCloseTo(textWidth('Prior year, same span', true) / 2 + 1, 5);
  });
});

describe('format codes and texts', () => {
  it('pads and suffixes every section of a format code, leaving quoted text alone', () => {
    expect(padded('0.0%')).toBe('0.0%_)');
    expect(padded('"€"#,##0.00;[Red]-"€"#,##0.00')).toBe('"€"#,##0.00_);[Red]-"€"#,##0.00_)');
    expect(withSuffix('#,##0.00 "a;b";[Red]-#,##0.00', '*')).toBe('#,##0.00 "a;b""*";[Red]-#,##0.00"*"');
  });

  it('writes days with the catalog date format', () => {
    expect(formatDay(dayNumber(2026, 3, 1), 'dd.mm.yyyy')).toBe('01.03.2026');
    expect(formatDay(dayNumber(2026, 3, 1), 'yyyy-mm-dd')).toBe('2026-03-01');
  });

  it('writes exact percentages without float noise, as each language does', () => {
    expect(percentText({ digits: 115n, scale: 2 }, 'en')).toBe('115%');
    expect(percentText({ digits: 1125n, scale: 3 }, 'pl')).toBe('112,5\u00A0%');
  });
});
