import type { Field } from './fields';

/** The languages headers are recognised in (those of the Office display languages we support). */
export type Language = 'en' | 'es' | 'pl' | 'de';

/** Every supported header language. */
export const LANGUAGES: readonly Language[] = ['en', 'es', 'pl', 'de'];

/**
 * Header synonyms per field and language. Within one language the list is in priority order:
 * when two columns match the same field (`Customer Name` and `Customer ID`, `Order Date` and
 * `Ship Date`), the one whose synonym comes first wins. Matching folds case, accents,
 * whitespace, `_ - .` (see `headerKey`), so each synonym is written once, naturally.
 */
export type SynonymTable<F extends string> = Readonly<Record<F, Readonly<Record<Language, readonly string[]>>>>;

/**
 * Transaction headers in English, Spanish, Polish and German (SPEC §1.1), including the names
 * public sales datasets and ERP/CRM exports use. A folded synonym belongs to one field only
 * (tested), and matching is by the whole header, never by substring: `Account Manager` is the
 * manager, not the account.
 */
export const HEADER_SYNONYMS: SynonymTable<Field> = {
  date: {
    en: [
      'date', 'invoice date', 'transaction date', 'sale date', 'sales date', 'order date', 'posting date',
      'document date', 'billing date', 'booking date', 'close date', 'closed date', 'closing date',
      'date of sale', 'invoice dt', 'txn date', 'trans date', 'ship date', 'shipped date', 'delivery date',
    ],
    es: [
      'fecha', 'fecha de factura', 'fecha factura', 'fecha de venta', 'fecha venta', 'fecha de emisión',
      'fecha de operación', 'fecha de transacción', 'fecha de pedido', 'fecha pedido', 'fecha contable',
      'fecha de cierre', 'fecha de documento', 'fecha de entrega',
    ],
    pl: [
      'data', 'data faktury', 'data sprzedaży', 'data wystawienia', 'data transakcji', 'data dokumentu',
      'data operacji', 'data zamówienia', 'data księgowania', 'data zamknięcia', 'data dostawy',
    ],
    de: [
      'datum', 'rechnungsdatum', 'belegdatum', 'verkaufsdatum', 'transaktionsdatum', 'buchungsdatum',
      'auftragsdatum', 'bestelldatum', 'abschlussdatum', 'leistungsdatum', 'lieferdatum',
    ],
  },
  account: {
    en: [
      'account', 'account name', 'customer', 'customer name', 'client', 'client name', 'company',
      'company name', 'customer account', 'buyer', 'sold to', 'retailer', 'organization', 'organisation',
      'customer id', 'account id', 'client id', 'customer number', 'customer no', 'account number',
      'customer code',
    ],
    es: [
      'cuenta', 'cliente', 'nombre del cliente', 'nombre de cliente', 'nombre cliente', 'razón social',
      'empresa', 'comprador', 'id cliente', 'id de cliente', 'código de cliente', 'código cliente',
      'número de cliente',
    ],
    pl: [
      'klient', 'kontrahent', 'nazwa klienta', 'nazwa kontrahenta', 'odbiorca', 'nabywca', 'firma', 'konto',
      'id klienta', 'numer klienta', 'nr klienta', 'kod klienta',
    ],
    de: [
      'kunde', 'kundenname', 'konto', 'firma', 'firmenname', 'auftraggeber', 'käufer', 'kaeufer', 'abnehmer',
      'kundennummer', 'kundennr', 'kunden nr', 'kunden id',
    ],
  },
  manager: {
    en: [
      'account manager', 'manager', 'key account manager', 'kam', 'account owner', 'owner', 'sales rep',
      'sales representative', 'salesperson', 'sales person', 'salesman', 'saleswoman', 'rep',
      'account executive', 'sales executive', 'sales manager', 'sales agent', 'seller', 'opportunity owner',
      'deal owner', 'sales owner', 'agent',
    ],
    es: [
      'gerente de cuentas', 'gerente de cuenta', 'gerente', 'vendedor', 'vendedora', 'comercial',
      'ejecutivo de cuentas', 'ejecutivo de cuenta', 'ejecutivo comercial', 'representante de ventas',
      'representante', 'asesor comercial', 'agente', 'responsable',
    ],
    pl: [
      'menedżer konta', 'menadżer konta', 'menedżer klienta', 'menedżer', 'menadżer', 'opiekun',
      'opiekun klienta', 'przedstawiciel handlowy', 'przedstawiciel', 'handlowiec', 'sprzedawca',
      'doradca handlowy', 'kierownik',
    ],
    de: [
      'kundenbetreuer', 'kundenbetreuerin', 'vertriebsmitarbeiter', 'vertriebsmitarbeiterin', 'verkäufer',
      'verkäuferin', 'verkaeufer', 'außendienstmitarbeiter', 'außendienst', 'aussendienst', 'betreuer',
      'vertriebler', 'vertreter', 'handelsvertreter', 'verantwortlicher', 'zuständig',
    ],
  },
  amount: {
    en: [
      'amount', 'net amount', 'net revenue', 'net sales', 'revenue', 'sales', 'net', 'net value', 'value',
      'sales amount', 'sale amount', 'sales value', 'total sales', 'invoice amount', 'amount net',
      'deal value', 'deal amount', 'turnover', 'total', 'total amount', 'invoice total', 'order total',
      'line total', 'subtotal',
    ],
    es: [
      'importe', 'importe neto', 'monto', 'monto neto', 'ventas', 'ventas netas', 'valor', 'valor neto',
      'ingresos', 'ingreso', 'facturación', 'base imponible', 'importe total', 'total', 'total factura',
    ],
    pl: [
      'kwota', 'kwota netto', 'netto', 'wartość', 'wartość netto', 'przychód', 'przychody', 'sprzedaż',
      'sprzedaż netto', 'wartość sprzedaży', 'obrót', 'suma',
    ],
    de: [
      'betrag', 'nettobetrag', 'umsatz', 'nettoumsatz', 'netto', 'wert', 'nettowert', 'erlös', 'erlöse',
      'erloes', 'umsatzerlöse', 'rechnungsbetrag', 'auftragswert', 'gesamtbetrag', 'summe',
    ],
  },
  product: {
    en: [
      'product', 'product name', 'product line', 'product group', 'product family', 'product category',
      'item', 'item name', 'item description', 'sku', 'article', 'service', 'material', 'product id',
      'product code', 'item code',
    ],
    es: [
      'producto', 'nombre del producto', 'nombre de producto', 'línea de producto', 'línea de productos',
      'familia de producto', 'categoría de producto', 'artículo', 'servicio', 'código de producto',
    ],
    pl: [
      'produkt', 'nazwa produktu', 'linia produktów', 'linia produktowa', 'grupa produktów',
      'kategoria produktu', 'towar', 'artykuł', 'usługa', 'indeks', 'kod produktu',
    ],
    de: [
      'produkt', 'produktname', 'produktlinie', 'produktgruppe', 'produktkategorie', 'artikel',
      'artikelname', 'artikelbezeichnung', 'ware', 'leistung', 'dienstleistung', 'artikelnummer',
    ],
  },
  currency: {
    en: [
      'currency', 'currency code', 'ccy', 'curr', 'cur', 'transaction currency', 'invoice currency',
      'document currency', 'iso currency',
    ],
    es: ['moneda', 'divisa', 'código de moneda', 'moneda de factura', 'moneda de la transacción'],
    pl: ['waluta', 'kod waluty', 'waluta faktury', 'waluta transakcji'],
    de: ['währung', 'waehrung', 'währungscode', 'währungsschlüssel', 'belegwährung', 'rechnungswährung'],
  },
  id: {
    en: [
      'id', 'transaction id', 'invoice', 'invoice no', 'invoice number', 'invoice id', 'invoice #',
      'order id', 'order number', 'order no', 'order #', 'transaction number', 'document number',
      'document no', 'deal id', 'opportunity id', 'reference', 'ref', 'row id', 'line id',
    ],
    es: [
      'factura', 'número de factura', 'no factura', 'num factura', 'id de transacción', 'número de pedido',
      'pedido', 'número de documento', 'documento', 'folio',
    ],
    pl: [
      'numer faktury', 'nr faktury', 'faktura', 'numer dokumentu', 'nr dokumentu', 'numer zamówienia',
      'nr zamówienia', 'zamówienie', 'id transakcji', 'identyfikator', 'lp',
    ],
    de: [
      'rechnungsnummer', 'rechnungsnr', 'rechnung', 'belegnummer', 'belegnr', 'beleg', 'auftragsnummer',
      'auftragsnr', 'bestellnummer', 'transaktionsnummer', 'transaktions id', 'vorgangsnummer',
      'dokumentnummer', 'nummer', 'nr',
    ],
  },
};

/** The columns of an FX rate table: a currency and its rate to the reporting currency. */
export type FxField = 'currency' | 'rate';

/** FX table headers: the currency synonyms above, and the rate in four languages. */
export const FX_HEADER_SYNONYMS: SynonymTable<FxField> = {
  currency: HEADER_SYNONYMS.currency,
  rate: {
    en: ['rate', 'exchange rate', 'fx rate', 'fx', 'conversion rate', 'rate to reporting currency'],
    es: ['tipo de cambio', 'tasa de cambio', 'tasa', 'cambio', 'cotización'],
    pl: ['kurs', 'kurs wymiany', 'kurs waluty', 'kurs średni', 'przelicznik'],
    de: ['wechselkurs', 'kurs', 'umrechnungskurs', 'devisenkurs'],
  },
};
