import { de } from './de';
import { en, type MessageKey } from './en';
import { es } from './es';
import type { Language } from './language';
import { pl } from './pl';

export type { MessageKey } from './en';

const CATALOG: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, de, es, pl };

/** Values that fill `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled from `params`.
 * One catalog serves the report sheets and the task pane.
 * @example message('pl', 'title.quarterly', { year: '2026' }) // 'Wyniki kwartalne 2026'
 */
export function message(lang: Language, key: MessageKey, params?: MessageParams): string {
  const text = CATALOG[lang][key];
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

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
