import { detectDecimalSeparator } from '../../../src/core/intake/detectDecimalSeparator';

describe('detectDecimalSeparator', () => {
  it.each([
    [['12,50'], ','],
    [['1.234,56'], ','],
    [['-1 234,56 zł', '1.234'], ','],
    [['€ 7,5', '100'], ','],
    [['12.50'], '.'],
    [['1,234.56'], '.'],
    [['1,234', '1.234'], '.'],
    [['12,50', '12.50'], '.'],
    [[12.5, 100, null], '.'],
    [['1.234.567'], '.'],
    [['1,234'], '.'],
    [[], '.'],
  ] as const)('%j → %s', (cells, expected) => {
    expect(detectDecimalSeparator(cells)).toBe(expected);
  });
});
