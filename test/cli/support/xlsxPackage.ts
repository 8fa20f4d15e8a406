/**
 * Hand-written .xlsx packages for the reader's tests: what exceljs never writes (inline strings,
 * cells without `r`, namespace prefixes, rich shared strings, absolute relationship targets …).
 */
import { writeFileSync } from 'node:fs';
import JSZip from 'jszip';

export interface SheetSpec {
  readonly name: string;
  /** The whole worksheet part. */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden' | 'visible';
  /** Relationship target as written in workbook.xml.rels (default `worksheets/sheetN.xml`). */
  readonly target?: string;
  /** Part name in the zip (default `xl/worksheets/sheetN.xml`). */
  readonly part?: string;
  /** The sheet's own relationships part, if any. */
  readonly rels?: string;
  /** Relationship type (default worksheet). */
  readonly type?: string;
}

export interface PackageSpec {
  readonly sheets: readonly SheetSpec[];
  readonly sharedStrings?: string;
  readonly styles?: string;
  /** Extra attributes of `<workbookPr>`, e.g. `date1904="1"`. */
  readonly workbookPr?: string;
  /** Element prefix for workbook.xml (`x` gives `<x:workbook xmlns:x=…>`). */
  readonly prefix?: string;
  /** STORE instead of DEFLATE. */
  readonly stored?: boolean;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET = `${REL}/worksheet`;

/** A worksheet part around `sheetData` content (and anything after it: mergeCells, hyperlinks). */
export function sheetXml(sheetData: string, after = '', prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${sheetData}</${p}sheetData>${after}</${p}worksheet>`;
}

/** Writes the package to `path`. */
export async function writePackage(path: string, spec: PackageSpec): Promise<void> {
  const zip = new JSZip();
  const p = spec.prefix ? `${spec.prefix}:` : '';
  const ns = spec.prefix ? `xmlns:${spec.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const overrides = spec.sheets.map((s, i) => `<Override PartName="/${s.part ?? `xl/worksheets/sheet${i + 1}.xml`}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheets = spec.sheets.map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i + 1}"/>`).join('');
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${REL}"><${p}workbookPr ${spec.workbookPr ?? ''}/><${p}sheets>${sheets}</${p}sheets></${p}workbook>`);
  let rels = spec.sheets.map((s, i) => `<Relationship Id="rIdS${i + 1}" Type="${s.type ?? WORKSHEET}" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`).join('');
  if (spec.sharedStrings !== undefined) {
    rels += `<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
    zip.file('xl/sharedStrings.xml', spec.sharedStrings);
  }
  if (spec.styles !== undefined) {
    rels += `<Relationship Id="rIdSty" Type="${REL}/styles" Target="styles.xml"/>`;
    zip.file('xl/styles.xml', spec.styles);
  }
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  spec.sheets.forEach((s, i) => {
    const part = s.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    zip.file(part, s.xml);
    if (s.rels !== undefined) {
      const slash = part.lastIndexOf('/');
      zip.file(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`, s.rels);
    }
  });
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: spec.stored ? 'STORE' : 'DEFLATE' }));
}

/** A relationships part with one external hyperlink target per id. */
export function hyperlinkRels(ids: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids
    .map((id) => `<Relationship Id="${id}" Type="${REL}/hyperlink" Target="https://example.com/${id}" TargetMode="External"/>`)
    .join('')}</Relationships>`;
}

/**
 * Rewrites a package as a ZIP64 archive with stored entries (every size and offset in the
 * ZIP64 extra fields, the 32-bit fields saturated), as zip tools write archives over 4 GB.
 */
export async function toZip64(xlsx: Buffer): Promise<Buffer> {
  const { crc32 } = await import('node:zlib');
  const zip = await JSZip.loadAsync(xlsx);
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const data = await entry.async('nodebuffer');
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30 + name.length + 20);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(20, 28);
    name.copy(local, 30);
    local.writeUInt16LE(1, 30 + name.length);
    local.writeUInt16LE(16, 32 + name.length);
    local.writeBigUInt64LE(BigInt(data.length), 34 + name.length);
    local.writeBigUInt64LE(BigInt(data.length), 42 + name.length);
    const cd = Buffer.alloc(46 + name.length + 28);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(45, 4);
    cd.writeUInt16LE(45, 6);
    cd.writeUInt32LE(crc32(data), 16);
    cd.writeUInt32LE(0xffffffff, 20);
    cd.writeUInt32LE(0xffffffff, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(28, 30);
    cd.writeUInt32LE(0xffffffff, 42);
    name.copy(cd, 46);
    cd.writeUInt16LE(1, 46 + name.length);
    cd.writeUInt16LE(24, 48 + name.length);
    cd.writeBigUInt64LE(BigInt(data.length), 50 + name.length);
    cd.writeBigUInt64LE(BigInt(data.length), 58 + name.length);
    cd.writeBigUInt64LE(BigInt(offset), 66 + name.length);
    out.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd64 = Buffer.alloc(56);
  eocd64.writeUInt32LE(0x06064b50, 0);
  eocd64.writeBigUInt64LE(44n, 4);
  eocd64.writeUInt16LE(45, 12);
  eocd64.writeUInt16LE(45, 14);
  eocd64.writeBigUInt64LE(BigInt(central.length), 24);
  eocd64.writeBigUInt64LE(BigInt(central.length), 32);
  eocd64.writeBigUInt64LE(BigInt(cdBytes.length), 40);
  eocd64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cdBytes.length), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...out, cdBytes, eocd64, locator, eocd]);
}
