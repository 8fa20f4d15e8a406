/**
 * What exceljs 4.4 drops when it loads and re-saves a workbook, detected from the package's
 * part names (and, for shapes, the drawing XML), so the CLI can tell the user which
 * features of their input workbook the output copy will not have. exceljs keeps cell values,
 * formulas, styles, merges, column widths, defined names, data validation, most
 * conditional formats, tables, images, comments, hyperlinks, print setup and sheet
 * protection; the list below is what it does not, plus sparklines and other x14 extensions
 * inside sheets (not detected here).
 */
import type JSZip from 'jszip';

const BY_PART: readonly (readonly [RegExp, string])[] = [
  [/^xl\/charts\/chart\d+\.xml$/, 'charts'],
  [/^xl\/chartsheets\//, 'chart sheets'],
  [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/pivotCache\//, 'pivot caches'],
  [/^xl\/slicers\//, 'slicers'],
  [/^xl\/timelines\//, 'timelines'],
  [/^xl\/externalLinks\//, 'links to other workbooks'],
  [/^xl\/vbaProject\.bin$/, 'macros (VBA)'],
  [/^xl\/ctrlProps\//, 'form controls'],
  [/^xl\/threadedComments\//, 'threaded comments (kept as plain notes at best)'],
  [/^xl\/model\//, 'Power Pivot data model'],
  [/^xl\/queryTables\//, 'query tables'],
  [/^customXml\//, 'custom XML parts'],
];

/**
 * Features of an input workbook that will not survive the exceljs round trip, as short
 * English phrases (empty when nothing is lost), sorted. Sheets are not decompressed (the
 * input may hold a million rows), so sparklines, which live inside sheet XML, are not
 * detected; they are lost too (see the module comment).
 * @example await unsupportedParts(await JSZip.loadAsync(buf)) // ["charts", "pivot tables"]
 */
export async function unsupportedParts(zip: JSZip): Promise<string[]> {
  const found = new Set<string>();
  const drawings: string[] = [];
  zip.forEach((path) => {
    for (const [re, what] of BY_PART) if (re.test(path)) found.add(what);
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(path)) drawings.push(path);
  });
  for (const path of drawings) {
    const xml = (await zip.file(path)?.async('string')) ?? '';
    if (/<xdr:sp[\s>]/.test(xml)) found.add('shapes and text boxes');
  }
  return [...found].sort();
}
