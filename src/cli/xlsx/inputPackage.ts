/**
 * The input workbook as a package, read only as far as the merge needs: the zip directory,
 * `[Content_Types].xml`, the workbook part with its relationships, the sheet names and the
 * names tables and defined names already use. Sheet data is never decompressed.
 */
import { InputError } from '../inputError';
import { ContentTypes } from './contentTypes';
import { Relationships } from './relationships';
import { xmlAttributes } from './xml';
import { xmlChildren } from './xmlChildren';
import { ZipSource } from './zipSource';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Relationship and content types the merge looks for. */
export const OOXML = {
  mainNs: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relNs: R,
  officeDocument: `${R}/officeDocument`,
  worksheet: `${R}/worksheet`,
  styles: `${R}/styles`,
  extendedProperties: `${R}/extended-properties`,
  vbaProject: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
  tableType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  workbookType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  stylesType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  worksheetType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  relsType: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/** Main-part content types we can turn into an ordinary workbook (macros and template flag dropped). */
const WORKBOOK_TYPES: ReadonlySet<string> = new Set([
  OOXML.workbookType,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);

/** A `<sheet>` of the workbook. */
export interface InputSheet {
  readonly name: string;
  readonly sheetId: number;
  /** The relationship's type: worksheet, chartsheet, dialogsheet, macrosheet … */
  readonly type: string;
}

/** What the merge knows about the input workbook. */
export interface InputPackage {
  readonly path: string;
  readonly zip: ZipSource;
  readonly contentTypes: ContentTypes;
  /** The workbook part, e.g. `xl/workbook.xml`. */
  readonly workbookPart: string;
  readonly workbookXml: string;
  readonly workbookRels: Relationships;
  readonly sheets: readonly InputSheet[];
  /** Table names and defined names (one namespace in Excel). */
  readonly takenNames: ReadonlySet<string>;
  /** The largest table id in the workbook (0 when there is no table). */
  readonly maxTableId: number;
  /** The workbook counts dates from 1904 (old Mac Excel): serials are 1462 days smaller. */
  readonly date1904: boolean;
}

/**
 * Opens the input workbook's package; close `zip` when done.
 * @throws InputError naming the file and part when the package is not a workbook we can extend
 * @example const input = await readInputPackage('sales.xlsx'); input.sheets.map((s) => s.name)
 */
export async function readInputPackage(path: string): Promise<InputPackage> {
  const zip = await ZipSource.open(path);
  try {
    return await read(zip, path);
  } catch (e) {
    await zip.close();
    throw e;
  }
}

async function read(zip: ZipSource, path: string): Promise<InputPackage> {
  const broken = (part: string, why: string): InputError => new InputError(`${path}: ${part}: ${why}; open the workbook in Excel and save it again.`);
  const text = async (part: string): Promise<string | undefined> => {
    const e = zip.entry(part);
    return e === undefined ? undefined : zip.text(e);
  };
  const parsed = <T>(part: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw broken(part, (e as Error).message);
    }
  };

  const ctXml = await text('[Content_Types].xml');
  if (ctXml === undefined) throw broken('[Content_Types].xml', 'missing (this is not an Office Open XML package)');
  const contentTypes = parsed('[Content_Types].xml', () => ContentTypes.parse(ctXml));
  const rootRelsXml = await text('_rels/.rels');
  const packageRels = parsed('_rels/.rels', () => Relationships.parse(rootRelsXml));
  const main = packageRels.list.find((r) => r.type === OOXML.officeDocument);
  if (main === undefined) {
    if (packageRels.list.some((r) => r.type.endsWith('/officeDocument'))) {
      throw new InputError(`${path}: the workbook is saved as Strict Open XML, which AccountDesk cannot extend; save it as an ordinary Excel Workbook (.xlsx) and run again.`);
    }
    throw broken('_rels/.rels', 'no workbook part');
  }
  const workbookPart = Relationships.resolve('', main.target);
  const type = contentTypes.typeOf(workbookPart) ?? '';
  if (!WORKBOOK_TYPES.has(type)) {
    throw new InputError(`${path}: ${workbookPart} has content type "${type}"; only Excel workbooks in XML form (.xlsx, .xlsm) can carry the report sheets — save it as .xlsx and run again.`);
  }
  const workbookXml = await text(workbookPart);
  if (workbookXml === undefined) throw broken(workbookPart, 'missing');
  const relsXml = await text(Relationships.pathOf(workbookPart));
  const rels = parsed(Relationships.pathOf(workbookPart), () => Relationships.parse(relsXml));

  const { sheets, definedNames, date1904 } = parsed(workbookPart, () => workbookInfo(workbookXml, rels, `${path}: ${workbookPart}`));
  const takenNames = new Set(definedNames);
  let maxTableId = 0;
  for (const entry of zip.entries) {
    if (contentTypes.typeOf(entry.name) !== OOXML.tableType) continue;
    const xml = await zip.text(entry);
    const [root] = parsed(entry.name, () => xmlChildren(xml));
    const a = xmlAttributes(root === undefined ? '' : xml.slice(root.start, root.openEnd));
    if (a.name !== undefined) takenNames.add(a.name);
    if (a.displayName !== undefined) takenNames.add(a.displayName);
    maxTableId = Math.max(maxTableId, Number(a.id ?? 0) || 0);
  }
  return { path, zip, contentTypes, workbookPart, workbookXml, workbookRels: rels, sheets, takenNames, maxTableId, date1904 };
}

function workbookInfo(xml: string, rels: Relationships, where: string): { sheets: InputSheet[]; definedNames: string[]; date1904: boolean } {
  const root = xmlChildren(xml).find((e) => e.local === 'workbook');
  if (root === undefined || root.selfClosing) throw new Error('no <workbook> element');
  const ns = xmlAttributes(xml.slice(root.start, root.openEnd))[root.prefix === '' ? 'xmlns' : `xmlns:${root.prefix.slice(0, -1)}`];
  if (ns !== OOXML.mainNs) throw new InputError(`${where}: workbook in namespace ${ns ?? '(none)'} (Strict Open XML?); save it as an ordinary Excel Workbook (.xlsx) and run again.`);
  const children = xmlChildren(xml, root);
  const sheetsEl = children.find((c) => c.local === 'sheets');
  if (sheetsEl === undefined) throw new Error('no <sheets> element');
  const sheets: InputSheet[] = [];
  for (const s of sheetsEl.selfClosing ? [] : xmlChildren(xml, sheetsEl)) {
    if (s.local !== 'sheet') continue;
    const a = xmlAttributes(xml.slice(s.start, s.openEnd));
    const id = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    sheets.push({ name: a.name ?? '', sheetId: Number(a.sheetId ?? 0) || 0, type: (id === undefined ? undefined : rels.byId(id)?.type) ?? '' });
  }
  const names = children.find((c) => c.local === 'definedNames');
  const definedNames = (names === undefined || names.selfClosing ? [] : xmlChildren(xml, names)).map((d) => xmlAttributes(xml.slice(d.start, d.openEnd)).name ?? '');
  const pr = children.find((c) => c.local === 'workbookPr');
  const d = pr === undefined ? undefined : xmlAttributes(xml.slice(pr.start, pr.openEnd)).date1904;
  return { sheets, definedNames, date1904: d === '1' || d === 'true' };
}
