import { parseQuotaAmount } from '../../../src/core/quotas/parseQuotaAmount';
import { normalizeLabel } from '../../../src/core/quotas/normalizeLabel';

describe('parseQuotaAmount', () => {
  it.each<[unknown, number | null]>([
    [250000, 25_000_000],
    [1234.56, 123_456],
    [0.1 + 0.2, 30],
    [1.005, 101],
    ['1,234.56', 123_456],
    ['1.234,56', 123_456],
    ['€ 1.234,56', 123_456],
    ['-1 234,56 zł', -123_456],
    ["1'234.56", 123_456],
    ['(1,234.56)', -123_456],
    ['1,000', 100_000],
    ['1.000.000', 100_000_000],
    ['1234,5', 123_450],
    ['100 000 EUR', 10_000_000],
    ['1000.005', 100_001],
    ['-0.005', -1],
    ['12-', -1200],
    ['', null],
    ['abc', null],
    ['1.2.3,4,5', null],
    [null, null],
    [true, null],
  ])('%p → %p cents', (value, cents) => {
    expect(parseQuotaAmount(value as never)).toBe(cents);
  });

  it('lets the configured separator decide `1.000`', () => {
    expect(parseQuotaAmount('1.000')).toBe(100);
    expect(parseQuotaAmount('1.000', ',')).toBe(100_000);
    expect(parseQuotaAmount('1,000', ',')).toBe(100);
  });
});

describe('normalizeLabel', () => {
  it.each([
    ['  Kwartał ', 'kwartal'],
    ['Período', 'periodo'],
    ['MENEDŻER   KONTA', 'menedzer konta'],
    ['Quota (EUR)', 'quota'],
    ['Geschäftsjahr', 'geschaftsjahr'],
    ['Año', 'ano'],
  ])('%p → %p', (a, b) => expect(normalizeLabel(a)).toBe(b));
});
