/**
 * The input workbook's zip as the report merge opens it: the CLI's one zip reader
 * (`../zip/zipArchive`) with the merge's settings. Part names stay as stored and match exactly,
 * because the merge writes every name back and compares it with the parts it changes; every
 * entry is checked at open, because the merge copies them all; and problems become
 * {@link InputError}s naming the file, worded for someone holding a workbook (the merge lets
 * them through to the user as they are).
 */
import { InputError } from '../inputError';
import { ZipArchive } from '../zip/zipArchive';
import type { ZipError } from '../zip/zipError';

/** The input's zip: a {@link ZipArchive}, opened by {@link ZipSource.open}. */
export type ZipSource = ZipArchive;

function inputError(path: string, e: ZipError): InputError {
  const where = e.part === undefined ? '' : `part ${e.part}: `;
  switch (e.problem) {
    case 'encrypted':
      return new InputError(`${path}: part ${e.part ?? ''} is encrypted; save the workbook without a password and run again.`);
    case 'unsupported':
      return new InputError(`${path}: ${where}${e.message}; save the workbook again in Excel.`);
    case 'notZip':
      return new InputError(`${path}: not a valid .xlsx file (it is not a zip archive); open it in Excel and save it again.`);
    case 'ole':
      return new InputError(`${path}: ${e.message}.`);
    default:
      return new InputError(`${path}: not a valid .xlsx file (${where}${e.message}); open it in Excel and save it again.`);
  }
}

/** Opens the input workbook's zip for the merge. */
export const ZipSource = {
  /**
   * Opens `path` and reads its central directory; close the result when done.
   * @throws InputError naming the file (and the part) when it is not a zip archive, is damaged,
   *   or holds an encrypted entry or one compressed in a way we cannot read
   * @example const zip = await ZipSource.open('sales.xlsx'); zip.entry('xl/workbook.xml')
   */
  open: (path: string): Promise<ZipSource> => ZipArchive.open(path, { names: 'stored', checkEveryEntry: true, error: (e) => inputError(path, e) }),
};
