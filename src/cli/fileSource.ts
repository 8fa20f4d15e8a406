import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Grid } from '../core/intake/cellValue';
import type { GridSource, Progress, SourceTables } from '../app/ports';
import { sheetRole, type SheetRole } from '../app/sheetRoles';
import { InputError } from './inputError';
import { readCsvBytes } from './readCsv';
import { readXlsxFile, type WorkbookSheet } from './readXlsx';
import { measurePhase } from './timings';

/** Files given on the command line for the auxiliary tables; each wins over the workbook's sheet. */
export type AuxiliaryFiles = Partial<Record<Exclude<SheetRole, 'plan'>, string>> & { readonly plan?: string };

/** Options of a {@link FileSource}. */
export interface FileSourceOptions {
  readonly input: string;
  readonly sheet?: string;
  readonly files: AuxiliaryFiles;
  /**
   * Tells whether a grid has a recognisable transaction header; used to pick the first such
   * sheet when `--sheet` is not given.
   */
  readonly hasTransactionHeader: (grid: Grid) => boolean;
}

function checkReadable(path: string): void {
  if (!existsSync(path)) throw new InputError(`${path}: file not found.`);
  if (!statSync(path).isFile()) throw new InputError(`${path}: is a folder, not a file.`);
}

/** Reads a whole .csv or .xlsx file: a CSV is one grid, a workbook one grid per sheet. */
export async function readTableFile(path: string): Promise<WorkbookSheet[]> {
  checkReadable(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const grid = readCsvBytes(readFileSync(path), basename(path));
    return [{ name: basename(path), grid, visible: true }];
  }
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsxFile(path, path);
  if (ext === '.xls') throw new InputError(`${path}: the old .xls format is not supported; save it as .xlsx (Excel Workbook) and run again.`);
  throw new InputError(`${path}: unknown file type "${ext || '(none)'}"; use .xlsx or .csv.`);
}

function isBlankGrid(grid: Grid): boolean {
  return grid.rows.every((r) => r.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '')));
}

/**
 * The CLI's {@link GridSource}: a `.csv` or `.xlsx` file, plus optional files for quotas, plan,
 * key accounts, targets and FX rates. The transaction sheet is `--sheet`, else the first visible
 * sheet (in workbook order) with a recognisable header that is not an auxiliary or report table.
 */
export class FileSource implements GridSource {
  constructor(private readonly options: FileSourceOptions) {}

  async read(progress?: Progress): Promise<SourceTables> {
    const { input, sheet, files, hasTransactionHeader } = this.options;
    const started = performance.now();
    const sheets = await readTableFile(input);
    measurePhase('read', started);
    const transactions = this.pickTransactions(sheets, input, sheet, hasTransactionHeader);
    progress?.({ phase: 'reading', done: transactions.rows.length, total: transactions.rows.length, detail: transactions.sheet });

    const auxiliary: Partial<Record<SheetRole, Grid>> = {};
    for (const s of sheets) {
      const role = sheetRole(s.name);
      if (role !== undefined && auxiliary[role] === undefined && s.grid !== transactions) auxiliary[role] = s.grid;
    }
    for (const role of ['quotas', 'keyAccounts', 'targets', 'fx'] as const) {
      const file = files[role];
      if (file === undefined) continue;
      const [first] = await readTableFile(file);
      if (first === undefined || isBlankGrid(first.grid)) throw new InputError(`${file}: the file is empty.`);
      auxiliary[role] = { ...first.grid, sheet: basename(file) };
    }
    if (files.plan === undefined) return { transactions, auxiliary };
    checkReadable(files.plan);
    if (extname(files.plan).toLowerCase() !== '.json') {
      // A plan kept as a sheet in another workbook is read like the workbook's own plan sheet.
      const planSheets = await readTableFile(files.plan);
      const planSheet = planSheets.find((s) => sheetRole(s.name) === 'plan') ?? planSheets[0];
      if (planSheet === undefined) throw new InputError(`${files.plan}: the file is empty.`);
      auxiliary.plan = planSheet.grid;
      return { transactions, auxiliary };
    }
    return { transactions, auxiliary, planJson: { text: readFileSync(files.plan, 'utf8'), label: files.plan } };
  }

  private pickTransactions(sheets: WorkbookSheet[], input: string, wanted: string | undefined, ok: (g: Grid) => boolean): Grid {
    if (wanted !== undefined) {
      const hit = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
      if (hit === undefined) {
        throw new InputError(`${input}: there is no sheet named "${wanted}". Sheets: ${sheets.map((s) => s.name).join(', ')}.`);
      }
      if (isBlankGrid(hit.grid)) throw new InputError(`${input}, sheet "${hit.name}": the sheet is empty.`);
      return hit.grid;
    }
    const candidates = sheets.filter((s) => s.visible && sheetRole(s.name) === undefined && !isBlankGrid(s.grid));
    if (candidates.length === 0) {
      throw new InputError(sheets.length === 1 ? `${input}: the file is empty.` : `${input}: every sheet is empty.`);
    }
    // The first sheet with a recognisable header; else the first non-empty one, whose intake
    // then reports which required columns are missing.
    return (candidates.find((s) => ok(s.grid)) ?? candidates[0])!.grid;
  }
}
