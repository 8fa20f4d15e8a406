import { ISSUE_MESSAGES, issueMessage, type IssueMessageKey } from '../../../src/core/issues/messages';
import { issueMessageText, ISSUE_TRANSLATIONS } from '../../../src/reports/i18n/issues';
import { LANGUAGES } from '../../../src/reports/i18n/language';

const KEYS = Object.keys(ISSUE_MESSAGES) as IssueMessageKey[];
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
const TRANSLATED = LANGUAGES.filter((l) => l !== 'en') as ('de' | 'es' | 'pl')[];

describe('issue message catalog', () => {
  it.each(TRANSLATED)('%s has exactly the keys of the English catalog', (lang) => {
    expect(Object.keys(ISSUE_TRANSLATIONS[lang]).sort()).toEqual([...KEYS].sort());
  });

  it.each(TRANSLATED)('%s: every sentence is translated, with the same placeholders as English', (lang) => {
    for (const key of KEYS) {
      const text = ISSUE_TRANSLATIONS[lang][key];
      expect([key, text.trim().length > 0]).toEqual([key, true]);
      expect([key, text]).not.toEqual([key, ISSUE_MESSAGES[key]]);
      expect([key, placeholders(text)]).toEqual([key, placeholders(ISSUE_MESSAGES[key])]);
    }
  });

  it.each(TRANSLATED)('%s: no leftover English words from the engine sentences', (lang) => {
    for (const key of KEYS) {
      expect([key, ISSUE_TRANSLATIONS[lang][key]]).not.toEqual([key, expect.stringMatching(/\b(the|is|not|must|has|column|amount|missing)\b/)]);
    }
  });

  it('one sentence per combination keeps the parts of composite reasons in every language', () => {
    for (const lang of TRANSLATED) {
      const t = ISSUE_TRANSLATIONS[lang];
      expect(t['date.noSuchDay.dmy'].startsWith(t['date.noSuchDay'])).toBe(true);
      expect(t['date.noSuchMonth.mdy'].startsWith(t['date.noSuchMonth'])).toBe(true);
      expect(t['amount.groupingHint'].startsWith(t['amount.grouping'])).toBe(true);
    }
  });

  it.each([
    ['de', issueMessage('fx.noRate', { currency: 'CHF' }), 'kein Wechselkurs für CHF'],
    ['es', issueMessage('quotas.duplicate', { name: 'Ana', period: '2026-Q1', row: 7 }), 'segunda cuota para Ana, 2026-Q1; se usa la primera (fila 7)'],
    ['pl', issueMessage('cell.excelError', { error: '#DIV/0!' }), 'komórka zawiera błąd Excela #DIV/0!'],
    ['de', issueMessage('date.noSuchDay.dmy', { day: 31, month: 2, year: 2025 }),
      'kein gültiges Kalenderdatum: Monat 2 des Jahres 2025 hat keinen Tag 31 (Datumsangaben dieser Spalte werden als Tag/Monat/Jahr gelesen)'],
    ['pl', issueMessage('plan.rateTooHigh', { value: '5' }), 'stawka 5 oznacza ponad 100 %; dla 5 % wpisz 5 % lub 0,05'],
    ['es', issueMessage('amount.groupingHint', { separator: ',' }),
      'tras un separador de miles, cada grupo debe tener tres cifras (si aquí «,» es el separador decimal, configure «,» como separador decimal)'],
    ['en', issueMessage('targets.duplicateProduct', { account: 'Acme', product: 'Widget', row: 3 }), 'second target for Acme, Widget; the first one (row 3) is used'],
  ] as const)('%s: %j', (lang, message, expected) => {
    expect(issueMessageText(lang, message)).toBe(expected);
  });
});
