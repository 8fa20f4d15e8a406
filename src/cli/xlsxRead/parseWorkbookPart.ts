import { AttributeCursor } from './attributeCursor';
import { decodeXmlAttribute } from './xmlText';
import { xmlDecodeAgain } from './xmlDecodeAgain';
import { nameIs, XmlScanner } from './xmlScanner';

/** A `<sheet>` of the workbook part, in workbook order. */
export interface SheetEntry {
  /** The name as exceljs reports it (see {@link parseWorkbookPart}). */
  readonly name: string;
  /** The `state` attribute: undefined, `visible`, `hidden` or `veryHidden`. */
  readonly state: string | undefined;
  /** The relationship id (`r:id`) that names the sheet's part. */
  readonly relId: string | undefined;
}

/** What the reader needs from `xl/workbook.xml`. */
export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  /** True in the 1904 date system (`<workbookPr date1904="1"/>`). */
  readonly date1904: boolean;
}

/**
 * Reads the sheet list and the date system of a workbook part.
 *
 * Names get exceljs's treatment, so sheets are named as before: XML entities decoded a second
 * time (`utils.xmlDecode`: `&amp;amp;` → `&`). (exceljs failed on names over 31 characters,
 * which Excel does not write; they are kept whole here.) `date1904` is on for `"1"` and also for `"true"` (a valid xsd:boolean, which
 * LibreOffice writes; exceljs only knew `"1"`).
 * @example parseWorkbookPart(await zip.read('xl/workbook.xml')).sheets[0]?.name
 */
export function parseWorkbookPart(xml: Buffer): WorkbookPart {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let inSheets = false;
  const at = new AttributeCursor();
  const scanner = new XmlScanner({
    open(buf, ns, ne, as, ae) {
      if (nameIs(buf, ns, ne, 'sheets')) inSheets = true;
      else if (inSheets && nameIs(buf, ns, ne, 'sheet')) {
        let name: string | undefined;
        let sheetId = '';
        let state: string | undefined;
        let relId: string | undefined;
        at.reset(buf, as, ae);
        while (at.next()) {
          const v = decodeXmlAttribute(buf, at.valueStart, at.valueEnd);
          if (at.prefixed) {
            if (at.is('id')) relId = v;
          } else if (at.is('name')) name = xmlDecodeAgain(v);
          else if (at.is('sheetId')) sheetId = v;
          else if (at.is('state')) state = v;
        }
        // exceljs names a nameless sheet `sheet<sheetId>`.
        const full = name ?? `sheet${parseInt(sheetId, 10)}`;
        sheets.push({ name: full, state, relId });
      } else if (nameIs(buf, ns, ne, 'workbookPr')) {
        at.reset(buf, as, ae);
        while (at.next()) {
          if (!at.prefixed && at.is('date1904')) {
            const v = decodeXmlAttribute(buf, at.valueStart, at.valueEnd);
            date1904 = v === '1' || v === 'true';
          }
        }
      }
      return -1;
    },
    close(buf, ns, ne) {
      if (nameIs(buf, ns, ne, 'sheets')) inSheets = false;
    },
    text() {},
  });
  scanner.write(xml);
  scanner.end();
  return { sheets, date1904 };
}
