import { AttributeCursor } from './attributeCursor';
import { isDateFormat } from './isDateFormat';
import { decodeXmlAttribute } from './xmlText';
import { nameIs, XmlScanner } from './xmlScanner';

/**
 * exceljs's built-in number formats (`defaultnumformats.js`, the ids that have a format code):
 * a cell format with one of these ids and no custom `<numFmt>` of the same id uses this code.
 * Ids it has no code for (27–36, 50+: locale-dependent) never make a date, as in exceljs.
 */
const BUILT_IN: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/**
 * For each cell format (`<cellXfs><xf>`, by index = the cells' `s` attribute): 1 when exceljs
 * reads a number in that format as a `Date`, else 0.
 *
 * Same lookup as exceljs's `StylesXform.getStyleModel`: `numFmtId` (0 or missing means none),
 * the custom `<numFmts>` code of that id first (with `\x` escapes reduced to `x`), else the
 * built-in code, then {@link isDateFormat}.
 * @example parseDateStyles(await zip.read('xl/styles.xml'))[1] // 1 if xf 1 is a date format
 */
export function parseDateStyles(xml: Buffer): Uint8Array {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  // Depth of the open elements below <styleSheet>, and which list we are directly in.
  let depth = 0;
  let list: 'numFmts' | 'cellXfs' | '' = '';
  const at = new AttributeCursor();
  const scanner = new XmlScanner({
    open(buf, ns, ne, as, ae) {
      depth++;
      if (depth === 2) {
        if (nameIs(buf, ns, ne, 'numFmts')) list = 'numFmts';
        else if (nameIs(buf, ns, ne, 'cellXfs')) list = 'cellXfs';
        else list = '';
      } else if (depth === 3 && list === 'numFmts' && nameIs(buf, ns, ne, 'numFmt')) {
        let id = NaN;
        let code: string | undefined;
        at.reset(buf, as, ae);
        while (at.next()) {
          if (at.prefixed) continue;
          if (at.is('numFmtId')) id = parseInt(decodeXmlAttribute(buf, at.valueStart, at.valueEnd), 10);
          else if (at.is('formatCode')) code = decodeXmlAttribute(buf, at.valueStart, at.valueEnd).replace(/[\\](.)/g, '$1');
        }
        if (code !== undefined) custom.set(id, code);
      } else if (depth === 3 && list === 'cellXfs' && nameIs(buf, ns, ne, 'xf')) {
        let id = NaN;
        at.reset(buf, as, ae);
        while (at.next()) if (!at.prefixed && at.is('numFmtId')) id = parseInt(decodeXmlAttribute(buf, at.valueStart, at.valueEnd), 10);
        xfFormats.push(id);
      }
      return -1;
    },
    close() {
      if (depth === 2) list = '';
      depth--;
    },
    text() {},
  });
  scanner.write(xml);
  scanner.end();
  const flags = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    // `if (style.numFmtId)`: 0 and NaN mean no number format; `||`: an empty custom code falls back.
    if (id) flags[i] = isDateFormat(custom.get(id) || BUILT_IN[id]) ? 1 : 0;
  });
  return flags;
}
