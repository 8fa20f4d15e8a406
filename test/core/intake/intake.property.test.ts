import fc from 'fast-check';
import { intake, type CellValue, type DateOrder, type DecimalSeparator, type FxTable } from '../../../src/core/intake';
import { roundHalfAwayFromZero } from '../../../src/core/money';
import { isoDate, ymd } from '../../../src/core/periods/dayNumber';

/**
 * Property: whatever mix of valid rows, junk rows and blank rows a grid holds, intake never
 * throws, every row ends in exactly one of accepted / rejected / blank, and the accepted amounts
 * are exactly the cents the generator wrote (converted from PLN where it wrote PLN).
 * Junk is built to be unambiguously invalid, so every junk row must be rejected.
 */

const HEADER = ['Date', 'Customer', 'Sales Rep', 'Amount', 'Currency', 'Notes'];
const PLN_RATE = { digits: 2345n, scale: 4 }; // 1 PLN = 0.2345 EUR
const FX: FxTable = new Map([['PLN', PLN_RATE]]);
const SPACES = [' ', '\u00a0', '\u202f', '\u2009'];

interface Context {
  readonly decimal: DecimalSeparator;
  readonly dateOrder: DateOrder | undefined;
}

type Row =
  | { readonly kind: 'valid'; readonly cells: CellValue[]; readonly cents: number; readonly day: number; readonly account: string }
  | { readonly kind: 'junk'; readonly cells: CellValue[] }
  | { readonly kind: 'blank'; readonly cells: CellValue[] };

const serialArb = fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60);

function dateCell(ctx: Context): fc.Arbitrary<[CellValue, number]> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const styles: fc.Arbitrary<[CellValue, number]>[] = [
    serialArb.map((s) => [s, s]),
    fc.tuple(serialArb, fc.double({ min: 0, max: 0.999, noNaN: true })).map(([s, f]) => [s + f, s]),
    serialArb.map((s) => [isoDate(s), s]),
    fc.tuple(serialArb, fc.integer({ min: 0, max: 23 })).map(([s, h]) => [`${isoDate(s)}T${pad(h)}:15:00`, s]),
    fc.tuple(serialArb, fc.integer({ min: 0, max: 23 })).map(([s, h]) => {
      const { y, m, d } = ymd(s);
      return [new Date(Date.UTC(y, m - 1, d, h, 30)), s];
    }),
    serialArb.map((s) => {
      const { y, m, d } = ymd(s);
      return [`${pad(d)}.${pad(m)}.${y}`, s];
    }),
    serialArb.filter((s) => String(s).length !== 4).map((s) => [String(s), s]),
  ];
  if (ctx.dateOrder !== undefined) {
    const order = ctx.dateOrder;
    styles.push(
      serialArb.map((s) => {
        const { y, m, d } = ymd(s);
        return [order === 'DMY' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`, s];
      }),
    );
  }
  return fc.oneof(...styles);
}

function amountText(cents: number, ctx: Context, group: string, neg: number, affix: [string, string], extraZero: boolean): string {
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100));
  const grouped = group === '' ? units : units.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = `${affix[0]}${grouped}${ctx.decimal}${String(abs % 100).padStart(2, '0')}${extraZero ? '0' : ''}${affix[1]}`;
  if (cents >= 0) return body;
  return neg === 0 ? `-${body}` : neg === 1 ? `\u2212${body}` : neg === 2 ? `${body}-` : `(${body})`;
}

function amountCell(ctx: Context, cents: number): fc.Arbitrary<CellValue> {
  const groups = [ctx.decimal === '.' ? ',' : '.', '', "'", '\u2019', ...SPACES];
  const affixes: [string, string][] = [['', ''], ['€ ', ''], ['', ' EUR'], ['$', ''], ['', ' zł'], ['PLN ', ''], ['', '€']];
  return fc.oneof(
    fc.constant(cents / 100),
    fc
      .tuple(fc.constantFrom(...groups), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...affixes), fc.boolean(), fc.constantFrom('', ' ', '  '))
      .map(([group, neg, affix, extraZero, pad]) => pad + amountText(cents, ctx, group, neg, affix, extraZero) + pad),
  );
}

const accountArb = fc.constantFrom<[CellValue, string]>(
  ['Acme', 'Acme'],
  ['  Beta GmbH ', 'Beta GmbH'],
  ['Żabka Sp. z o.o.', 'Żabka Sp. z o.o.'],
  ['Ñandú SA', 'Ñandú SA'],
  [1001, '1001'],
);
const managerArb = fc.constantFrom<CellValue>('Ann', 'Bob', 'Łukasz', 'Jürgen', 7);

function validRow(ctx: Context): fc.Arbitrary<Row> {
  return fc
    .tuple(dateCell(ctx), accountArb, managerArb, fc.integer({ min: -1e11, max: 1e11 }), fc.constantFrom('', 'EUR', 'eur', '€', 'PLN', ' pln '), fc.constantFrom<CellValue>(null, 'note'))
    .chain(([[date, day], [account, accountName], manager, cents, currency, note]) =>
      amountCell(ctx, cents).map((amount): Row => {
        const converted = currency.trim().toUpperCase() === 'PLN' ? Number(roundHalfAwayFromZero(BigInt(cents) * PLN_RATE.digits, 10n ** BigInt(PLN_RATE.scale))) : cents;
        return { kind: 'valid', cells: [date, account, manager, amount, currency, note], cents: converted, day, account: accountName };
      }),
    );
}

const errorCell = fc.constantFrom<CellValue>({ error: '#N/A' }, { error: '#VALUE!' }, '#REF!', '#DIV/0!', ' #name? ');
const junkDate = fc.oneof(
  errorCell,
  fc.string({ maxLength: 10 }).map((s) => `junk:${s}`),
  fc.boolean(),
  fc.constantFrom<CellValue>(0, -5, 60, 60.5, 2958466, 1e9, NaN, '2026', '31/02/2026', '2026-13-01', '31/03/26', '', '   ', null),
  fc.constantFrom<CellValue>(new Date(Date.UTC(1800, 0, 1)), new Date(Date.UTC(10000, 0, 1)), new Date(NaN)),
);
const junkName = fc.oneof(errorCell, fc.boolean(), fc.constantFrom<CellValue>('', '  ', null, NaN));
const junkAmount = fc.oneof(
  errorCell,
  fc.boolean(),
  fc.stringMatching(/^[a-zA-Z]{1,8}$/),
  // `e` alone between digits is scientific notation (`1e1` = 10), a valid amount, not junk.
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.stringMatching(/^[a-z]{1,3}$/).filter((s) => s !== 'e'), fc.integer({ min: 1, max: 999 })).map(([a, s, b]) => `${a}${s}${b}`),
  fc.constantFrom<CellValue>('-', '—', '–', '', ' ', null, '1,23,4', '1.5k', '--5', '12%', NaN, Infinity, new Date(0), '(5', '12.34.56,78,9'),
);
const junkCurrency = fc.oneof(errorCell, fc.constantFrom<CellValue>('Euro', 'EU', 978, true, 'USD', 'GBP', 'E U R'));

function junkRow(ctx: Context): fc.Arbitrary<Row> {
  return fc.tuple(validRow(ctx), fc.integer({ min: 0, max: 4 })).chain(([row, column]) =>
    [junkDate, junkName, junkName, junkAmount, junkCurrency][column]!.map((junk): Row => {
      const cells = [...row.cells];
      cells[column] = junk;
      return { kind: 'junk', cells };
    }),
  );
}

const blankRow: fc.Arbitrary<Row> = fc
  .constantFrom<CellValue[]>([], [null], ['', ' ', '\u00a0', null, '\t'], [null, null, null, null, null, 'only a note'], [undefined, '', undefined])
  .map((cells): Row => ({ kind: 'blank', cells }));

const scenario = fc
  .record({
    decimal: fc.constantFrom<DecimalSeparator>('.', ','),
    dateOrder: fc.constantFrom<DateOrder | undefined>(undefined, 'DMY', 'MDY'),
    firstRow: fc.integer({ min: 1, max: 1000 }),
    titleRows: fc.integer({ min: 0, max: 2 }),
  })
  .chain((ctx) =>
    fc
      .array(fc.oneof({ arbitrary: validRow(ctx), weight: 4 }, { arbitrary: junkRow(ctx), weight: 3 }, { arbitrary: blankRow, weight: 1 }), { maxLength: 40 })
      .map((rows) => ({ ...ctx, rows })),
  );

describe('intake (property)', () => {
  it('never throws, loses no row, and accepts exactly the cents written', () => {
    fc.assert(
      fc.property(scenario, ({ decimal, dateOrder, firstRow, titleRows, rows }) => {
        const titles: CellValue[][] = Array.from({ length: titleRows }, (_, i) => (i === 0 ? ['Sales export'] : []));
        const grid = { sheet: 'Sales', firstRow, rows: [...titles, HEADER, ...rows.map((r) => r.cells)] };
        const out = intake(grid, { decimal, dateOrder, currency: 'EUR', fx: FX });
        if (!out.ok) throw new Error(out.message);

        const offset = firstRow + titleRows + 1; // sheet row of rows[0]
        const sheetRowsOf = (kind: Row['kind']) => rows.flatMap((r, i) => (r.kind === kind ? [offset + i] : []));
        const valid = rows.filter((r): r is Extract<Row, { kind: 'valid' }> => r.kind === 'valid');

        expect(out.headerRow).toBe(offset - 1);
        expect(out.rows).toBe(rows.length);
        expect(out.accepted + out.rejected + out.blank).toBe(out.rows);
        expect(out.blank).toBe(sheetRowsOf('blank').length);

        const t = out.transactions;
        const acceptedRows = Array.from(t.row);
        const issueRows = out.issues.map((i) => i.row);
        expect(acceptedRows).toEqual(sheetRowsOf('valid'));
        expect(issueRows).toEqual(sheetRowsOf('junk'));
        const all = new Set([...acceptedRows, ...issueRows, ...sheetRowsOf('blank')]);
        expect(all.size).toBe(rows.length);

        expect(Array.from(t.amount)).toEqual(valid.map((r) => r.cents));
        expect(Array.from(t.date)).toEqual(valid.map((r) => r.day));
        expect(Array.from(t.account, (a) => t.accounts[a])).toEqual(valid.map((r) => r.account));
        const sum = t.amount.reduce((a, b) => a + b, 0);
        expect(sum).toBe(valid.reduce((a, r) => a + r.cents, 0));

        for (const issue of out.issues) {
          expect(issue.sheet).toBe('Sales');
          expect(issue.reason.length).toBeGreaterThan(0);
          expect(HEADER).toContain(issue.column);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary cells anywhere, and conserves rows', () => {
    const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false }),
      errorCell,
    );
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 25 }), fc.constantFrom<DecimalSeparator>('.', ','), (body, decimal) => {
        const grid = { sheet: 'S', firstRow: 1, rows: [HEADER, ...body] };
        const out = intake(grid, { decimal, fx: FX });
        if (!out.ok) throw new Error(out.message);
        expect(out.accepted + out.rejected + out.blank).toBe(body.length);
        expect(new Set([...out.transactions.row, ...out.issues.map((i) => i.row)]).size).toBe(out.accepted + out.rejected);
        for (const a of out.transactions.amount) expect(Number.isSafeInteger(a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
