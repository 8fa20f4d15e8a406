/**
 * Writes the output workbook as a package-level merge: every part of the input workbook is
 * copied as its raw compressed bytes (sheets, charts, pivot tables, slicers, images, controls —
 * whatever Excel put there stays exactly as it was), and the report sheets, rendered by
 * exceljs into a report-only package, are grafted in:
 *
 * - each report worksheet and the parts it reaches through its relationships (tables,
 *   drawings, charts) get part names free in the input, their rels are rewritten;
 * - the report's styles are appended to the input's `styles.xml` (`./mergeStyles`) and the
 *   report sheets' style and dxf indices remapped, their shared strings inlined
 *   (`./graftSheetXml`); table ids made unique (`./graftTableXml`);
 * - `workbook.xml` gets the sheets and the report's defined names (`./addReportSheets`), its
 *   rels the sheet relationships, `[Content_Types].xml` an Override per new part, and
 *   `docProps/app.xml` the sheet titles (`./addSheetTitles`).
 *
 * A macro-enabled input becomes an ordinary workbook (the output is .xlsx): the VBA project
 * and its relationship are dropped and the workbook's content type switched.
 * Only the parts that are edited are decompressed; memory stays at the report package plus
 * the small parts, however large the input's sheets.
 */
import type JSZip from 'jszip';
import { InputError } from '../inputError';
import { ZipWriter } from '../zip/zipWriter';
import { addReportSheets, type ReportDefinedName } from './addReportSheets';
import { addSheetTitles } from './addSheetTitles';
import { ContentTypes } from './contentTypes';
import { graftSheetXml, type SheetGraft } from './graftSheetXml';
import { graftTableXml } from './graftTableXml';
import { OOXML, type InputPackage } from './inputPackage';
import { mergeStyles } from './mergeStyles';
import { Relationships } from './relationships';
import { xmlAttributes, xmlEscape, xmlUnescape } from './xml';
import { xmlChildren } from './xmlChildren';

/** What the merge could not keep. */
export interface MergeResult {
  /** Features of the input the output does not have, as short English phrases (e.g. "macros (VBA)"). */
  readonly lostFeatures: readonly string[];
}

const MACRO_SHEET_TYPES: ReadonlySet<string> = new Set(['http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet', 'http://schemas.microsoft.com/office/2006/relationships/xlIntlMacrosheet']);
const SHARED_STRINGS = `${OOXML.relNs}/sharedStrings`;

async function reportText(report: JSZip, part: string): Promise<string> {
  const f = report.file(part);
  if (f === null) throw new Error(`report package: part ${part} is missing`);
  return f.async('string');
}

/** Folder of a part, with its trailing slash (`xl/` for `xl/workbook.xml`). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/**
 * A report sheet's XML grafted piece by piece, cut after a `</row>` about every `size` bytes:
 * a sheet of 150 000 rows never becomes one giant string (nor two, before and after).
 */
function* graftedPieces(data: Buffer, g: SheetGraft, size = 1 << 22): Generator<Buffer> {
  const endRow = Buffer.from('</row>');
  for (let from = 0; from < data.length; ) {
    let cut = data.length;
    if (data.length - from > size) {
      const i = data.indexOf(endRow, from + size);
      if (i >= 0) cut = i + endRow.length;
    }
    yield Buffer.from(graftSheetXml(data.toString('utf8', from, cut), g), 'utf8');
    from = cut;
  }
}

/** An XML part rewritten as UTF-8 must not still declare another encoding. */
function asUtf8(xml: string): string {
  return xml.replace(/^(<\?xml[^>]*\sencoding\s*=\s*)("[^"]*"|'[^']*')/, '$1"UTF-8"');
}

/**
 * Writes the merged workbook to `outPath` (a temporary file the caller renames).
 * @param input the input package (left open; the caller closes it)
 * @param report the report-only workbook exceljs wrote, charts added, sheet and table names final
 * @example await mergeReportPackage(await readInputPackage('sales.xlsx'), reportZip, 'out.xlsx.tmp')
 */
export async function mergeReportPackage(input: InputPackage, report: JSZip, outPath: string): Promise<MergeResult> {
  const where = (part: string): string => `${input.path} › ${part}`;
  const lostFeatures: string[] = [];
  const contentTypes = input.contentTypes;
  const workbookRels = input.workbookRels;
  /** Input parts replaced by new text. */
  const changed = new Map<string, string>();
  /** Input parts left out. */
  const dropped = new Set<string>();
  /** New parts, in writing order. */
  const added = new Map<string, Buffer | string | { readonly reportSheet: string }>();

  // The report package (exceljs layout, but found through its relationships all the same).
  const rTypes = ContentTypes.parse(await reportText(report, '[Content_Types].xml'));
  const rMain = Relationships.parse(await reportText(report, '_rels/.rels')).list.find((r) => r.type === OOXML.officeDocument);
  if (rMain === undefined) throw new Error('report package without a workbook');
  const rWorkbookPart = Relationships.resolve('', rMain.target);
  const rWorkbook = await reportText(report, rWorkbookPart);
  const rRels = Relationships.parse(await reportText(report, Relationships.pathOf(rWorkbookPart)));
  const [rRoot] = xmlChildren(rWorkbook);
  if (rRoot === undefined) throw new Error('report workbook without a root');
  const rChildren = xmlChildren(rWorkbook, rRoot);
  const rSheetsEl = rChildren.find((c) => c.local === 'sheets');
  const rSheets = (rSheetsEl === undefined ? [] : xmlChildren(rWorkbook, rSheetsEl)).map((s) => {
    const a = xmlAttributes(rWorkbook.slice(s.start, s.openEnd));
    const rel = rRels.byId(a['r:id'] ?? '');
    if (rel === undefined || a.name === undefined) throw new Error('report sheet without a relationship');
    return { name: a.name, part: Relationships.resolve(rWorkbookPart, rel.target) };
  });
  const rNamesEl = rChildren.find((c) => c.local === 'definedNames');
  const rNames: ReportDefinedName[] = (rNamesEl === undefined || rNamesEl.selfClosing ? [] : xmlChildren(rWorkbook, rNamesEl)).map((d) => {
    const a = xmlAttributes(rWorkbook.slice(d.start, d.openEnd));
    const local = a.localSheetId === undefined ? undefined : Number(a.localSheetId) + input.sheets.length;
    return { name: a.name ?? '', formula: xmlUnescape(rWorkbook.slice(d.openEnd, d.closeStart)), ...(local !== undefined && { localSheetId: local }) };
  });
  const rStylesRel = rRels.list.find((r) => r.type === OOXML.styles);
  const rStyles = rStylesRel === undefined ? undefined : await reportText(report, Relationships.resolve(rWorkbookPart, rStylesRel.target));
  const rSstRel = rRels.list.find((r) => r.type === SHARED_STRINGS);
  const strings: string[] = [];
  if (rSstRel !== undefined) {
    const sst = await reportText(report, Relationships.resolve(rWorkbookPart, rSstRel.target));
    const [root] = xmlChildren(sst);
    for (const si of root === undefined || root.selfClosing ? [] : xmlChildren(sst, root)) strings.push(si.selfClosing ? '<t></t>' : sst.slice(si.openEnd, si.closeStart));
  }

  // Styles: appended to the input's, or the report's taken whole when the input has none.
  let xf: readonly number[] = [];
  let dxf: readonly number[] = [];
  const iStylesRel = workbookRels.list.find((r) => r.type === OOXML.styles);
  const iStylesPart = iStylesRel === undefined ? undefined : Relationships.resolve(input.workbookPart, iStylesRel.target);
  const iStylesEntry = iStylesPart === undefined ? undefined : input.zip.entry(iStylesPart);
  if (rStyles !== undefined) {
    if (iStylesPart !== undefined && iStylesEntry !== undefined) {
      const merged = mergeStyles(await input.zip.text(iStylesEntry), rStyles, where(iStylesPart));
      changed.set(iStylesPart, merged.xml);
      xf = merged.xf;
      dxf = merged.dxf;
    } else {
      const part = iStylesPart ?? `${folderOf(input.workbookPart)}styles.xml`;
      if (iStylesRel === undefined) workbookRels.add({ id: workbookRels.freeId(), type: OOXML.styles, target: Relationships.relative(input.workbookPart, part) });
      added.set(part, rStyles);
      contentTypes.setOverride(part, OOXML.stylesType);
      const count = (section: string): number => {
        const m = new RegExp(`<${section}[^>]*\\scount="(\\d+)"`).exec(rStyles);
        return Number(m?.[1] ?? 0);
      };
      xf = Array.from({ length: count('cellXfs') }, (_, i) => i);
      dxf = Array.from({ length: count('dxfs') }, (_, i) => i);
    }
  }

  // Part names: the report's parts move to names free in the input (OPC names ignore case).
  const taken = new Set(input.zip.entries.map((e) => e.name.toLowerCase()));
  const rFolder = folderOf(rWorkbookPart);
  const iFolder = folderOf(input.workbookPart);
  const newName = (rPart: string): string => {
    const sub = rPart.startsWith(rFolder) ? rPart.slice(rFolder.length) : rPart;
    const m = /^(.*\/)?([^/]*?)(\d*)(\.[^./]*)?$/.exec(sub);
    const folder = `${iFolder}${m?.[1] ?? ''}`;
    const stem = m?.[2] ?? 'part';
    const ext = m?.[4] ?? '';
    let n = 1;
    const numbered = new RegExp(`^${(folder + stem).toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)${ext.toLowerCase().replace(/\./g, '\\.')}$`);
    for (const t of taken) {
      const k = numbered.exec(t);
      if (k?.[1] !== undefined) n = Math.max(n, Number(k[1]) + 1);
    }
    while (taken.has(`${folder}${stem}${n}${ext}`.toLowerCase())) n++;
    const name = `${folder}${stem}${n}${ext}`;
    taken.add(name.toLowerCase());
    return name;
  };
  const moved = new Map<string, string>();
  const sheetParts: string[] = [];
  for (const s of rSheets) {
    const queue = [s.part];
    moved.set(s.part, newName(s.part));
    sheetParts.push(moved.get(s.part) ?? '');
    while (queue.length > 0) {
      const part = queue.shift() ?? '';
      const relsFile = report.file(Relationships.pathOf(part));
      if (relsFile === null) continue;
      for (const rel of Relationships.parse(await relsFile.async('string')).list) {
        if (rel.external) continue;
        const target = Relationships.resolve(part, rel.target);
        if (moved.has(target)) continue;
        if (report.file(target) === null) throw new Error(`report package: ${part} refers to missing ${target}`);
        moved.set(target, newName(target));
        queue.push(target);
      }
    }
  }

  let tableId = input.maxTableId;
  for (const [rPart, part] of moved) {
    const type = rTypes.typeOf(rPart);
    if (type === undefined) throw new Error(`report package: no content type for ${rPart}`);
    contentTypes.setOverride(part, type);
    // Sheets are read from the report package only when written: one at a time in memory.
    if (type === OOXML.worksheetType) added.set(part, { reportSheet: rPart });
    else if (type === OOXML.tableType) added.set(part, graftTableXml(await reportText(report, rPart), ++tableId, dxf));
    else added.set(part, await (report.file(rPart) as JSZip.JSZipObject).async('nodebuffer'));
    const relsFile = report.file(Relationships.pathOf(rPart));
    if (relsFile !== null) {
      const rels = Relationships.parse(await relsFile.async('string')).list.map((rel) => {
        const target = rel.external ? rel.target : Relationships.relative(part, moved.get(Relationships.resolve(rPart, rel.target)) ?? '');
        return `<Relationship Id="${xmlEscape(rel.id)}" Type="${xmlEscape(rel.type)}" Target="${xmlEscape(target)}"${rel.external ? ' TargetMode="External"' : ''}/>`;
      });
      added.set(Relationships.pathOf(part), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
    }
  }
  if (!contentTypes.hasDefault('rels')) contentTypes.addDefault('rels', OOXML.relsType);

  // Macros: an .xlsx cannot hold them.
  const workbookType = contentTypes.typeOf(input.workbookPart);
  if (workbookType !== OOXML.workbookType) {
    if (input.sheets.some((s) => MACRO_SHEET_TYPES.has(s.type))) {
      throw new InputError(`${input.path}: the workbook has Excel 4.0 macro sheets, which an .xlsx cannot hold; save a copy without them (or as .xlsx) and run again.`);
    }
    contentTypes.setOverride(input.workbookPart, OOXML.workbookType);
  }
  for (const rel of [...workbookRels.list]) {
    if (rel.type !== OOXML.vbaProject || rel.external) continue;
    const vba = Relationships.resolve(input.workbookPart, rel.target);
    const vbaRels = input.zip.entry(Relationships.pathOf(vba));
    const parts = [vba];
    if (vbaRels !== undefined) {
      parts.push(vbaRels.name);
      // The project's digital signatures hang off it.
      for (const r of Relationships.parse(await input.zip.text(vbaRels)).list) if (!r.external) parts.push(Relationships.resolve(vba, r.target));
    }
    for (const p of parts) {
      dropped.add(p);
      contentTypes.removeOverride(p);
    }
    workbookRels.remove(rel.id);
    if (!lostFeatures.includes('macros (VBA)')) lostFeatures.push('macros (VBA)');
  }

  // Workbook, its rels, app properties.
  const sheetRefs = rSheets.map((s, i) => {
    const id = workbookRels.freeId();
    workbookRels.add({ id, type: OOXML.worksheet, target: Relationships.relative(input.workbookPart, sheetParts[i] ?? '') });
    return { name: s.name, relId: id };
  });
  changed.set(input.workbookPart, addReportSheets(input.workbookXml, sheetRefs, rNames, where(input.workbookPart)));
  changed.set(Relationships.pathOf(input.workbookPart), workbookRels.xml());
  const appRelsEntry = input.zip.entry('_rels/.rels');
  const appRel = appRelsEntry === undefined ? undefined : Relationships.parse(await input.zip.text(appRelsEntry)).list.find((r) => r.type === OOXML.extendedProperties);
  const appPart = appRel === undefined ? undefined : Relationships.resolve('', appRel.target);
  const appEntry = appPart === undefined ? undefined : input.zip.entry(appPart);
  if (appPart !== undefined && appEntry !== undefined) {
    try {
      const worksheets = input.sheets.filter((s) => s.type === OOXML.worksheet).map((s) => s.name);
      changed.set(appPart, addSheetTitles(await input.zip.text(appEntry), worksheets, rSheets.map((s) => s.name)));
    } catch (e) {
      throw new InputError(`${where(appPart)}: ${(e as Error).message}; open the workbook in Excel and save it again.`);
    }
  }
  changed.set('[Content_Types].xml', contentTypes.xml());

  // Write: the input's parts in their order (copied raw unless changed), then the new ones.
  const zip = await ZipWriter.create(outPath);
  try {
    const done = new Set<string>();
    for (const entry of input.zip.entries) {
      if (dropped.has(entry.name)) continue;
      const text = changed.get(entry.name);
      if (text === undefined) await zip.copy(entry, input.zip);
      else await zip.add(entry.name, asUtf8(text));
      done.add(entry.name);
    }
    for (const [name, text] of changed) if (!done.has(name)) await zip.add(name, text);
    for (const [name, content] of added) {
      if (typeof content === 'string' || Buffer.isBuffer(content)) await zip.add(name, content);
      else await zip.addPieces(name, graftedPieces(await (report.file(content.reportSheet) as JSZip.JSZipObject).async('nodebuffer'), { strings, xf, dxf }));
    }
    await zip.finish();
  } catch (e) {
    await zip.abort();
    throw e;
  }
  return { lostFeatures };
}
