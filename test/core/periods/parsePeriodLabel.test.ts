import { parsePeriodLabel } from '../../../src/core/periods/parsePeriodLabel';

const quarter = (fiscalYear: number, q: number) => ({ kind: 'quarter', fiscalYear, quarter: q });
const year = (fiscalYear: number) => ({ kind: 'year', fiscalYear });

describe('parsePeriodLabel', () => {
  it.each<[string | number, object]>([
    ['2026-Q1', quarter(2026, 1)],
    ['2026 Q1', quarter(2026, 1)],
    ['2026Q1', quarter(2026, 1)],
    ['2026/Q2', quarter(2026, 2)],
    ['Q1 2026', quarter(2026, 1)],
    ['q1-2026', quarter(2026, 1)],
    ['Q4/2026', quarter(2026, 4)],
    ['1Q 2026', quarter(2026, 1)],
    ['FY2027-Q3', quarter(2027, 3)],
    ['FY2027 Q3', quarter(2027, 3)],
    ['fy 2027 q3', quarter(2027, 3)],
    ['Q3 FY2027', quarter(2027, 3)],
    ['FY27-Q3', quarter(2027, 3)],
    ["FY'27 Q3", quarter(2027, 3)],
    ['T2 2026', quarter(2026, 2)],
    ['K3 2026', quarter(2026, 3)],
    ['GJ2027 Q1', quarter(2027, 1)],
    ['2026', year(2026)],
    [' FY2027 ', year(2027)],
    ['FY 2027', year(2027)],
    ['FY27', year(2027)],
    [2026, year(2026)],
  ])('%p', (text, expected) => {
    expect(parsePeriodLabel(text, 1)).toEqual(expected);
  });

  it.each<[string | number]>([['2026-Q5'], ['Q0 2026'], ['26'], ['26-Q1'], ['H1 2026'], ['2026-03'], [''], ['abc'], [2026.5], [45658], ['Q1'], ['2026-Q1-Q2']])(
    'rejects %p',
    (text) => {
      expect(parsePeriodLabel(text, 1)).toBeNull();
    },
  );

  it('reads a year number as the fiscal year it names, with or without FY (M = 4)', () => {
    expect(parsePeriodLabel('2026-Q1', 4)).toEqual(quarter(2026, 1));
    expect(parsePeriodLabel('FY2026-Q1', 4)).toEqual(quarter(2026, 1));
    expect(parsePeriodLabel('2027', 4)).toEqual(year(2027));
  });
});
