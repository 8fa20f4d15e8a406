/**
 * Writes a zip archive to a file entry by entry: entries of another archive copied as their
 * raw compressed bytes (no inflate, no deflate — the parts stay byte-identical and copying a
 * 50 MB workbook costs only the I/O), and new entries deflated here with Node's zlib.
 *
 * Hand-written (see `./zipArchive` for why not JSZip). Every entry's sizes and CRC are known
 * before it is written, so local headers carry them and no data descriptors are needed. An
 * archive that would need ZIP64 (an entry or the whole file over 4 GB, over 65 535 entries)
 * is refused rather than written wrong.
 */
import { once } from 'node:events';
import { open, type FileHandle } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import type { ZipArchive } from './zipArchive';
import type { ZipEntry } from './zipEntry';

const MAX32 = 0xffffffff;

let table: Int32Array | undefined;
/** CRC-32 (IEEE) of `data`, continuing from `crc`; zlib.crc32 where Node has it (20.15+), a table otherwise. */
function crc32(data: Buffer, crc = 0): number {
  const native = (zlib as { crc32?: (d: Buffer, v: number) => number }).crc32;
  if (native !== undefined) return native(data, crc);
  if (table === undefined) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = crc ^ -1;
  for (const byte of data) c = (table[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** An entry written: the same record the reader gives (`ZipEntry`), less the decoded name. */
type Written = Omit<ZipEntry, 'name'>;

/**
 * Writes the fields a local header and a central record share, in the same order in both:
 * from offset 4 of a local header, 6 of a central record (APPNOTE 4.3.7 and 4.3.12).
 */
function writeSharedFields(buf: Buffer, at: number, w: Omit<Written, 'localHeaderOffset'>): void {
  buf.writeUInt16LE(w.versionNeeded, at);
  buf.writeUInt16LE(w.flags, at + 2);
  buf.writeUInt16LE(w.method, at + 4);
  buf.writeUInt16LE(w.dosTime, at + 6);
  buf.writeUInt16LE(w.dosDate, at + 8);
  buf.writeUInt32LE(w.crc32, at + 10);
  buf.writeUInt32LE(w.compressedSize, at + 14);
  buf.writeUInt32LE(w.size, at + 18);
  buf.writeUInt16LE(w.nameBytes.length, at + 22);
}

/** A zip archive being written; {@link ZipWriter.finish} writes the directory and closes it. */
export class ZipWriter {
  private offset = 0;
  private closed = false;
  private readonly written: Written[] = [];
  private readonly names = new Set<string>();
  private readonly now = dosDateTime(new Date());

  private constructor(
    private readonly file: FileHandle,
    readonly path: string,
  ) {}

  /**
   * Creates (or truncates) the file at `path`.
   * @example const zip = await ZipWriter.create('out.xlsx.tmp'); await zip.add('a.xml', '<a/>'); await zip.finish()
   */
  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'w'), path);
  }

  private async write(buf: Buffer): Promise<void> {
    let done = 0;
    while (done < buf.length) {
      const { bytesWritten } = await this.file.write(buf, done, buf.length - done);
      done += bytesWritten;
    }
    this.offset += buf.length;
  }

  private claim(name: string): void {
    // Part names are case-insensitive (OPC); two entries differing in case are one part twice.
    const key = name.toLowerCase();
    if (this.names.has(key)) throw new Error(`zip entry ${name} written twice`);
    this.names.add(key);
  }

  private async header(w: Omit<Written, 'localHeaderOffset'>): Promise<number> {
    if (w.compressedSize >= MAX32 || w.size >= MAX32 || this.offset >= MAX32) {
      throw new Error(`${this.path}: the workbook would be larger than 4 GB, which needs ZIP64; not supported`);
    }
    const at = this.offset;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    // The extra field length (28) stays 0: no ZIP64, no timestamps beyond the DOS ones.
    writeSharedFields(h, 4, w);
    await this.write(Buffer.concat([h, w.nameBytes]));
    return at;
  }

  /**
   * Copies an entry of `source` as it is stored: same name, method, CRC and compressed bytes.
   * A data descriptor of the original is dropped (the sizes go into the local header).
   */
  async copy(entry: ZipEntry, source: ZipArchive): Promise<void> {
    this.claim(entry.name);
    const { name: _name, localHeaderOffset: _from, ...record } = entry;
    // Version 2.0 is enough once ZIP64 fields are gone (this writer never writes them).
    const w = { ...record, versionNeeded: Math.min(entry.versionNeeded, 20), flags: entry.flags & ~0x0008 };
    const offset = await this.header(w);
    for await (const chunk of source.rawChunks(entry)) await this.write(chunk);
    this.written.push({ ...w, localHeaderOffset: offset });
  }

  /** Adds a new entry, deflated (text is written as UTF-8). */
  async add(name: string, content: Buffer | string): Promise<void> {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const deflated = zlib.deflateRawSync(data, { level: 6 });
    await this.addCompressed(name, crc32(data), data.length, deflated.length < data.length ? deflated : undefined, data);
  }

  /**
   * Adds a new entry from pieces, deflated as one stream: a large part never has to exist as
   * one string or buffer (only its compressed form is held until the sizes are known).
   */
  async addPieces(name: string, pieces: Iterable<Buffer>): Promise<void> {
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const out: Buffer[] = [];
    deflate.on('data', (c: Buffer) => out.push(c));
    const ended = once(deflate, 'end');
    let crc = 0;
    let size = 0;
    for (const piece of pieces) {
      crc = crc32(piece, crc);
      size += piece.length;
      if (!deflate.write(piece)) await once(deflate, 'drain');
    }
    deflate.end();
    await ended;
    await this.addCompressed(name, crc, size, Buffer.concat(out));
  }

  private async addCompressed(name: string, crc: number, size: number, deflated: Buffer | undefined, stored?: Buffer): Promise<void> {
    this.claim(name);
    if (deflated === undefined && stored === undefined) throw new Error('no content');
    const w = {
      nameBytes: Buffer.from(name, 'utf8'),
      versionMadeBy: 20,
      versionNeeded: 20,
      // Bit 11: the name is UTF-8.
      flags: /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800,
      method: deflated === undefined ? 0 : 8,
      dosTime: this.now.time,
      dosDate: this.now.date,
      crc32: crc,
      compressedSize: (deflated ?? stored ?? Buffer.alloc(0)).length,
      size,
      internalAttributes: 0,
      externalAttributes: 0,
    };
    const offset = await this.header(w);
    await this.write(deflated ?? stored ?? Buffer.alloc(0));
    this.written.push({ ...w, localHeaderOffset: offset });
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    try {
      const start = this.offset;
      const records: Buffer[] = [];
      for (const w of this.written) {
        const r = Buffer.alloc(46);
        r.writeUInt32LE(0x02014b50, 0);
        r.writeUInt16LE(w.versionMadeBy, 4);
        writeSharedFields(r, 6, w);
        r.writeUInt16LE(w.internalAttributes, 36);
        r.writeUInt32LE(w.externalAttributes, 38);
        r.writeUInt32LE(w.localHeaderOffset, 42);
        records.push(r, w.nameBytes);
      }
      const cd = Buffer.concat(records);
      if (this.written.length > 0xffff || start + cd.length >= MAX32) {
        throw new Error(`${this.path}: the workbook would need ZIP64 (over 65 535 parts or 4 GB); not supported`);
      }
      await this.write(cd);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.written.length, 8);
      end.writeUInt16LE(this.written.length, 10);
      end.writeUInt32LE(cd.length, 12);
      end.writeUInt32LE(start, 16);
      await this.write(end);
    } finally {
      await this.close();
    }
  }

  /** Closes the file without finishing it (the caller removes it); harmless after {@link ZipWriter.finish}. */
  async abort(): Promise<void> {
    await this.close();
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.file.close();
  }
}
