/**
 * Phase timings for the benchmark (`npm run bench`), off unless `ACCOUNTDESK_TIMINGS=1`.
 *
 * The engine records each phase as a standard User Timing measure named `accountdesk:<phase>`
 * (`performance.measure`, available in Node and in browsers, so the task pane's phases show in
 * the browser profiler too). When the variable is set, importing this module registers an exit
 * handler that prints one line on stderr:
 *
 * ```
 * ACCOUNTDESK_TIMINGS {"phases":{"read":412.1,"parse":380.5,"intake":95.2,…},"output":61.3,"startup":38.2,"total":903.4,"maxRssKb":310528}
 * ```
 *
 * `output` is the time after the last phase until exit (the JSON text or report workbook, and
 * the summary), `startup` the time from process start until the first phase began (Node
 * start-up, loading the bundle and its libraries, reading the arguments), `total` the time
 * from process start to exit, and `maxRssKb` the peak resident set size. Measures that repeat
 * (one per file read) are summed.
 */

/** Prefix of the line printed on stderr; the bench finds it by this. */
export const TIMINGS_PREFIX = 'ACCOUNTDESK_TIMINGS ';

const loadedAt = performance.now();

/**
 * Records the time since `start` (a `performance.now()` value) as the measure
 * `accountdesk:<phase>` and returns the current time, so consecutive phases chain.
 * @example let t = performance.now(); read(); t = measurePhase('read', t);
 */
export function measurePhase(phase: string, start: number): number {
  const end = performance.now();
  performance.measure(`accountdesk:${phase}`, { start, end });
  return end;
}

/**
 * The summed durations of the `accountdesk:*` measures recorded so far, by phase, and when the
 * last of them ended (ms since process start; 0 when there is none).
 */
export function phaseTimings(): { phases: Record<string, number>; firstStart: number; lastEnd: number } {
  const phases: Record<string, number> = {};
  let firstStart = Infinity;
  let lastEnd = 0;
  for (const entry of performance.getEntriesByType('measure')) {
    if (!entry.name.startsWith('accountdesk:')) continue;
    const phase = entry.name.slice('accountdesk:'.length);
    phases[phase] = round((phases[phase] ?? 0) + entry.duration);
    firstStart = Math.min(firstStart, entry.startTime);
    lastEnd = Math.max(lastEnd, entry.startTime + entry.duration);
  }
  return { phases, firstStart: Number.isFinite(firstStart) ? firstStart : 0, lastEnd };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (process.env.ACCOUNTDESK_TIMINGS === '1') {
  process.on('exit', () => {
    const total = performance.now();
    const { phases, firstStart, lastEnd } = phaseTimings();
    // After the last phase: writing the results (JSON text, report workbook) and the summary.
    const output = lastEnd > 0 ? round(total - lastEnd) : null;
    const line = { phases, output, startup: round(firstStart > 0 ? firstStart : loadedAt), total: round(total), maxRssKb: process.resourceUsage().maxRSS };
    process.stderr.write(`${TIMINGS_PREFIX}${JSON.stringify(line)}\n`);
  });
}
