/**
 * Groups a sheet's styled cells into rectangles per style, so the Office JS sink can format
 * many cells with one call per style (`worksheet.getRanges("A1:F1, A9:F9")`) instead of one
 * per cell. The rectangles of one style never overlap and cover exactly its cells.
 */
import type { GridRange } from '../a1';
import type { ReportSheet, StyleName } from './reportModel';

export interface StyleRectangles {
  readonly style: StyleName;
  readonly ranges: GridRange[];
}

interface Open {
  row: number;
  col: number;
  colCount: number;
  rowCount: number;
  style: StyleName;
}

/**
 * Rectangles of equally styled cells: horizontal runs in each row, extended downwards while
 * the next row has the identical run. Styles appear in order of first use.
 * @example styleRectangles(sheet) // [{ style: 'header', ranges: [{ row: 3, col: 0, rowCount: 1, colCount: 6 }] }, …]
 */
export function styleRectangles(sheet: Pick<ReportSheet, 'rows'>): StyleRectangles[] {
  const byStyle = new Map<StyleName, GridRange[]>();
  const emit = (o: Open): void => {
    let list = byStyle.get(o.style);
    if (list === undefined) byStyle.set(o.style, (list = []));
    list.push({ row: o.row, col: o.col, rowCount: o.rowCount, colCount: o.colCount });
  };
  let open = new Map<string, Open>();
  sheet.rows.forEach((cells, r) => {
    const next = new Map<string, Open>();
    let c = 0;
    while (c < cells.length) {
      const style = cells[c]?.style;
      if (style === undefined) {
        c++;
        continue;
      }
      let end = c + 1;
      while (end < cells.length && cells[end]?.style === style) end++;
      const key = `${c}:${end - c}:${style}`;
      const prev = open.get(key);
      if (prev !== undefined) {
        prev.rowCount++;
        open.delete(key);
        next.set(key, prev);
      } else {
        next.set(key, { row: r, col: c, colCount: end - c, rowCount: 1, style });
      }
      c = end;
    }
    for (const o of open.values()) emit(o);
    open = next;
  });
  for (const o of open.values()) emit(o);
  // Deterministic order: by first row, then column.
  const out: StyleRectangles[] = [];
  for (const [style, ranges] of byStyle) {
    ranges.sort((a, b) => a.row - b.row || a.col - b.col);
    out.push({ style, ranges });
  }
  const first = (s: StyleRectangles): [number, number] => [s.ranges[0]?.row ?? 0, s.ranges[0]?.col ?? 0];
  out.sort((a, b) => first(a)[0] - first(b)[0] || first(a)[1] - first(b)[1]);
  return out;
}
