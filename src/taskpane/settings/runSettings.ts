import type { ForecastMethodOption } from '../../core/forecast/chooseMethod';
import { isValidYmd } from '../../core/periods/dayNumber';
import { isFiscalStartMonth, type FiscalStartMonth } from '../../core/periods/fiscalStartMonth';
import { LANGUAGES, type Language } from '../../reports/i18n/language';

/** Decimal separator of amounts written as text; `auto` leaves it to the engine (SPEC §1.2). */
export type DecimalSetting = 'auto' | '.' | ',';
/** Day/month order of slash dates; `auto` = detected from the date column (SPEC §1.2). */
export type DateOrderSetting = 'auto' | 'DMY' | 'MDY';

/**
 * The settings of a run, as the user chose them in the pane and as saved in the workbook
 * (`workbook.settings`, as JSON), so the next person who opens it gets the same run.
 * A plain object: every field has a default ({@link defaultRunSettings}).
 */
export interface RunSettings {
  /** First month of the fiscal year, 1–12. */
  readonly fiscalStart: FiscalStartMonth;
  /** `YYYY-MM-DD`, or `''` for the latest transaction date. */
  readonly asOf: string;
  /** ISO currency code (upper case), or `''` for the most frequent currency. */
  readonly currency: string;
  readonly decimal: DecimalSetting;
  readonly dateOrder: DateOrderSetting;
  /** "Near" status from this attainment, in percent (90 = 90 %), 1–100. */
  readonly nearThresholdPercent: number;
  /** Closed quarters below 100 % in a row that flag a review, 1–4. */
  readonly reviewAfter: number;
  readonly forecast: ForecastMethodOption;
  /** Language of the report sheets. */
  readonly reportLanguage: Language;
}

export const DECIMAL_SETTINGS: readonly DecimalSetting[] = ['auto', '.', ','];
export const DATE_ORDER_SETTINGS: readonly DateOrderSetting[] = ['auto', 'DMY', 'MDY'];
export const FORECAST_SETTINGS: readonly ForecastMethodOption[] = ['auto', 'run-rate', 'seasonal', 'ets'];

/**
 * SPEC defaults; the report language follows the pane's language.
 * @example defaultRunSettings('de').nearThresholdPercent // 90
 */
export function defaultRunSettings(reportLanguage: Language = 'en'): RunSettings {
  return {
    fiscalStart: 1,
    asOf: '',
    currency: '',
    decimal: 'auto',
    dateOrder: 'auto',
    nearThresholdPercent: 90,
    reviewAfter: 2,
    forecast: 'auto',
    reportLanguage,
  };
}

/** The settings as form values: every field as the text an input or dropdown holds. */
export type SettingsDraft = { readonly [K in keyof RunSettings]: string };

/** A field of the settings. */
export type SettingsField = keyof RunSettings;

/** The draft for a settings object (what the form shows). */
export function draftFromSettings(settings: RunSettings): SettingsDraft {
  return {
    fiscalStart: String(settings.fiscalStart),
    asOf: settings.asOf,
    currency: settings.currency,
    decimal: settings.decimal,
    dateOrder: settings.dateOrder,
    nearThresholdPercent: String(settings.nearThresholdPercent),
    reviewAfter: String(settings.reviewAfter),
    forecast: settings.forecast,
    reportLanguage: settings.reportLanguage,
  };
}

/** Valid settings, or the fields that are not (each shown with its own message). */
export type SettingsValidation =
  | { readonly ok: true; readonly settings: RunSettings }
  | { readonly ok: false; readonly invalid: readonly SettingsField[] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return allowed.find((a) => a === value);
}

/** A number typed in a form: digits with `.` or `,` as decimal mark, surrounding spaces ignored. */
function formNumber(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

type Checked = { [K in SettingsField]: RunSettings[K] | undefined };

function check(draft: SettingsDraft): Checked {
  const fiscal = Number(draft.fiscalStart);
  const asOf = draft.asOf.trim();
  const date = ISO_DATE.exec(asOf);
  const currency = draft.currency.trim().toUpperCase();
  const near = formNumber(draft.nearThresholdPercent);
  const review = formNumber(draft.reviewAfter);
  return {
    fiscalStart: isFiscalStartMonth(fiscal) ? fiscal : undefined,
    asOf: asOf === '' || (date !== null && isValidYmd(Number(date[1]), Number(date[2]), Number(date[3]))) ? asOf : undefined,
    currency: currency === '' || /^[A-Z]{3}$/.test(currency) ? currency : undefined,
    decimal: oneOf(DECIMAL_SETTINGS, draft.decimal),
    dateOrder: oneOf(DATE_ORDER_SETTINGS, draft.dateOrder),
    nearThresholdPercent: near !== undefined && near >= 1 && near <= 100 ? near : undefined,
    reviewAfter: review !== undefined && Number.isInteger(review) && review >= 1 && review <= 4 ? review : undefined,
    forecast: oneOf(FORECAST_SETTINGS, draft.forecast),
    reportLanguage: oneOf(LANGUAGES, draft.reportLanguage),
  };
}

/**
 * Checks a settings draft: fiscal start 1–12; as-of empty or a real `YYYY-MM-DD` date; currency
 * empty or three letters (upper-cased); near threshold 1–100 %; review after 1–4 whole quarters;
 * the choices from their lists.
 * @example validateRunSettings({ ...draftFromSettings(defaultRunSettings()), currency: 'eur' }) // ok, currency 'EUR'
 */
export function validateRunSettings(draft: SettingsDraft): SettingsValidation {
  const c = check(draft);
  const invalid = (Object.keys(c) as SettingsField[]).filter((k) => c[k] === undefined);
  if (invalid.length > 0) return { ok: false, invalid };
  return { ok: true, settings: c as RunSettings };
}

/**
 * Settings read back from the workbook: whatever was stored (an older version, a hand edit, junk)
 * becomes valid settings, field by field; a field that is missing or invalid takes its default.
 * @example readRunSettings({ fiscalStart: 4, forecast: 'bogus' }, 'en') // fiscalStart 4, forecast 'auto'
 */
export function readRunSettings(stored: unknown, reportLanguage: Language = 'en'): RunSettings {
  const defaults = defaultRunSettings(reportLanguage);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return defaults;
  const record = stored as Record<string, unknown>;
  const draft = draftFromSettings(defaults);
  const texts = Object.fromEntries(
    (Object.keys(draft) as SettingsField[]).map((k) => {
      const v = record[k];
      return [k, typeof v === 'string' || typeof v === 'number' ? String(v) : draft[k]];
    }),
  ) as SettingsDraft;
  const c = check(texts);
  const merged = Object.fromEntries(
    (Object.keys(defaults) as SettingsField[]).map((k) => [k, c[k] ?? defaults[k]]),
  ) as unknown as RunSettings;
  return merged;
}
