import { intake, type CellValue, type Grid, type IntakeOptions, type IntakeResult, type FxTable } from '../../../src/core/intake';
import { parseDecimal } from '../../../src/core/money';
import { dayNumber } from '../../../src/core/periods/dayNumber';

const grid = (rows: CellValue[][], firstRow = 1, sheet = 'Sales'): Grid => ({ sheet, firstRow, rows });
const HEADER = ['Date', 'Customer', 'Sales Rep', 'Amount'];

function ok(g: Grid, options: IntakeOptions = {}): IntakeResult {
  const out = intake(g, options);
  if (!out.ok) throw new Error(out.message);
  return out;
}

/** Accepted transactions as plain rows, for readable expectations. */
function table(r: IntakeResult) {
  const t = r.transactions;
  return Array.from({ length: t.count }, (_, i) => ({
    row: t.row[i],
    date: t.date[i],
    account: t.accounts[t.account[i] ?? -1],
    manager: t.managers[t.manager[i] ?? -1],
    amount: t.amount[i],
    product: (t.product[i] ?? -1) < 0 ? null : t.products[t.product[i] ?? -1],
  }));
}

const rate = (text: string) => {
  const d = parseDecimal(text);
  if (d === null) throw new Error(text);
  return d;
};

describe('intake', () => {
  it('reads a small table into columnar transactions', () => {
    const r = ok(
      grid([
        ['Date', 'Customer', 'Account Manager', 'Amount', 'Product', 'Invoice No'],
        ['2026-01-15', ' Acme ', 'Ann', '1,234.56', 'Widgets', 'INV-1'],
        [46023, 'Beta', 'Bob', 99.5, null, 'INV-2'],
        [new Date(Date.UTC(2026, 1, 1)), 'Acme', 'Ann', '(10.00)', 'Widgets', 7],
      ]),
    );
    expect(r).toMatchObject({
      ok: true,
      rows: 3,
      accepted: 3,
      rejected: 0,
      blank: 0,
      issues: [],
      currency: null,
      headerRow: 1,
      headers: ['Date', 'Customer', 'Account Manager', 'Amount', 'Product', 'Invoice No'],
      dateOrder: 'MDY',
      mapping: {
        date: { column: 0, header: 'Date' },
        account: { column: 1, header: 'Customer' },
        manager: { column: 2, header: 'Account Manager' },
        amount: { column: 3, header: 'Amount' },
        product: { column: 4, header: 'Product' },
        currency: undefined,
        id: { column: 5, header: 'Invoice No' },
      },
    });
    expect(table(r)).toEqual([
      { row: 2, date: dayNumber(2026, 1, 15), account: 'Acme', manager: 'Ann', amount: 123456, product: 'Widgets' },
      { row: 3, date: 46023, account: 'Beta', manager: 'Bob', amount: 9950, product: null },
      { row: 4, date: dayNumber(2026, 2, 1), account: 'Acme', manager: 'Ann', amount: -1000, product: 'Widgets' },
    ]);
    const t = r.transactions;
    expect(t.accounts).toEqual(['Acme', 'Beta']);
    expect(t.managers).toEqual(['Ann', 'Bob']);
    expect(t.products).toEqual(['Widgets']);
    expect(Array.from(t.account)).toEqual([0, 1, 0]);
    expect(Array.from(t.product)).toEqual([0, -1, 0]);
    expect(t.date).toBeInstanceOf(Int32Array);
    expect(t.amount).toBeInstanceOf(Float64Array);
    expect(t.date.length).toBe(3);
  });

  it('uses sheet row numbers: grid.firstRow, title rows and blank rows count', () => {
    const r = ok(
      grid(
        [
          ['Quarterly sales'],
          [],
          HEADER,
          ['2026-01-01', 'A', 'M', 1],
          [],
          [null, '  ', '', null],
          ['2026-01-02', 'B', 'M', 'oops'],
          ['2026-01-03', 'C', 'M', 3],
        ],
        10,
      ),
    );
    expect(r).toMatchObject({ headerRow: 12, rows: 5, accepted: 2, rejected: 1, blank: 2 });
    expect(Array.from(r.transactions.row)).toEqual([13, 17]);
    expect(r.issues).toEqual([
      { code: 'amount.unparseable', sheet: 'Sales', row: 16, column: 'Amount', value: 'oops', reason: 'not a number', message: { key: 'value.notANumber', params: {} } },
    ]);
  });

  it('treats a row as blank when every mapped cell is empty, whatever unmapped cells hold', () => {
    const r = ok(grid([[...HEADER, 'Notes'], [null, null, null, null, 'see below'], ['', ' ', '\u00a0', '', ''], []]));
    expect(r).toMatchObject({ rows: 3, accepted: 0, rejected: 0, blank: 3 });
  });

  it('rejects a row with one mapped cell filled and the rest empty', () => {
    const r = ok(grid([[...HEADER, 'Product'], [null, null, null, null, 'Widgets']]));
    expect(r).toMatchObject({ accepted: 0, rejected: 1, blank: 0 });
    expect(r.issues[0]).toMatchObject({ code: 'date.missing', column: 'Date', value: '', reason: 'the date is missing' });
  });

  it('reports the first problem in field order date, account, manager, amount, currency', () => {
    const h = [...HEADER, 'Currency'];
    const r = ok(
      grid([
        h,
        ['31/02/2026', '', '', 'x', 'EURO'],
        ['2026-01-01', '', '', 'x', 'EURO'],
        ['2026-01-01', 'A', { error: '#N/A' }, 'x', 'EURO'],
        ['2026-01-01', 'A', 'M', 'x', 'EURO'],
        ['2026-01-01', 'A', 'M', 5, 'EURO'],
        ['2026-01-01', 'A', 'M', 5, 'EUR'],
      ]),
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Date', 'date.invalid'],
      [3, 'Customer', 'account.missing'],
      [4, 'Sales Rep', 'cell.error'],
      [5, 'Amount', 'amount.unparseable'],
      [6, 'Currency', 'currency.invalid'],
    ]);
    expect(r.issues[2]).toMatchObject({ value: '#N/A', reason: 'the cell holds the Excel error #N/A' });
    expect(r.accepted).toBe(1);
  });

  it('rejects a row whose product or id holds an error (after the required fields)', () => {
    const r = ok(
      grid([
        [...HEADER, 'Product', 'ID'],
        ['2026-01-01', 'A', 'M', 1, { error: '#REF!' }, 'T1'],
        ['2026-01-01', 'A', 'M', 1, 'P', true],
      ]),
    );
    expect(r.issues).toEqual([
      { code: 'cell.error', sheet: 'Sales', row: 2, column: 'Product', value: '#REF!', reason: 'the cell holds the Excel error #REF!', message: { key: 'cell.excelError', params: { error: '#REF!' } }, transactionId: 'T1' },
      { code: 'id.invalid', sheet: 'Sales', row: 3, column: 'ID', value: 'TRUE', reason: 'TRUE is a logical value, not a name', message: { key: 'text.logical', params: { value: 'TRUE' } }, transactionId: 'TRUE' },
    ]);
  });

  it('names the transaction id of a rejected row', () => {
    const r = ok(grid([[...HEADER, 'Invoice'], ['2026-01-01', 'A', 'M', '-', ' INV-9 '], ['2026-01-01', 'A', 'M', '-', null]]));
    expect(r.issues[0]).toEqual({
      code: 'amount.dash', sheet: 'Sales', row: 2, column: 'Amount', value: '-', reason: 'a dash is not an amount', message: { key: 'amount.dash', params: {} }, transactionId: 'INV-9',
    });
    expect(r.issues[1]).not.toHaveProperty('transactionId');
  });

  it('keeps the raw value exactly as found', () => {
    const r = ok(grid([HEADER, ['2026-01-01', 'A', 'M', '  12abc34 '], ['x', 'A', 'M', 1], [45000.5, 'A', 'M', true]]));
    expect(r.issues.map((i) => i.value)).toEqual(['  12abc34 ', 'x', 'TRUE']);
  });

  describe('date order', () => {
    const rows = (dates: CellValue[]) => grid([HEADER, ...dates.map((d) => [d, 'A', 'M', 1])]);

    it('is DMY when any slash date has a first part above 12', () => {
      const r = ok(rows(['01/02/2026', '13/02/2026']));
      expect(r.dateOrder).toBe('DMY');
      expect(Array.from(r.transactions.date)).toEqual([dayNumber(2026, 2, 1), dayNumber(2026, 2, 13)]);
    });

    it('is MDY otherwise', () => {
      const r = ok(rows(['01/02/2026', '12/31/2026']));
      expect(r.dateOrder).toBe('MDY');
      expect(Array.from(r.transactions.date)).toEqual([dayNumber(2026, 1, 2), dayNumber(2026, 12, 31)]);
    });

    it('rejects dates that contradict the detected order, saying how the column is read', () => {
      const r = ok(rows(['31/12/2026', '12/31/2026']));
      expect(r.dateOrder).toBe('DMY');
      expect(r.issues).toEqual([
        expect.objectContaining({ row: 3, code: 'date.invalid', reason: 'not a real calendar date: month 31 does not exist (dates in this column are read as day/month/year)' }),
      ]);
    });

    it('follows the configured order', () => {
      const r = ok(rows(['01/02/2026', '13/02/2026']), { dateOrder: 'MDY' });
      expect(r.dateOrder).toBe('MDY');
      expect(Array.from(r.transactions.date)).toEqual([dayNumber(2026, 1, 2)]);
      expect(r.issues[0]).toMatchObject({ row: 3, code: 'date.invalid' });
    });

    it('ignores evidence above the header', () => {
      const r = ok(grid([['13/01/2026 report'], ['13/01/2026'], HEADER, ['01/02/2026', 'A', 'M', 1]]));
      expect(r.dateOrder).toBe('MDY');
    });
  });

  describe('decimal separator', () => {
    it.each([
      ['.', '1.234', 123],
      [',', '1.234', 123400],
      ['.', '1,5', NaN],
      [',', '1,5', 150],
    ] as const)('decimal %p reads %p as %p cents', (decimal, text, cents) => {
      const r = ok(grid([HEADER, ['2026-01-01', 'A', 'M', text]]), { decimal });
      if (Number.isNaN(cents)) expect(r.issues[0]).toMatchObject({ code: 'amount.grouping' });
      else expect(Array.from(r.transactions.amount)).toEqual([cents]);
    });
  });

  describe('currencies', () => {
    const h = [...HEADER, 'Currency'];
    const fx: FxTable = new Map([
      ['PLN', rate('0.2345')],
      ['USD', rate('0.9')],
    ]);

    it('has no reporting currency without a currency column or option', () => {
      expect(ok(grid([HEADER, ['2026-01-01', 'A', 'M', 1]])).currency).toBeNull();
    });

    it('uses the configured currency (upper-cased)', () => {
      expect(ok(grid([HEADER, ['2026-01-01', 'A', 'M', 1]]), { currency: 'eur' }).currency).toBe('EUR');
    });

    it('refuses a configured currency that is not a code', () => {
      expect(intake(grid([HEADER]), { currency: 'Euro' })).toEqual({
        ok: false,
        code: 'option.currency',
        message: 'The reporting currency "Euro" is not a three-letter currency code such as EUR, USD or PLN.',
      });
    });

    it('defaults to the most frequent currency of the otherwise valid rows', () => {
      const r = ok(
        grid([
          h,
          ['2026-01-01', 'A', 'M', 1, 'PLN'],
          ['bad', 'A', 'M', 1, 'PLN'],
          ['bad', 'A', 'M', 1, 'PLN'],
          ['2026-01-01', 'A', 'M', 1, 'eur'],
          ['2026-01-01', 'A', 'M', 1, '€'],
        ]),
        { fx: new Map([['PLN', rate('0.25')]]) },
      );
      expect(r.currency).toBe('EUR');
      expect(Array.from(r.transactions.amount)).toEqual([25, 100, 100]);
    });

    it('breaks ties alphabetically', () => {
      const r = ok(grid([h, ['2026-01-01', 'A', 'M', 1, 'USD'], ['2026-01-01', 'A', 'M', 1, 'EUR']]), { fx });
      expect(r.currency).toBe('EUR');
    });

    it('treats an empty currency cell as the reporting currency', () => {
      const r = ok(grid([h, ['2026-01-01', 'A', 'M', 1, ''], ['2026-01-01', 'A', 'M', 2, 'EUR']]));
      expect(r).toMatchObject({ currency: 'EUR', accepted: 2 });
      expect(Array.from(r.transactions.amount)).toEqual([100, 200]);
    });

    it('converts other currencies with the FX rate, rounding each row half away from zero', () => {
      const r = ok(
        grid([
          h,
          ['2026-01-01', 'A', 'M', '100.00', 'PLN'], // 23.45
          ['2026-01-01', 'A', 'M', '0.10', 'PLN'], // 0.02345 → 0.02
          ['2026-01-01', 'A', 'M', '0.30', 'PLN'], // 0.07035 → 0.07
          ['2026-01-01', 'A', 'M', '-0.30', 'PLN'], // −0.07035 → −0.07
          ['2026-01-01', 'A', 'M', '10.05', 'USD'], // 9.045 → 9.05 (half away from zero)
          ['2026-01-01', 'A', 'M', '-10.05', 'USD'], // −9.045 → −9.05
          ['2026-01-01', 'A', 'M', '1000000', 'EUR'],
        ]),
        { currency: 'EUR', fx },
      );
      expect(Array.from(r.transactions.amount)).toEqual([2345, 2, 7, -7, 905, -905, 100000000]);
    });

    it('sums converted rows after rounding each one (not before)', () => {
      const rows = Array.from({ length: 10 }, () => ['2026-01-01', 'A', 'M', '0.10', 'PLN']);
      const r = ok(grid([h, ...rows]), { currency: 'EUR', fx });
      const sum = r.transactions.amount.reduce((a, b) => a + b, 0);
      expect(sum).toBe(20); // 10 × 0.02, not round(10 × 0.02345) = 0.23
    });

    it('rejects a row whose currency has no rate: "no exchange rate for PLN"', () => {
      const r = ok(
        grid([h, ['2026-01-01', 'Only-PLN', 'Piotr', 5, 'PLN'], ['2026-01-01', 'A', 'M', 7, 'EUR'], ['bad', 'A', 'M', 1, 'EUR']]),
        { currency: 'EUR' },
      );
      expect(r).toMatchObject({ accepted: 1, rejected: 2, blank: 0 });
      expect(r.issues).toEqual([
        { code: 'fx.noRate', sheet: 'Sales', row: 2, column: 'Currency', value: 'PLN', reason: 'no exchange rate for PLN', message: { key: 'fx.noRate', params: { currency: 'PLN' } } },
        expect.objectContaining({ row: 4, code: 'date.unparseable' }),
      ]);
      // names only seen on the rejected row are not in the transactions
      expect(r.transactions.accounts).toEqual(['A']);
      expect(r.transactions.managers).toEqual(['M']);
      expect(Array.from(r.transactions.account)).toEqual([0]);
    });

    it('keeps interned names consistent after FX rejections', () => {
      const r = ok(
        grid([
          [...h, 'Product'],
          ['2026-01-01', 'X', 'MX', 1, 'GBP', 'PX'],
          ['2026-01-01', 'B', 'MB', 2, 'EUR', 'PB'],
          ['2026-01-01', 'X', 'MX', 3, 'GBP', 'PX'],
          ['2026-01-01', 'C', 'MC', 4, 'EUR', null],
          ['2026-01-01', 'B', 'MB', 5, 'EUR', 'PB'],
        ]),
        { currency: 'EUR' },
      );
      expect(table(r)).toEqual([
        { row: 3, date: dayNumber(2026, 1, 1), account: 'B', manager: 'MB', amount: 200, product: 'PB' },
        { row: 5, date: dayNumber(2026, 1, 1), account: 'C', manager: 'MC', amount: 400, product: null },
        { row: 6, date: dayNumber(2026, 1, 1), account: 'B', manager: 'MB', amount: 500, product: 'PB' },
      ]);
      expect(r.transactions.accounts).toEqual(['B', 'C']);
      expect(r.issues.map((i) => i.row)).toEqual([2, 4]);
    });

    it('rejects a conversion beyond 90 trillion instead of throwing', () => {
      const r = ok(grid([h, ['2026-01-01', 'A', 'M', 9e13, 'JPY']]), { currency: 'EUR', fx: new Map([['JPY', rate('1000')]]) });
      expect(r.issues[0]).toMatchObject({ code: 'amount.tooLarge', column: 'Currency' });
    });
  });

  describe('header problems are failure values', () => {
    it('names the missing field and lists the headers', () => {
      expect(intake(grid([['Date', 'Customer', 'Amount'], ['2026-01-01', 'A', 1]]), {})).toEqual({
        ok: false,
        code: 'header.missing',
        field: 'manager',
        missing: ['manager'],
        headerIndex: 0,
        headersFound: ['Date', 'Customer', 'Amount'],
        message: 'Missing required column "manager". Headers found: Date, Customer, Amount.',
      });
    });

    it('reports an override that names no header', () => {
      expect(intake(grid([HEADER]), { mapping: { date: 'Close Date' } })).toMatchObject({ ok: false, code: 'mapping.notFound', field: 'date' });
    });

    it('applies overrides', () => {
      const r = ok(grid([['Booked', 'Customer', 'Sales Rep', 'Amount', 'Gross'], ['2026-01-01', 'A', 'M', 1, 2]]), {
        mapping: { date: 'booked', amount: 'GROSS' },
      });
      expect(Array.from(r.transactions.amount)).toEqual([200]);
      expect(r.mapping.amount).toEqual({ column: 4, header: 'Gross' });
    });
  });

  it('handles a header with no rows below it, and ragged rows', () => {
    expect(ok(grid([HEADER]))).toMatchObject({ rows: 0, accepted: 0, rejected: 0, blank: 0 });
    const r = ok(grid([[...HEADER, 'Product'], ['2026-01-01', 'A', 'M', 1], ['2026-01-01', 'A']]));
    expect(r).toMatchObject({ accepted: 1, rejected: 1 });
    expect(r.issues[0]).toMatchObject({ code: 'manager.missing', column: 'Sales Rep', reason: 'the manager is missing' });
  });

  it('does not modify the grid', () => {
    const rows: CellValue[][] = [[...HEADER, 'Currency'], ['2026-01-01', ' A ', 'M', '1,5', 'pln'], ['2026-01-01', 'A', 'M', 2, 'EUR']];
    const copy = JSON.stringify(rows);
    ok(grid(rows), { decimal: ',', currency: 'EUR', fx: new Map([['PLN', rate('0.25')]]) });
    expect(JSON.stringify(rows)).toBe(copy);
  });

  it('reads 100 000 rows with FX and interns their names (speed is measured by npm run bench)', () => {
    const rows: CellValue[][] = [[...HEADER, 'Currency', 'Product']];
    for (let i = 0; i < 100_000; i++) {
      rows.push([45000 + (i % 1000), `Account ${i % 5000}`, `Manager ${i % 50}`, (i % 10000) / 100, i % 3 === 0 ? 'PLN' : 'EUR', `P${i % 20}`]);
    }
    const r = ok(grid(rows), { fx: new Map([['PLN', rate('0.2345')]]) });
    expect(r.accepted).toBe(100_000);
    expect(r.transactions.accounts.length).toBe(5000);
    expect(r.transactions.managers.length).toBe(50);
  });
});
