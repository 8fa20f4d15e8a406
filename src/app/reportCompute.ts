import type { ComputedReports, ReportChoices } from './computeReports';
import { throwIfCancelled, type CancelToken, type Progress, type SourceTables } from './ports';
import type { RunOptions } from './runAnalysis';

/** Where a compute ran: in the calling (UI) thread, or in the engine's Web Worker. */
export type ComputeTransport = 'thread' | 'worker';

/** What a compute is given: the tables read, the engine's options and the report's presentation. */
export interface ComputeRequest {
  readonly tables: SourceTables;
  readonly options: RunOptions;
  readonly choices: ReportChoices;
}

/** A compute's outcome and where it ran. */
export interface ComputeResult {
  readonly transport: ComputeTransport;
  readonly outcome: ComputedReports;
}

/**
 * The compute port of a run (`createReports`): engine + report builder on tables already read.
 * Transports only — the logic is `computeReportSteps` whichever runs it. Progress is in the
 * `computing` phase; once `cancel` is set the compute stops as soon as it can and rejects with
 * `CancelledError`.
 */
export interface ReportCompute {
  /** Fetches what the first compute needs (a code chunk) ahead of it; optional. */
  prepare?(): Promise<void>;
  compute(request: ComputeRequest, progress?: Progress, cancel?: CancelToken): Promise<ComputeResult>;
}

/** A macrotask: lets the browser paint and handle input (the Cancel button) before going on. */
export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface InThreadComputeOptions {
  /** Awaited between the steps (default a macrotask), so a pane repaints and Cancel is heard. */
  readonly yieldToUi?: () => Promise<void>;
}

/**
 * The compute in the calling thread, yielding between the engine and the report builder: the
 * ribbon command's (no UI to keep alive), the tests', and the pane's where there is no `Worker`.
 * The engine is loaded on first use (its own chunk in the add-in's bundle).
 * @example await inThreadCompute().compute({ tables, options: {}, choices: { language: 'en' } })
 */
export function inThreadCompute(settings: InThreadComputeOptions = {}): ReportCompute {
  const yieldToUi = settings.yieldToUi ?? macrotask;
  return {
    async prepare() {
      await import('./computeReports');
    },
    async compute(request, progress, cancel) {
      const { computeReportSteps } = await import('./computeReports');
      throwIfCancelled(cancel);
      progress?.({ phase: 'computing', done: 0, total: 6 });
      await yieldToUi();
      throwIfCancelled(cancel);
      const steps = computeReportSteps(request.tables, request.options, request.choices, progress);
      for (;;) {
        const step = steps.next();
        if (step.done === true) return { transport: 'thread', outcome: step.value };
        await yieldToUi();
        throwIfCancelled(cancel);
      }
    },
  };
}
