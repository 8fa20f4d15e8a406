/**
 * A problem with the user's input (missing file, bad sheet name, missing column …): the CLI prints
 * its message on one line and exits with code 1, no stack trace.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A problem with the command line itself: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
