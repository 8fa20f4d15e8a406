import {
  assignColumn,
  detectMapping,
  emptyMapping,
  mappingOverrides,
  missingRequired,
  type FieldMapping,
} from '../../../src/taskpane/mapping/fieldMapping';

const headers = ['Datum', 'Kunde', 'Kundenbetreuer', 'Betrag', 'Währung', '', 'Comment'];

describe('detectMapping', () => {
  it('maps headers in any of the four languages and leaves the rest unmapped', () => {
    expect(detectMapping(headers)).toEqual({
      date: { column: 0, header: 'Datum' },
      account: { column: 1, header: 'Kunde' },
      manager: { column: 2, header: 'Kundenbetreuer' },
      amount: { column: 3, header: 'Betrag' },
      currency: { column: 4, header: 'Währung' },
      product: undefined,
      id: undefined,
    });
  });

  it('never fails, also with no header at all', () => {
    expect(detectMapping([])).toEqual(emptyMapping());
  });
});

describe('assignColumn', () => {
  const m = detectMapping(headers);

  it.each<[string, Parameters<typeof assignColumn>[2], number | undefined, Partial<FieldMapping>]>([
    ['an optional field to a free column', 'product', 6, { product: { column: 6, header: 'Comment' } }],
    ['a column taken by another field: it moves', 'product', 1, { product: { column: 1, header: 'Kunde' }, account: undefined }],
    ['a field to nothing', 'currency', undefined, { currency: undefined }],
    ['a column out of range: nothing', 'date', 99, { date: undefined }],
    ['the same column again: no change', 'date', 0, {}],
  ])('%s', (_name, field, column, changed) => {
    expect(assignColumn(m, headers, field, column)).toEqual({ ...m, ...changed });
  });

  it('does not change the mapping it is given', () => {
    const before = JSON.stringify(m);
    assignColumn(m, headers, 'amount', 1);
    expect(JSON.stringify(m)).toBe(before);
  });
});

describe('missingRequired', () => {
  it.each<[string, string[], string[]]>([
    ['all four found', ['Date', 'Customer', 'Owner', 'Amount'], []],
    ['manager and amount missing', ['Date', 'Customer', 'Rep Name', 'Total Due'], ['manager', 'amount']],
    ['nothing found', ['x', 'y'], ['date', 'account', 'manager', 'amount']],
  ])('%s', (_name, h, missing) => {
    expect(missingRequired(detectMapping(h))).toEqual(missing);
  });
});

describe('mappingOverrides', () => {
  it('names the header of every mapped field, as the CLI --map does', () => {
    expect(mappingOverrides(detectMapping(headers))).toEqual({
      date: 'Datum',
      account: 'Kunde',
      manager: 'Kundenbetreuer',
      amount: 'Betrag',
      currency: 'Währung',
    });
  });
});
