/** Numbers, money, percentages and dates for the pane, formatted for a locale with `Intl`. */
export interface Formatters {
  /** A count: `1 234` / `1,234` / `1.234`. */
  integer(n: number): string;
  /** Whole cents as money in `currency` (ISO code), or as a plain amount with two decimals. */
  money(cents: number, currency: string | null): string;
  /** A ratio as a percentage, by default with at most one decimal: 0.873 → `87.3%` / `87,3 %`. */
  percent(ratio: number, maxFractionDigits?: number): string;
  /** A number with at most two decimals and grouping: `100,000.5`. */
  decimal(n: number): string;
  /** An ISO date `YYYY-MM-DD` as the locale writes it (medium style), never shifted by time zones. */
  date(iso: string): string;
  /** Items joined as a list: `Quotas, Key accounts and FX rates`. */
  list(items: readonly string[]): string;
  /** The locale's decimal mark, for numbers shown in and read from form fields. */
  readonly decimalMark: '.' | ',';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formatters for a BCP 47 locale.
 * @example formatters('de-DE').money(123456, 'EUR') // '1.234,56 €'
 * @example formatters('en-US').date('2026-09-30') // 'Sep 30, 2026'
 */
export function formatters(locale: string): Formatters {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percents = new Map<number, Intl.NumberFormat>();
  const percentFormat = (digits: number): Intl.NumberFormat => {
    let f = percents.get(digits);
    if (f === undefined) {
      f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits });
      percents.set(digits, f);
    }
    return f;
  };
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const currencies = new Map<string, Intl.NumberFormat>();
  const currencyFormat = (code: string): Intl.NumberFormat | undefined => {
    if (!/^[A-Z]{3}$/.test(code)) return undefined;
    let f = currencies.get(code);
    if (f === undefined) {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
      currencies.set(code, f);
    }
    return f;
  };
  const decimalPart = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return {
    integer: (n) => integer.format(n),
    money: (cents, currency) => (currencyFormat(currency ?? '') ?? amount).format(cents / 100),
    percent: (ratio, maxFractionDigits = 1) => percentFormat(maxFractionDigits).format(ratio),
    decimal: (n) => decimal.format(n),
    date: (iso) => {
      const m = ISO_DATE.exec(iso);
      return m === null ? iso : date.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    },
    list: (items) => list.format(items),
    decimalMark: decimalPart?.value === ',' ? ',' : '.',
  };
}
