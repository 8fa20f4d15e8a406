import { detectHeader, mapColumns, TRANSACTION_HEADERS, HEADER_SEARCH_ROWS, type Grid } from '../../../src/core/intake';

const map = (headers: string[], overrides = {}) => mapColumns(headers, TRANSACTION_HEADERS, overrides);
const columns = (result: ReturnType<typeof map>) =>
  result.ok ? Object.fromEntries(Object.entries(result.mapping).map(([f, m]) => [f, m?.column])) : result;

describe('mapColumns', () => {
  it('maps every field it finds and leaves the others undefined', () => {
    const r = map(['Date', 'Customer', 'Sales Rep', 'Amount (EUR)', 'Notes']);
    expect(r).toEqual({
      ok: true,
      mapping: {
        date: { column: 0, header: 'Date' },
        account: { column: 1, header: 'Customer' },
        manager: { column: 2, header: 'Sales Rep' },
        amount: { column: 3, header: 'Amount (EUR)' },
        currency: undefined,
        product: undefined,
        id: undefined,
      },
    });
  });

  it.each([
    // several columns match one field: the higher-priority synonym wins, then the leftmost
    [['Ship Date', 'Order Date', 'Customer', 'Owner', 'Sales'], { date: 1 }],
    [['Order Date', 'Ship Date', 'Customer', 'Owner', 'Sales'], { date: 0 }],
    [['Date', 'Customer ID', 'Customer Name', 'Owner', 'Sales'], { account: 2 }],
    [['Date', 'Customer', 'Owner', 'Total', 'Net Amount'], { amount: 4 }],
    [['Date', 'Customer', 'Owner', 'Sales', 'Sales'], { amount: 3 }],
    [['Date', 'Customer', 'Owner', 'Amount (EUR)', 'Amount'], { amount: 4 }],
    [['Date', 'Customer', 'Owner', 'Amount (EUR)', 'Amount (PLN)'], { amount: 3 }],
    [['Row ID', 'Order ID', 'Order Date', 'Customer Name', 'Owner', 'Sales'], { id: 1, date: 2, account: 3 }],
    [['Datum', 'Kunde', 'Kundenbetreuer', 'Umsatz', 'Netto'], { amount: 3 }],
  ])('%p → %p', (headers, expected) => {
    expect(columns(map(headers))).toMatchObject(expected);
  });

  it('gives each column to one field and each field one column', () => {
    const r = map(['Date', 'Account', 'Account Manager', 'Amount', 'Currency']);
    expect(columns(r)).toMatchObject({ date: 0, account: 1, manager: 2, amount: 3, currency: 4 });
  });

  it('names the missing field and lists the headers found', () => {
    expect(map(['Date', 'Customer', 'Amount'])).toEqual({
      ok: false,
      code: 'header.missing',
      field: 'manager',
      missing: ['manager'],
      headersFound: ['Date', 'Customer', 'Amount'],
      message: 'Missing required column "manager". Headers found: Date, Customer, Amount.',
    });
  });

  it('names every missing field and leaves blank headers out of the list', () => {
    const r = map(['Fecha', '', 'Notes']);
    expect(r).toMatchObject({
      ok: false,
      code: 'header.missing',
      field: 'account',
      missing: ['account', 'manager', 'amount'],
      headersFound: ['Fecha', 'Notes'],
      message: 'Missing required columns "account", "manager", "amount". Headers found: Fecha, Notes.',
    });
  });

  describe('user overrides', () => {
    it('map a column whose header is no synonym', () => {
      const r = map(['Booked', 'Customer', 'Owner', 'Amount'], { date: 'booked' });
      expect(columns(r)).toMatchObject({ date: 0 });
    });

    it('are matched with the same folding as synonyms, and notes may be left out', () => {
      expect(columns(map(['Data Księgowa', 'Klient', 'Opiekun', 'Kwota'], { date: 'DATA_KSIEGOWA' }))).toMatchObject({ date: 0 });
      expect(columns(map(['Date', 'Customer', 'Owner', 'Brutto (EUR)'], { amount: 'brutto' }))).toMatchObject({ amount: 3 });
    });

    it('win over detection and take their column away from the field that detected it', () => {
      // "Close Date" would be the date; the user says the date is "Ship Date", and the account is "Owner".
      const r = map(['Close Date', 'Ship Date', 'Owner', 'Account Manager', 'Amount'], { date: 'Ship Date', account: 'Owner' });
      expect(columns(r)).toMatchObject({ date: 1, account: 2, manager: 3, amount: 4 });
    });

    it('can remap a column detected for another field', () => {
      const r = map(['Date', 'Customer', 'Owner', 'Net', 'Total'], { amount: 'Total', product: 'Net' });
      expect(columns(r)).toMatchObject({ amount: 4, product: 3 });
    });

    it('naming a header that does not exist is an error naming the field and listing the headers', () => {
      expect(map(['Date', 'Customer', 'Owner', 'Amount'], { date: 'Close Date' })).toEqual({
        ok: false,
        code: 'mapping.notFound',
        field: 'date',
        missing: ['date'],
        headersFound: ['Date', 'Customer', 'Owner', 'Amount'],
        message: 'The column "Close Date" chosen for "date" is not among the headers. Headers found: Date, Customer, Owner, Amount.',
      });
      expect(map(['Date', 'Customer', 'Owner', 'Amount'], { product: '' })).toMatchObject({ ok: false, code: 'mapping.notFound', field: 'product' });
    });

    it('naming one column for two fields is an error', () => {
      expect(map(['Date', 'Customer', 'Owner', 'Amount'], { account: 'Customer', manager: 'customer' })).toMatchObject({
        ok: false,
        code: 'mapping.conflict',
        field: 'manager',
        message: expect.stringContaining('"Customer" is chosen for both "account" and "manager"'),
      });
    });
  });
});

describe('detectHeader', () => {
  const grid = (rows: Grid['rows'], firstRow = 1): Grid => ({ sheet: 'Sales', firstRow, rows });

  it('takes the first non-blank row', () => {
    const r = detectHeader(grid([[], [null, '  '], ['Date', 'Customer', 'Owner', 'Amount'], ['2026-01-01', 'A', 'B', 1]], 5), TRANSACTION_HEADERS);
    expect(r).toMatchObject({ ok: true, headerIndex: 2, headerRow: 7, headers: ['Date', 'Customer', 'Owner', 'Amount'] });
  });

  it('skips a title row above the table', () => {
    const r = detectHeader(
      grid([['Sales report 2026'], [], ['Region: EMEA', null, 'Generated 2026-04-01'], [' Date ', 'Customer', 'Owner', 'Amount']]),
      TRANSACTION_HEADERS,
    );
    expect(r).toMatchObject({ ok: true, headerIndex: 3, headerRow: 4, headers: ['Date', 'Customer', 'Owner', 'Amount'] });
  });

  it('applies overrides while searching (a row that only maps with them is the header)', () => {
    const r = detectHeader(grid([['Report'], ['Booked', 'Customer', 'Owner', 'Amount']]), TRANSACTION_HEADERS, { date: 'Booked' });
    expect(r).toMatchObject({ ok: true, headerRow: 2 });
  });

  it(`looks no further than ${HEADER_SEARCH_ROWS} non-blank rows`, () => {
    const titles = Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`title ${i}`]);
    const header = ['Date', 'Customer', 'Owner', 'Amount'];
    expect(detectHeader(grid([...titles.slice(1), [], header]), TRANSACTION_HEADERS)).toMatchObject({ ok: true, headerRow: 21 });
    expect(detectHeader(grid([...titles, header]), TRANSACTION_HEADERS)).toMatchObject({
      ok: false,
      code: 'header.missing',
      headersFound: ['title 0'],
    });
  });

  it('reports the row that names the most fields when no row maps, not a title row above it', () => {
    const r = detectHeader(grid([['Sales report 2026'], [], ['Date', 'Customer', 'Amount'], ['2026-01-01', 'Acme', 5]]), TRANSACTION_HEADERS);
    expect(r).toMatchObject({
      ok: false,
      code: 'header.missing',
      field: 'manager',
      missing: ['manager'],
      headerIndex: 2,
      headersFound: ['Date', 'Customer', 'Amount'],
    });
  });

  it('reports the first of equally good rows, and an override that names no header at that row', () => {
    const titles = detectHeader(grid([['Sales report'], ['Region EMEA']]), TRANSACTION_HEADERS);
    expect(titles).toMatchObject({ ok: false, headerIndex: 0, headersFound: ['Sales report'] });
    const notFound = detectHeader(grid([['Sales report'], ['Date', 'Customer', 'Owner', 'Amount']]), TRANSACTION_HEADERS, { date: 'Booked' });
    expect(notFound).toMatchObject({ ok: false, code: 'mapping.notFound', field: 'date', headerIndex: 1, headersFound: ['Date', 'Customer', 'Owner', 'Amount'] });
  });

  it('reports the first non-blank row when no row maps', () => {
    const r = detectHeader(grid([['Date', 'Customer', 'Amount'], ['2026-01-01', 'Acme', 5]]), TRANSACTION_HEADERS);
    expect(r).toMatchObject({
      ok: false,
      code: 'header.missing',
      field: 'manager',
      message: 'Missing required column "manager". Headers found: Date, Customer, Amount.',
    });
  });

  it('reports an empty grid', () => {
    expect(detectHeader(grid([]), TRANSACTION_HEADERS)).toEqual({
      ok: false,
      code: 'header.missing',
      field: 'date',
      missing: ['date', 'account', 'manager', 'amount'],
      headersFound: [],
      message: 'Missing required columns "date", "account", "manager", "amount". Headers found: (none).',
    });
  });

  it('reads header cells that are numbers, dates or errors as text', () => {
    const r = detectHeader(grid([[2026, new Date(Date.UTC(2026, 0, 1)), { error: '#REF!' }, true]]), TRANSACTION_HEADERS);
    expect(r).toMatchObject({ ok: false, headersFound: ['2026', '2026-01-01', '#REF!', 'TRUE'] });
  });
});
