import { Dropdown, Field, Input, makeStyles, Option, tokens, type InputProps } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { monthName, type CatalogKey } from '../../reports/i18n/catalog';
import { LANGUAGES } from '../../reports/i18n/language';
import { languageName } from '../i18n/languageName';
import { usePaneLocale } from '../i18n/usePaneLocale';
import {
  DATE_ORDER_SETTINGS,
  DECIMAL_SETTINGS,
  FORECAST_SETTINGS,
  validateRunSettings,
  type RunSettings,
  type SettingsDraft,
  type SettingsField,
} from '../settings/runSettings';

export interface SettingsPanelProps {
  /** The settings as the form shows them (the App keeps the draft, so it survives closing the section). */
  readonly draft: SettingsDraft;
  /** Every edit. */
  readonly onChange: (draft: SettingsDraft) => void;
  /**
   * A finished edit (a choice made, a field left) that leaves every setting valid: the time to
   * persist. The App saves only when the settings differ from what it saved last.
   */
  readonly onCommit: (settings: RunSettings) => void;
  readonly disabled?: boolean;
}

const ERROR_KEYS: Readonly<Partial<Record<SettingsField, CatalogKey>>> = {
  fiscalStart: 'pane.settings.error.fiscalStart',
  asOf: 'pane.settings.error.asOf',
  currency: 'pane.settings.error.currency',
  nearThresholdPercent: 'pane.settings.error.nearThreshold',
  reviewAfter: 'pane.settings.error.reviewAfter',
};

const DECIMAL_KEYS: Readonly<Record<string, CatalogKey>> = {
  auto: 'pane.settings.decimal.auto',
  '.': 'pane.settings.decimal.point',
  ',': 'pane.settings.decimal.comma',
};
const DATE_ORDER_KEYS: Readonly<Record<string, CatalogKey>> = {
  auto: 'pane.settings.dateOrder.auto',
  DMY: 'pane.settings.dateOrder.dmy',
  MDY: 'pane.settings.dateOrder.mdy',
};
const FORECAST_KEYS: Readonly<Record<string, CatalogKey>> = {
  auto: 'pane.settings.forecast.auto',
  'run-rate': 'pane.settings.forecast.runRate',
  seasonal: 'pane.settings.forecast.seasonal',
  ets: 'pane.settings.forecast.ets',
};

const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
const QUARTERS = ['1', '2', '3', '4'] as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  control: { minWidth: 0, width: '100%' },
});

/**
 * The run settings: fiscal year start, as-of date, reporting currency, decimal separator and
 * date order (each with "automatic"), near threshold, review length, forecast method and report
 * language. Typed fields show their message once left; choices cannot be invalid.
 */
export function SettingsPanel({ draft, onChange, onCommit, disabled = false }: SettingsPanelProps): ReactElement {
  const { t, language } = usePaneLocale();
  const styles = useStyles();
  const [touched, setTouched] = useState<ReadonlySet<SettingsField>>(new Set());
  const validation = validateRunSettings(draft);
  const invalid = new Set(validation.ok ? [] : validation.invalid);

  const commit = (next: SettingsDraft) => {
    const v = validateRunSettings(next);
    if (v.ok) onCommit(v.settings);
  };
  const choose = (field: SettingsField, value: string | undefined) => {
    if (value === undefined || value === draft[field]) return;
    const next = { ...draft, [field]: value };
    onChange(next);
    commit(next);
  };
  const leave = (field: SettingsField) => {
    setTouched((s) => (s.has(field) ? s : new Set([...s, field])));
    commit(draft);
  };
  const message = (field: SettingsField) => {
    const key = ERROR_KEYS[field];
    return invalid.has(field) && touched.has(field) && key !== undefined ? { validationMessage: t(key), validationState: 'error' as const } : {};
  };

  const choice = (field: SettingsField, label: CatalogKey, options: readonly { value: string; text: string }[]) => (
    <Field label={t(label)} {...message(field)}>
      <Dropdown
        className={styles.control}
        disabled={disabled}
        value={options.find((o) => o.value === draft[field])?.text ?? draft[field]}
        selectedOptions={[draft[field]]}
        onOptionSelect={(_e, data) => choose(field, data.optionValue)}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
  const text = (field: SettingsField, label: CatalogKey, hint: CatalogKey | undefined, extra: Partial<InputProps>) => (
    <Field label={t(label)} {...(hint !== undefined && { hint: t(hint) })} {...message(field)}>
      <Input
        className={styles.control}
        disabled={disabled}
        value={draft[field]}
        onChange={(_e, data) => onChange({ ...draft, [field]: field === 'currency' ? data.value.toUpperCase() : data.value })}
        onBlur={() => leave(field)}
        {...extra}
      />
    </Field>
  );

  return (
    <div className={styles.root}>
      {choice(
        'fiscalStart',
        'pane.settings.fiscalStart',
        MONTHS.map((m) => ({ value: m, text: monthName(language, Number(m)) })),
      )}
      {text('asOf', 'pane.settings.asOf', 'pane.settings.asOf.hint', { type: 'date' })}
      {text('currency', 'pane.settings.currency', 'pane.settings.currency.hint', { maxLength: 3, autoComplete: 'off' })}
      {choice('decimal', 'pane.settings.decimal', DECIMAL_SETTINGS.map((d) => ({ value: d, text: t(DECIMAL_KEYS[d] ?? 'pane.settings.decimal.auto') })))}
      {choice(
        'dateOrder',
        'pane.settings.dateOrder',
        DATE_ORDER_SETTINGS.map((d) => ({ value: d, text: t(DATE_ORDER_KEYS[d] ?? 'pane.settings.dateOrder.auto') })),
      )}
      {text('nearThresholdPercent', 'pane.settings.nearThreshold', undefined, { inputMode: 'decimal' })}
      {choice(
        'reviewAfter',
        'pane.settings.reviewAfter',
        QUARTERS.map((q) => ({ value: q, text: q })),
      )}
      {choice(
        'forecast',
        'pane.settings.forecast',
        FORECAST_SETTINGS.map((f) => ({ value: f, text: t(FORECAST_KEYS[f] ?? 'pane.settings.forecast.auto') })),
      )}
      {choice('reportLanguage', 'pane.settings.reportLanguage', LANGUAGES.map((l) => ({ value: l, text: languageName(l) })))}
    </div>
  );
}
