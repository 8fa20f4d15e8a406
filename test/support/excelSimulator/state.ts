/**
 * The simulated workbook's state: sheets with cells, number formats, formats, merges,
 * frozen panes, custom properties, tables, conditional formats, charts, settings, selection.
 * Everything here runs only inside a `sync()` (the proxies queue actions that call it) and
 * fails with {@link SimOfficeError}s, as Excel does.
 */
import { columnLetters } from '../../../src/reports/a1';
import { fail } from './errors';
import {
  UNSUPPORTED,
  evaluate,
  isFormulaError,
  parseFormula,
  FormulaSyntaxError,
  rewriteSheetRefs,
  type EvalResult,
  type Node,
  type Scalar,
} from './formula';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A stored cell value; `null` = empty. */
export type StoredValue = string | number | boolean | null;

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** One formatting write on a rectangle (`font.bold`, `fill.color`, `borders.EdgeTop.style`, `horizontalAlignment` …). */
export interface FormatRecord {
  readonly rect: Rect;
  readonly key: string;
  readonly value: unknown;
}

export interface RangeRefState {
  sheetId: string;
  rect: Rect;
}

export interface ConditionalFormatState {
  readonly id: string;
  readonly type: string;
  rect: Rect;
  priority: number;
  stopIfTrue: boolean;
  /** Type-specific properties as set (`dataBar.positiveFormat.fillColor`, `cellValue.rule`, `textComparison.format.fill.color` …). */
  readonly props: Record<string, unknown>;
}

export interface ChartSeriesState {
  name: string;
  chartType: string | undefined;
  values: RangeRefState | '#REF!' | undefined;
  xValues: RangeRefState | '#REF!' | undefined;
  props: Record<string, unknown>;
}

export interface ChartState {
  readonly id: string;
  name: string;
  sheetId: string;
  type: string;
  readonly source: RangeRefState;
  readonly seriesBy: string;
  series: ChartSeriesState[];
  position: { start: string; end: string | undefined } | undefined;
  /** Other properties as set (`title.text`, `legend.position`, `axes.valueAxis.numberFormat` …). */
  readonly props: Record<string, unknown>;
}

export interface TableState {
  readonly id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
  showHeaders: boolean;
  showTotals: boolean;
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function rectCells(r: Rect): number {
  return r.rowCount * r.colCount;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;
}

// The same letters as the reports' A1 helper (the simulator is the Excel the reports are written to).
export { columnLetters };

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 text of a rectangle (`B2:D9`, `C3`). */
export function rectA1(r: Rect): string {
  const first = `${columnLetters(r.col)}${r.row + 1}`;
  if (r.rowCount === 1 && r.colCount === 1) return first;
  return `${first}:${columnLetters(r.col + r.colCount - 1)}${r.row + r.rowCount}`;
}

/** Sheet name as Excel writes it before `!` in an address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Parses an A1 address on one sheet: `B3`, `$B$3`, `B2:D9`, whole columns `A:C`, whole
 * rows `2:5`. A `Sheet!` prefix is accepted and returned. Invalid → InvalidArgument.
 */
export function parseAddress(address: string): { sheet: string | undefined; rect: Rect } {
  let a = address.trim();
  let sheet: string | undefined;
  const bang = a.lastIndexOf('!');
  if (bang >= 0) {
    let s = a.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    a = a.slice(bang + 1);
  }
  a = a.replace(/\$/g, '');
  let m = /^([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?$/.exec(a);
  if (m !== null && m[1] !== undefined && m[2] !== undefined) {
    const r1 = Number(m[2]) - 1;
    const c1 = colIndex(m[1]);
    const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
    const c2 = m[3] === undefined ? c1 : colIndex(m[3]);
    return { sheet, rect: checkRect({ row: Math.min(r1, r2), col: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 }, address) };
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (m !== null && m[1] !== undefined && m[2] !== undefined) {
    const c1 = colIndex(m[1]);
    const c2 = colIndex(m[2]);
    return { sheet, rect: checkRect({ row: 0, col: Math.min(c1, c2), rowCount: MAX_ROWS, colCount: Math.abs(c2 - c1) + 1 }, address) };
  }
  m = /^(\d{1,7}):(\d{1,7})$/.exec(a);
  if (m !== null && m[1] !== undefined && m[2] !== undefined) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    return { sheet, rect: checkRect({ row: Math.min(r1, r2), col: 0, rowCount: Math.abs(r2 - r1) + 1, colCount: MAX_COLS }, address) };
  }
  return fail('InvalidArgument', `bad address ${JSON.stringify(address)}`);
}

export function checkRect(r: Rect, what = ''): Rect {
  const ok =
    Number.isInteger(r.row) && Number.isInteger(r.col) && Number.isInteger(r.rowCount) && Number.isInteger(r.colCount) &&
    r.row >= 0 && r.col >= 0 && r.rowCount >= 1 && r.colCount >= 1 && r.row + r.rowCount <= MAX_ROWS && r.col + r.colCount <= MAX_COLS;
  if (!ok) fail('InvalidArgument', `range outside the sheet ${what} ${JSON.stringify(r)}`);
  return r;
}

/** Excel's sheet-name rules (OFFICE-JS.md rule 7), uniqueness aside. */
export function sheetNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'sheet name must be a string';
  if (name.length < 1 || name.length > 31) return `sheet name must have 1–31 characters: ${JSON.stringify(name)}`;
  if (FORBIDDEN_SHEET_CHARS.test(name)) return `sheet name contains one of : \\ / ? * [ ]: ${JSON.stringify(name)}`;
  if (name.startsWith("'") || name.endsWith("'")) return `sheet name starts or ends with an apostrophe: ${JSON.stringify(name)}`;
  if (name.toLowerCase() === 'history') return 'History is a reserved sheet name';
  return undefined;
}

/** Excel's rules for table (and defined) names. */
export function tableNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length < 1 || name.length > 255) return 'table name must have 1–255 characters';
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return `illegal table name ${JSON.stringify(name)}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name)) return `table name looks like a reference: ${name}`;
  return undefined;
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What a string written to `values` becomes, per the simulator's labelled assumptions. */
export type Coerced = { kind: 'value'; value: StoredValue } | { kind: 'formula'; formula: string };

/**
 * Excel's coercion of a string written through `values`/`formulas` into a General cell:
 * `=`, `+`, `-` (rule 6) and — labelled assumption — `@` start a formula; plain numbers
 * become numbers and TRUE/FALSE booleans (labelled assumption). A cell formatted as Text
 * (`@`) keeps the string as it is (the escape AccountDesk relies on; labelled assumption).
 */
export function coerceString(s: string, cellFormat: string | undefined): Coerced {
  if (cellFormat === '@') return { kind: 'value', value: s };
  if (NUMERIC_TEXT.test(s)) return { kind: 'value', value: Number(s) };
  if (/^(true|false)$/i.test(s)) return { kind: 'value', value: s.toLowerCase() === 'true' };
  const first = s.charAt(0);
  if (first === '=') return s.length === 1 ? { kind: 'value', value: s } : { kind: 'formula', formula: s };
  if (first === '+' || first === '-') return { kind: 'formula', formula: `=${s}` };
  if (first === '@' && s.length > 1) return { kind: 'formula', formula: `=${s.slice(1)}` };
  return { kind: 'value', value: s };
}

export class SheetState {
  /** Cell values by row; a formula cell holds `null` here and its text in {@link formulas}. */
  readonly values: (StoredValue[] | undefined)[] = [];
  /** Number formats by row; `undefined` = General. */
  readonly formats: ((string | undefined)[] | undefined)[] = [];
  readonly formulas = new Map<number, string>();
  /** Formula cells written while API calculation was suspended and not recalculated since. */
  readonly dirty = new Set<number>();
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly formatRecords: FormatRecord[] = [];
  readonly merges: Rect[] = [];
  freeze: { rows: number; cols: number } | undefined;
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly customProperties = new Map<string, { key: string; value: string }>();
  /** Page layout properties as set (`orientation`, `zoom`, `printTitleRows` …). */
  readonly pageLayout: Record<string, unknown> = {};
  tabColor = '';
  showGridlines = true;
  visibility: Visibility = 'Visible';
  /** Bumped on every change, so tests can prove a sheet was not touched. */
  version = 0;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  touch(): void {
    this.version++;
  }

  rawValue(row: number, col: number): StoredValue {
    return this.values[row]?.[col] ?? null;
  }

  format(row: number, col: number): string | undefined {
    return this.formats[row]?.[col];
  }

  setValue(row: number, col: number, value: StoredValue): void {
    let line = this.values[row];
    if (line === undefined) {
      if (value === null) return;
      line = [];
      this.values[row] = line;
    }
    while (line.length < col) line.push(null);
    line[col] = value;
  }

  setFormat(row: number, col: number, format: string | undefined): void {
    let line = this.formats[row];
    if (line === undefined) {
      if (format === undefined) return;
      line = [];
      this.formats[row] = line;
    }
    line[col] = format;
  }

  /** Bounding box of cells with values or formulas (and, unless `valuesOnly`, formats); undefined when blank. */
  usedRect(valuesOnly: boolean): Rect | undefined {
    let minR = Infinity;
    let maxR = -1;
    let minC = Infinity;
    let maxC = -1;
    const scan = (rows: readonly (readonly unknown[] | undefined)[], isSet: (v: unknown) => boolean): void => {
      for (let r = 0; r < rows.length; r++) {
        const line = rows[r];
        if (line === undefined) continue;
        for (let c = 0; c < line.length; c++) {
          if (!isSet(line[c])) continue;
          if (r < minR) minR = r;
          if (r > maxR) maxR = r;
          if (c < minC) minC = c;
          if (c > maxC) maxC = c;
        }
      }
    };
    scan(this.values, (v) => v !== null && v !== undefined && v !== '');
    for (const k of this.formulas.keys()) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
      minC = Math.min(minC, c);
      maxC = Math.max(maxC, c);
    }
    if (!valuesOnly) {
      scan(this.formats, (v) => v !== undefined);
      for (const f of this.formatRecords) {
        if (f.rect.rowCount === MAX_ROWS || f.rect.colCount === MAX_COLS) continue;
        minR = Math.min(minR, f.rect.row);
        maxR = Math.max(maxR, f.rect.row + f.rect.rowCount - 1);
        minC = Math.min(minC, f.rect.col);
        maxC = Math.max(maxC, f.rect.col + f.rect.colCount - 1);
      }
    }
    if (maxR < 0) return undefined;
    return { row: minR, col: minC, rowCount: maxR - minR + 1, colCount: maxC - minC + 1 };
  }

  /** The last formatting write covering a cell for a key (`font.bold` …). */
  cellFormat(row: number, col: number, key: string): unknown {
    for (let i = this.formatRecords.length - 1; i >= 0; i--) {
      const f = this.formatRecords[i];
      if (f !== undefined && f.key === key && contains(f.rect, row, col)) return f.value;
    }
    return undefined;
  }
}

export interface WorkbookStateOptions {
  readonly onFormulaWritten?: () => void;
}

/** The whole workbook. */
export class WorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  readonly names: { name: string; formula: string }[] = [];
  readonly settings = new Map<string, { key: string; value: unknown }>();
  charts: ChartState[] = [];
  activeSheetId: string | undefined;
  selection: { sheetId: string; areas: Rect[] } | undefined;
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /** True while the current sync runs after `suspendApiCalculationUntilNextSync()`. */
  calculationSuspended = false;
  screenUpdatingSuspended = false;
  private nextSheet = 1;
  private nextTable = 1;
  private nextChart = 1;
  nextCf = 1;
  version = 0;
  private evalCache = new Map<string, Scalar | typeof UNSUPPORTED>();
  private evalVersion = -1;
  private readonly parsed = new Map<string, Node>();
  private readonly evaluating = new Set<string>();

  touch(sheet?: SheetState): void {
    this.version++;
    sheet?.touch();
  }

  // ------------------------------------------------------------ sheets

  sheetById(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetState | undefined {
    const k = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === k);
  }

  /** By name or id, as `worksheets.getItem` takes either. */
  findSheet(key: string): SheetState | undefined {
    return this.sheetById(key) ?? this.sheetByName(key);
  }

  sheetOrFail(id: string): SheetState {
    const s = this.sheetById(id);
    if (s === undefined) fail('ItemNotFound', 'the worksheet no longer exists');
    return s;
  }

  private checkNewName(name: unknown, self?: SheetState): string {
    const problem = sheetNameProblem(name);
    if (problem !== undefined) fail('InvalidArgument', problem);
    const n = name as string;
    const other = this.sheetByName(n);
    if (other !== undefined && other !== self) fail('ItemAlreadyExists', `a sheet named ${JSON.stringify(other.name)} exists`);
    return n;
  }

  addSheet(name?: string): SheetState {
    let n: string;
    if (name === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`) !== undefined) i++;
      n = `Sheet${i}`;
    } else {
      n = this.checkNewName(name);
    }
    const id = `{SIM-SHEET-${String(this.nextSheet++).padStart(4, '0')}}`;
    const sheet = new SheetState(id, n);
    this.sheets.push(sheet);
    if (this.activeSheetId === undefined) this.activeSheetId = id;
    this.touch();
    return sheet;
  }

  renameSheet(sheet: SheetState, name: unknown): void {
    const n = this.checkNewName(name, sheet);
    if (n === sheet.name) return;
    const old = sheet.name;
    sheet.name = n;
    this.rewriteFormulas((f) => rewriteSheetRefs(f, old, n));
    this.touch(sheet);
  }

  deleteSheet(sheet: SheetState): void {
    if (sheet.visibility === 'VeryHidden') fail('InvalidOperation', 'a very hidden sheet cannot be deleted');
    if (this.sheets.length === 1) fail('InvalidOperation', 'a workbook must keep at least one sheet');
    const visibleOthers = this.sheets.filter((s) => s !== sheet && s.visibility === 'Visible').length;
    if (visibleOthers === 0) fail('InvalidOperation', 'a workbook must keep at least one visible sheet');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.charts = this.charts.filter((c) => c.sheetId !== sheet.id);
    for (const c of this.charts) {
      for (const s of c.series) {
        if (typeof s.values === 'object' && s.values.sheetId === sheet.id) s.values = '#REF!';
        if (typeof s.xValues === 'object' && s.xValues.sheetId === sheet.id) s.xValues = '#REF!';
      }
    }
    this.rewriteFormulas((f) => rewriteSheetRefs(f, sheet.name, null));
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id;
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
    this.touch();
  }

  moveSheet(sheet: SheetState, position: unknown): void {
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      fail('InvalidArgument', `position ${String(position)} outside 0–${this.sheets.length - 1}`);
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
    this.touch(sheet);
  }

  setVisibility(sheet: SheetState, v: unknown): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') fail('InvalidArgument', `visibility ${String(v)}`);
    if (v !== 'Visible' && sheet.visibility === 'Visible') {
      const visibleOthers = this.sheets.filter((s) => s !== sheet && s.visibility === 'Visible').length;
      if (visibleOthers === 0) fail('InvalidOperation', 'the last visible sheet cannot be hidden');
    }
    sheet.visibility = v;
    if (v !== 'Visible' && this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id;
    this.touch(sheet);
  }

  activate(sheet: SheetState): void {
    if (sheet.visibility !== 'Visible') fail('InvalidOperation', 'a hidden sheet cannot be activated');
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, areas: [{ row: 0, col: 0, rowCount: 1, colCount: 1 }] };
  }

  activeSheet(): SheetState {
    const s = this.activeSheetId === undefined ? undefined : this.sheetById(this.activeSheetId);
    if (s === undefined) return fail('GeneralException', 'no active sheet');
    return s;
  }

  private rewriteFormulas(rewrite: (f: string) => string): void {
    for (const s of this.sheets) {
      for (const [k, f] of s.formulas) {
        const g = rewrite(f);
        if (g !== f) s.formulas.set(k, g);
      }
      for (const cf of s.conditionalFormats) {
        for (const key of Object.keys(cf.props)) {
          const v = cf.props[key];
          if (key.endsWith('.formula') && typeof v === 'string') cf.props[key] = rewrite(v);
          if (key.endsWith('rule') && typeof v === 'object' && v !== null) {
            const rule = { ...(v as Record<string, unknown>) };
            for (const fk of ['formula', 'formula1', 'formula2']) {
              const fv = rule[fk];
              if (typeof fv === 'string') rule[fk] = rewrite(fv);
            }
            cf.props[key] = rule;
          }
        }
      }
    }
    for (const n of this.names) n.formula = rewrite(n.formula);
  }

  // ------------------------------------------------------------ cells

  /** Writes `values` or `formulas` (rule 5 dimensions, rule 6 coercion). */
  writeCells(sheet: SheetState, rect: Rect, data: unknown, what: 'values' | 'formulas'): void {
    const rows = this.checkDims(rect, data, what);
    for (let r = 0; r < rect.rowCount; r++) {
      const line = rows[r] as unknown[];
      for (let c = 0; c < rect.colCount; c++) {
        const v = line[c];
        if (v === null || v === undefined) continue; // null = keep the cell
        const row = rect.row + r;
        const col = rect.col + c;
        const key = cellKey(row, col);
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) fail('InvalidArgument', `${what}: non-finite number`);
          sheet.formulas.delete(key);
          sheet.setValue(row, col, v);
        } else if (typeof v === 'boolean') {
          sheet.formulas.delete(key);
          sheet.setValue(row, col, v);
        } else if (typeof v === 'string') {
          if (v === '') {
            sheet.formulas.delete(key);
            sheet.dirty.delete(key);
            sheet.setValue(row, col, null);
            continue;
          }
          if (v.length > 32767) fail('InvalidArgument', 'a cell holds at most 32,767 characters');
          const coerced = coerceString(v, sheet.format(row, col));
          if (coerced.kind === 'value') {
            sheet.formulas.delete(key);
            sheet.setValue(row, col, coerced.value);
          } else {
            this.parse(coerced.formula, `${what} ${columnLetters(col)}${row + 1}`);
            sheet.formulas.set(key, coerced.formula);
            sheet.setValue(row, col, null);
            if (this.calculationSuspended) sheet.dirty.add(key);
            else sheet.dirty.delete(key);
          }
        } else {
          fail('InvalidArgument', `${what}: unsupported value ${JSON.stringify(v)}`);
        }
      }
    }
    this.touch(sheet);
  }

  writeNumberFormats(sheet: SheetState, rect: Rect, data: unknown): void {
    const rows = this.checkDims(rect, data, 'numberFormat');
    for (let r = 0; r < rect.rowCount; r++) {
      const line = rows[r] as unknown[];
      for (let c = 0; c < rect.colCount; c++) {
        const v = line[c];
        if (v === null || v === undefined) continue;
        if (typeof v !== 'string' && typeof v !== 'number') fail('InvalidArgument', `numberFormat: ${JSON.stringify(v)}`);
        const f = String(v);
        sheet.setFormat(rect.row + r, rect.col + c, f === 'General' || f === '' ? undefined : f);
      }
    }
    this.touch(sheet);
  }

  private checkDims(rect: Rect, data: unknown, what: string): unknown[] {
    const bad = (): never =>
      fail('InvalidArgument', `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rowCount}×${rect.colCount})`);
    if (!Array.isArray(data) || data.length !== rect.rowCount) return bad();
    for (const line of data) if (!Array.isArray(line) || line.length !== rect.colCount) bad();
    return data;
  }

  parse(formula: string, where: string): Node {
    let node = this.parsed.get(formula);
    if (node !== undefined) return node;
    try {
      node = parseFormula(formula);
    } catch (e) {
      if (e instanceof FormulaSyntaxError) fail('InvalidArgument', `${where}: invalid formula ${JSON.stringify(formula)}: ${e.message}`);
      throw e;
    }
    this.parsed.set(formula, node);
    return node;
  }

  /** A cell's value as `values` returns it: formulas evaluated (unsupported / not recalculated → null). */
  cellValue(sheet: SheetState, row: number, col: number): StoredValue {
    const v = this.evalCell(sheet, row, col);
    if (v === UNSUPPORTED) return null;
    if (isFormulaError(v)) return v.error;
    return v;
  }

  private evalCell(sheet: SheetState, row: number, col: number): EvalResult {
    const key = cellKey(row, col);
    const formula = sheet.formulas.get(key);
    if (formula === undefined) return sheet.rawValue(row, col);
    if (sheet.dirty.has(key)) return null;
    if (this.evalVersion !== this.version) {
      this.evalCache = new Map();
      this.evalVersion = this.version;
    }
    const ck = `${sheet.id}:${key}`;
    const cached = this.evalCache.get(ck);
    if (cached !== undefined) return cached;
    if (this.evaluating.has(ck)) return 0; // circular reference: Excel shows 0
    this.evaluating.add(ck);
    try {
      const node = this.parse(formula, 'evaluate');
      const v = evaluate(node, {
        cell: (sheetName, r, c) => {
          const target = sheetName === undefined ? sheet : this.sheetByName(sheetName);
          if (target === undefined) return { error: '#REF!' };
          return this.evalCell(target, r, c);
        },
      });
      this.evalCache.set(ck, v);
      return v;
    } finally {
      this.evaluating.delete(ck);
    }
  }

  /** True when a formula cell's value could not be computed by the simulator (not dirty, just unsupported). */
  isUnevaluated(sheet: SheetState, row: number, col: number): boolean {
    const key = cellKey(row, col);
    return sheet.formulas.has(key) && !sheet.dirty.has(key) && this.evalCell(sheet, row, col) === UNSUPPORTED;
  }

  recalculate(): void {
    for (const s of this.sheets) s.dirty.clear();
    this.version++;
  }

  // ------------------------------------------------------------ tables

  tableNameTaken(name: string, except?: TableState): boolean {
    const k = name.toUpperCase();
    return this.tables.some((t) => t !== except && t.name.toUpperCase() === k) || this.names.some((n) => n.name.toUpperCase() === k);
  }

  addTable(sheet: SheetState, rect: Rect, hasHeaders: boolean): TableState {
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && rectsOverlap(t.rect, rect)) fail('InvalidArgument', 'a table cannot overlap another table');
    }
    for (const m of sheet.merges) if (rectsOverlap(m, rect)) fail('InvalidArgument', 'a table cannot overlap merged cells');
    if (rect.rowCount === MAX_ROWS || rect.colCount === MAX_COLS) fail('InvalidArgument', 'a table cannot span whole rows or columns');
    let n = this.nextTable;
    while (this.tableNameTaken(`Table${n}`)) n++;
    this.nextTable = n + 1;
    let tableRect = rect;
    if (!hasHeaders) {
      // Excel inserts a header row above the data (labelled simplification: only when row above is free).
      if (rect.row === 0) fail('InvalidArgument', 'no room for a header row');
      tableRect = { ...rect, row: rect.row - 1, rowCount: rect.rowCount + 1 };
    }
    // Headers become unique non-empty text, as Excel makes them.
    const seen = new Set<string>();
    for (let c = 0; c < tableRect.colCount; c++) {
      const col = tableRect.col + c;
      const key = cellKey(tableRect.row, col);
      const raw = sheet.formulas.has(key) ? null : sheet.rawValue(tableRect.row, col);
      let h = hasHeaders && raw !== null && raw !== '' ? String(raw) : `Column${c + 1}`;
      if (seen.has(h.toUpperCase())) {
        let k = 2;
        while (seen.has(`${h}${k}`.toUpperCase())) k++;
        h = `${h}${k}`;
      }
      seen.add(h.toUpperCase());
      if (raw !== h) {
        sheet.formulas.delete(key);
        sheet.setValue(tableRect.row, col, h);
      }
    }
    const table: TableState = {
      id: `{SIM-TABLE-${n}}`,
      name: `Table${n}`,
      sheetId: sheet.id,
      rect: tableRect,
      style: 'TableStyleMedium2',
      showBandedRows: true,
      showFilterButton: true,
      showHeaders: true,
      showTotals: false,
    };
    this.tables.push(table);
    this.touch(sheet);
    return table;
  }

  renameTable(table: TableState, name: unknown): void {
    const problem = tableNameProblem(name);
    if (problem !== undefined) fail('InvalidArgument', problem);
    if (this.tableNameTaken(name as string, table)) fail('InvalidArgument', `the name ${String(name)} is already used in this workbook`);
    table.name = name as string;
    this.touch(this.sheetById(table.sheetId));
  }

  // ------------------------------------------------------------ charts

  addChart(sheet: SheetState, type: string, source: RangeRefState, seriesBy: string): ChartState {
    const n = this.nextChart++;
    const { rect } = source;
    const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && rect.colCount > rect.rowCount);
    const count = byRows ? rect.rowCount : rect.colCount;
    const series: ChartSeriesState[] = [];
    for (let i = 0; i < count; i++) {
      const sub: Rect = byRows ? { row: rect.row + i, col: rect.col, rowCount: 1, colCount: rect.colCount } : { row: rect.row, col: rect.col + i, rowCount: rect.rowCount, colCount: 1 };
      series.push({ name: `Series${i + 1}`, chartType: undefined, values: { sheetId: source.sheetId, rect: sub }, xValues: undefined, props: {} });
    }
    const chart: ChartState = { id: `{SIM-CHART-${n}}`, name: `Chart ${n}`, sheetId: sheet.id, type, source, seriesBy, series, position: undefined, props: {} };
    this.charts.push(chart);
    this.touch(sheet);
    return chart;
  }
}
