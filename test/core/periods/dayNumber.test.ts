import { dayNumber, ymd, isoDate, isValidYmd } from '../../../src/core/periods/dayNumber';

describe('dayNumber', () => {
  it.each([
    [1900, 1, 1, 1],
    [1900, 2, 28, 59],
    [1900, 3, 1, 61],
    [2000, 1, 1, 36526],
    [2025, 1, 1, 45658],
    [2028, 2, 29, 46812],
  ])('%i-%i-%i is serial %i', (y, m, d, serial) => {
    expect(dayNumber(y, m, d)).toBe(serial);
    expect(ymd(serial)).toEqual({ y, m, d });
  });

  it('maps serial 60 to the phantom 1900-02-29 for display', () => {
    expect(isoDate(60)).toBe('1900-02-29');
    expect(isValidYmd(1900, 2, 29)).toBe(false);
  });

  it('round-trips every day from 1900 to 2100', () => {
    for (let s = 1; s < 73051; s++) {
      if (s === 60) continue;
      const { y, m, d } = ymd(s);
      if (!isValidYmd(y, m, d) || dayNumber(y, m, d) !== s) throw new Error(`serial ${s} did not round-trip`);
    }
  });
});
