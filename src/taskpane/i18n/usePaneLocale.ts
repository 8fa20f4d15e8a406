import { useContext } from 'react';
import { PaneLocaleContext, type PaneLocale } from './paneLocale';

/** The pane's language, locale, translator and formatters. */
export function usePaneLocale(): PaneLocale {
  return useContext(PaneLocaleContext);
}
