import type { Grid } from '../core/intake/cellValue';
import type { SheetRole } from './sheetRoles';

/** The phases of a run, in order; the task pane shows one progress line per phase. */
export type Phase = 'reading' | 'computing' | 'writing';

/** A progress report: `done` of `total` units (rows read, steps computed, sheets written). */
export interface ProgressEvent {
  readonly phase: Phase;
  readonly done: number;
  readonly total: number;
  /** What is being worked on, e.g. a sheet name. */
  readonly detail?: string;
}

/** Receives progress; must be cheap (it is called once per chunk). */
export type Progress = (event: ProgressEvent) => void;

/**
 * Cancellation: the pipeline and the adapters check `cancelled` between chunks and stop with a
 * {@link CancelledError}. A plain object, so both the task pane and tests can flip it.
 */
export interface CancelToken {
  readonly cancelled: boolean;
}

/** Thrown between chunks once the user pressed Cancel; never shown as an error. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('The run was cancelled.');
  }
}

/** Throws {@link CancelledError} when the token is cancelled. */
export function throwIfCancelled(token: CancelToken | undefined): void {
  if (token?.cancelled === true) throw new CancelledError();
}

/** The tables a run reads: the transactions plus the optional auxiliary tables. */
export interface SourceTables {
  readonly transactions: Grid;
  /** Auxiliary tables by role (Quotas, Commission Plan, Key Accounts, Account Targets, FX Rates). */
  readonly auxiliary: Partial<Record<SheetRole, Grid>>;
  /** A commission plan given as JSON text (CLI `--plan plan.json`), which wins over a plan sheet. */
  readonly planJson?: { readonly text: string; readonly label: string };
}

/** Where the data comes from: a file (CLI) or the open workbook (Excel adapter). */
export interface GridSource {
  /** Reads every table of the run. Reports progress in rows; stops between chunks when cancelled. */
  read(progress?: Progress, cancel?: CancelToken): Promise<SourceTables>;
}
