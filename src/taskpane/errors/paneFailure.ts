import type { CatalogKey } from '../../reports/i18n/catalog';

/** What went wrong, in the user's terms; each kind has a title and a "what to do" in the catalog. */
export type FailureKind =
  | 'cellEditMode'
  | 'tooLarge'
  | 'unsupported'
  | 'noData'
  | 'multipleAreas'
  | 'headerMissing'
  | 'mappingConflict'
  | 'mappingNotFound'
  | 'noRows'
  | 'planInvalid'
  | 'fxInvalid'
  | 'currency'
  | 'asOf'
  | 'denied'
  | 'excelBusy'
  | 'settingsNotLoaded'
  | 'settingsNotSaved'
  | 'planNotLoaded'
  | 'planNotSaved'
  | 'sheetNotFound'
  | 'cellNotSelected'
  | 'unknown';

/** A failure to show: its kind, and the technical detail (English, from the engine or Excel) if any. */
export interface PaneFailure {
  readonly kind: FailureKind;
  readonly detail?: string;
}

/** The pane's calls into the workbook; a failure's fallback kind depends on which one failed. */
export type PaneOperation =
  | 'detect'
  | 'run'
  | 'loadSettings'
  | 'saveSettings'
  | 'loadPlan'
  | 'savePlan'
  | 'activateSheet'
  | 'selectCell';

/** Excel (OfficeExtension.Error `code`, OFFICE-JS.md §11) and adapter codes the pane explains. */
const BY_ERROR_CODE: Readonly<Record<string, FailureKind>> = {
  InvalidOperationInCellEditMode: 'cellEditMode',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  RangeExceedsLimit: 'tooLarge',
  OperationCellsExceedLimit: 'tooLarge',
  ApiNotFound: 'unsupported',
  AccessDenied: 'denied',
  GeneralException: 'excelBusy',
  ServiceNotAvailable: 'excelBusy',
  ActivityLimitReached: 'excelBusy',
  RequestAborted: 'excelBusy',
  'source.empty': 'noData',
  'source.multipleAreas': 'multipleAreas',
};

/** `RunFailure.code` values of `runAnalysis` (src/app) the pane explains. */
const BY_RUN_CODE: Readonly<Record<string, FailureKind>> = {
  'header.missing': 'headerMissing',
  'mapping.conflict': 'mappingConflict',
  'mapping.notFound': 'mappingNotFound',
  'intake.noRows': 'noRows',
  'plan.invalid': 'planInvalid',
  'fx.header': 'fxInvalid',
  'option.currency': 'currency',
  'option.asOf': 'asOf',
};

const FALLBACK: Readonly<Record<PaneOperation, FailureKind>> = {
  detect: 'unknown',
  run: 'unknown',
  loadSettings: 'settingsNotLoaded',
  saveSettings: 'settingsNotSaved',
  loadPlan: 'planNotLoaded',
  savePlan: 'planNotSaved',
  activateSheet: 'sheetNotFound',
  selectCell: 'cellNotSelected',
};

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string | undefined {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const m = (error as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return undefined;
}

/**
 * True for the error `run` rejects with once the user cancelled (`CancelledError` of
 * src/app/ports, recognised by name so a copy from another bundle counts too).
 */
export function isCancellation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'CancelledError';
}

/**
 * The failure to show for an error thrown by one of the pane's actions: by its `code` when the
 * pane knows it, else by the operation that failed. The error's message is kept as detail.
 * @example failureFromError({ code: 'InvalidOperationInCellEditMode', message: '…' }, 'run').kind // 'cellEditMode'
 * @example failureFromError(new Error('boom'), 'saveSettings').kind // 'settingsNotSaved'
 */
export function failureFromError(error: unknown, operation: PaneOperation): PaneFailure {
  const code = codeOf(error);
  let kind = code === undefined ? undefined : (BY_ERROR_CODE[code] ?? BY_RUN_CODE[code]);
  if (kind === undefined && code === 'ItemNotFound' && (operation === 'activateSheet' || operation === 'selectCell')) {
    kind = FALLBACK[operation];
  }
  const detail = messageOf(error);
  return { kind: kind ?? FALLBACK[operation], ...(detail !== undefined && detail !== '' && { detail }) };
}

/**
 * The failure to show for a run the engine refused (`RunFailure`): by its code; the engine's
 * message, which names the sheet, row, column and value, is kept as detail.
 * @example failureFromRun({ code: 'plan.invalid', message: 'The commission plan is not valid: …' }).kind // 'planInvalid'
 */
export function failureFromRun(failure: { readonly code: string; readonly message: string }): PaneFailure {
  return { kind: BY_RUN_CODE[failure.code] ?? BY_ERROR_CODE[failure.code] ?? 'unknown', detail: failure.message };
}

/** Catalog keys of a failure's title and of what to do about it. */
export function failureMessageKeys(kind: FailureKind): { readonly title: CatalogKey; readonly action: CatalogKey } {
  return { title: `pane.error.${kind}.title`, action: `pane.error.${kind}.action` };
}
