/**
 * The messages between the pane and the engine worker (`engine.worker.ts`). One worker per run:
 * the pane posts `begin`, the transaction rows in `rows` slices, then `run`; the worker answers
 * `ready` once loaded, `progress` while computing, then either the report model — `model` (the
 * sheets without their rows), the rows in `modelRows` slices, and `done` with the run's digest —
 * or `refused` (the engine's failure), or `failed` (an exception). Both directions are sliced
 * for the same reason: each message is cloned and read in one piece on the pane's thread, and
 * one 1 M-row grid or 20 k-row Account Status sheet would take the pane away for a second.
 */
import type { CellValue, Grid } from '../../core/intake/cellValue';
import type { Cell, ReportModel } from '../../reports/model';
import type { ReportChoices, RunDigest } from '../computeReports';
import type { ProgressEvent, SourceTables } from '../ports';
import type { RunFailure, RunOptions } from '../runAnalysis';

export type ToWorker =
  /** The transaction grid without its rows (they follow in slices). */
  | { readonly type: 'begin'; readonly grid: Omit<Grid, 'rows'> }
  | { readonly type: 'rows'; readonly rows: readonly (readonly CellValue[])[] }
  | {
      readonly type: 'run';
      readonly auxiliary: SourceTables['auxiliary'];
      readonly planJson?: SourceTables['planJson'];
      readonly options: RunOptions;
      readonly choices: ReportChoices;
    };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly event: ProgressEvent }
  /** The report model with every sheet's `rows` empty; `rowCounts[i]` rows of sheet i follow. */
  | { readonly type: 'model'; readonly model: ReportModel; readonly rowCounts: readonly number[] }
  | { readonly type: 'modelRows'; readonly sheet: number; readonly rows: readonly (readonly (Cell | null)[])[] }
  | { readonly type: 'done'; readonly run: RunDigest }
  | { readonly type: 'refused'; readonly failure: RunFailure }
  | { readonly type: 'failed'; readonly error: { readonly name: string; readonly message: string; readonly stack?: string } };

/**
 * What the pane needs of a `Worker` (a structural subset, so tests can pass an in-process fake):
 * `postMessage`, `terminate`, and the message and error events.
 */
export interface EngineWorker {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { readonly data: FromWorker }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
}
