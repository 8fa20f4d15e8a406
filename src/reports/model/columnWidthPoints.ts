/**
 * Column widths: the model stores the width as an .xlsx file (and exceljs) does — character
 * widths of the default font's digits plus padding, e.g. 9.140625 for Excel's default
 * column (shown as 8.43 in Excel's dialog). Office JS `format.columnWidth` takes points.
 * ECMA-376 Part 1 §18.3.1.13 with the default font (Calibri 11, maximum digit width 7 px):
 * pixels = trunc(((256·w + trunc(128/7)) / 256) · 7), and 1 px = 0.75 pt at 96 dpi.
 * @example columnWidthPoints(9.140625) // 48 (Excel's default 64 px column)
 */
export function columnWidthPoints(width: number): number {
  const mdw = 7;
  const px = Math.trunc(((256 * width + Math.trunc(128 / mdw)) / 256) * mdw);
  return px * 0.75;
}
