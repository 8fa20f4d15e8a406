import { formatters } from '../../../src/taskpane/i18n/formatters';
import { languageName } from '../../../src/taskpane/i18n/languageName';
import { localeFor, paneLocale } from '../../../src/taskpane/i18n/paneLocale';

// Intl puts narrow no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatters', () => {
  it.each<[string, number, string | null, string]>([
    ['en-US', 123456789, 'EUR', '€1,234,567.89'],
    ['de-DE', 123456789, 'EUR', '1.234.567,89 €'],
    ['pl-PL', 123456789, 'PLN', '1 234 567,89 zł'],
    ['es-ES', -50, 'EUR', '-0,50 €'],
    ['en-US', 123456, null, '1,234.56'],
    ['de-DE', 123456, 'not a code', '1.234,56'],
  ])('%s money %d %s → %s', (locale, cents, currency, expected) => {
    expect(plain(formatters(locale).money(cents, currency))).toBe(expected);
  });

  it.each<[string, number, string]>([
    ['en-US', 0.873, '87.3%'],
    ['de-DE', 0.873, '87,3 %'],
    ['pl-PL', 1.25, '125%'],
    ['es-ES', 0.4, '40 %'],
  ])('%s percent %d → %s', (locale, ratio, expected) => {
    expect(plain(formatters(locale).percent(ratio))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['en-US', '2026-09-30', 'Sep 30, 2026'],
    ['de-DE', '2026-09-30', '30.09.2026'],
    ['en-US', '2026-01-01', 'Jan 1, 2026'],
    ['de-DE', 'not a date', 'not a date'],
  ])('%s date %s → %s (no time-zone shift)', (locale, iso, expected) => {
    expect(formatters(locale).date(iso)).toBe(expected);
  });

  it.each<[string, '.' | ',']>([
    ['en-US', '.'],
    ['de-DE', ','],
    ['pl-PL', ','],
    ['es-ES', ','],
    ['de-CH', '.'],
  ])('%s decimal mark %s', (locale, mark) => {
    expect(formatters(locale).decimalMark).toBe(mark);
  });

  it('formats counts and lists', () => {
    expect(plain(formatters('pl-PL').integer(1234567))).toBe('1 234 567');
    expect(formatters('en-US').list(['Quotas', 'FX rates'])).toBe('Quotas and FX rates');
    expect(formatters('de-DE').list(['Quoten', 'Wechselkurse', 'Kundenziele'])).toBe('Quoten, Wechselkurse und Kundenziele');
  });
});

describe('localeFor / paneLocale', () => {
  it.each<[Parameters<typeof localeFor>[0], string | undefined, string]>([
    ['de', 'de-AT', 'de-AT'],
    ['de', 'en-GB', 'de-DE'],
    ['en', 'en-GB', 'en-GB'],
    ['en', undefined, 'en-US'],
    ['pl', 'pl-PL', 'pl-PL'],
    ['es', 'es-MX', 'es-MX'],
  ])('%s with display language %s → %s', (language, tag, expected) => {
    expect(localeFor(language, tag)).toBe(expected);
  });

  it('binds the translator to the language', () => {
    expect(paneLocale('es').t('pane.source.useSelection')).toBe('Usar selección');
  });
});

describe('languageName', () => {
  it('names each language in itself', () => {
    expect(['en', 'de', 'es', 'pl'].map((l) => languageName(l as 'en'))).toEqual(['English', 'Deutsch', 'Español', 'Polski']);
  });
});
