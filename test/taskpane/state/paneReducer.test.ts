import type { PaneFailure } from '../../../src/taskpane/errors/paneFailure';
import { detectMapping } from '../../../src/taskpane/mapping/fieldMapping';
import {
  initialPaneState,
  isRunning,
  paneReducer,
  sessionOf,
  type PaneAction,
  type PaneState,
  type SourceSession,
} from '../../../src/taskpane/state/paneReducer';
import { SOURCE, SOURCE_MISSING, SUMMARY } from '../support/fixtures';

const session: SourceSession = { source: SOURCE, mapping: detectMapping(SOURCE.headers) };
const other: SourceSession = { source: SOURCE_MISSING, mapping: detectMapping(SOURCE_MISSING.headers) };
const failure: PaneFailure = { kind: 'noData', detail: 'nothing' };

const idle: PaneState = initialPaneState;
const detecting: PaneState = { status: 'detecting' };
const redetecting: PaneState = { status: 'detecting', previous: session };
const ready: PaneState = { status: 'ready', session };
const reading: PaneState = { status: 'reading', session, done: 0, total: 120, cancelRequested: false };
const readingHalf: PaneState = { status: 'reading', session, done: 60, total: 120, cancelRequested: false };
const computing: PaneState = { status: 'computing', session, done: 2, total: 6, detail: 'metrics', cancelRequested: false };
const writing: PaneState = { status: 'writing', session, done: 3, total: 5, detail: 'Forecast', cancelRequested: false };
const writingCancelling: PaneState = { ...writing, cancelRequested: true } as PaneState;
const done: PaneState = { status: 'done', session, summary: SUMMARY };
const runError: PaneState = { status: 'error', session, failure };
const detectError: PaneState = { status: 'error', failure };
const cancelled: PaneState = { status: 'cancelled', session };

const detectStarted: PaneAction = { type: 'detectStarted' };
const detectSucceeded: PaneAction = { type: 'detectSucceeded', source: SOURCE };
const detectedOther: PaneAction = { type: 'detectSucceeded', source: SOURCE_MISSING };
const detectFailed: PaneAction = { type: 'detectFailed', failure };
const runStarted: PaneAction = { type: 'runStarted' };
const read60: PaneAction = { type: 'progressReported', event: { phase: 'reading', done: 60, total: 120 } };
const compute2: PaneAction = { type: 'progressReported', event: { phase: 'computing', done: 2, total: 6, detail: 'metrics' } };
const write3: PaneAction = { type: 'progressReported', event: { phase: 'writing', done: 3, total: 5, detail: 'Forecast' } };
const cancelRequested: PaneAction = { type: 'cancelRequested' };
const runSucceeded: PaneAction = { type: 'runSucceeded', summary: SUMMARY };
const runFailed: PaneAction = { type: 'runFailed', failure };
const runCancelled: PaneAction = { type: 'runCancelled' };
const errorDismissed: PaneAction = { type: 'errorDismissed' };

describe('paneReducer: transitions', () => {
  it.each<[string, PaneState, PaneAction, PaneState]>([
    ['idle → detecting', idle, detectStarted, detecting],
    ['detecting → ready, mapping detected', detecting, detectSucceeded, ready],
    ['detecting → error', detecting, detectFailed, detectError],
    ['ready → detecting keeps the session on show', ready, detectStarted, redetecting],
    ['re-detecting → ready with the new source', redetecting, detectedOther, { status: 'ready', session: other }],
    ['re-detecting → error drops the old session', redetecting, detectFailed, detectError],
    ['done → detecting', done, detectStarted, redetecting],
    ['error → detecting', runError, detectStarted, redetecting],
    ['cancelled → detecting', cancelled, detectStarted, redetecting],
    ['ready → reading, total = source rows', ready, runStarted, reading],
    ['done → reading (run again)', done, runStarted, reading],
    ['cancelled → reading (run again)', cancelled, runStarted, reading],
    ['error with a session → reading', runError, runStarted, reading],
    ['reading: rows read', reading, read60, readingHalf],
    ['reading → computing', readingHalf, compute2, computing],
    ['computing → writing', computing, write3, writing],
    ['cancel pressed', writing, cancelRequested, writingCancelling],
    ['progress keeps the cancel request', { ...reading, cancelRequested: true } as PaneState, write3, writingCancelling],
    ['writing → done', writing, runSucceeded, done],
    ['writing → error', writing, runFailed, runError],
    ['reading → error', reading, runFailed, runError],
    ['cancelling → cancelled', writingCancelling, runCancelled, cancelled],
    ['run error dismissed → ready', runError, errorDismissed, ready],
    ['detect error dismissed → idle', detectError, errorDismissed, idle],
  ])('%s', (_name, state, action, expected) => {
    expect(paneReducer(state, action)).toEqual(expected);
  });
});

describe('paneReducer: actions that do not apply leave the state as it is (same object)', () => {
  it.each<[string, PaneState, PaneAction]>([
    ['detect while detecting', detecting, detectStarted],
    ['detect while running', reading, detectStarted],
    ['a late detection result', ready, detectSucceeded],
    ['a late detection failure', done, detectFailed],
    ['run before anything was found', idle, runStarted],
    ['run while detecting', detecting, runStarted],
    ['run after a failed detection', detectError, runStarted],
    ['a second run while running', computing, runStarted],
    ['progress after the run failed', runError, write3],
    ['progress after done', done, read60],
    ['progress when idle', idle, read60],
    ['cancel when nothing runs', ready, cancelRequested],
    ['cancel twice', writingCancelling, cancelRequested],
    ['success when nothing runs', ready, runSucceeded],
    ['failure when nothing runs', cancelled, runFailed],
    ['cancelled when nothing runs', done, runCancelled],
    ['dismiss without an error', ready, errorDismissed],
    ['choose a column while running', writing, { type: 'columnChosen', field: 'date', column: 1 }],
    ['choose a column with no source', idle, { type: 'columnChosen', field: 'date', column: 1 }],
  ])('%s', (_name, state, action) => {
    expect(paneReducer(state, action)).toBe(state);
  });
});

describe('paneReducer: column mapping', () => {
  it('moves a column to another field; the field that had it loses it; results go stale', () => {
    // Column 2 is "Account Manager"; give it to account: manager loses it.
    const next = paneReducer(done, { type: 'columnChosen', field: 'account', column: 2 });
    expect(next.status).toBe('ready');
    const mapping = sessionOf(next)?.mapping;
    expect(mapping?.account).toEqual({ column: 2, header: 'Account Manager' });
    expect(mapping?.manager).toBeUndefined();
    expect(mapping?.date).toEqual({ column: 0, header: 'Invoice Date' });
  });

  it('sets a field to "not used"', () => {
    const next = paneReducer(ready, { type: 'columnChosen', field: 'product', column: undefined });
    expect(sessionOf(next)?.mapping.product).toBeUndefined();
  });

  it('detects the mapping of a new source with the missing fields left out', () => {
    const next = paneReducer(detecting, detectedOther);
    const mapping = sessionOf(next)?.mapping;
    expect(mapping?.date?.header).toBe('Date');
    expect(mapping?.account?.header).toBe('Customer');
    expect(mapping?.manager).toBeUndefined();
    expect(mapping?.amount).toBeUndefined();
  });
});

describe('isRunning / sessionOf', () => {
  it.each<[string, PaneState, boolean, SourceSession | undefined]>([
    ['idle', idle, false, undefined],
    ['detecting', detecting, false, undefined],
    ['re-detecting', redetecting, false, session],
    ['ready', ready, false, session],
    ['reading', reading, true, session],
    ['computing', computing, true, session],
    ['writing', writing, true, session],
    ['done', done, false, session],
    ['detect error', detectError, false, undefined],
    ['cancelled', cancelled, false, session],
  ])('%s', (_name, state, running, expected) => {
    expect(isRunning(state)).toBe(running);
    expect(sessionOf(state)).toBe(expected);
  });
});
