import type ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../core/intake/cellValue';
import { InputError } from './inputError';

/** One worksheet of a workbook file as a grid, in workbook order. */
export interface WorkbookSheet {
  readonly name: string;
  readonly grid: Grid;
  /** False for hidden and very hidden sheets. */
  readonly visible: boolean;
}

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

/** Reads one exceljs worksheet into a grid that starts at sheet row 1. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    // row.values is 1-based and sparse: index 0 is unused.
    const values = row.values as ExcelJS.CellValue[];
    for (let c = 1; c < values.length; c++) cells.push(fromExcelJs(values[c]));
    rows.push(cells);
  }
  return { sheet: ws.name, firstRow: 1, rows };
}

/**
 * Loads every worksheet of an `.xlsx` file. Corrupt or non-xlsx files become an
 * {@link InputError} naming the file.
 */
export async function readXlsxFile(path: string, label: string): Promise<WorkbookSheet[]> {
  // Loaded on first use: exceljs takes ~0.2 s to load, which a CSV run need not pay.
  const { default: exceljs } = await import('exceljs');
  const wb = new exceljs.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new InputError(`${label}: cannot read this file as an Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  return wb.worksheets.map((ws) => ({ name: ws.name, grid: gridFromWorksheet(ws), visible: ws.state === 'visible' || ws.state === undefined }));
}
