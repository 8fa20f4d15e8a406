/**
 * The CLI's zip reader and writer (`src/cli/zip/`), and the reader opened the merge's way
 * (`src/cli/xlsx/zipSource.ts`): entries and their records, inflated and raw content, the
 * streamed path for large entries, ZIP64, name lookup in both modes, the errors for damaged,
 * encrypted and non-zip files, and copying entries byte for byte. The workbook-level readers
 * have their own tests (`./readXlsx.stream.test.ts`, `./xlsxMerge.test.ts`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { InputError } from '../../src/cli/inputError';
import { ZipSource } from '../../src/cli/xlsx/zipSource';
import { ZipArchive, type ZipArchiveOptions } from '../../src/cli/zip/zipArchive';
import { ZipError } from '../../src/cli/zip/zipError';
import { ZipWriter } from '../../src/cli/zip/zipWriter';
import { toZip64 } from './support/xlsxPackage';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'accountdesk-zip-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string): string => join(dir, `${n++}-${name}`);

/** Text that deflates to about 60 % of its size: hex digits from a fixed pseudo-random sequence. */
function hexText(length: number, seed = 12345): string {
  let x = seed;
  let s = '';
  while (s.length < length) s += ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 4).toString(16);
  return s.slice(0, length);
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; count: number }> {
  const all: Buffer[] = [];
  for await (const c of chunks) all.push(c);
  return { bytes: Buffer.concat(all), count: all.length };
}

async function withZip<T>(path: string, options: ZipArchiveOptions, use: (zip: ZipArchive) => Promise<T>): Promise<T> {
  const zip = await ZipArchive.open(path, options);
  try {
    return await use(zip);
  } finally {
    await zip.close();
  }
}

/** The error `p` rejects with (fails when it resolves). */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

/** Offset of the first central-directory record whose name is `name`. */
function centralRecord(zip: Buffer, name: string): number {
  for (let at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); at >= 0; at--) {
    if (zip.readUInt32LE(at) === 0x02014b50 && zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)) === name) return at;
  }
  throw new Error(`no central record for ${name}`);
}

const SMALL = 'hello '.repeat(1000);
// Above the 1 MB compressed size up to which entries are inflated in one piece.
const BIG = hexText(2_500_000);

/** A zip with a deflated, a stored, a non-ASCII-named and a large (streamed) deflated entry. */
async function sampleZip(): Promise<string> {
  const zip = new JSZip();
  zip.file('a.txt', SMALL);
  zip.file('stored.bin', Buffer.from([1, 2, 3]), { compression: 'STORE' });
  zip.file('dir/ü.xml', '<x/>');
  zip.file('xl/worksheets/sheet1.xml', BIG);
  zip.file('big-stored.txt', BIG, { compression: 'STORE' });
  const path = file('sample.zip');
  // streamFiles: data descriptors after each entry, as some writers do.
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true }));
  return path;
}

describe('ZipArchive: reading', () => {
  test('entries carry the central-directory record: method, CRC, sizes, name bytes', async () => {
    const path = await sampleZip();
    await withZip(path, {}, async (zip) => {
      expect(zip.entries.map((e) => [e.name, e.method, e.size, e.crc32])).toEqual([
        ['a.txt', 8, SMALL.length, crc32(SMALL)],
        ['stored.bin', 0, 3, crc32(Buffer.from([1, 2, 3]))],
        ['dir/', 0, 0, 0],
        ['dir/ü.xml', 8, 4, crc32('<x/>')],
        ['xl/', 0, 0, 0],
        ['xl/worksheets/', 0, 0, 0],
        ['xl/worksheets/sheet1.xml', 8, BIG.length, crc32(BIG)],
        ['big-stored.txt', 0, BIG.length, crc32(BIG)],
      ]);
      expect(zip.entry('dir/ü.xml')?.nameBytes).toEqual(Buffer.from('dir/ü.xml', 'utf8'));
      expect(zip.path).toBe(path);
    });
  });

  test.each([
    ['a.txt', 'one chunk', Buffer.from(SMALL)],
    ['stored.bin', 'one chunk', Buffer.from([1, 2, 3])],
    ['dir/ü.xml', 'one chunk', Buffer.from('<x/>')],
    ['xl/worksheets/sheet1.xml', 'streamed', Buffer.from(BIG)],
    ['big-stored.txt', 'streamed', Buffer.from(BIG)],
  ] as const)('%s: read, chunks (%s) and raw chunks give the same content', async (name, how, expected) => {
    await withZip(await sampleZip(), {}, async (zip) => {
      const entry = zip.entry(name);
      if (entry === undefined) throw new Error(`no ${name}`);
      expect((await zip.read(name)).equals(expected)).toBe(true);
      expect((await zip.read(entry)).equals(expected)).toBe(true);
      const streamed = await collect(zip.chunks(name));
      expect(streamed.bytes.equals(expected)).toBe(true);
      if (how === 'one chunk') expect(streamed.count).toBe(1);
      else expect(streamed.count).toBeGreaterThan(1);
      // Raw chunks are the compressed bytes as stored, in pieces of at most the size asked for.
      const raw = await collect(zip.rawChunks(entry, 1000));
      expect(raw.bytes.length).toBe(entry.compressedSize);
      expect(raw.count).toBe(Math.ceil(entry.compressedSize / 1000));
      expect((entry.method === 0 ? raw.bytes : inflateRawSync(raw.bytes)).equals(expected)).toBe(true);
    });
  });

  test.each([
    ['UTF-8', Buffer.from('<a>ü</a>', 'utf8'), '<a>ü</a>'],
    ['UTF-8 with a byte-order mark', Buffer.from('\ufeff<a>ü</a>', 'utf8'), '<a>ü</a>'],
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>ü</a>', 'utf16le')]), '<a>ü</a>'],
    ['UTF-16 BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<a>ü</a>', 'utf16le').swap16()]), '<a>ü</a>'],
  ])('text: %s', async (_name, bytes, expected) => {
    const path = file('text.zip');
    writeFileSync(path, await new JSZip().file('t.xml', bytes).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(await withZip(path, {}, (zip) => zip.text('t.xml'))).toBe(expected);
  });

  test('a ZIP64 archive gives the same entries, records and content as the plain one', async () => {
    const plain = file('plain.zip');
    writeFileSync(plain, await new JSZip().file('a.txt', SMALL).file('b/c.xml', '<c/>').generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const zip64 = file('zip64.zip');
    writeFileSync(zip64, await toZip64(readFileSync(plain)));
    const summary = (path: string): Promise<unknown> =>
      withZip(path, {}, async (zip) => Promise.all(zip.entries.filter((e) => !e.name.endsWith('/')).map(async (e) => [e.name, e.size, e.crc32, await zip.text(e), (await collect(zip.chunks(e))).bytes.toString()])));
    expect(await summary(zip64)).toEqual(await summary(plain));
    // toZip64 stores its entries: the raw bytes are the content, found through 64-bit offsets.
    await withZip(zip64, {}, async (zip) => {
      const e = zip.entry('b/c.xml');
      expect(e?.localHeaderOffset).toBeGreaterThan(0);
      expect(e === undefined ? '' : (await collect(zip.rawChunks(e))).bytes.toString()).toBe('<c/>');
    });
  });
});

describe('ZipArchive: names', () => {
  /** Entries named as stored by some writers: other case, a leading slash, backslashes. */
  async function oddNames(): Promise<string> {
    const path = file('names.zip');
    const w = await ZipWriter.create(path);
    await w.add('XL/Styles.xml', 'styles');
    await w.add('/docProps/app.xml', 'app');
    await w.add('xl\\worksheets\\sheet1.xml', 'sheet');
    await w.finish();
    return path;
  }

  test.each([
    // asked for, names: 'opc' (default), names: 'stored'
    ['XL/Styles.xml', 'XL/Styles.xml', 'XL/Styles.xml'],
    ['xl/styles.xml', 'XL/Styles.xml', undefined],
    ['docProps/app.xml', 'docProps/app.xml', undefined],
    ['/docProps/app.xml', undefined, '/docProps/app.xml'],
    ['DOCPROPS/APP.XML', 'docProps/app.xml', undefined],
    ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml', undefined],
    ['xl\\worksheets\\sheet1.xml', undefined, 'xl\\worksheets\\sheet1.xml'],
    ['xl/missing.xml', undefined, undefined],
  ])('%s → %s (opc), %s (stored)', async (asked, opc, stored) => {
    const path = await oddNames();
    expect(await withZip(path, {}, async (zip) => zip.entry(asked)?.name)).toBe(opc);
    expect(await withZip(path, { names: 'stored' }, async (zip) => zip.entry(asked)?.name)).toBe(stored);
  });

  test('the name bytes stay as stored whatever the mode; reading by a name found ignoring case works', async () => {
    const path = await oddNames();
    await withZip(path, {}, async (zip) => {
      expect(zip.entries.map((e) => e.nameBytes.toString())).toEqual(['XL/Styles.xml', '/docProps/app.xml', 'xl\\worksheets\\sheet1.xml']);
      expect(await zip.text('xl/styles.xml')).toBe('styles');
      expect((await collect(zip.chunks('xl/worksheets/sheet1.xml'))).bytes.toString()).toBe('sheet');
    });
  });
});

describe('ZipArchive: errors', () => {
  /** A small zip with `a.txt` (deflated) and `b.txt`, patched by `patch`. */
  async function patched(patch: (zip: Buffer) => void): Promise<string> {
    const zip = await new JSZip().file('a.txt', SMALL).file('b.txt', 'b').generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    patch(zip);
    const path = file('patched.zip');
    writeFileSync(path, zip);
    return path;
  }
  const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);

  test.each([
    ['a text file', Buffer.from('Date,Account\n2026-01-01,A\n'), 'notZip', /^not a zip archive/],
    ['an empty file', Buffer.alloc(0), 'notZip', /^not a zip archive/],
    ['an OLE compound file (password-protected workbook, .xls)', ole, 'ole', /OLE compound file.*password-protected workbook or the old \.xls format/],
  ])('open: %s', async (_name, bytes, problem, message) => {
    const path = file('bad.xlsx');
    writeFileSync(path, bytes);
    const e = await rejection(ZipArchive.open(path));
    expect(e).toBeInstanceOf(ZipError);
    expect(e).toMatchObject({ problem, part: undefined });
    expect(e.message).toMatch(message);
  });

  test.each([
    ['a damaged directory record', (z: Buffer) => z.writeUInt32LE(0, centralRecord(z, 'b.txt')), /^the zip directory is damaged$/],
    ['a directory beyond the end of the file', (z: Buffer) => z.writeUInt32LE(z.length, z.length - 6), /^the zip directory is truncated$/],
    ['a ZIP64 end record without its locator', (z: Buffer) => z.writeUInt16LE(0xffff, z.length - 12), /^the ZIP64 locator is missing$/],
  ])('open: %s', async (_name, patch, message) => {
    const e = await rejection(ZipArchive.open(await patched(patch)));
    expect(e).toMatchObject({ problem: 'damaged' });
    expect(e.message).toMatch(message);
  });

  test.each([
    ['encrypted', (z: Buffer, at: number) => z.writeUInt16LE(z.readUInt16LE(at + 8) | 1, at + 8), /^the entry is encrypted \(a password-protected zip\)$/],
    ['unsupported', (z: Buffer, at: number) => z.writeUInt16LE(9, at + 10), /^compression method 9 is not supported \(only stored and deflate\)$/],
  ])('an entry that cannot be read (%s) is refused when read, or at open with checkEveryEntry', async (problem, patch, message) => {
    const path = await patched((z) => patch(z, centralRecord(z, 'a.txt')));
    await withZip(path, {}, async (zip) => {
      // The other entries read; raw bytes are given as they are.
      expect(await zip.text('b.txt')).toBe('b');
      const entry = zip.entry('a.txt');
      if (entry === undefined) throw new Error('no a.txt');
      expect((await collect(zip.rawChunks(entry))).bytes.length).toBe(entry.compressedSize);
      for (const read of [() => zip.read('a.txt'), () => zip.text(entry), () => collect(zip.chunks('a.txt'))]) {
        const e = await rejection(read());
        expect(e).toMatchObject({ problem, part: 'a.txt' });
        expect(e.message).toMatch(message);
      }
    });
    const e = await rejection(ZipArchive.open(path, { checkEveryEntry: true }));
    expect(e).toMatchObject({ problem, part: 'a.txt' });
  });

  test('damaged entries: a bad local header, a truncated file, deflate data that is not', async () => {
    const plain = await sampleZip();
    const bytes = readFileSync(plain);
    const { sheet, small } = await withZip(plain, {}, async (zip) => ({ sheet: zip.entry('xl/worksheets/sheet1.xml'), small: zip.entry('a.txt') }));
    if (sheet === undefined || small === undefined) throw new Error('no entries');
    const damage = (edit: (z: Buffer) => void): string => {
      const z = Buffer.from(bytes);
      edit(z);
      const path = file('damaged.zip');
      writeFileSync(path, z);
      return path;
    };
    const expectDamaged = async (path: string, read: (zip: ZipArchive) => Promise<unknown>, part: string, message: RegExp): Promise<void> => {
      const e = await withZip(path, {}, (zip) => rejection(read(zip)));
      expect(e).toMatchObject({ problem: 'damaged', part });
      expect(e.message).toMatch(message);
    };
    const noHeader = damage((z) => z.writeUInt32LE(0, small.localHeaderOffset));
    await expectDamaged(noHeader, (zip) => zip.read('a.txt'), 'a.txt', /^the zip entry is damaged \(no local header where the zip directory says\)$/);
    // Deflate data that starts with a block of the reserved type 3: zlib refuses it, read whole or streamed.
    const dataAt = (e: { localHeaderOffset: number }): number => e.localHeaderOffset + 30 + bytes.readUInt16LE(e.localHeaderOffset + 26) + bytes.readUInt16LE(e.localHeaderOffset + 28);
    const garbled = damage((z) => {
      z[dataAt(small)] = 0xff;
      z[dataAt(sheet)] = 0xff;
    });
    await expectDamaged(garbled, (zip) => zip.read('a.txt'), 'a.txt', /^the entry cannot be decompressed \(invalid block type\)$/);
    await expectDamaged(garbled, (zip) => collect(zip.chunks('xl/worksheets/sheet1.xml')), 'xl/worksheets/sheet1.xml', /^the entry cannot be decompressed \(invalid block type\)$/);
    // Sizes that disagree with the data.
    const wrongSize = damage((z) => z.writeUInt32LE(SMALL.length + 1, centralRecord(z, 'a.txt') + 24));
    await expectDamaged(wrongSize, (zip) => zip.read('a.txt'), 'a.txt', new RegExp(`^inflated to ${SMALL.length} bytes, the zip directory says ${SMALL.length + 1}$`));
    const wrongBigSize = damage((z) => z.writeUInt32LE(BIG.length - 1, centralRecord(z, 'xl/worksheets/sheet1.xml') + 24));
    await expectDamaged(wrongBigSize, (zip) => collect(zip.chunks('xl/worksheets/sheet1.xml')), 'xl/worksheets/sheet1.xml', new RegExp(`^inflated to ${BIG.length} bytes, the zip directory says ${BIG.length - 1}$`));
    // An entry said to be longer than what is left of the file.
    const tooLong = damage((z) => z.writeUInt32LE(z.length, centralRecord(z, 'big-stored.txt') + 20));
    await expectDamaged(tooLong, (zip) => zip.read('big-stored.txt'), 'big-stored.txt', /^the zip entry is truncated$/);
    await expectDamaged(tooLong, async (zip) => collect(zip.rawChunks(zip.entry('big-stored.txt') ?? sheet)), 'big-stored.txt', /^the zip entry is truncated$/);
  });

  test('a missing entry, and the error option', async () => {
    const path = await sampleZip();
    const e = await withZip(path, {}, (zip) => rejection(zip.read('nope.xml')));
    expect(e).toMatchObject({ problem: 'missing', part: 'nope.xml', message: 'no such entry in the zip' });
    const wrapped = await withZip(path, { error: (p) => new RangeError(`${p.part ?? ''}/${p.problem}`) }, (zip) => rejection(zip.read('nope.xml')));
    expect(wrapped).toEqual(new RangeError('nope.xml/missing'));
    writeFileSync(join(dir, 'not.zip'), 'x');
    await expect(ZipArchive.open(join(dir, 'not.zip'), { error: (p) => new RangeError(p.problem) })).rejects.toEqual(new RangeError('notZip'));
    // Not a problem with the archive: passed as it is.
    await expect(ZipArchive.open(join(dir, 'absent.zip'), { error: () => new RangeError('no') })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('ZipSource: the merge opens its input with names as stored and InputErrors naming the file', () => {
  test('names as stored, matched exactly', async () => {
    const path = file('names.zip');
    const w = await ZipWriter.create(path);
    await w.add('XL/Styles.xml', 'styles');
    await w.finish();
    const zip = await ZipSource.open(path);
    try {
      expect(zip.entry('xl/styles.xml')).toBeUndefined();
      expect(await zip.text(zip.entries[0] ?? 'x')).toBe('styles');
    } finally {
      await zip.close();
    }
  });

  const encrypted = async (): Promise<Buffer> => {
    const z = await new JSZip().file('xl/a.xml', '<a/>').generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const at = centralRecord(z, 'xl/a.xml');
    z.writeUInt16LE(z.readUInt16LE(at + 8) | 1, at + 8);
    return z;
  };
  const method9 = async (): Promise<Buffer> => {
    const z = await new JSZip().file('xl/a.xml', '<a/>').generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    z.writeUInt16LE(9, centralRecord(z, 'xl/a.xml') + 10);
    return z;
  };
  test.each([
    ['not a zip', async () => Buffer.from('Date,Account\n'), /^\S*book\.xlsx: not a valid \.xlsx file \(it is not a zip archive\); open it in Excel and save it again\.$/],
    ['an OLE file', async () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]), /^\S*book\.xlsx: this is an OLE compound file, not a zip: a password-protected workbook or the old \.xls format; save it as an unprotected \.xlsx\.$/],
    ['an encrypted part', encrypted, /^\S*book\.xlsx: part xl\/a\.xml is encrypted; save the workbook without a password and run again\.$/],
    ['an unknown compression method', method9, /^\S*book\.xlsx: part xl\/a\.xml: compression method 9 is not supported \(only stored and deflate\); save the workbook again in Excel\.$/],
  ])('open: %s', async (_name, make, message) => {
    const path = file('book.xlsx');
    writeFileSync(path, await make());
    const e = await rejection(ZipSource.open(path));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(message);
  });

  test('a damaged part, when read', async () => {
    const z = await new JSZip().file('xl/a.xml', SMALL).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    z.writeUInt32LE(SMALL.length + 1, centralRecord(z, 'xl/a.xml') + 24);
    const path = file('book.xlsx');
    writeFileSync(path, z);
    const zip = await ZipSource.open(path);
    try {
      const e = await rejection(zip.text('xl/a.xml'));
      expect(e).toBeInstanceOf(InputError);
      expect(e.message).toBe(`${path}: not a valid .xlsx file (part xl/a.xml: inflated to ${SMALL.length} bytes, the zip directory says ${SMALL.length + 1}); open it in Excel and save it again.`);
    } finally {
      await zip.close();
    }
  });
});

describe('ZipWriter', () => {
  test('copied entries keep their bytes; new ones are readable by JSZip and unzip', async () => {
    const srcPath = await sampleZip();
    const source = await ZipArchive.open(srcPath, { names: 'stored' });
    const outPath = file('out.zip');
    const out = await ZipWriter.create(outPath);
    for (const e of source.entries) await out.copy(e, source);
    await out.add('new.xml', '<new/>');
    await out.add('incompressible.bin', Buffer.from([7]));
    await out.addPieces('big.xml', ['<a>', 'x'.repeat(100000), '</a>'].map((s) => Buffer.from(s)));
    await expect(out.add('A.TXT', 'clash')).rejects.toThrow(/written twice/);
    await out.finish();
    const back = await JSZip.loadAsync(readFileSync(outPath));
    expect(await back.file('a.txt')?.async('string')).toBe(SMALL);
    expect([...((await back.file('stored.bin')?.async('uint8array')) ?? [])]).toEqual([1, 2, 3]);
    expect(await back.file('dir/ü.xml')?.async('string')).toBe('<x/>');
    expect(await back.file('xl/worksheets/sheet1.xml')?.async('string')).toBe(BIG);
    expect(await back.file('new.xml')?.async('string')).toBe('<new/>');
    expect((await back.file('big.xml')?.async('string'))?.length).toBe(100007);
    // unzip checks every CRC.
    expect(execFileSync('unzip', ['-t', outPath]).toString()).toMatch(/No errors detected/);
    // Copies are byte-identical in their compressed form, with the same records but for the
    // data-descriptor flag (the sizes are in the local header now); new entries are deflated
    // unless that would not make them smaller.
    await withZip(outPath, { names: 'stored' }, async (copy) => {
      for (const e of source.entries) {
        const c = copy.entry(e.name);
        expect(c && { ...c, localHeaderOffset: 0 }).toEqual({ ...e, localHeaderOffset: 0, flags: e.flags & ~8, versionNeeded: Math.min(e.versionNeeded, 20) });
        expect(c && (await collect(copy.rawChunks(c))).bytes.equals((await collect(source.rawChunks(e))).bytes)).toBe(true);
      }
      expect(copy.entries.slice(-3).map((e) => [e.name, e.method])).toEqual([['new.xml', 0], ['incompressible.bin', 0], ['big.xml', 8]]);
      expect(await copy.text('big.xml')).toBe(`<a>${'x'.repeat(100000)}</a>`);
    });
    await source.close();
  });

  test('entries of a ZIP64 archive are copied into a plain one', async () => {
    const plain = file('plain.zip');
    writeFileSync(plain, await new JSZip().file('a.txt', SMALL).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const zip64 = file('zip64.zip');
    writeFileSync(zip64, await toZip64(readFileSync(plain)));
    const outPath = file('from64.zip');
    await withZip(zip64, { names: 'stored' }, async (source) => {
      const out = await ZipWriter.create(outPath);
      for (const e of source.entries) await out.copy(e, source);
      await out.finish();
    });
    expect(execFileSync('unzip', ['-t', outPath]).toString()).toMatch(/No errors detected/);
    expect(await (await JSZip.loadAsync(readFileSync(outPath))).file('a.txt')?.async('string')).toBe(SMALL);
  });
});
