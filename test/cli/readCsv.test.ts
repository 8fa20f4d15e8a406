import { readCsvText } from '../../src/cli/readCsv';
import { InputError } from '../../src/cli/inputError';

describe('readCsvText', () => {
  it.each([
    ['comma', 'a,b\n1,2\n'],
    ['semicolon', 'a;b\n1;2\n'],
    ['tab', 'a\tb\n1\t2\n'],
    ['BOM and CRLF', '\ufeffa,b\r\n1,2\r\n'],
    ['no final newline', 'a,b\n1,2'],
  ])('detects the %s layout', (_name, text) => {
    expect(readCsvText(text, 'x.csv').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps decimal commas inside semicolon files', () => {
    expect(readCsvText('Datum;Betrag\n31.03.2026;"1.234,56"\n', 'x.csv').rows[1]).toEqual(['31.03.2026', '1.234,56']);
  });

  it('keeps quoted newlines inside one record and numbers records from 1', () => {
    const g = readCsvText('account,note\n"Acme\nEast",x\nBeta,y\n', 'x.csv');
    expect(g.firstRow).toBe(1);
    expect(g.sheet).toBe('x.csv');
    expect(g.rows).toEqual([
      ['account', 'note'],
      ['Acme\nEast', 'x'],
      ['Beta', 'y'],
    ]);
  });

  it('keeps blank lines as rows so row numbers stay true', () => {
    expect(readCsvText('a,b\n\n1,2\n', 'x.csv').rows).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('reports an unterminated quote with its row', () => {
    expect(() => readCsvText('a,b\n"1,2\n', 'bad.csv')).toThrow(InputError);
    expect(() => readCsvText('a,b\n"1,2\n', 'bad.csv')).toThrow(/^bad\.csv: row \d+/);
  });
});
