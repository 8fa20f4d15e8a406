import { message, translator, type PaneMessageKey } from '../../../src/reports/i18n/catalog';
import { LANGUAGES } from '../../../src/reports/i18n/language';
import { paneDe, paneEn, paneEs, panePl } from '../../../src/reports/i18n/pane';

const keys = Object.keys(paneEn) as PaneMessageKey[];
const byLanguage = { en: paneEn, de: paneDe, es: paneEs, pl: panePl } as const;
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

/** Keys whose text is the same in every language (brand, symbols, pure placeholders). */
const SAME_EVERYWHERE: readonly PaneMessageKey[] = ['pane.appTitle', 'pane.results.hhiValue', 'pane.results.notAvailable'];

describe('task-pane messages', () => {
  it('every key starts with "pane."', () => {
    expect(keys.filter((k) => !k.startsWith('pane.'))).toEqual([]);
  });

  it.each(LANGUAGES)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(byLanguage[lang]).sort()).toEqual([...keys].sort());
  });

  it.each(LANGUAGES)('%s: every text is non-empty, trimmed, with the English placeholders', (lang) => {
    for (const key of keys) {
      const text = message(lang, key);
      expect([key, text.trim().length > 0, text === text.trim()]).toEqual([key, true, true]);
      expect([key, placeholders(text)]).toEqual([key, placeholders(paneEn[key])]);
    }
  });

  /** Words that are the same in that language ("optional", "Details" in German). */
  const sameWord: Readonly<Record<'de' | 'es' | 'pl', readonly PaneMessageKey[]>> = {
    de: ['pane.mapping.optional', 'pane.error.details'],
    es: [],
    pl: [],
  };
  it.each(['de', 'es', 'pl'] as const)('%s is translated (no English left behind)', (lang) => {
    const same = [...SAME_EVERYWHERE, ...sameWord[lang]];
    const untranslated = keys.filter((k) => !same.includes(k) && byLanguage[lang][k] === paneEn[k]);
    expect(untranslated).toEqual([]);
  });

  it('is served by the one catalog, next to the report messages', () => {
    expect(message('en', 'pane.source.createReports')).toBe('Create reports');
    expect(message('de', 'pane.source.createReports')).toBe('Berichte erstellen');
    expect(message('es', 'pane.source.createReports')).toBe('Crear informes');
    expect(message('pl', 'pane.source.createReports')).toBe('Utwórz raporty');
    expect(translator('pl')('pane.progress.reading', { done: '1 000', total: '5 000' })).toBe('Odczyt wierszy: 1 000 z 5 000');
    expect(message('de', 'sheet.quarterly')).toBe('Quartalsergebnisse');
  });
});
