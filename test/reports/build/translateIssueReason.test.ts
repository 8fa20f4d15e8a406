import { translateIssueReason } from '../../../src/reports/build';
import { LANGUAGES } from '../../../src/reports/i18n/language';

// Reasons exactly as the engine writes them (src/core/intake, src/core/quotas …).
const ENGINE_REASONS: readonly [code: string, reason: string][] = [
  ['amount.unparseable', 'not a number'],
  ['date.invalid', 'not a real calendar date: there is no day 31 in month 2 of 2025 (dates in this column are read as day/month/year)'],
  ['date.invalid', 'not a real calendar date: month 13 does not exist (dates in this column are read as month/day/year)'],
  ['date.invalid', 'not a real calendar date: there is no day 30 in month 2 of 2024'],
  ['manager.missing', 'the manager is missing'],
  ['account.missing', 'the account is missing'],
  ['date.missing', 'the date is missing'],
  ['amount.missing', 'the amount is missing'],
  ['cell.error', 'the cell holds the Excel error #N/A'],
  ['fx.noRate', 'no exchange rate for CHF'],
  ['date.unparseable', 'not a date in a recognised format (for example 2026-03-31, 31.03.2026 or 31/03/2026)'],
  ['amount.dash', 'a dash is not an amount'],
  ['amount.tooLarge', 'the converted amount is too large to hold exactly (more than 90 trillion)'],
  ['date.shortYear', 'the two-digit year "26" is ambiguous: write the year with four digits'],
  ['date.serial60', 'serial 60 is 29 February 1900, a day that does not exist (a known Excel quirk)'],
  ['quotas.unknownManager', 'Zoe has no accepted transactions; the quota is still used'],
  ['keyAccounts.unknown', 'ACME has no accepted transactions'],
];

describe('translateIssueReason', () => {
  it.each(ENGINE_REASONS)('%s "%s": English unchanged, translated in de, es, pl', (code, reason) => {
    expect(translateIssueReason({ code, reason }, 'en')).toBe(reason);
    const translations = LANGUAGES.filter((l) => l !== 'en').map((l) => translateIssueReason({ code, reason }, l));
    for (const t of translations) {
      expect(t).not.toBe(reason);
      expect(t).not.toMatch(/\{\w+\}/); // every placeholder filled
    }
  });

  it('carries the values over', () => {
    expect(translateIssueReason({ code: 'fx.noRate', reason: 'no exchange rate for CHF' }, 'de')).toBe('kein Wechselkurs für CHF');
    expect(translateIssueReason({ code: 'cell.error', reason: 'the cell holds the Excel error #DIV/0!' }, 'pl')).toBe('komórka zawiera błąd Excela #DIV/0!');
    expect(translateIssueReason({ code: 'date.invalid', reason: 'not a real calendar date: there is no day 31 in month 2 of 2025 (dates in this column are read as day/month/year)' }, 'es')).toBe(
      'no es una fecha real: el mes 2 de 2025 no tiene día 31 (las fechas de esta columna se leen como día/mes/año)',
    );
  });

  it('leaves a sentence it does not know exactly in English rather than guess', () => {
    const odd = { code: 'amount.unparseable', reason: 'not a number, and something new' };
    expect(translateIssueReason(odd, 'de')).toBe(odd.reason);
    expect(translateIssueReason({ code: 'plan.badValue', reason: 'rate must be a percentage' }, 'pl')).toBe('rate must be a percentage');
  });
});
