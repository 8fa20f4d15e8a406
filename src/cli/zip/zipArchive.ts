/**
 * A zip archive read through its central directory: the CLI's one zip reader, serving both ways
 * it reads an .xlsx package.
 * - The workbook reader (`../readXlsx`) asks for parts by name and reads them inflated, whole
 *   ({@link ZipArchive.read}, {@link ZipArchive.text}) or streamed through zlib
 *   ({@link ZipArchive.chunks}), so a sheet of any size is scanned without holding its XML.
 * - The report merge (`../xlsx/mergeReportPackage`) walks {@link ZipArchive.entries} and copies
 *   the parts it does not change as their raw compressed bytes ({@link ZipArchive.rawChunks}),
 *   which `./zipWriter` writes back with the entry's own method, CRC and sizes — no inflate, no
 *   deflate, the parts stay byte-identical and copying a 50 MB workbook costs only the I/O.
 *
 * Written here rather than taken from JSZip: JSZip loads and inflates the whole archive in
 * memory, its streaming inflate (pako) is several times slower than Node's zlib, and it does not
 * give an entry's raw bytes. The format subset an .xlsx needs is small: stored and deflated
 * entries, ZIP64 sizes and offsets. Encrypted entries and other compression methods are refused
 * with a {@link ZipError} naming the entry.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zipEntry';
import { ZipError, type ZipProblem } from './zipError';

/** How a {@link ZipArchive} names, checks and reports; the defaults suit reading parts. */
export interface ZipArchiveOptions {
  /**
   * `'opc'` (the default): names are normalized (`\` becomes `/`, a leading `/` is dropped) and
   * {@link ZipArchive.entry} matches them exactly, then ignoring case: OPC part names are
   * case-insensitive and a reader should find a part however the package spells it.
   * `'stored'`: names stay as stored and match exactly only. For copying a package, where the
   * name found must be the name written back: a part found under another spelling would be
   * written twice.
   */
  readonly names?: 'opc' | 'stored';
  /**
   * Refuse at open an archive with any entry that cannot be read (encrypted, a method other than
   * stored and deflate) rather than when that entry is read: for a caller that copies them all.
   */
  readonly checkEveryEntry?: boolean;
  /**
   * The error to throw for a problem with the archive, e.g. one naming the file for the user.
   * Default: the {@link ZipError} itself. Other errors (the file cannot be opened) pass unchanged.
   */
  readonly error?: (problem: ZipError) => Error;
}

/** The signatures that open each kind of record (APPNOTE 4.3). */
const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, zip64End: 0x06064b50, zip64Locator: 0x07064b50 } as const;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** Entries up to this compressed size are inflated in one call rather than streamed. */
const WHOLE_LIMIT = 1 << 20;

/** Reads up to `length` bytes at `position`; fewer only at the end of the file (the caller checks). */
async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

function u64(buf: Buffer, at: number): number {
  const n = buf.readBigUInt64LE(at);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('damaged', 'a size or offset in the zip directory is beyond 2^53');
  return Number(n);
}

/** An entry's problem that stops it being inflated, if any. */
function unreadable(entry: ZipEntry): ZipError | undefined {
  if ((entry.flags & 0x0001) !== 0) return new ZipError('encrypted', 'the entry is encrypted (a password-protected zip)', entry.name);
  if (entry.method !== 0 && entry.method !== 8) return new ZipError('unsupported', `compression method ${entry.method} is not supported (only stored and deflate)`, entry.name);
  return undefined;
}

/**
 * zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR …): the entry's bytes are not valid deflate data.
 * Told by their code, not `instanceof Error`, which fails across realms (Jest's sandbox).
 */
function isZlibError(e: unknown): e is Error {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * An .xlsx (zip) file open for reading. Call {@link ZipArchive.close} when done.
 * @example
 * const zip = await ZipArchive.open('book.xlsx');
 * try { const xml = await zip.text('xl/workbook.xml'); } finally { await zip.close(); }
 */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  /** Lower-cased names, for `names: 'opc'`; the first spelling in the directory wins. */
  private readonly byLowerName: Map<string, ZipEntry> | undefined;

  private constructor(
    private readonly file: FileHandle,
    /** The archive's path, as given to {@link ZipArchive.open}. */
    readonly path: string,
    /** Every entry, in central-directory order. */
    readonly entries: readonly ZipEntry[],
    ignoreCase: boolean,
    private readonly fail: (problem: ZipError) => Error,
  ) {
    this.byLowerName = ignoreCase ? new Map() : undefined;
    for (const e of entries) {
      this.byName.set(e.name, e);
      const lower = e.name.toLowerCase();
      if (this.byLowerName !== undefined && !this.byLowerName.has(lower)) this.byLowerName.set(lower, e);
    }
  }

  /**
   * Opens `path` and reads its central directory.
   * @throws the `options.error` of a {@link ZipError} when it is not a zip archive, is damaged,
   *   or (with `checkEveryEntry`) holds an entry that cannot be read
   * @example const zip = await ZipArchive.open('out.xlsx', { names: 'stored' }); zip.entries.map((e) => e.name)
   */
  static async open(path: string, options: ZipArchiveOptions = {}): Promise<ZipArchive> {
    const fail = options.error ?? ((problem: ZipError): Error => problem);
    const file = await open(path, 'r');
    try {
      const names = options.names ?? 'opc';
      const entries = await readCentralDirectory(file, names);
      if (options.checkEveryEntry === true) {
        for (const e of entries) {
          const problem = unreadable(e);
          if (problem !== undefined) throw problem;
        }
      }
      return new ZipArchive(file, path, entries, names === 'opc', fail);
    } catch (e) {
      await file.close();
      throw e instanceof ZipError ? fail(e) : e;
    }
  }

  /** The entry named `name`, or undefined: matched exactly, then (with `names: 'opc'`) ignoring case. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName?.get(name.toLowerCase());
  }

  /** The entry's content, inflated, in one buffer. Meant for the small parts (workbook, styles, relationships). */
  async read(part: string | ZipEntry): Promise<Buffer> {
    const entry = this.readable(part);
    const raw = await readAt(this.file, await this.dataStart(entry), entry.compressedSize);
    if (raw.length !== entry.compressedSize) throw this.problem('damaged', 'the zip entry is truncated', entry);
    let out = raw;
    if (entry.method !== 0) {
      try {
        out = inflateRawSync(raw);
      } catch (e) {
        throw this.problem('damaged', `the entry cannot be decompressed (${(e as Error).message})`, entry);
      }
    }
    if (out.length !== entry.size) throw this.problem('damaged', `inflated to ${out.length} bytes, the zip directory says ${entry.size}`, entry);
    return out;
  }

  /** The entry's content as text: UTF-8, or UTF-16 when it starts with that byte-order mark (the mark is dropped). */
  async text(part: string | ZipEntry): Promise<string> {
    const buf = await this.read(part);
    if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
    if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
    const s = buf.toString('utf8');
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  /**
   * The entry's inflated content as chunks, in order. Large entries are streamed (file → zlib),
   * so memory stays at a few chunks whatever the part's size; small ones come in one chunk.
   * @example for await (const chunk of zip.chunks('xl/worksheets/sheet1.xml')) scanner.write(chunk);
   */
  async *chunks(part: string | ZipEntry): AsyncGenerator<Buffer> {
    const entry = this.readable(part);
    if (entry.compressedSize <= WHOLE_LIMIT) {
      yield await this.read(entry);
      return;
    }
    const start = await this.dataStart(entry);
    // A stream of its own on the path, not on the archive's FileHandle, which the stream would
    // close when it ends.
    const source = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    // A no-op callback: errors reach the consumer through the iteration of the last stream.
    const out = entry.method === 0 ? source : pipeline(source, createInflateRaw({ chunkSize: 1 << 18 }), () => undefined);
    let total = 0;
    try {
      for await (const chunk of out as AsyncIterable<Buffer>) {
        total += chunk.length;
        yield chunk;
      }
    } catch (e) {
      // Only the stream's own errors land here: an error of the consumer ends the loop through
      // return(), not throw(). File errors pass as they are; zlib's say the entry is damaged.
      throw isZlibError(e) ? this.problem('damaged', `the entry cannot be decompressed (${e.message})`, entry) : e;
    } finally {
      source.destroy();
      if (out !== source) out.destroy();
    }
    if (total !== entry.size) throw this.problem('damaged', `inflated to ${total} bytes, the zip directory says ${entry.size}`, entry);
  }

  /**
   * The entry's raw, still compressed bytes, in chunks of at most `chunkSize`: what
   * `ZipWriter.copy` writes to copy an entry without recompressing it. Encrypted entries and
   * other methods are given as they are; the entry's method says what the bytes are.
   * @example for await (const chunk of zip.rawChunks(entry)) await out.write(chunk);
   */
  async *rawChunks(entry: ZipEntry, chunkSize = 1 << 20): AsyncGenerator<Buffer> {
    let position = await this.dataStart(entry);
    let left = entry.compressedSize;
    while (left > 0) {
      const n = Math.min(left, chunkSize);
      const chunk = await readAt(this.file, position, n);
      if (chunk.length !== n) throw this.problem('damaged', 'the zip entry is truncated', entry);
      yield chunk;
      position += n;
      left -= n;
    }
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.file.close();
  }

  private problem(problem: ZipProblem, message: string, entry: ZipEntry): Error {
    return this.fail(new ZipError(problem, message, entry.name));
  }

  /** The entry (looked up by name if need be), when it exists and can be inflated. */
  private readable(part: string | ZipEntry): ZipEntry {
    const entry = typeof part === 'string' ? this.entry(part) : part;
    if (entry === undefined) throw this.fail(new ZipError('missing', 'no such entry in the zip', part as string));
    const problem = unreadable(entry);
    if (problem !== undefined) throw this.fail(problem);
    return entry;
  }

  /** Where the entry's data begins: after its local header, whose name and extra lengths may differ from the central record's. */
  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = await readAt(this.file, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== SIGNATURE.local) throw this.problem('damaged', 'the zip entry is damaged (no local header where the zip directory says)', entry);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

/** The ZIP64 extra field (0x0001) holds, in this order, only the fields saturated in the 32-bit record. */
function zip64Values(extra: Buffer, entry: { size: number; compressedSize: number; localHeaderOffset: number }): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      if (entry.size === MAX32) {
        entry.size = u64(extra, p);
        p += 8;
      }
      if (entry.compressedSize === MAX32) {
        entry.compressedSize = u64(extra, p);
        p += 8;
      }
      if (entry.localHeaderOffset === MAX32) entry.localHeaderOffset = u64(extra, p);
      return;
    }
    at += 4 + len;
  }
}

async function readCentralDirectory(file: FileHandle, names: 'opc' | 'stored'): Promise<ZipEntry[]> {
  const damaged = (why: string): ZipError => new ZipError('damaged', why);
  const { size } = await file.stat();
  // The end record (22 bytes and a comment of up to 64 KB), and the ZIP64 locator before it.
  const tailLength = Math.min(size, 22 + MAX16 + 20);
  const tail = await readAt(file, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIGNATURE.end) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    const head = await readAt(file, 0, 8);
    // Password-protected workbooks are OLE compound files, like the old .xls format.
    if (head.length === 8 && head.readUInt32BE(0) === 0xd0cf11e0) throw new ZipError('ole', 'this is an OLE compound file, not a zip: a password-protected workbook or the old .xls format; save it as an unprotected .xlsx');
    throw new ZipError('notZip', 'not a zip archive (no end of central directory)');
  }
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const locAt = eocd - 20;
    if (locAt < 0 || tail.readUInt32LE(locAt) !== SIGNATURE.zip64Locator) throw damaged('the ZIP64 locator is missing');
    const z64 = await readAt(file, u64(tail, locAt + 8), 56);
    if (z64.length < 56 || z64.readUInt32LE(0) !== SIGNATURE.zip64End) throw damaged('the ZIP64 end of central directory is missing');
    count = u64(z64, 32);
    cdSize = u64(z64, 40);
    cdOffset = u64(z64, 48);
  }
  const cd = await readAt(file, cdOffset, cdSize);
  if (cd.length !== cdSize) throw damaged('the zip directory is truncated');
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== SIGNATURE.central) throw damaged('the zip directory is damaged');
    const flags = cd.readUInt16LE(at + 8);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const nameBytes = Buffer.from(cd.subarray(at + 46, at + 46 + nameLength));
    const wide = { size: cd.readUInt32LE(at + 24), compressedSize: cd.readUInt32LE(at + 20), localHeaderOffset: cd.readUInt32LE(at + 42) };
    if (wide.size === MAX32 || wide.compressedSize === MAX32 || wide.localHeaderOffset === MAX32) zip64Values(cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), wide);
    // Bit 11: UTF-8 names; otherwise CP437, which agrees with UTF-8 on the ASCII names packages use.
    const stored = nameBytes.toString((flags & 0x0800) !== 0 ? 'utf8' : 'latin1');
    entries.push({
      name: names === 'opc' ? stored.replace(/\\/g, '/').replace(/^\/+/, '') : stored,
      nameBytes,
      versionMadeBy: cd.readUInt16LE(at + 4),
      versionNeeded: cd.readUInt16LE(at + 6),
      flags,
      method: cd.readUInt16LE(at + 10),
      dosTime: cd.readUInt16LE(at + 12),
      dosDate: cd.readUInt16LE(at + 14),
      crc32: cd.readUInt32LE(at + 16),
      compressedSize: wide.compressedSize,
      size: wide.size,
      internalAttributes: cd.readUInt16LE(at + 36),
      externalAttributes: cd.readUInt32LE(at + 38),
      localHeaderOffset: wide.localHeaderOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
