import { CancelledError } from '../../../src/app/ports';
import {
  failureFromError,
  failureFromRun,
  failureMessageKeys,
  isCancellation,
  type FailureKind,
  type PaneOperation,
} from '../../../src/taskpane/errors/paneFailure';
import { message } from '../../../src/reports/i18n/catalog';
import { LANGUAGES } from '../../../src/reports/i18n/language';

/** An error shaped like OfficeExtension.Error (OFFICE-JS.md §11). */
const officeError = (code: string) => Object.assign(new Error(`Excel says ${code}`), { name: 'RichApi.Error', code });

describe('failureFromError', () => {
  it.each<[string, unknown, PaneOperation, FailureKind]>([
    ['cell edit mode', officeError('InvalidOperationInCellEditMode'), 'run', 'cellEditMode'],
    ['request too large', officeError('RequestPayloadSizeLimitExceeded'), 'run', 'tooLarge'],
    ['response too large', officeError('ResponsePayloadSizeLimitExceeded'), 'detect', 'tooLarge'],
    ['API missing', officeError('ApiNotFound'), 'saveSettings', 'unsupported'],
    ['access denied', officeError('AccessDenied'), 'savePlan', 'denied'],
    ['general exception', officeError('GeneralException'), 'run', 'excelBusy'],
    ['no data (adapter)', Object.assign(new Error('empty'), { code: 'source.empty' }), 'detect', 'noData'],
    ['several areas (adapter)', Object.assign(new Error('areas'), { code: 'source.multipleAreas' }), 'detect', 'multipleAreas'],
    ['a run code thrown', Object.assign(new Error('x'), { code: 'plan.invalid' }), 'run', 'planInvalid'],
    ['sheet gone on activate', officeError('ItemNotFound'), 'activateSheet', 'sheetNotFound'],
    ['sheet gone on select', officeError('ItemNotFound'), 'selectCell', 'cellNotSelected'],
    ['item not found elsewhere', officeError('ItemNotFound'), 'run', 'unknown'],
    ['an unknown code on save', officeError('Mystery'), 'saveSettings', 'settingsNotSaved'],
    ['a plain error on load', new Error('boom'), 'loadSettings', 'settingsNotLoaded'],
    ['a plain error loading the plan', new Error('boom'), 'loadPlan', 'planNotLoaded'],
    ['a plain error saving the plan', new Error('boom'), 'savePlan', 'planNotSaved'],
    ['a string thrown', 'bad', 'run', 'unknown'],
    ['undefined thrown', undefined, 'detect', 'unknown'],
  ])('%s', (_name, error, operation, kind) => {
    expect(failureFromError(error, operation).kind).toBe(kind);
  });

  it('keeps the message as detail, and none when there is no message', () => {
    expect(failureFromError(new Error('disk full'), 'run')).toEqual({ kind: 'unknown', detail: 'disk full' });
    expect(failureFromError({ code: 'AccessDenied', message: 'nope' }, 'run')).toEqual({ kind: 'denied', detail: 'nope' });
    expect(failureFromError(undefined, 'run')).toEqual({ kind: 'unknown' });
  });
});

describe('failureFromRun', () => {
  it.each<[string, FailureKind]>([
    ['header.missing', 'headerMissing'],
    ['mapping.conflict', 'mappingConflict'],
    ['mapping.notFound', 'mappingNotFound'],
    ['intake.noRows', 'noRows'],
    ['plan.invalid', 'planInvalid'],
    ['fx.header', 'fxInvalid'],
    ['option.currency', 'currency'],
    ['option.asOf', 'asOf'],
    ['something.new', 'unknown'],
  ])('%s → %s, with the engine’s message as detail', (code, kind) => {
    expect(failureFromRun({ code, message: 'Sales: details' })).toEqual({ kind, detail: 'Sales: details' });
  });
});

describe('isCancellation', () => {
  it.each<[string, unknown, boolean]>([
    ['CancelledError', new CancelledError(), true],
    ['a look-alike from another bundle', { name: 'CancelledError', message: '' }, true],
    ['another error', new Error('x'), false],
    ['null', null, false],
  ])('%s', (_name, error, expected) => {
    expect(isCancellation(error)).toBe(expected);
  });
});

describe('failureMessageKeys', () => {
  const kinds: FailureKind[] = [
    'cellEditMode', 'tooLarge', 'unsupported', 'noData', 'multipleAreas', 'headerMissing', 'mappingConflict',
    'mappingNotFound', 'noRows', 'planInvalid', 'fxInvalid', 'currency', 'asOf', 'denied', 'excelBusy',
    'settingsNotLoaded', 'settingsNotSaved', 'planNotLoaded', 'planNotSaved', 'sheetNotFound', 'cellNotSelected', 'unknown',
  ];
  it.each(kinds)('%s has a title and what to do, in every language', (kind) => {
    const keys = failureMessageKeys(kind);
    for (const lang of LANGUAGES) {
      expect(message(lang, keys.title)).not.toBe(keys.title);
      expect(message(lang, keys.action).length).toBeGreaterThan(10);
    }
  });
});
