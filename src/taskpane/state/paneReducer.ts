import type { ProgressEvent } from '../../app/ports';
import type { Field } from '../../core/intake/fields';
import type { PaneFailure } from '../errors/paneFailure';
import { assignColumn, detectMapping, type FieldMapping } from '../mapping/fieldMapping';
import type { DetectedSource } from '../paneActions';
import type { RunSummary } from '../results/runSummary';

/** The source the user works with and the column mapping as currently chosen. */
export interface SourceSession {
  readonly source: DetectedSource;
  readonly mapping: FieldMapping;
}

/** A run in progress: which phase, how far, whether Cancel was pressed. */
export interface RunningState {
  readonly status: 'reading' | 'computing' | 'writing';
  readonly session: SourceSession;
  /** Units done of `total` in this phase (rows, steps, sheets); total 0 = not known yet. */
  readonly done: number;
  readonly total: number;
  /** What is being worked on (e.g. the sheet being written), when the pipeline says. */
  readonly detail?: string;
  readonly cancelRequested: boolean;
}

/**
 * The task pane's state machine (DESIGN.md §6):
 * idle → detecting → ready → reading → computing → writing → done | error | cancelled.
 * Every state after a detection keeps the session, so mapping and source survive a failed run.
 */
export type PaneState =
  | { readonly status: 'idle' }
  | { readonly status: 'detecting'; readonly previous?: SourceSession }
  | { readonly status: 'ready'; readonly session: SourceSession }
  | RunningState
  | { readonly status: 'done'; readonly session: SourceSession; readonly summary: RunSummary }
  | { readonly status: 'error'; readonly session?: SourceSession; readonly failure: PaneFailure }
  | { readonly status: 'cancelled'; readonly session: SourceSession };

/** What happens to the pane. */
export type PaneAction =
  | { readonly type: 'detectStarted' }
  | { readonly type: 'detectSucceeded'; readonly source: DetectedSource }
  | { readonly type: 'detectFailed'; readonly failure: PaneFailure }
  | { readonly type: 'columnChosen'; readonly field: Field; readonly column: number | undefined }
  | { readonly type: 'runStarted' }
  | { readonly type: 'progressReported'; readonly event: ProgressEvent }
  | { readonly type: 'cancelRequested' }
  | { readonly type: 'runSucceeded'; readonly summary: RunSummary }
  | { readonly type: 'runFailed'; readonly failure: PaneFailure }
  | { readonly type: 'runCancelled' }
  | { readonly type: 'errorDismissed' };

export const initialPaneState: PaneState = { status: 'idle' };

/** True while a run is under way (reading, computing or writing). */
export function isRunning(state: PaneState): state is RunningState {
  return state.status === 'reading' || state.status === 'computing' || state.status === 'writing';
}

/** The session of a state, if it has one (`detecting` keeps the previous one for display). */
export function sessionOf(state: PaneState): SourceSession | undefined {
  switch (state.status) {
    case 'idle':
      return undefined;
    case 'detecting':
      return state.previous;
    default:
      return state.session;
  }
}

/** States a new detection or a new run may start from (not while busy). */
function isSettled(state: PaneState): boolean {
  return state.status !== 'detecting' && !isRunning(state);
}

/**
 * The state machine's transitions. Actions that do not apply to the current state (a late
 * progress event after a failure, a second Run while running, a mapping change mid-run) leave
 * the state unchanged — the same object, so React skips the render.
 */
export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'detectStarted': {
      if (!isSettled(state)) return state;
      const previous = sessionOf(state);
      return previous === undefined ? { status: 'detecting' } : { status: 'detecting', previous };
    }
    case 'detectSucceeded':
      if (state.status !== 'detecting') return state;
      return { status: 'ready', session: { source: action.source, mapping: detectMapping(action.source.headers) } };
    case 'detectFailed':
      if (state.status !== 'detecting') return state;
      return { status: 'error', failure: action.failure };
    case 'columnChosen': {
      if (!isSettled(state)) return state;
      const session = sessionOf(state);
      if (session === undefined) return state;
      const mapping = assignColumn(session.mapping, session.source.headers, action.field, action.column);
      // A changed mapping makes the last results stale: back to ready.
      return { status: 'ready', session: { ...session, mapping } };
    }
    case 'runStarted': {
      if (!isSettled(state)) return state;
      const session = sessionOf(state);
      if (session === undefined) return state;
      return { status: 'reading', session, done: 0, total: session.source.rowCount, cancelRequested: false };
    }
    case 'progressReported': {
      if (!isRunning(state)) return state;
      const { phase, done, total, detail } = action.event;
      return {
        status: phase,
        session: state.session,
        done,
        total,
        ...(detail !== undefined && { detail }),
        cancelRequested: state.cancelRequested,
      };
    }
    case 'cancelRequested':
      if (!isRunning(state) || state.cancelRequested) return state;
      return { ...state, cancelRequested: true };
    case 'runSucceeded':
      if (!isRunning(state)) return state;
      return { status: 'done', session: state.session, summary: action.summary };
    case 'runFailed':
      if (!isRunning(state)) return state;
      return { status: 'error', session: state.session, failure: action.failure };
    case 'runCancelled':
      if (!isRunning(state)) return state;
      return { status: 'cancelled', session: state.session };
    case 'errorDismissed':
      if (state.status !== 'error') return state;
      return state.session === undefined ? { status: 'idle' } : { status: 'ready', session: state.session };
  }
}
