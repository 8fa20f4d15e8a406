import { createContext } from 'react';
import { translator, type Translate } from '../../reports/i18n/catalog';
import { languageFromTag, type Language } from '../../reports/i18n/language';
import { formatters, type Formatters } from './formatters';

/** The pane's language, with its translator and formatters. */
export interface PaneLocale {
  readonly language: Language;
  /** BCP 47 locale for `Intl`, e.g. `de-AT`. */
  readonly locale: string;
  readonly t: Translate;
  readonly format: Formatters;
}

const DEFAULT_LOCALE: Readonly<Record<Language, string>> = { en: 'en-US', de: 'de-DE', es: 'es-ES', pl: 'pl-PL' };

/**
 * The `Intl` locale for a language: the Office display-language tag when it is that language
 * (so `de-CH` keeps Swiss number formats), else the language's main locale.
 * @example localeFor('de', 'de-AT') // 'de-AT'
 * @example localeFor('pl', 'en-GB') // 'pl-PL'
 */
export function localeFor(language: Language, displayTag?: string): string {
  if (displayTag !== undefined && displayTag !== '' && languageFromTag(displayTag) === language) {
    const [supported] = Intl.NumberFormat.supportedLocalesOf([displayTag]);
    if (supported !== undefined) return supported;
  }
  return DEFAULT_LOCALE[language];
}

/** The locale for a language (see {@link localeFor}). */
export function paneLocale(language: Language, displayTag?: string): PaneLocale {
  const locale = localeFor(language, displayTag);
  return { language, locale, t: translator(language), format: formatters(locale) };
}

/** Provided by `App`; components read it through `useTranslate` and `usePaneLocale`. */
export const PaneLocaleContext = createContext<PaneLocale>(paneLocale('en'));
