import type { RunSettings } from './runSettings';

/**
 * Where run settings persist: the Excel adapter keeps them as JSON in `workbook.settings`
 * (per file and add-in, OFFICE-JS.md §6); the playground keeps them in memory. `index.tsx`
 * wires a store into {@link PaneActions} with {@link settingsActions}.
 */
export interface SettingsStore {
  /** What was saved, as stored (the pane validates it with `readRunSettings`), or `undefined`. */
  load(): Promise<unknown>;
  save(settings: RunSettings): Promise<void>;
}

/**
 * The settings half of `PaneActions` from a store.
 * @example const actions: PaneActions = { ...settingsActions(store), detectSource, run, … };
 */
export function settingsActions(store: SettingsStore): {
  loadSettings(): Promise<unknown>;
  saveSettings(settings: RunSettings): Promise<void>;
} {
  return { loadSettings: () => store.load(), saveSettings: (settings) => store.save(settings) };
}
