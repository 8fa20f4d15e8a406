/**
 * What is wrong with a zip archive: not a zip at all (`notZip`), an OLE compound file (`ole`: a
 * password-protected Office file or an old binary one), a damaged structure or entry
 * (`damaged`), an encrypted entry (`encrypted`), a compression method other than stored and
 * deflate (`unsupported`), or no entry of the name asked for (`missing`). Callers choose their
 * advice by it (`../xlsx/zipSource` does).
 */
export type ZipProblem = 'notZip' | 'ole' | 'damaged' | 'encrypted' | 'unsupported' | 'missing';

/**
 * A zip archive that cannot be read as asked. The message says what is wrong and leaves out the
 * file and the entry, because every caller already names them in its own words ("book.xlsx:
 * cannot read …: xl/styles.xml: …"); `part` holds the entry's name.
 * @example
 * try { await zip.read('xl/workbook.xml'); } catch (e) { if (e instanceof ZipError && e.problem === 'encrypted') askForAnUnprotectedCopy(); }
 */
export class ZipError extends Error {
  override readonly name = 'ZipError';

  constructor(
    readonly problem: ZipProblem,
    message: string,
    /** The entry concerned, when the problem is one entry's. */
    readonly part?: string,
  ) {
    super(message);
  }
}
