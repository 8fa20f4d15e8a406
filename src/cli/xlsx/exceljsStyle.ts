/** ReportModel styles → exceljs style objects. */
import type ExcelJS from 'exceljs';
import type { BorderEdge, CellStyle, Color } from '../../reports/model/reportModel';

/** `#RRGGBB` → exceljs `{ argb: 'FFRRGGBB' }`. */
export function argb(color: Color): { argb: string } {
  const m = /^#([0-9A-Fa-f]{6})$/.exec(color);
  if (m?.[1] === undefined) throw new RangeError(`colour must be #RRGGBB: ${color}`);
  return { argb: `FF${m[1].toUpperCase()}` };
}

function border(edge: BorderEdge | undefined): Partial<ExcelJS.Border> | undefined {
  return edge === undefined ? undefined : { style: edge.line, color: argb(edge.color) };
}

/** A full exceljs cell style (font, fill, border, alignment, number format). */
export function exceljsStyle(style: CellStyle | undefined, numFmt: string): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (numFmt !== 'General') out.numFmt = numFmt;
  if (style === undefined) return out;
  if (style.font !== undefined) {
    const f = style.font;
    const font: Partial<ExcelJS.Font> = { name: 'Calibri', size: f.size ?? 11 };
    if (f.bold === true) font.bold = true;
    if (f.italic === true) font.italic = true;
    if (f.underline === true) font.underline = true;
    if (f.color !== undefined) font.color = argb(f.color);
    out.font = font;
  }
  if (style.fill !== undefined) out.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(style.fill), bgColor: argb(style.fill) };
  if (style.border !== undefined) {
    const b: Partial<ExcelJS.Borders> = {};
    const top = border(style.border.top);
    const bottom = border(style.border.bottom);
    const left = border(style.border.left);
    const right = border(style.border.right);
    if (top !== undefined) b.top = top;
    if (bottom !== undefined) b.bottom = bottom;
    if (left !== undefined) b.left = left;
    if (right !== undefined) b.right = right;
    out.border = b;
  }
  if (style.alignment !== undefined) {
    const a = style.alignment;
    const al: Partial<ExcelJS.Alignment> = {};
    if (a.horizontal !== undefined) al.horizontal = a.horizontal;
    if (a.vertical !== undefined) al.vertical = a.vertical === 'center' ? 'middle' : a.vertical;
    if (a.wrap === true) al.wrapText = true;
    if (a.indent !== undefined) al.indent = a.indent;
    out.alignment = al;
  }
  return out;
}

/**
 * The differential style of a conditional format: font colour/bold and fill only (what
 * Office.js conditional formats can set too). Differential fills take the colour in
 * `bgColor` — exceljs writes `fgColor` for dxfs as well, and Excel ignores it there.
 */
export function exceljsDxf(style: CellStyle | undefined): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style === undefined) return out;
  if (style.font !== undefined) {
    const font: Partial<ExcelJS.Font> = {};
    if (style.font.color !== undefined) font.color = argb(style.font.color);
    if (style.font.bold === true) font.bold = true;
    if (style.font.italic === true) font.italic = true;
    out.font = font;
  }
  if (style.fill !== undefined) out.fill = { type: 'pattern', pattern: 'solid', bgColor: argb(style.fill), fgColor: argb(style.fill) };
  return out;
}
