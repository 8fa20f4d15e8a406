import {
  defaultRunSettings,
  draftFromSettings,
  readRunSettings,
  validateRunSettings,
  type RunSettings,
  type SettingsDraft,
  type SettingsField,
} from '../../../src/taskpane/settings/runSettings';
import { runOptionsFor } from '../../../src/taskpane/settings/runOptions';
import { detectMapping } from '../../../src/taskpane/mapping/fieldMapping';
import { SOURCE } from '../support/fixtures';

const defaults = defaultRunSettings('en');
const draft = (patch: Partial<SettingsDraft>): SettingsDraft => ({ ...draftFromSettings(defaults), ...patch });

describe('defaultRunSettings', () => {
  it('has the SPEC defaults and the given report language', () => {
    expect(defaultRunSettings('pl')).toEqual({
      fiscalStart: 1,
      asOf: '',
      currency: '',
      decimal: 'auto',
      dateOrder: 'auto',
      nearThresholdPercent: 90,
      reviewAfter: 2,
      forecast: 'auto',
      reportLanguage: 'pl',
    });
  });
});

describe('validateRunSettings', () => {
  it.each<[string, Partial<SettingsDraft>, Partial<RunSettings>]>([
    ['the defaults', {}, {}],
    ['fiscal start April', { fiscalStart: '4' }, { fiscalStart: 4 }],
    ['an as-of date', { asOf: '2026-09-30' }, { asOf: '2026-09-30' }],
    ['29 February of a leap year', { asOf: '2028-02-29' }, { asOf: '2028-02-29' }],
    ['an as-of date with spaces', { asOf: ' 2026-09-30 ' }, { asOf: '2026-09-30' }],
    ['a currency in lower case', { currency: ' pln ' }, { currency: 'PLN' }],
    ['decimal comma', { decimal: ',' }, { decimal: ',' }],
    ['date order DMY', { dateOrder: 'DMY' }, { dateOrder: 'DMY' }],
    ['near threshold 85', { nearThresholdPercent: '85' }, { nearThresholdPercent: 85 }],
    ['near threshold 87,5', { nearThresholdPercent: '87,5' }, { nearThresholdPercent: 87.5 }],
    ['near threshold 100', { nearThresholdPercent: '100' }, { nearThresholdPercent: 100 }],
    ['review after 4', { reviewAfter: '4' }, { reviewAfter: 4 }],
    ['forecast ets', { forecast: 'ets' }, { forecast: 'ets' }],
    ['report language de', { reportLanguage: 'de' }, { reportLanguage: 'de' }],
  ])('accepts %s', (_name, patch, expected) => {
    expect(validateRunSettings(draft(patch))).toEqual({ ok: true, settings: { ...defaults, ...expected } });
  });

  it.each<[string, Partial<SettingsDraft>, SettingsField[]]>([
    ['fiscal start 13', { fiscalStart: '13' }, ['fiscalStart']],
    ['fiscal start 0', { fiscalStart: '0' }, ['fiscalStart']],
    ['an as-of date that does not exist', { asOf: '2026-02-30' }, ['asOf']],
    ['29 February of a common year', { asOf: '2026-02-29' }, ['asOf']],
    ['an as-of date in another format', { asOf: '30.09.2026' }, ['asOf']],
    ['a two-letter currency', { currency: 'EU' }, ['currency']],
    ['a currency symbol', { currency: '€' }, ['currency']],
    ['near threshold 0', { nearThresholdPercent: '0' }, ['nearThresholdPercent']],
    ['near threshold 120', { nearThresholdPercent: '120' }, ['nearThresholdPercent']],
    ['near threshold empty', { nearThresholdPercent: '' }, ['nearThresholdPercent']],
    ['near threshold text', { nearThresholdPercent: 'ninety' }, ['nearThresholdPercent']],
    ['near threshold negative', { nearThresholdPercent: '-5' }, ['nearThresholdPercent']],
    ['review after 0', { reviewAfter: '0' }, ['reviewAfter']],
    ['review after 5', { reviewAfter: '5' }, ['reviewAfter']],
    ['review after 1.5', { reviewAfter: '1.5' }, ['reviewAfter']],
    ['an unknown forecast method', { forecast: 'linear' }, ['forecast']],
    ['an unknown decimal separator', { decimal: ';' }, ['decimal']],
    ['an unknown date order', { dateOrder: 'YMD' }, ['dateOrder']],
    ['an unknown language', { reportLanguage: 'fr' }, ['reportLanguage']],
    ['several at once', { currency: 'X', reviewAfter: '9' }, ['currency', 'reviewAfter']],
  ])('rejects %s', (_name, patch, invalid) => {
    expect(validateRunSettings(draft(patch))).toEqual({ ok: false, invalid });
  });
});

describe('readRunSettings (what the workbook had saved)', () => {
  it.each<[string, unknown, Partial<RunSettings>]>([
    ['nothing saved', undefined, {}],
    ['null', null, {}],
    ['a string', 'fiscalStart=4', {}],
    ['an array', [4], {}],
    ['a full valid object', { ...defaults, fiscalStart: 7, currency: 'USD', forecast: 'seasonal' }, { fiscalStart: 7, currency: 'USD', forecast: 'seasonal' }],
    ['numbers as text', { fiscalStart: '10', reviewAfter: '3' }, { fiscalStart: 10, reviewAfter: 3 }],
    ['bad fields fall back one by one', { fiscalStart: 99, forecast: 'bogus', nearThresholdPercent: 80 }, { nearThresholdPercent: 80 }],
    ['wrong types fall back', { asOf: 20260930, currency: { code: 'EUR' } }, {}],
    ['unknown fields are ignored', { colour: 'blue', reportLanguage: 'es' }, { reportLanguage: 'es' }],
  ])('%s', (_name, stored, expected) => {
    expect(readRunSettings(stored, 'en')).toEqual({ ...defaults, ...expected });
  });

  it('round-trips through JSON', () => {
    const s: RunSettings = { ...defaults, fiscalStart: 4, asOf: '2026-12-31', decimal: ',', dateOrder: 'DMY', nearThresholdPercent: 92.5 };
    expect(readRunSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('uses the given language as the default report language', () => {
    expect(readRunSettings(undefined, 'de').reportLanguage).toBe('de');
  });
});

describe('runOptionsFor', () => {
  const mapping = detectMapping(SOURCE.headers);

  it('leaves automatic and empty settings to the engine, maps every column by its header', () => {
    expect(runOptionsFor(defaults, mapping)).toEqual({
      mapping: { date: 'Invoice Date', account: 'Customer', manager: 'Account Manager', amount: 'Amount', product: 'Product' },
      fiscalStart: 1,
      forecast: 'auto',
      nearThreshold: 0.9,
      reviewAfter: 2,
    });
  });

  it('passes every setting that is set', () => {
    const s: RunSettings = { ...defaults, fiscalStart: 4, asOf: '2026-09-30', currency: 'EUR', decimal: ',', dateOrder: 'DMY', forecast: 'ets' };
    expect(runOptionsFor(s, mapping)).toMatchObject({
      fiscalStart: 4,
      asOf: '2026-09-30',
      currency: 'EUR',
      decimal: ',',
      dateOrder: 'DMY',
      forecast: 'ets',
    });
  });
});
