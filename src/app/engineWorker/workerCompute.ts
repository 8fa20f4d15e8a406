import type { ComputedReports } from '../computeReports';
import type { Cell, ReportModel } from '../../reports/model';
import { CancelledError, throwIfCancelled, type CancelToken, type Progress } from '../ports';
import { macrotask, type ComputeRequest, type ReportCompute } from '../reportCompute';
import type { EngineWorker, FromWorker } from './protocol';

/**
 * Cells per `rows` message. `postMessage` serialises its slice on the pane's thread: in Chromium
 * 50 k rows × 4 columns took 60–100 ms per message on the test machine, so a slice is sized by
 * cells — 120 k cells (30 k rows of 4 columns, 17 k of 7) — to stay near 50 ms, with a yield
 * (paint, input, Cancel) between slices.
 */
export const SLICE_CELLS = 120_000;

export interface WorkerComputeOptions {
  /** Starts a fresh engine worker (one per run; it is terminated when the run ends). */
  readonly spawn: () => EngineWorker | Promise<EngineWorker>;
  /** Used when no worker can be started or loaded (no `Worker`, a blocked or missing worker file). */
  readonly fallback: ReportCompute;
  /** Cells per message (default {@link SLICE_CELLS}); a slice holds at least one row. */
  readonly sliceCells?: number;
  /** Awaited between slices (default a macrotask). */
  readonly yieldToUi?: () => Promise<void>;
  /** How often a run waiting for the worker looks at the cancel token, in ms (default 50). */
  readonly pollMs?: number;
  /** Told when the worker could not be used and the fallback runs instead. */
  readonly log?: (message: string, error: unknown) => void;
}

/**
 * Records the User Timing measure `accountdesk:<name>` from `start` to now (browser profilers
 * show it next to the engine's own phases) and returns now.
 */
function measure(name: string, start: number): number {
  const end = performance.now();
  if (typeof performance.measure === 'function') performance.measure(`accountdesk:${name}`, { start, end });
  return end;
}

/** The worker failed before it was loaded: its file is missing or blocked. The fallback takes over. */
class WorkerUnavailable extends Error {
  override readonly name = 'WorkerUnavailable';
}

/** An error the worker reported, rebuilt on this side (name, message and the worker's stack). */
function workerError(e: { readonly name: string; readonly message: string; readonly stack?: string }): Error {
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}

/**
 * The compute in a Web Worker: the engine and the report builder run off the pane's thread, so a
 * 1 M-row run does not freeze it. The transaction rows go over in slices with a yield between
 * (one 1 M-row message would block the pane for its whole structured clone), the report model
 * comes back in slices too, progress comes back as the engine reports it, and Cancel terminates
 * the worker at once. Where no worker can
 * be used, `fallback` (the in-thread compute) runs instead — from then on, for every run.
 * @example workerCompute({ spawn: spawnEngineWorker, fallback: inThreadCompute() })
 */
export function workerCompute(settings: WorkerComputeOptions): ReportCompute {
  const sliceCells = settings.sliceCells ?? SLICE_CELLS;
  const yieldToUi = settings.yieldToUi ?? macrotask;
  const pollMs = settings.pollMs ?? 50;
  let unavailable = false;

  const inWorker = async (worker: EngineWorker, request: ComputeRequest, progress: Progress | undefined, cancel: CancelToken | undefined): Promise<ComputedReports> => {
    let ready = false;
    let failure: Error | undefined;
    let finish: (outcome: ComputedReports) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const result = new Promise<ComputedReports>((resolve, reject) => {
      finish = resolve;
      fail = (error) => {
        failure ??= error;
        reject(error);
      };
    });
    // Failures while the rows are still being posted are rethrown by the loop below.
    result.catch(() => undefined);
    // The report arrives in pieces (each message is its own task here): the sheets, then their rows.
    let shell: ReportModel | undefined;
    let sheetRows: (readonly (Cell | null)[])[][] = [];
    let clock = performance.now();
    worker.onmessage = ({ data }: { readonly data: FromWorker }) => {
      switch (data.type) {
        case 'ready':
          ready = true;
          return;
        case 'progress':
          progress?.(data.event);
          return;
        case 'model':
          clock = measure('worker-compute', clock);
          shell = data.model;
          sheetRows = data.rowCounts.map(() => []);
          return;
        case 'modelRows': {
          const rows = sheetRows[data.sheet];
          if (rows !== undefined) for (const row of data.rows) rows.push(row);
          return;
        }
        case 'done': {
          if (shell === undefined) {
            fail(new Error('engine worker: done before the report model'));
            return;
          }
          const model: ReportModel = { ...shell, sheets: shell.sheets.map((sheet, i) => ({ ...sheet, rows: sheetRows[i] ?? [] })) };
          measure('worker-model', clock);
          finish({ ok: true, run: data.run, model });
          return;
        }
        case 'refused':
          finish(data.failure);
          return;
        case 'failed':
          fail(workerError(data.error));
          return;
      }
    };
    worker.onerror = (event) => {
      // A worker file that fails to load gives an error event with an empty message.
      const text = event.message !== undefined && event.message !== '' ? event.message : 'the engine worker failed';
      fail(ready ? new Error(`engine worker: ${text}`) : new WorkerUnavailable(text));
    };

    const { tables, options, choices } = request;
    const { rows, ...grid } = tables.transactions;
    // Blocks read from Excel are rectangular; a ragged grid is sized by its widest first rows.
    const width = Math.max(1, ...rows.slice(0, 50).map((row) => row.length));
    const sliceRows = Math.max(1, Math.floor(sliceCells / width));
    worker.postMessage({ type: 'begin', grid });
    for (let start = 0; start < rows.length; start += sliceRows) {
      worker.postMessage({ type: 'rows', rows: rows.slice(start, start + sliceRows) });
      await yieldToUi();
      if (failure !== undefined) throw failure;
      throwIfCancelled(cancel);
    }
    clock = measure('worker-rows', clock);
    worker.postMessage({
      type: 'run',
      auxiliary: tables.auxiliary,
      ...(tables.planJson !== undefined && { planJson: tables.planJson }),
      options,
      choices,
    });
    // The token is a plain flag: look at it while the worker computes.
    const timer = setInterval(() => {
      if (cancel?.cancelled === true) fail(new CancelledError());
    }, pollMs);
    try {
      return await result;
    } finally {
      clearInterval(timer);
    }
  };

  return {
    async compute(request, progress, cancel) {
      if (unavailable) return settings.fallback.compute(request, progress, cancel);
      throwIfCancelled(cancel);
      let worker: EngineWorker;
      try {
        worker = await settings.spawn();
      } catch (error) {
        unavailable = true;
        settings.log?.('The engine worker could not be started; computing in the pane.', error);
        return settings.fallback.compute(request, progress, cancel);
      }
      progress?.({ phase: 'computing', done: 0, total: 6 });
      try {
        return { transport: 'worker', outcome: await inWorker(worker, request, progress, cancel) };
      } catch (error) {
        if (!(error instanceof WorkerUnavailable)) throw error;
        unavailable = true;
        settings.log?.('The engine worker could not be loaded; computing in the pane.', error);
        return settings.fallback.compute(request, progress, cancel);
      } finally {
        worker.terminate();
      }
    },
  };
}
