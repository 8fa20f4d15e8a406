import {
  FIELDS,
  FX_HEADER_SYNONYMS,
  HEADER_SYNONYMS,
  LANGUAGES,
  REQUIRED_FIELDS,
  TRANSACTION_HEADERS,
  headerKey,
  mapColumns,
  matchHeader,
  type Field,
  type Language,
} from '../../../src/core/intake';

const CANONICAL: Record<Field, string> = {
  date: 'Date',
  account: 'Account',
  manager: 'Manager',
  amount: 'Amount',
  product: 'Product',
  currency: 'Currency',
  id: 'ID',
};

const every: [Field, Language, string][] = FIELDS.flatMap((field) =>
  LANGUAGES.flatMap((language) => HEADER_SYNONYMS[field][language].map((s): [Field, Language, string] => [field, language, s])),
);

describe('HEADER_SYNONYMS', () => {
  it('has synonyms for every field in every language', () => {
    for (const field of FIELDS) for (const language of LANGUAGES) expect(HEADER_SYNONYMS[field][language].length).toBeGreaterThan(0);
  });

  it('gives each folded synonym to one field only', () => {
    const owner = new Map<string, Field>();
    for (const [field, , synonym] of every) {
      const key = headerKey(synonym);
      const known = owner.get(key);
      if (known !== undefined && known !== field) throw new Error(`"${synonym}" is both ${known} and ${field}`);
      owner.set(key, field);
    }
  });

  it.each(every)('%s (%s): "%s" is recognised, as written, upper case and in snake case', (field, _language, synonym) => {
    expect(matchHeader(synonym, HEADER_SYNONYMS)).toBe(field);
    expect(matchHeader(synonym.toUpperCase(), HEADER_SYNONYMS)).toBe(field);
    expect(matchHeader(`  ${synonym.replace(/ /g, '_')} `, HEADER_SYNONYMS)).toBe(field);
    // and as the header of a whole table, next to the canonical headers of the other fields
    const headers = FIELDS.map((f) => (f === field ? synonym : CANONICAL[f]));
    const mapped = mapColumns(headers, TRANSACTION_HEADERS);
    expect(mapped.ok && mapped.mapping[field]).toEqual({ column: FIELDS.indexOf(field), header: synonym });
  });

  it.each([
    // the SPEC's examples
    ['date', 'date'], ['order date', 'date'], ['invoice date', 'date'], ['fecha', 'date'], ['data', 'date'], ['datum', 'date'],
    ['rechnungsdatum', 'date'], ['account', 'account'], ['customer', 'account'], ['client', 'account'], ['cuenta', 'account'],
    ['cliente', 'account'], ['klient', 'account'], ['kunde', 'account'], ['account manager', 'manager'], ['owner', 'manager'],
    ['sales rep', 'manager'], ['salesperson', 'manager'], ['gerente de cuentas', 'manager'], ['vendedor', 'manager'],
    ['menedżer konta', 'manager'], ['opiekun', 'manager'], ['przedstawiciel handlowy', 'manager'], ['kundenbetreuer', 'manager'],
    ['vertriebsmitarbeiter', 'manager'], ['amount', 'amount'], ['revenue', 'amount'], ['sales', 'amount'], ['net', 'amount'],
    ['importe', 'amount'], ['monto', 'amount'], ['ventas', 'amount'], ['kwota', 'amount'], ['wartość', 'amount'],
    ['przychód', 'amount'], ['betrag', 'amount'], ['umsatz', 'amount'],
    // names public datasets use
    ['Transaction Date', 'date'], ['Sale Date', 'date'], ['Close Date', 'date'], ['Customer Name', 'account'],
    ['Account Name', 'account'], ['Client Name', 'account'], ['Company', 'account'], ['Customer ID', 'account'],
    ['Total', 'amount'], ['Net Amount', 'amount'], ['Net Revenue', 'amount'], ['Value', 'amount'], ['Sales Person', 'manager'],
    ['Rep', 'manager'], ['Account Executive', 'manager'], ['Account Owner', 'manager'], ['Product Line', 'product'],
    ['Product Name', 'product'], ['SKU', 'product'], ['Item', 'product'], ['CCY', 'currency'], ['Curr', 'currency'],
    ['Currency Code', 'currency'], ['Invoice', 'id'], ['Invoice No', 'id'], ['Invoice Number', 'id'], ['Order ID', 'id'],
    ['Order Number', 'id'], ['Transaction ID', 'id'], ['Fecha de factura', 'date'], ['Producto', 'product'], ['Moneda', 'currency'],
    ['Divisa', 'currency'], ['Factura', 'id'], ['Data faktury', 'date'], ['Data sprzedaży', 'date'], ['Kontrahent', 'account'],
    ['Produkt', 'product'], ['Waluta', 'currency'], ['Numer faktury', 'id'], ['Netto', 'amount'], ['Artikel', 'product'],
    ['Währung', 'currency'], ['Rechnungsnummer', 'id'], ['Nettobetrag', 'amount'],
    // folding: case, accents, ł/ß, whitespace, _ - . and notes
    [' Menedżer  Konta ', 'manager'], ['MENEDZER KONTA', 'manager'], ['menedzer_konta', 'manager'], ['Rechnungsdatum', 'date'],
    ['RECHNUNGSDATUM', 'date'], ['IMPORTE', 'amount'], ['Amount (EUR)', 'amount'], ['Kwota [PLN]', 'amount'],
    ['Kwota netto (PLN)', 'amount'], ['ORDERDATE', 'date'], ['order_date', 'date'], ['Order-Date', 'date'], ['Order.Date', 'date'],
    ['Invoice No.', 'id'], ['WAEHRUNG', 'currency'], ['Wahrung', 'currency'], ['Przychod', 'amount'], ['wartosc', 'amount'],
    ['Fecha de emision', 'date'], ['AUSSENDIENST', 'manager'], ['Außendienst', 'manager'], ['Opiekun\u00a0klienta', 'manager'],
    ['Data\tsprzedazy', 'date'], ['\ufeffDate', 'date'], ['Kaeufer', 'account'],
  ])('%p → %p', (header, field) => {
    expect(matchHeader(header, HEADER_SYNONYMS)).toBe(field);
  });

  it.each([
    'Account Manager Name', 'Date of birth', 'Amounts', 'Customer Segment', 'Notes', 'Region', 'Quantity', 'Price', 'Discount',
    'Profit', 'Ship Mode', 'Sales (EUR) total', '', '(EUR)', 'Manager 2', 'Gross amount',
  ])('does not guess from part of a header: %p', (header) => {
    expect(matchHeader(header, HEADER_SYNONYMS)).toBeUndefined();
  });

  it('never maps a manager header to the account field by substring', () => {
    expect(matchHeader('Account Manager', HEADER_SYNONYMS)).toBe('manager');
    expect(matchHeader('Account Owner', HEADER_SYNONYMS)).toBe('manager');
    expect(matchHeader('Sales Rep', HEADER_SYNONYMS)).toBe('manager');
  });

  it('requires the four SPEC fields', () => {
    expect(REQUIRED_FIELDS).toEqual(['date', 'account', 'manager', 'amount']);
  });
});

describe('FX_HEADER_SYNONYMS', () => {
  it.each([
    ['Currency', 'currency'], ['Moneda', 'currency'], ['Divisa', 'currency'], ['Waluta', 'currency'], ['Währung', 'currency'],
    ['Rate', 'rate'], ['Exchange rate', 'rate'], ['Tipo de cambio', 'rate'], ['Kurs', 'rate'], ['Wechselkurs', 'rate'],
    ['Kurs średni', 'rate'], ['FX Rate', 'rate'],
  ])('%p → %p', (header, field) => {
    expect(matchHeader(header, FX_HEADER_SYNONYMS)).toBe(field);
  });
});
