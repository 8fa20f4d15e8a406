import { useContext } from 'react';
import type { Translate } from '../../reports/i18n/catalog';
import { PaneLocaleContext } from './paneLocale';

/** The catalog translator of the pane's current language: `t('pane.source.createReports')`. */
export function useTranslate(): Translate {
  return useContext(PaneLocaleContext).t;
}
