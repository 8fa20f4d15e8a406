import { centsFromDigits, shiftDecimalPoint } from '../../../src/core/money';

describe('centsFromDigits', () => {
  it.each([
    [false, '1', '005', 101],
    [true, '0', '005', -1],
    [false, '', '5', 50],
    [false, '1234', '', 123400],
    [false, '0001234', '5', 123450],
    [false, '0', '0049999', 0],
    [false, '0', '995', 100],
    [true, '0', '0', 0],
    [false, '12345678901234', '56', 1234567890123456],
    [false, '90071992547409', '91', 9007199254740991],
  ])('%p %p.%p → %p', (negative, int, frac, cents) => {
    expect(centsFromDigits(negative, int, frac)).toBe(cents);
  });

  it('refuses amounts beyond 2^53 − 1 cents', () => {
    expect(centsFromDigits(false, '90071992547409', '92')).toBeNull();
    expect(centsFromDigits(true, '1' + '0'.repeat(30), '')).toBeNull();
  });
});

describe('shiftDecimalPoint', () => {
  it.each([
    ['1', '5', 3, ['1500', '']],
    ['1', '5', -3, ['', '0015']],
    ['12', '34', 1, ['123', '4']],
    ['1', '', -7, ['', '0']],
    ['0', '0', 500, ['0', '']],
    ['000001', '', 19, ['10000000000000000000', '']],
    ['000001', '', 20, null],
  ] as const)('%p.%p e%p → %p', (int, frac, exp, expected) => {
    expect(shiftDecimalPoint(int, frac, exp)).toEqual(expected);
  });

  it('refuses more than 20 integer digits', () => {
    expect(shiftDecimalPoint('1', '', 21)).toBeNull();
  });
});
