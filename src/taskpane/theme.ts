import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** What the pane reads of Office's theme (`Office.context.officeTheme`; absent in Excel on the web and on Mac). */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  /** Office 2016+ on Windows and Microsoft 365: true for Black and Dark Gray. */
  readonly isDarkTheme?: boolean;
}

export type PaneThemeName = 'light' | 'dark' | 'highContrast';

/** Relative luminance (0 black … 1 white) of `#rrggbb` / `#rgb`, or undefined for anything else. */
function luminance(color: string): number | undefined {
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = [...hex].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return undefined;
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * Which Fluent theme suits Office's: high contrast when the system forces colours (Windows
 * high-contrast themes), dark when Office says so or its body background is dark, else light.
 * @example paneThemeName({ bodyBackgroundColor: '#262626' }, false) // 'dark'
 * @example paneThemeName(undefined, true) // 'highContrast'
 */
export function paneThemeName(officeTheme: OfficeThemeColors | undefined, forcedColors: boolean): PaneThemeName {
  if (forcedColors) return 'highContrast';
  if (officeTheme?.isDarkTheme === true) return 'dark';
  const l = officeTheme?.bodyBackgroundColor === undefined ? undefined : luminance(officeTheme.bodyBackgroundColor);
  return l !== undefined && l < 0.2 ? 'dark' : 'light';
}

const THEMES: Readonly<Record<PaneThemeName, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** The Fluent theme for Office's theme (see {@link paneThemeName}). */
export function paneTheme(officeTheme: OfficeThemeColors | undefined, forcedColors: boolean): Theme {
  return THEMES[paneThemeName(officeTheme, forcedColors)];
}

/** The media query that tells a forced-colours (high-contrast) display. */
export const FORCED_COLORS_QUERY = '(forced-colors: active)';
