import './jsdomStubs';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { Language } from '../../../src/reports/i18n/language';
import { paneLocale, PaneLocaleContext } from '../../../src/taskpane/i18n/paneLocale';

/**
 * Renders a pane component inside Fluent's provider and the pane's locale (English by default);
 * `rerender` keeps both.
 */
export function renderPane(ui: ReactElement, language: Language = 'en', displayTag?: string): RenderResult {
  const locale = paneLocale(language, displayTag);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <FluentProvider theme={webLightTheme}>
      <PaneLocaleContext.Provider value={locale}>{children}</PaneLocaleContext.Provider>
    </FluentProvider>
  );
  return render(ui, { wrapper });
}

/** Renders a whole App (it provides its own locale). */
export function renderApp(ui: ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
