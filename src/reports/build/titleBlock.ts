import { emptyCell, textCell } from '../model/cells';
import type { SheetDraft } from './sheetDraft';

/**
 * Writes a sheet's title and subtitle lines from row 0, each merged across `width` columns
 * (so the text is never cut off by a neighbouring cell), and returns the next free row after
 * one blank row.
 * @example titleBlock(draft, 'Quarterly results 2026', ['As of 2026-09-30 · currency EUR …'], 9) // 3
 */
export function titleBlock(draft: SheetDraft, title: string, subtitles: readonly string[], width: number): number {
  const span = Math.max(2, width);
  const titleRow = draft.addRow([textCell(title, { style: 'title' }), ...Array.from({ length: span - 1 }, () => emptyCell({ style: 'title' }))]);
  draft.merge({ row: titleRow, col: 0, rowCount: 1, colCount: span });
  draft.height(titleRow, 26);
  for (const line of subtitles) {
    const r = draft.addRow([textCell(line, { style: 'subtitle' })]);
    draft.merge({ row: r, col: 0, rowCount: 1, colCount: span });
  }
  draft.skip();
  return draft.nextRow;
}
