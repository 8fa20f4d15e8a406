/** The task pane's messages, merged into the one catalog by ../catalog.ts. */
export { paneEn, type PaneMessageKey } from './en';
export { paneDe } from './de';
export { paneEs } from './es';
export { panePl } from './pl';
