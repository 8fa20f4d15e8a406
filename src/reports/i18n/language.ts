/** The languages AccountDesk speaks: report sheets and the task pane. */
export const LANGUAGES = ['en', 'de', 'es', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language for an Office display-language tag (RFC 1766, e.g. `de-AT`): its primary subtag
 * when we speak it, else English (OFFICE-JS.md §7).
 * @example languageFromTag('pl-PL') // 'pl'
 * @example languageFromTag('fr-FR') // 'en'
 */
export function languageFromTag(tag: string | undefined | null): Language {
  const primary = (tag ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : 'en';
}
