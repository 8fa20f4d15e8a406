import { Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { LANGUAGES, type Language } from '../../reports/i18n/language';
import { languageName } from '../i18n/languageName';
import { useTranslate } from '../i18n/useTranslate';

export interface LanguageSwitchProps {
  readonly language: Language;
  readonly onChange: (language: Language) => void;
}

const useStyles = makeStyles({
  field: { minWidth: 0 },
  dropdown: { minWidth: `calc(${tokens.spacingHorizontalXXXL} * 4)` },
});

function isLanguage(value: string | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

/**
 * The pane's language: English, Deutsch, Español, Polski (each in its own language). The first
 * one comes from Office's display language; the user's choice wins.
 */
export function LanguageSwitch({ language, onChange }: LanguageSwitchProps): ReactElement {
  const t = useTranslate();
  const styles = useStyles();
  return (
    <Field label={t('pane.language')} orientation="horizontal" size="small" className={styles.field}>
      <Dropdown
        size="small"
        className={styles.dropdown}
        value={languageName(language)}
        selectedOptions={[language]}
        onOptionSelect={(_e, data) => {
          if (isLanguage(data.optionValue) && data.optionValue !== language) onChange(data.optionValue);
        }}
      >
        {LANGUAGES.map((lang) => (
          <Option key={lang} value={lang} lang={lang}>
            {languageName(lang)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
