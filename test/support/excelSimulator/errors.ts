/**
 * Errors shaped like Office.js' `OfficeExtension.Error` (OFFICE-JS.md §11): `name`
 * "RichApi.Error" (the runtime name; the typings say "OfficeExtension.Error"), a `code`, a
 * `message`, and `debugInfo` with `code`, `message`, `errorLocation` and `statement`.
 * The simulator installs {@link SimOfficeError} as `OfficeExtension.Error`, so
 * `instanceof OfficeExtension.Error` holds as it does in Office.
 */

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
}

/** The error codes the simulator raises (a subset of Excel.ErrorCodes / OfficeExtension.ErrorCodes). */
export type SimErrorCode =
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidSelection'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'GeneralException'
  | 'ApiNotFound'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'OperationCellsExceedLimit'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'RunMustReturnPromise';

/** English messages as Office shows them (where known; otherwise descriptive). */
const MESSAGES: Readonly<Record<SimErrorCode, string>> = {
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation is invalid for the object.',
  InvalidSelection: 'The current selection is invalid for this operation.',
  ItemNotFound: 'The requested resource doesn\'t exist.',
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  GeneralException: 'There was an internal error while processing the request.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit. See the documentation for details.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit. See the documentation for details.',
  OperationCellsExceedLimit: 'The operation affects more cells than the supported limit.',
  InvalidOperationInCellEditMode: 'The operation isn\'t available while Excel is in Edit cell mode. Exit Edit mode and try again.',
  InvalidObjectPath: 'The object path is not working for what you are trying to do.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  RunMustReturnPromise: 'The batch function passed to the ".run" method didn\'t return a promise.',
};

/** An `OfficeExtension.Error` look-alike. */
export class SimOfficeError extends Error {
  override name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: unknown = null;

  constructor(code: SimErrorCode, detail?: string, location?: { errorLocation?: string; statement?: string }) {
    const message = detail === undefined ? MESSAGES[code] : `${MESSAGES[code]} (${detail})`;
    super(message);
    this.code = code;
    this.debugInfo = { code, message };
    if (location?.errorLocation !== undefined) this.debugInfo.errorLocation = location.errorLocation;
    if (location?.statement !== undefined) this.debugInfo.statement = location.statement;
  }

  /** Adds where it happened (the statement of the failing action), as Office fills `debugInfo`. */
  locate(errorLocation: string, statement: string, surrounding: string[]): this {
    this.debugInfo.errorLocation = errorLocation;
    this.debugInfo.statement = statement;
    this.debugInfo.surroundingStatements = surrounding;
    return this;
  }
}

/** Throws a {@link SimOfficeError}; used inside actions, which the sync turns into a rejection. */
export function fail(code: SimErrorCode, detail?: string): never {
  throw new SimOfficeError(code, detail);
}

/** The `OfficeExtension.ErrorCodes` constants. */
export const OFFICE_EXTENSION_ERROR_CODES = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  activityLimitReached: 'ActivityLimitReached',
  invalidObjectPath: 'InvalidObjectPath',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  invalidRequestContext: 'InvalidRequestContext',
  invalidArgument: 'InvalidArgument',
  runMustReturnPromise: 'RunMustReturnPromise',
  cannotRegisterEvent: 'CannotRegisterEvent',
  apiNotFound: 'ApiNotFound',
  connectionFailure: 'ConnectionFailure',
} as const;
