import type { Language } from '../../reports/i18n/language';

/**
 * A language's name in that language (`Deutsch`, `Español`, `Polski`), as language pickers show
 * it, from `Intl.DisplayNames` so no name is hard-coded.
 * @example languageName('es') // 'Español'
 */
export function languageName(language: Language): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
