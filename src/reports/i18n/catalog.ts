import { de } from './de';
import { en, type MessageKey } from './en';
import { es } from './es';
import type { Language } from './language';
import { paneDe, paneEn, paneEs, panePl, type PaneMessageKey } from './pane';
import { pl } from './pl';

export type { MessageKey } from './en';
export type { PaneMessageKey } from './pane';

/** Every key of the catalog: report sheets (`MessageKey`, en.ts) and task pane (`PaneMessageKey`, pane/en.ts). */
export type CatalogKey = MessageKey | PaneMessageKey;

const CATALOG: Readonly<Record<Language, Readonly<Record<CatalogKey, string>>>> = {
  en: { ...en, ...paneEn },
  de: { ...de, ...paneDe },
  es: { ...es, ...paneEs },
  pl: { ...pl, ...panePl },
};

/** Values that fill `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled from `params`.
 * One catalog serves the report sheets and the task pane.
 * @example message('pl', 'title.quarterly', { year: '2026' }) // 'Wyniki kwartalne 2026'
 */
export function message(lang: Language, key: CatalogKey, params?: MessageParams): string {
  const text = CATALOG[lang][key];
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** A translator bound to one language. */
export type Translate = (key: CatalogKey, params?: MessageParams) => string;

/** Binds {@link message} to a language. */
export function translator(lang: Language): Translate {
  return (key, params) => message(lang, key, params);
}

/** Month names for "fiscal year starts in …" lines. */
export function monthName(lang: Language, month: number): string {
  const names: Record<Language, readonly string[]> = {
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    pl: ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'],
  };
  return names[lang][month - 1] ?? String(month);
}
