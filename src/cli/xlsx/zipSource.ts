/**
 * A zip archive read from its file through the central directory: the entry list, each
 * entry's inflated content on demand, and its raw (still compressed) bytes in chunks — so an
 * .xlsx of any size can be copied part by part without holding it in memory.
 *
 * Hand-written rather than JSZip: JSZip loads the whole archive into memory, and the merge
 * writer needs exactly the raw bytes of each entry (see `./zipWriter`), which JSZip does not
 * expose. ZIP64 archives are read; encrypted entries and methods other than stored/deflate
 * are refused.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../inputError';

/** One central-directory record. Sizes and offsets are plain numbers (exact below 2^53). */
export interface ZipEntry {
  readonly name: string;
  /** The name exactly as stored (written back unchanged). */
  readonly nameBytes: Buffer;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly flags: number;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

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
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('zip size beyond 2^53');
  return Number(n);
}

/** Values the ZIP64 extra field (0x0001) carries for the 32-bit fields that are saturated. */
function zip64Values(extra: Buffer, want: { size: boolean; compressed: boolean; offset: boolean }): { size?: number; compressed?: number; offset?: number } {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      const out: { size?: number; compressed?: number; offset?: number } = {};
      let p = at + 4;
      if (want.size) {
        out.size = u64(extra, p);
        p += 8;
      }
      if (want.compressed) {
        out.compressed = u64(extra, p);
        p += 8;
      }
      if (want.offset) out.offset = u64(extra, p);
      return out;
    }
    at += 4 + len;
  }
  return {};
}

/** A zip archive open for reading; call {@link ZipSource.close} when done. */
export class ZipSource {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly file: FileHandle,
    /** Where the archive came from, for messages. */
    readonly path: string,
    /** Entries in central-directory order. */
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  /**
   * Opens `path` and reads its central directory.
   * @throws InputError when the file is not a zip archive (or is damaged)
   * @example const zip = await ZipSource.open('sales.xlsx'); zip.entry('xl/workbook.xml')
   */
  static async open(path: string): Promise<ZipSource> {
    const file = await open(path, 'r');
    try {
      return new ZipSource(file, path, await ZipSource.directory(file, path));
    } catch (e) {
      await file.close();
      throw e;
    }
  }

  private static async directory(file: FileHandle, path: string): Promise<ZipEntry[]> {
    const bad = (why: string): InputError => new InputError(`${path}: not a valid .xlsx file (${why}); open it in Excel and save it again.`);
    const size = (await file.stat()).size;
    const tailLength = Math.min(size, 22 + 0xffff + 20);
    const tail = await readAt(file, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw bad('it is not a zip archive');
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
      const loc = eocd - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR) throw bad('ZIP64 locator missing');
      const recAt = u64(tail, loc + 8);
      const rec = await readAt(file, recAt, 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD) throw bad('ZIP64 directory missing');
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
    const cd = await readAt(file, cdOffset, cdSize);
    if (cd.length !== cdSize) throw bad('central directory truncated');
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) throw bad('central directory damaged');
      const flags = cd.readUInt16LE(at + 8);
      const method = cd.readUInt16LE(at + 10);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      const nameBytes = Buffer.from(cd.subarray(at + 46, at + 46 + nameLength));
      const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      let compressedSize = cd.readUInt32LE(at + 20);
      let entrySize = cd.readUInt32LE(at + 24);
      let offset = cd.readUInt32LE(at + 42);
      const z = zip64Values(extra, { size: entrySize === MAX32, compressed: compressedSize === MAX32, offset: offset === MAX32 });
      entrySize = z.size ?? entrySize;
      compressedSize = z.compressed ?? compressedSize;
      offset = z.offset ?? offset;
      // OOXML part names are ASCII; bit 11 says UTF-8, otherwise CP437, which agrees on ASCII.
      const name = nameBytes.toString((flags & 0x0800) !== 0 ? 'utf8' : 'latin1');
      if ((flags & 0x0001) !== 0) throw new InputError(`${path}: part ${name} is encrypted; save the workbook without a password and run again.`);
      if (method !== 0 && method !== 8) throw new InputError(`${path}: part ${name} uses zip compression method ${method}, which AccountDesk cannot read; save the workbook again in Excel.`);
      entries.push({
        name,
        nameBytes,
        versionMadeBy: cd.readUInt16LE(at + 4),
        versionNeeded: cd.readUInt16LE(at + 6),
        flags,
        method,
        dosTime: cd.readUInt16LE(at + 12),
        dosDate: cd.readUInt16LE(at + 14),
        crc32: cd.readUInt32LE(at + 16),
        compressedSize,
        size: entrySize,
        internalAttributes: cd.readUInt16LE(at + 36),
        externalAttributes: cd.readUInt32LE(at + 38),
        localHeaderOffset: offset,
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  /** The entry named exactly `name` (no leading slash), if any. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** Where the entry's compressed bytes start (after its local header, whose extra field may differ from the central one). */
  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = await readAt(this.file, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new InputError(`${this.path}: not a valid .xlsx file (part ${entry.name} is damaged); open it in Excel and save it again.`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }

  /**
   * The entry's raw, still compressed bytes, in chunks of at most `chunkSize`.
   * @example for await (const chunk of zip.rawChunks(entry)) await out.write(chunk)
   */
  async *rawChunks(entry: ZipEntry, chunkSize = 1 << 20): AsyncGenerator<Buffer> {
    let position = await this.dataStart(entry);
    let left = entry.compressedSize;
    while (left > 0) {
      const n = Math.min(left, chunkSize);
      const chunk = await readAt(this.file, position, n);
      if (chunk.length !== n) throw new InputError(`${this.path}: not a valid .xlsx file (part ${entry.name} is truncated); open it in Excel and save it again.`);
      yield chunk;
      position += n;
      left -= n;
    }
  }

  /** The entry's content, inflated. Meant for the small parts (workbook, styles, rels). */
  async read(entry: ZipEntry): Promise<Buffer> {
    const raw = await readAt(this.file, await this.dataStart(entry), entry.compressedSize);
    try {
      return entry.method === 0 ? raw : inflateRawSync(raw);
    } catch (e) {
      throw new InputError(`${this.path}: not a valid .xlsx file (part ${entry.name} cannot be decompressed: ${(e as Error).message}); open it in Excel and save it again.`);
    }
  }

  /** The entry's content as text: UTF-8, or UTF-16 when it starts with that byte-order mark (which is dropped). */
  async text(entry: ZipEntry): Promise<string> {
    const buf = await this.read(entry);
    if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
    if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
    const s = buf.toString('utf8');
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}
