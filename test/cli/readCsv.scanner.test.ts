import fc from 'fast-check';
import Papa from 'papaparse';
import { InputError } from '../../src/cli/inputError';
import { readCsvBytes, readCsvText } from '../../src/cli/readCsv';
import { scanCsv } from '../../src/cli/csv/scanCsv';
import type { Grid } from '../../src/core/intake/cellValue';
import { textRow } from '../../src/core/intake/textTable';

/**
 * The CSV scanner behind readCsvText/readCsvBytes: the dialect cases one by one, both
 * presentations of a grid (plain arrays below the columnar threshold, a text table above it)
 * holding the same cells, and parity with papaparse (the reader it replaced) on generated CSVs.
 */

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Both presentations of the same text: columnar (a text table with lazy rows) and plain arrays. */
const both = (text: string): [Grid, Grid] => [
  readCsvText(text, 'x.csv', { columnarFromRows: 0 }),
  readCsvText(text, 'x.csv', { columnarFromRows: Number.POSITIVE_INFINITY }),
];
const rowsOf = (text: string): string[][] => {
  const [columnar, plain] = both(text);
  expect(columnar.text).toBeDefined();
  expect(plain.text).toBeUndefined();
  const fromTable = Array.from(columnar.rows, (r) => Array.from(r as string[]));
  expect(fromTable).toEqual(plain.rows);
  expect(columnar.rows.length).toBe(plain.rows.length);
  return plain.rows as string[][];
};

describe('scanCsv and readCsvText', () => {
  it.each<[string, string, string[][]]>([
    ['plain fields', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['no final newline', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['CR only (old Mac)', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['mixed line breaks, each ending a record', 'a,b\r\n1,2\n3,4\r5,6', [['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]],
    ['a BOM', '\ufeffa,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a BOM-like character later in a field is kept', 'a,b\n\ufeff1,2\n', [['a', 'b'], ['\ufeff1', '2']]],
    ['quoted fields', '"a","b"\n"1,5","x"\n', [['a', 'b'], ['1,5', 'x']]],
    ['escaped quotes', 'a,b\n"say ""hi""",2\n', [['a', 'b'], ['say "hi"', '2']]],
    ['a field that is only a quote', 'a,b\n"""",2\n', [['a', 'b'], ['"', '2']]],
    ['an empty quoted field', 'a,b\n"",2\n', [['a', 'b'], ['', '2']]],
    ['quoted newlines (LF and CRLF) inside one record', 'a,b\n"x\ny",1\n"p\r\nq",2\n', [['a', 'b'], ['x\ny', '1'], ['p\r\nq', '2']]],
    ['a quote inside an unquoted field is a character', 'a,b\n5" disk,2\n', [['a', 'b'], ['5" disk', '2']]],
    ['spaces before a quote make it a character', 'a,b\n "x",2\n', [['a', 'b'], [' "x"', '2']]],
    ['spaces after a closing quote are dropped', 'a,b\n"x"  ,2\n"y"\t\n', [['a', 'b'], ['x', '2'], ['y']]],
    ['a no-break space after a closing quote', 'a,b\n"x"\u00a0,2\n', [['a', 'b'], ['x', '2']]],
    ['empty lines stay rows', 'a,b\n\n1,2\n\n', [['a', 'b'], [''], ['1', '2'], ['']]],
    ['blank lines with CRLF', 'a,b\r\n\r\n1,2\r\n', [['a', 'b'], [''], ['1', '2']]],
    ['ragged rows', 'a,b,c\n1\n1,2,3,4\n', [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]],
    ['empty fields', 'a,,c\n,,\n', [['a', '', 'c'], ['', '', '']]],
    ['a trailing delimiter', 'a,b,\n1,2,\n', [['a', 'b', ''], ['1', '2', '']]],
    ['semicolons', 'Datum;Betrag\n31.03.2026;"1.234,56"\n', [['Datum', 'Betrag'], ['31.03.2026', '1.234,56']]],
    ['tabs', 'a\tb\n1,5\t2\n', [['a', 'b'], ['1,5', '2']]],
    ['non-ASCII text', 'Kunde;Betrag\nMüller GmbH;5\nŁódź;€ 7\n', [['Kunde', 'Betrag'], ['Müller GmbH', '5'], ['Łódź', '€ 7']]],
    ['a last record of one quoted empty field (not a row, as before)', 'a\n""', [['a']]],
    ['an empty file', '', []],
    ['a lone newline', '\n', [['']]],
  ])('reads %s', (_name, text, rows) => {
    expect(rowsOf(text)).toEqual(rows);
  });

  it('numbers records from 1 and keeps the file name as the sheet', () => {
    const [columnar, plain] = both('account,note\n"Acme\nEast",x\nBeta,y\n');
    for (const g of [columnar, plain]) {
      expect(g.firstRow).toBe(1);
      expect(g.sheet).toBe('x.csv');
      expect(g.rows[2]).toEqual(['Beta', 'y']);
    }
  });

  it('reads bytes as UTF-8, with invalid sequences as U+FFFD like Buffer.toString', () => {
    const bytes = Uint8Array.of(0x61, 0x2c, 0x62, 0x0a, 0xff, 0x41, 0x2c, 0xc3, 0x0a);
    const grid = readCsvBytes(bytes, 'x.csv', { columnarFromRows: 0 });
    const expected = Buffer.from(bytes).toString('utf8').split('\n').slice(0, 2).map((l) => l.split(','));
    expect(Array.from(grid.rows)).toEqual(expected);
  });

  it('decodes only the header line to choose the delimiter, however long the file', () => {
    const text = 'a;b\n' + '1,5;2\n'.repeat(50_000);
    const grid = readCsvText(text, 'x.csv');
    expect(grid.text).toBeDefined();
    expect(grid.rows[1]).toEqual(['1,5', '2']);
  });

  it('finds the header line after blank lines and a long first line', () => {
    const long = 'x'.repeat(100_000);
    expect(readCsvText(`\n\n${long};b\n1;2\n`, 'x.csv').rows[2]).toEqual([long, 'b']);
  });

  it.each([
    ['an unterminated quote', 'a,b\n"1,2\n', /^bad\.csv: row 2: Quoted field unterminated\.$/],
    ['text after a closing quote', 'a,b\n1,2\n"3"x,4\n', /^bad\.csv: row 3: Trailing quote on quoted field is malformed\.$/],
    ['a quote after a quoted newline', 'a,b\n"1\n2"x,4\n', /^bad\.csv: row 2: Trailing quote on quoted field is malformed\.$/],
  ])('reports %s with the file and the record number', (_name, text, message) => {
    expect(() => readCsvText(text, 'bad.csv')).toThrow(InputError);
    expect(() => readCsvText(text, 'bad.csv')).toThrow(message);
  });

  it('gives the same row numbers in errors as papaparse did', () => {
    for (const text of ['a,b\n"1,2\n', 'a,b\n1,2\n"3"x,4\n', 'h\n\n\n"x"y\n']) {
      const papa = Papa.parse<string[]>(text, { delimiter: ',' }).errors.find((e) => e.type === 'Quotes');
      const scan = scanCsv(encode(text), ',');
      expect(scan.ok).toBe(false);
      if (!scan.ok) {
        expect(scan.error.record).toBe(papa?.row);
        expect(scan.error.message).toBe(papa?.message);
      }
    }
  });

  it('keeps the rows of a text table lazy: reading one row does not read the others', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(20_000) + '"x""y",3\n';
    const grid = readCsvText(text, 'x.csv');
    expect(grid.text).toBeDefined();
    expect(grid.rows.length).toBe(20_002);
    expect(grid.rows[20_001]).toEqual(['x"y', '3']);
    expect(textRow(grid.text!, 0)).toEqual(['a', 'b']);
    expect(Object.keys(grid.rows).length).toBe(20_002);
    expect(() => {
      (grid.rows as unknown as string[][])[0] = ['changed'];
    }).toThrow(TypeError);
  });
});

// ---- parity with papaparse on well-formed files ------------------------------------------

const fieldArb = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9 .\-/€ü]{0,8}$/) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '1,234.56', '1.234,56', 'a;b', 'tab\there', 'say "hi"', 'x\ny', 'p\r\nq', '"', '""') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** CSV text of rows: quoted when needed (or at random), quotes doubled. */
function toCsv(rows: string[][], delimiter: string, newline: string, quoteAll: boolean, finalNewline: boolean): string {
  const needsQuotes = (f: string) => quoteAll || f.includes(delimiter) || f.includes('"') || f.includes('\n') || f.includes('\r') || f.startsWith(' ');
  const line = (r: string[]) => r.map((f) => (needsQuotes(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(delimiter);
  return rows.map(line).join(newline) + (finalNewline ? newline : '');
}

describe('parity with papaparse', () => {
  it('reads generated well-formed files exactly as papaparse did', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        (delimiter, newline, quoteAll, finalNewline, rows) => {
          // A header line papaparse and our detection agree on: the delimiter occurs in it most.
          const header = ['h1', 'h2', 'h3'];
          const text = toCsv([header, ...rows], delimiter, newline, quoteAll, finalNewline);
          // papaparse (what readCsvText used before), with its final-empty-record rule.
          const papa = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
          const last = papa[papa.length - 1];
          if (papa.length > 0 && last !== undefined && last.length === 1 && last[0] === '') papa.pop();
          // Line breaks inside fields are always quoted here; unquoted ones of another style are
          // where the two differ on purpose (see the mixed line breaks case above).
          expect(rowsOf(text)).toEqual(papa);
        },
      ),
      { numRuns: 400 },
    );
  });
});
