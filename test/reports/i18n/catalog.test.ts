import { en } from '../../../src/reports/i18n/en';
import { message, monthName, type MessageKey } from '../../../src/reports/i18n/catalog';
import { LANGUAGES, languageFromTag } from '../../../src/reports/i18n/language';

const keys = Object.keys(en) as MessageKey[];

describe('message catalog', () => {
  it.each(LANGUAGES)('%s has a non-empty text for every key, with the same placeholders as English', (lang) => {
    for (const key of keys) {
      const text = message(lang, key);
      expect(text.trim().length).toBeGreaterThan(0);
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([key, ph(text)]).toEqual([key, ph(en[key])]);
    }
  });

  it.each(LANGUAGES)('%s sheet names are legal Excel sheet names', (lang) => {
    for (const key of keys.filter((k) => k.startsWith('sheet.'))) {
      const name = message(lang, key);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
      expect(name).not.toMatch(/^'|'$/);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(message('pl', 'title.quarterly', { year: 'FY2027' })).toBe('Wyniki kwartalne FY2027');
    expect(message('de', 'title.quarterly')).toBe('Quartalsergebnisse {year}');
  });

  it.each([
    ['de-DE', 'de'],
    ['es-MX', 'es'],
    ['pl', 'pl'],
    ['PL-pl', 'pl'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('picks %s → %s', (tag, lang) => {
    expect(languageFromTag(tag)).toBe(lang);
  });

  it('names months', () => {
    expect(monthName('de', 3)).toBe('März');
    expect(monthName('pl', 10)).toBe('październik');
  });
});
