/**
 * One entry of a zip archive as its central-directory record holds it: what the reader needs to
 * find and inflate it, and every field the writer needs to copy it unchanged (`./zipWriter`).
 * Sizes and offsets are plain numbers, exact below 2^53 (ZIP64 values above are refused).
 * @example
 * const e = zip.entry('xl/styles.xml');
 * if (e !== undefined && e.method === 8) console.log(`${e.compressedSize} → ${e.size} bytes`);
 */
export interface ZipEntry {
  /**
   * The name decoded (UTF-8 when flag bit 11 says so, else CP437, which agrees on the ASCII
   * names packages use); see `ZipArchiveOptions.names` for whether it is normalized.
   */
  readonly name: string;
  /** The name's bytes exactly as stored (written back unchanged when the entry is copied). */
  readonly nameBytes: Buffer;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  /** Bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name. */
  readonly flags: number;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** The inflated size. */
  readonly size: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly localHeaderOffset: number;
}
