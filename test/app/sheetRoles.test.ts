import { sheetRole } from '../../src/app/sheetRoles';
import { message } from '../../src/reports/i18n/catalog';
import { LANGUAGES } from '../../src/reports/i18n/language';

describe('sheetRole', () => {
  it.each([
    ['Quotas', 'quotas'],
    ['Commission Plan', 'plan'],
    ['Plan prowizyjny', 'plan'],
    ['Key Accounts', 'keyAccounts'],
    ['Schlüsselkunden', 'keyAccounts'],
    ['Account Targets', 'targets'],
    ['Kursy walut', 'fx'],
    ['  FX_Rates ', 'fx'],
    ['Sales', undefined],
  ])('%s → %s', (name, role) => {
    expect(sheetRole(name)).toBe(role);
  });

  it.each(LANGUAGES)('never takes a %s report sheet for a side table', (lang) => {
    for (const key of ['sheet.quarterly', 'sheet.commission', 'sheet.forecast', 'sheet.accounts', 'sheet.issues'] as const) {
      expect(sheetRole(message(lang, key))).toBeUndefined();
    }
  });
});
