/**
 * The CLI's former workbook reader — exceljs's full in-memory load — kept as the oracle of the
 * streaming reader's differential tests (`src/cli/readXlsx.ts` must give exactly this).
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../../src/core/intake/cellValue';
import type { WorkbookSheet } from '../../../src/cli/readXlsx';

/**
 * Turns an exceljs cell value into the engine's {@link CellValue}: formulas give their cached
 * result, rich text and hyperlinks their text, errors stay errors. Nothing is evaluated.
 */
export function fromExcelJs(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : fromExcelJs(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : fromExcelJs(result as ExcelJS.CellValue);
  }
  return null;
}

/**
 * The one place the streaming reader differs from exceljs on purpose: a formula whose cached
 * result is 0 or false. exceljs's `value` getter drops falsy results (`_copyModel`); the cell's
 * model still has it, and it is the value the cell shows, so the reader keeps it.
 */
function cachedFalsyResult(row: ExcelJS.Row, c: number, v: ExcelJS.CellValue): 0 | false | undefined {
  if (v === null || typeof v !== 'object' || v instanceof Date || !('formula' in v || 'sharedFormula' in v)) return undefined;
  if ((v as ExcelJS.CellFormulaValue).result !== undefined) return undefined;
  const result = (row.getCell(c).model as { result?: unknown }).result;
  return result === 0 || result === false ? result : undefined;
}

/** Reads one exceljs worksheet into a grid that starts at sheet row 1. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    // row.values is 1-based and sparse: index 0 is unused. (An exceljs row, not an Office.js
    // proxy: the Office.js load/sync rules do not apply.)
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const values = row.values as ExcelJS.CellValue[];
    for (let c = 1; c < values.length; c++) cells.push(cachedFalsyResult(row, c, values[c]) ?? fromExcelJs(values[c]));
    rows.push(cells);
  }
  return { sheet: ws.name, firstRow: 1, rows };
}

/** The former `readXlsxFile`: every worksheet through exceljs's full load (throws what exceljs throws). */
export async function readXlsxWithExcelJs(path: string): Promise<WorkbookSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => ({ name: ws.name, grid: gridFromWorksheet(ws), visible: ws.state === 'visible' || ws.state === undefined }));
}
