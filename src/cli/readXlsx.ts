import type { Grid } from '../core/intake/cellValue';
import { InputError } from './inputError';
import { parseDateStyles } from './xlsxRead/parseDateStyles';
import { parseRelationships, relationshipsPartOf, resolveTarget, type Relationship } from './xlsxRead/relationships';
import { parseWorkbookPart } from './xlsxRead/parseWorkbookPart';
import { readSharedStrings } from './xlsxRead/readSharedStrings';
import { readSheetRows } from './xlsxRead/readSheetRows';
import { ZipArchive } from './zip/zipArchive';

/** One worksheet of a workbook file as a grid, in workbook order. */
export interface WorkbookSheet {
  readonly name: string;
  readonly grid: Grid;
  /** False for hidden and very hidden sheets. */
  readonly visible: boolean;
}

/** The relationship (of `rels`) whose type ends in `/kind`, e.g. `styles`. */
function byType(rels: ReadonlyMap<string, Relationship>, kind: string): Relationship | undefined {
  for (const r of rels.values()) if (r.type.endsWith(`/${kind}`)) return r;
  return undefined;
}

/**
 * Loads every worksheet of an `.xlsx` file, streaming: the zip is read through its central
 * directory and each sheet's XML is scanned chunk by chunk (`./xlsxRead`), so a 1 M-row workbook
 * takes seconds and memory near the size of its values. The values are those exceljs's full load
 * gave (`fromExcelJs(gridFromWorksheet(ws))`, kept as the oracle of the differential tests in
 * `test/cli/support`): same sheets, names, visibility, row shapes and cell values.
 *
 * Chart sheets, dialog and macro sheets are not worksheets and are left out, as before. Corrupt
 * or non-xlsx files become an {@link InputError} naming the file and the part.
 */
export async function readXlsxFile(path: string, label: string): Promise<WorkbookSheet[]> {
  const fail = (part: string | undefined, e: unknown): InputError =>
    new InputError(`${label}: cannot read this file as an Excel workbook (.xlsx): ${part ? `${part}: ` : ''}${(e as Error).message}`);
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(path);
  } catch (e) {
    throw fail(undefined, e);
  }
  let part: string | undefined;
  try {
    part = '_rels/.rels';
    const rootRels = zip.entry(part) ? parseRelationships(await zip.read(part)) : new Map<string, Relationship>();
    const office = byType(rootRels, 'officeDocument');
    const workbookPart = office && zip.entry(resolveTarget('', office.target)) ? resolveTarget('', office.target) : 'xl/workbook.xml';
    part = workbookPart;
    if (!zip.entry(part)) throw new Error('missing: this zip is not an Excel workbook');
    const workbook = parseWorkbookPart(await zip.read(part));
    part = relationshipsPartOf(workbookPart);
    const rels = zip.entry(part) ? parseRelationships(await zip.read(part)) : new Map<string, Relationship>();
    const partOf = (kind: string, fallback: string): string | undefined => {
      const r = byType(rels, kind);
      const p = r ? resolveTarget(workbookPart, r.target) : fallback;
      return zip.entry(p) ? p : zip.entry(fallback) ? fallback : undefined;
    };
    const stylesPart = partOf('styles', 'xl/styles.xml');
    part = stylesPart;
    const dateStyles = stylesPart ? parseDateStyles(await zip.read(stylesPart)) : undefined;
    const stringsPart = partOf('sharedStrings', 'xl/sharedStrings.xml');
    part = stringsPart;
    const sharedStrings = stringsPart ? await readSharedStrings(zip.chunks(stringsPart)) : undefined;

    const sheets: WorkbookSheet[] = [];
    for (const sheet of workbook.sheets) {
      const rel = sheet.relId === undefined ? undefined : rels.get(sheet.relId);
      // exceljs kept only sheets whose relationship leads to a worksheet part that exists.
      if (!rel || !rel.type.endsWith('/worksheet')) continue;
      const sheetPart = resolveTarget(workbookPart, rel.target);
      if (!zip.entry(sheetPart)) continue;
      part = relationshipsPartOf(sheetPart);
      const relTargets = new Map<string, string>();
      if (zip.entry(part)) for (const r of parseRelationships(await zip.read(part)).values()) relTargets.set(r.id, r.target);
      part = sheetPart;
      const rows = await readSheetRows(() => zip.chunks(sheetPart), { sharedStrings, dateStyles, date1904: workbook.date1904, relTargets });
      sheets.push({ name: sheet.name, grid: { sheet: sheet.name, firstRow: 1, rows }, visible: sheet.state === undefined || sheet.state === '' || sheet.state === 'visible' });
    }
    return sheets;
  } catch (e) {
    throw fail(part, e);
  } finally {
    await zip.close();
  }
}
