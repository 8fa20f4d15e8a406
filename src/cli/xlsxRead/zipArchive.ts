/**
 * A zip archive (an .xlsx package) read through its central directory: the list of entries and
 * each entry's inflated bytes, either whole (small parts) or as a stream of chunks (sheets), so a
 * workbook of any size is read without holding its XML in memory.
 *
 * Written here rather than taken from JSZip: JSZip loads and inflates the whole archive in
 * memory, and its streaming inflate (pako) is several times slower than Node's zlib. The format
 * subset an .xlsx needs is small: stored and deflated entries, ZIP64 sizes and offsets. Encrypted
 * entries and other compression methods are refused with an error naming the entry.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/** One central-directory record of a {@link ZipArchive}. */
export interface ZipArchiveEntry {
  /** The name as stored, with `\` turned into `/` and a leading `/` removed. */
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** Entries up to this compressed size are inflated in one call rather than streamed. */
const WHOLE_LIMIT = 1 << 20;

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
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('zip: a size or offset beyond 2^53');
  return Number(n);
}

/**
 * An .xlsx (zip) file open for reading. Entry names are matched exactly, then ignoring case (part
 * names in a package are case-insensitive). Call {@link ZipArchive.close} when done.
 * @example
 * const zip = await ZipArchive.open('book.xlsx');
 * try { const xml = await zip.read('xl/workbook.xml'); } finally { await zip.close(); }
 */
export class ZipArchive {
  private readonly byName = new Map<string, ZipArchiveEntry>();
  private readonly byLowerName = new Map<string, ZipArchiveEntry>();

  private constructor(
    private readonly path: string,
    private readonly file: FileHandle,
    entries: readonly ZipArchiveEntry[],
  ) {
    for (const e of entries) {
      this.byName.set(e.name, e);
      if (!this.byLowerName.has(e.name.toLowerCase())) this.byLowerName.set(e.name.toLowerCase(), e);
    }
  }

  /** Opens `path` and reads its central directory; throws when it is not a zip archive. */
  static async open(path: string): Promise<ZipArchive> {
    const file = await open(path, 'r');
    try {
      return new ZipArchive(path, file, await readCentralDirectory(file));
    } catch (e) {
      await file.close();
      throw e;
    }
  }

  /** The entry named `name` (exact, else case-insensitive), or undefined. */
  entry(name: string): ZipArchiveEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** Reads and inflates a whole entry (for the small parts: workbook, relationships, styles). */
  async read(name: string): Promise<Buffer> {
    const entry = this.required(name);
    const start = await this.dataStart(entry);
    const raw = await readAt(this.file, start, entry.compressedSize);
    if (raw.length !== entry.compressedSize) throw new Error(`${name}: the zip entry is truncated`);
    const out = entry.method === 0 ? raw : inflateRawSync(raw);
    if (out.length !== entry.size) throw new Error(`${name}: inflated to ${out.length} bytes, the zip directory says ${entry.size}`);
    return out;
  }

  /**
   * The inflated bytes of an entry as chunks, in order. Large entries are streamed (file → zlib),
   * so memory stays at a few chunks whatever the part's size.
   */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.required(name);
    if (entry.compressedSize <= WHOLE_LIMIT) {
      yield await this.read(name);
      return;
    }
    const start = await this.dataStart(entry);
    const source = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    // A no-op callback: errors reach the consumer through the iteration of the last stream.
    const out = entry.method === 0 ? source : pipeline(source, createInflateRaw({ chunkSize: 1 << 18 }), () => undefined);
    let total = 0;
    try {
      for await (const chunk of out as AsyncIterable<Buffer>) {
        total += chunk.length;
        yield chunk;
      }
    } finally {
      source.destroy();
      if (out !== source) out.destroy();
    }
    if (total !== entry.size) throw new Error(`${name}: inflated to ${total} bytes, the zip directory says ${entry.size}`);
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.file.close();
  }

  private required(name: string): ZipArchiveEntry {
    const entry = this.entry(name);
    if (!entry) throw new Error(`${name}: no such part in the package`);
    if (entry.flags & 1) throw new Error(`${name}: the part is encrypted (password-protected zip)`);
    if (entry.method !== 0 && entry.method !== 8) throw new Error(`${name}: compression method ${entry.method} is not supported (only stored and deflate)`);
    return entry;
  }

  /** Where the entry's data begins: after its local header, whose name and extra lengths may differ from the central record's. */
  private async dataStart(entry: ZipArchiveEntry): Promise<number> {
    const header = await readAt(this.file, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new Error(`${entry.name}: bad local header in the zip`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }
}

async function readCentralDirectory(file: FileHandle): Promise<ZipArchiveEntry[]> {
  const { size } = await file.stat();
  const tailLength = Math.min(size, 22 + MAX16);
  const tail = await readAt(file, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    const head = await readAt(file, 0, 8);
    // Password-protected workbooks are OLE compound files, like the old .xls format.
    if (head.length === 8 && head.readUInt32BE(0) === 0xd0cf11e0) throw new Error('this is an OLE compound file: a password-protected workbook or the old .xls format; save it as an unprotected .xlsx');
    throw new Error('not a zip archive (no end of central directory)');
  }
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const locAt = eocd - 20;
    if (locAt < 0 || tail.readUInt32LE(locAt) !== ZIP64_LOCATOR) throw new Error('zip: ZIP64 locator missing');
    const z64 = await readAt(file, u64(tail, locAt + 8), 56);
    if (z64.length < 56 || z64.readUInt32LE(0) !== ZIP64_EOCD) throw new Error('zip: bad ZIP64 end of central directory');
    count = u64(z64, 32);
    cdSize = u64(z64, 40);
    cdOffset = u64(z64, 48);
  }
  const cd = await readAt(file, cdOffset, cdSize);
  if (cd.length !== cdSize) throw new Error('zip: the central directory is truncated');
  const entries: ZipArchiveEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) throw new Error('zip: bad central directory record');
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    let compressedSize = cd.readUInt32LE(at + 20);
    let entrySize = cd.readUInt32LE(at + 24);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    let localHeaderOffset = cd.readUInt32LE(at + 42);
    // Bit 11: UTF-8 names; otherwise CP437, which agrees with UTF-8 on the ASCII names packages use.
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    if (entrySize === MAX32 || compressedSize === MAX32 || localHeaderOffset === MAX32) {
      // The ZIP64 extra field (0x0001) holds, in this order, only the fields saturated above.
      const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      for (let p = 0; p + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(p);
        const len = extra.readUInt16LE(p + 2);
        if (id === 0x0001) {
          let q = p + 4;
          if (entrySize === MAX32) {
            entrySize = u64(extra, q);
            q += 8;
          }
          if (compressedSize === MAX32) {
            compressedSize = u64(extra, q);
            q += 8;
          }
          if (localHeaderOffset === MAX32) localHeaderOffset = u64(extra, q);
          break;
        }
        p += 4 + len;
      }
    }
    entries.push({ name: name.replace(/\\/g, '/').replace(/^\/+/, ''), method, flags, compressedSize, size: entrySize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
