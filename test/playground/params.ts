/** What the playground page is asked for in its query string (see scripts/playground.js). */
export interface PlaygroundParams {
  /** Office display language (`Office.context.displayLanguage`), e.g. `pl-PL`. */
  readonly lang: string;
  /** Seed variant (seedVariants.ts). */
  readonly variant: string;
  /** Real delay per `context.sync()`, in ms, so progress can be watched and Cancel pressed. */
  readonly latencyMs: number;
  /** Highest ExcelApi requirement set the simulated Excel supports. */
  readonly api: string;
  /** Office theme to simulate (`Office.context.officeTheme`); none = Excel on the web (no theme). */
  readonly theme: 'light' | 'dark' | undefined;
  /** A selection to start with, e.g. `Sales!A3:G200`. */
  readonly select: { readonly sheet: string; readonly address: string } | undefined;
  /**
   * `thread` hides `Worker` from the page before the pane loads, so it computes in its own thread
   * (the fallback of hosts without workers, and the "before" of the main-thread measurements).
   */
  readonly engine: 'worker' | 'thread';
}

/**
 * Reads the page's query string.
 * @example playgroundParams('?lang=pl-PL&latency=300').latencyMs // 300
 */
export function playgroundParams(search: string): PlaygroundParams {
  const q = new URLSearchParams(search);
  const latency = Number(q.get('latency') ?? '0');
  const theme = q.get('theme');
  const select = /^(.+)!([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)$/i.exec(q.get('select') ?? '');
  return {
    lang: q.get('lang') ?? 'en-US',
    variant: q.get('variant') ?? 'sample',
    latencyMs: Number.isFinite(latency) && latency > 0 ? latency : 0,
    api: q.get('api') ?? '1.12',
    theme: theme === 'dark' || theme === 'light' ? theme : undefined,
    select: select === null ? undefined : { sheet: select[1] ?? '', address: (select[2] ?? '').toUpperCase() },
    engine: q.get('engine') === 'thread' ? 'thread' : 'worker',
  };
}
