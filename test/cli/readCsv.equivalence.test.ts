import fc from 'fast-check';
import { readCsvText } from '../../src/cli/readCsv';
import type { Grid } from '../../src/core/intake/cellValue';
import { detectColumnDecimalSeparator } from '../../src/core/intake/detectDecimalSeparator';
import { detectHeader } from '../../src/core/intake/detectHeader';
import { intake, type IntakeOptions, type IntakeOutcome } from '../../src/core/intake/intake';
import { TRANSACTION_HEADERS } from '../../src/core/intake/transactionHeaders';
import type { FxTable } from '../../src/core/intake/parseFxTable';

/**
 * Equivalence: intake reading a CSV's text table directly (the fast path: fields parsed from the
 * bytes, names looked up by their bytes) gives exactly what the general path gives on the same
 * cells as arrays of strings — transactions, names and their order, -0, counts, every issue
 * with its row, column, value and reason — on generated messy files.
 */

const FX: FxTable = new Map([['PLN', { digits: 2345n, scale: 4 }]]);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Dates in the shapes the fast path reads, near misses it must decline, and others. */
const dateArb = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 1890, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })) .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1899, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom('.', '/', '-')).map(([y, m, d, s]) => `${pad(d)}${s}${pad(m)}${s}${y}`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1999, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('/', '.')).map(([y, m, d, s]) => `${y}${s}${pad(m)}${s}${pad(d)}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 2000, max: 2030 })).map(([a, b, y]) => `${a}/${b}/${y}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', ' ', '2026-03-31 ', ' 2026-03-31', '2026-03-31T10:00', '31 Mar 2026', '45748', '2026', '26-03-31', '#N/A', 'abc', '1900-02-29', '1900-01-01', '1900-03-01', '9999-12-31', '2024-02-29', '2023-02-29', '00/00/0000', '13/13/2026', '2026-3-5', '２０２６-03-31'),
  },
);

/** Amounts the fast path reads (plain digits, a leading minus, one decimal separator) and everything else. */
const amountArb = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('.', ',')).map(([neg, n, scale, sep]) => {
    const digits = n.toString();
    const text = scale === 0 ? digits : `${digits.slice(0, -scale) || '0'}${sep}${digits.slice(-scale).padStart(scale, '0')}`;
    return (neg ? '-' : '') + text;
  }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('', ' ', '-', '-0', '0', '00012.5', '5.', '.5', '-.5', '1,234.56', '1.234,56', '1.234', '1,234', '1 234,56', '(12.00)', '12-', '€ 1.5', '1.5 EUR', '1e3', '12%', '#VALUE!', '--5', '+5', '1.2.3', '99999999999999', '123456789012345.67', ' 7', '7 '),
  },
);

const nameArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 30 }).map((n) => `Account ${pad(n, 3)}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', ' ', ' Acme ', 'Acme', 'acme', 'Müller', 'Mu\u0308ller', '#N/A', '#n/a ', 'Say "hi"', 'A, B', 'Line\nbreak', 'Łódź', '1001', ' #x', '\u00a0Acme'),
  },
);
const managerArb = fc.oneof(fc.constantFrom('Ann', 'Bob', 'Cy', 'ann'), nameArb);
const currencyArb = fc.constantFrom('', 'EUR', 'eur', ' PLN ', 'PLN', '€', 'zł', 'USD', 'Euro', '#N/A', 'EU');
const productArb = fc.constantFrom('', 'Licence', 'Support', ' Support', '#REF!', 'Services');
const idArb = fc.oneof(fc.integer({ min: 1, max: 99999 }).map((n) => `INV-${n}`), fc.constantFrom('', ' ', '#N/A', ' 42', 'x'));

interface Layout {
  readonly columns: readonly ('date' | 'account' | 'manager' | 'amount' | 'currency' | 'product' | 'id' | 'note')[];
  readonly headers: Record<string, string>;
}
const layoutArb: fc.Arbitrary<Layout> = fc.constantFrom<Layout>(
  { columns: ['date', 'account', 'manager', 'amount'], headers: { date: 'date', account: 'account', manager: 'manager', amount: 'amount' } },
  {
    columns: ['id', 'date', 'account', 'manager', 'product', 'amount', 'currency', 'note'],
    headers: { id: 'Invoice', date: 'Invoice Date', account: 'Customer', manager: 'Sales Rep', product: 'Product', amount: 'Amount', currency: 'Currency', note: 'Notes' },
  },
  { columns: ['amount', 'manager', 'account', 'date'], headers: { date: 'Datum', account: 'Kunde', manager: 'Kundenbetreuer', amount: 'Betrag' } },
);

type RowSpec = { readonly kind: 'data'; readonly cells: Record<string, string>; readonly drop: number } | { readonly kind: 'blank'; readonly text: string };

const rowArb: fc.Arbitrary<RowSpec> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .record({ date: dateArb, account: nameArb, manager: managerArb, amount: amountArb, currency: currencyArb, product: productArb, id: idArb, note: fc.constantFrom('', 'x', 'a,b') })
      .chain((cells) => fc.record({ kind: fc.constant('data' as const), cells: fc.constant(cells), drop: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }) })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', ' ', ',,,', ' , ') }) },
);

function field(text: string, delimiter: string, quoteAll: boolean): string {
  const needs = quoteAll || text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvOf(layout: Layout, rows: readonly RowSpec[], f: { delimiter: string; newline: string; bom: boolean; title: boolean; quoteAll: boolean; finalNewline: boolean }): string {
  const lines: string[] = [];
  if (f.title) lines.push(`Sales export${f.delimiter}2026`, '');
  lines.push(layout.columns.map((c) => field(layout.headers[c] ?? c, f.delimiter, f.quoteAll)).join(f.delimiter));
  for (const row of rows) {
    if (row.kind === 'blank') lines.push(row.text.replace(/,/g, f.delimiter));
    else {
      const cells = layout.columns.map((c) => field(row.cells[c] ?? '', f.delimiter, f.quoteAll));
      lines.push(cells.slice(0, Math.max(1, cells.length - row.drop)).join(f.delimiter));
    }
  }
  return (f.bom ? '\ufeff' : '') + lines.join(f.newline) + (f.finalNewline ? f.newline : '');
}

/** An outcome with -0 made visible, so that toEqual tells -0 and 0 apart. */
function comparable(out: IntakeOutcome): unknown {
  if (!out.ok) return out;
  const t = out.transactions;
  return { ...out, transactions: { ...t, amount: Array.from(t.amount, (x) => (Object.is(x, -0) ? '-0' : x)) } };
}

const optionsArb: fc.Arbitrary<IntakeOptions> = fc.record(
  {
    decimal: fc.constantFrom('.', ','),
    dateOrder: fc.constantFrom('DMY', 'MDY'),
    currency: fc.constantFrom('EUR', 'PLN'),
    fx: fc.constant(FX),
  },
  { requiredKeys: [] },
);

describe('intake of a CSV: the text-table fast path equals the general path', () => {
  it('gives the same results and issues on generated messy files', () => {
    fc.assert(
      fc.property(
        layoutArb,
        fc.array(rowArb, { minLength: 0, maxLength: 40 }),
        fc.record({
          delimiter: fc.constantFrom(',', ';', '\t'),
          newline: fc.constantFrom('\n', '\r\n'),
          bom: fc.boolean(),
          title: fc.boolean(),
          quoteAll: fc.boolean(),
          finalNewline: fc.boolean(),
        }),
        optionsArb,
        (layout, rows, format, options) => {
          const text = csvOf(layout, rows, format);
          const columnar = readCsvText(text, 'sales.csv', { columnarFromRows: 0 });
          const plain = readCsvText(text, 'sales.csv', { columnarFromRows: Number.POSITIVE_INFINITY });
          expect(columnar.text).toBeDefined();
          expect(plain.text).toBeUndefined();
          const fast = intake(columnar, options);
          const general = intake(plain, options);
          expect(comparable(fast)).toEqual(comparable(general));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('detects the same decimal separator from the bytes as from the cells', () => {
    fc.assert(
      fc.property(layoutArb, fc.array(rowArb, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), (layout, rows, delimiter) => {
        const text = csvOf(layout, rows, { delimiter, newline: '\n', bom: false, title: false, quoteAll: false, finalNewline: true });
        const columnar = readCsvText(text, 'sales.csv', { columnarFromRows: 0 });
        const plain = readCsvText(text, 'sales.csv', { columnarFromRows: Number.POSITIVE_INFINITY });
        const header = detectHeader(plain, TRANSACTION_HEADERS, {});
        fc.pre(header.ok);
        if (!header.ok) return;
        const column = header.mapping.amount?.column ?? 0;
        expect(detectColumnDecimalSeparator(columnar, column, header.headerIndex + 1)).toBe(
          detectColumnDecimalSeparator(plain, column, header.headerIndex + 1),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same results on a large file with names repeated many times', () => {
    const names = Array.from({ length: 300 }, (_, i) => `Account ${pad(i, 4)}`);
    const lines = ['date,account,manager,amount,currency'];
    for (let i = 0; i < 30_000; i++) {
      const day = 1 + (i % 28);
      const amount = i % 97 === 0 ? `(${i}.5)` : i % 31 === 0 ? `-${i % 1000}.${pad(i % 100)}` : `${(i * 7919) % 100000}.${pad(i % 100)}`;
      const currency = i % 13 === 0 ? 'PLN' : i % 17 === 0 ? '' : 'EUR';
      lines.push(`2026-${pad(1 + (i % 12))}-${pad(day)},${names[(i * 31) % names.length]},Manager ${i % 7},${amount},${currency}`);
    }
    const text = lines.join('\n') + '\n';
    const grid = readCsvText(text, 'big.csv');
    expect(grid.text).toBeDefined();
    const plain: Grid = { sheet: grid.sheet, firstRow: grid.firstRow, rows: Array.from(grid.rows) };
    for (const options of [{}, { fx: FX }, { currency: 'PLN', fx: FX }] as IntakeOptions[]) {
      expect(comparable(intake(grid, options))).toEqual(comparable(intake(plain, options)));
    }
  });
});
