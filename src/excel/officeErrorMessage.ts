/**
 * Turns Office.js errors (`OfficeExtension.Error`, OFFICE-JS.md §11) into user messages by
 * `code`, keeping `debugInfo` for the log. Nothing is swallowed: adapters throw an
 * {@link ExcelAdapterError} whose `cause` is the original error.
 */
import { CancelledError } from '../app/ports';
import { EXCEL_MESSAGES, excelMessage, type ExcelMessageCode, type ExcelOperation } from './messages';
import { REQUIRED_EXCEL_API } from './requirements';

/** The shape of an `OfficeExtension.Error` (runtime name "RichApi.Error"). */
export interface OfficeErrorLike {
  readonly code: string;
  readonly message: string;
  readonly debugInfo?: unknown;
}

/** True for an `OfficeExtension.Error` (by shape, so it works without the Office globals). */
export function isOfficeError(e: unknown): e is OfficeErrorLike {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as { code?: unknown; name?: unknown; debugInfo?: unknown };
  if (typeof o.code !== 'string') return false;
  return o.name === 'RichApi.Error' || o.name === 'OfficeExtension.Error' || typeof o.debugInfo === 'object';
}

/** Payload-limit errors: the adapter retries those once with smaller chunks. */
export function isPayloadLimitError(e: unknown): boolean {
  return isOfficeError(e) && (e.code === 'RequestPayloadSizeLimitExceeded' || e.code === 'ResponsePayloadSizeLimitExceeded');
}

export interface ExcelErrorReport {
  /** The Office error code (`ItemNotFound` …) or the adapter's own (`SourceEmpty` …). */
  readonly code: string;
  /** English text for the user: what failed and what to do. */
  readonly message: string;
  readonly operation: ExcelOperation;
  /** Office's debug info (`errorLocation`, `statement` …) for the log. */
  readonly debugInfo: unknown;
}

function isKnown(code: string): code is ExcelMessageCode {
  return Object.prototype.hasOwnProperty.call(EXCEL_MESSAGES, code);
}

function messageFor(code: string, operation: ExcelOperation, detail: string | undefined): string {
  if (code === 'Unknown') return excelMessage('Unknown', operation, detail ?? code);
  if (code === 'ApiNotFound') return excelMessage('ApiNotFound', operation, excelMessage('ExcelTooOld', operation, REQUIRED_EXCEL_API));
  if (isKnown(code)) return excelMessage(code, operation, detail ?? '');
  return excelMessage('Unknown', operation, code);
}

/**
 * The user message and log details for an error thrown while `operation` ran.
 * @example officeErrorMessage(e, 'read').message // "A cell is being edited, so Excel could not let AccountDesk read the data. Press Enter …"
 */
export function officeErrorMessage(error: unknown, operation: ExcelOperation): ExcelErrorReport {
  if (error instanceof ExcelAdapterError) return { code: error.code, message: error.userMessage, operation: error.operation, debugInfo: error.debugInfo };
  if (isOfficeError(error)) return { code: error.code, message: messageFor(error.code, operation, undefined), operation, debugInfo: error.debugInfo ?? null };
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'Unknown', message: excelMessage('Unknown', operation, text), operation, debugInfo: null };
}

/** An error of the Excel adapter: a user message plus everything the log needs. */
export class ExcelAdapterError extends Error {
  override readonly name = 'ExcelAdapterError';
  readonly code: string;
  readonly operation: ExcelOperation;
  readonly userMessage: string;
  /** What the message names (a sheet, a table, a cell count), if anything. */
  readonly detail: string | undefined;
  readonly debugInfo: unknown;
  override readonly cause: unknown;
  /** A second error raised while undoing the first (e.g. removing temporary sheets); never hidden. */
  readonly rollbackError: unknown;

  constructor(code: string, operation: ExcelOperation, options: { detail?: string; cause?: unknown; debugInfo?: unknown; rollbackError?: unknown } = {}) {
    const userMessage = messageFor(code, operation, options.detail);
    super(userMessage);
    this.code = code;
    this.operation = operation;
    this.userMessage = userMessage;
    this.detail = options.detail;
    this.cause = options.cause;
    this.debugInfo = options.debugInfo ?? (isOfficeError(options.cause) ? (options.cause.debugInfo ?? null) : null);
    this.rollbackError = options.rollbackError;
  }
}

/**
 * Wraps an Office error as an {@link ExcelAdapterError}; cancellations, adapter errors and
 * programming errors (TypeError …) pass through unchanged.
 */
export function toAdapterError(error: unknown, operation: ExcelOperation, rollbackError?: unknown): unknown {
  if (error instanceof CancelledError) return error;
  if (error instanceof ExcelAdapterError) {
    if (rollbackError === undefined) return error;
    const detail = error.detail === undefined ? {} : { detail: error.detail };
    return new ExcelAdapterError(error.code, error.operation, { ...detail, cause: error.cause, debugInfo: error.debugInfo, rollbackError });
  }
  const rollback = rollbackError === undefined ? {} : { rollbackError };
  if (isOfficeError(error)) return new ExcelAdapterError(error.code, operation, { cause: error, ...rollback });
  // A programming error stays what it is, unless a failed rollback must travel with it.
  if (rollbackError === undefined) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ExcelAdapterError('Unknown', operation, { detail: text, cause: error, rollbackError });
}
