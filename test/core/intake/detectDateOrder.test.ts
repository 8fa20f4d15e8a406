import { detectDateOrder, isDayFirstEvidence, type CellValue } from '../../../src/core/intake';

describe('detectDateOrder', () => {
  it.each<[CellValue[], 'DMY' | 'MDY']>([
    [['01/02/2026', '13/02/2026'], 'DMY'],
    [['01/02/2026', '12/31/2026'], 'MDY'],
    [['31/12/2026'], 'DMY'],
    [['12/31/2026'], 'MDY'],
    [[' 25/1/2026 10:00'], 'DMY'],
    [['31.12.2026', '01/02/2026'], 'MDY'], // dots are always day first and carry no evidence
    [['31-12-2026'], 'MDY'],
    [['2026/12/31'], 'MDY'], // year first
    [[46112, new Date(0), null, '2026-03-31'], 'MDY'],
    [[], 'MDY'],
  ])('%p → %p', (cells, order) => {
    expect(detectDateOrder(cells)).toBe(order);
  });

  it('isDayFirstEvidence looks only at slash dates with a first part above 12', () => {
    expect(isDayFirstEvidence('13/01/2026')).toBe(true);
    expect(isDayFirstEvidence('12/01/2026')).toBe(false);
    expect(isDayFirstEvidence('13.01.2026')).toBe(false);
    expect(isDayFirstEvidence(13)).toBe(false);
  });
});
