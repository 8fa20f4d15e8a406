import { translateForecastReason } from '../../../src/reports/build';

describe('translateForecastReason', () => {
  it.each([
    ['31 months of history: exponential smoothing (ETS) with a 12-month season', 'Monate Historie: 31; exponentielle Glättung (ETS) mit 12-Monats-Saison'],
    ['1 month of history: run rate (year to date × days in the year / days elapsed)', 'Monate Historie: 1; Hochrechnung (lfd. Jahr × Tage im Jahr / vergangene Tage)'],
    [
      'Seasonal chosen in the settings (14 months of history): revenue in the same period last year is not positive; run rate instead',
      'Saisonal in den Einstellungen gewählt; Monate Historie: 14; der Umsatz im gleichen Zeitraum des Vorjahres ist nicht positiv; stattdessen Hochrechnung (Run-Rate)',
    ],
    [
      '0 months of history: run rate (year to date × days in the year / days elapsed) (no revenue yet)',
      'Monate Historie: 0; Hochrechnung (lfd. Jahr × Tage im Jahr / vergangene Tage) (noch kein Umsatz)',
    ],
  ])('%s', (reason, german) => {
    expect(translateForecastReason(reason, 'de')).toBe(german);
    expect(translateForecastReason(reason, 'en')).toBe(reason);
  });

  it.each(['es', 'pl'] as const)('%s translates every explanation the engine gives', (lang) => {
    const whats = [
      'exponential smoothing needs at least 2 whole months; run rate instead',
      'exponential smoothing (ETS) with a 12-month season',
      'exponential smoothing (ETS) with a trend but no season (a season needs 24 months)',
      'last fiscal year is not fully in the data, so no seasonal pattern; run rate instead',
      'revenue in the same period last year is not positive; run rate instead',
      "this year to date × last year's total / last year's same period (seasonal)",
      'run rate (year to date × days in the year / days elapsed)',
    ];
    for (const what of whats) {
      const reason = `20 months of history: ${what}`;
      const t = translateForecastReason(reason, lang);
      expect(t).not.toBe(reason);
      expect(t).toMatch(/20/);
      expect(t).not.toMatch(/\{\w+\}/);
    }
  });

  it('keeps a sentence it does not recognise in English', () => {
    expect(translateForecastReason('12 months of history: a brand-new method', 'pl')).toBe('12 months of history: a brand-new method');
  });
});
