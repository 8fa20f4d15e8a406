import { isFormulaLike, mustBeText } from '../../../src/reports/safeText';

describe('isFormulaLike (OWASP CSV-injection triggers)', () => {
  test.each([
    ['=HYPERLINK("http://x","y")', true],
    ['+48 22 123', true],
    ['@SUM(A1)', true],
    ['-1+2', true],
    ['=1+1', true],
    ['\t=1+1', true],
    ['\r=1+1', true],
    ['\n=1+1', true],
    ['\tplain', true], // tab and CR are triggers of their own
    [' =2+3', true],
    ['\u00A0\u3000+1', true],
    ['＝1+1', true], // full-width forms
    ['＋1', true],
    ['－1', true],
    ['＠A1', true],
    ['ACME GmbH', false],
    ['Müller & Söhne', false],
    ['a=b', false],
    ['Kunde-1', false],
    ['', false],
    ['   ', false],
  ])('%j → %p', (text, expected) => {
    expect(isFormulaLike(text)).toBe(expected);
  });
});

describe('mustBeText (would otherwise be converted when typed / written through Office.js values)', () => {
  test.each([
    ['=SUM(A1)', true],
    ['00123', true],
    ['1,234.56', true],
    ['12%', true],
    ['(5)', true],
    ['€ 100', true],
    ['1E5', true],
    ['1/2', true],
    ['31.03.2026', true],
    ['2026-03-31', true],
    ['12:30', true],
    ['TRUE', true],
    ['false', true],
    ['#N/A', true],
    ['2026', true],
    ['2026-Q1', false],
    ['FY2027-Q3', false],
    ['Q1 2026', false],
    ['ACME 2000', false],
    ['Kunde 7', false],
    ['A', false],
    ['', false],
  ])('%j → %p', (text, expected) => {
    expect(mustBeText(text)).toBe(expected);
  });
});
