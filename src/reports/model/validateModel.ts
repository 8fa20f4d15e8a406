/**
 * Structural checks of a ReportModel — the invariants both sinks rely on. A problem here is a
 * bug in a builder, so sinks throw on any; builders' tests call this to catch them early.
 */
import { MAX_COL, MAX_ROW, rangeA1, rangesOverlap, type GridRange } from '../a1';
import { mustBeText } from '../safeText';
import { isLegalSheetName, sheetNameKey } from '../sheetName';
import type { ChartSpec, ConditionalFormat, ReportModel, ReportSheet, SheetRangeRef, StyleName } from './reportModel';
import { sheetTokenKeys } from './sheetToken';
import { legalTableName } from './tableName';

function rangeProblem(r: GridRange): string | undefined {
  const ints = [r.row, r.col, r.rowCount, r.colCount].every((n) => Number.isInteger(n));
  if (!ints || r.row < 0 || r.col < 0 || r.rowCount < 1 || r.colCount < 1) return `invalid range ${JSON.stringify(r)}`;
  if (r.row + r.rowCount - 1 > MAX_ROW || r.col + r.colCount - 1 > MAX_COL) return `range beyond the sheet ${JSON.stringify(r)}`;
  return undefined;
}

function isSingleLine(r: GridRange): boolean {
  return r.rowCount === 1 || r.colCount === 1;
}

function cellCount(r: GridRange): number {
  return r.rowCount * r.colCount;
}

/**
 * Every problem found, as `sheetKey: message` lines; empty when the model is sound.
 * @example validateModel(model) // []
 */
export function validateModel(model: ReportModel): string[] {
  const problems: string[] = [];
  const styleNames = new Set(Object.keys(model.styles));
  const keys = new Set<string>();
  const names = new Set<string>();
  const tableNames = new Set<string>();
  if (model.version !== 1) problems.push(`model: unknown version ${String(model.version)}`);
  for (const sheet of model.sheets) {
    if (keys.has(sheet.key)) problems.push(`${sheet.key}: duplicate sheet key`);
    keys.add(sheet.key);
    if (!/^[A-Za-z0-9_.-]+$/.test(sheet.key)) problems.push(`${sheet.key}: sheet key must be [A-Za-z0-9_.-]+`);
    if (!isLegalSheetName(sheet.name)) problems.push(`${sheet.key}: illegal sheet name ${JSON.stringify(sheet.name)}`);
    if (names.has(sheetNameKey(sheet.name))) problems.push(`${sheet.key}: duplicate sheet name ${sheet.name}`);
    names.add(sheetNameKey(sheet.name));
  }
  const sheetByKey = new Map(model.sheets.map((s) => [s.key, s] as const));
  for (const sheet of model.sheets) {
    const p = (msg: string): void => {
      problems.push(`${sheet.key}: ${msg}`);
    };
    checkCells(sheet, styleNames, keys, p);
    checkLayout(sheet, p);
    for (const t of sheet.tables ?? []) {
      const rp = rangeProblem(t.range);
      if (rp !== undefined) {
        p(`table ${t.name}: ${rp}`);
        continue;
      }
      if (legalTableName(t.name) !== t.name) p(`table name ${JSON.stringify(t.name)} is not a legal Excel name`);
      if (tableNames.has(t.name.toUpperCase())) p(`table name ${t.name} used twice`);
      tableNames.add(t.name.toUpperCase());
      if (t.range.rowCount < 2) p(`table ${t.name} needs a header row and at least one data row`);
      const headers = new Set<string>();
      const headerRow = sheet.rows[t.range.row] ?? [];
      for (let c = t.range.col; c < t.range.col + t.range.colCount; c++) {
        const h = headerRow[c];
        if (h?.kind !== 'text' || h.text.trim() === '') {
          p(`table ${t.name}: header ${rangeA1({ row: t.range.row, col: c, rowCount: 1, colCount: 1 })} must be non-empty text`);
          continue;
        }
        if (headers.has(h.text.toUpperCase())) p(`table ${t.name}: duplicate header ${h.text}`);
        headers.add(h.text.toUpperCase());
      }
      for (const m of sheet.merges ?? []) if (rangesOverlap(m, t.range)) p(`table ${t.name} overlaps merge ${rangeA1(m)}`);
      for (const other of sheet.tables ?? []) {
        if (other !== t && rangesOverlap(other.range, t.range)) p(`table ${t.name} overlaps table ${other.name}`);
      }
    }
    for (const cf of sheet.conditionalFormats ?? []) checkConditionalFormat(cf, styleNames, p);
    for (const chart of sheet.charts ?? []) checkChart(chart, sheetByKey, p);
  }
  return problems;
}

function checkCells(sheet: ReportSheet, styleNames: Set<string>, keys: Set<string>, p: (m: string) => void): void {
  if (sheet.rows.length > MAX_ROW + 1) p('too many rows');
  let reported = 0;
  const bad = (r: number, c: number, msg: string): void => {
    // A broken builder breaks every row; ten lines say enough.
    if (reported++ < 10) p(`${rangeA1({ row: r, col: c, rowCount: 1, colCount: 1 })}: ${msg}`);
  };
  sheet.rows.forEach((cells, r) => {
    if (cells.length > MAX_COL + 1) p(`row ${r + 1} has too many cells`);
    cells.forEach((cell, c) => {
      if (cell === null) return;
      if (cell.style !== undefined && !styleNames.has(cell.style)) bad(r, c, `unknown style ${cell.style}`);
      switch (cell.kind) {
        case 'text':
          if (mustBeText(cell.text) && cell.asText !== true) bad(r, c, 'text that reads as a formula/number must be marked asText');
          break;
        case 'number':
          if (!Number.isFinite(cell.value)) bad(r, c, `non-finite number ${cell.value}`);
          break;
        case 'date':
          if (!Number.isInteger(cell.day) || cell.day < 1) bad(r, c, `invalid day number ${cell.day}`);
          break;
        case 'formula':
          if (!cell.formula.startsWith('=')) bad(r, c, `formula must start with '=': ${cell.formula}`);
          if (typeof cell.cached === 'number' && !Number.isFinite(cell.cached)) bad(r, c, 'non-finite cached value');
          for (const k of sheetTokenKeys(cell.formula)) if (!keys.has(k)) bad(r, c, `formula refers to unknown sheet key ${k}`);
          break;
        case 'boolean':
        case 'empty':
          break;
      }
    });
  });
}

function checkLayout(sheet: ReportSheet, p: (m: string) => void): void {
  sheet.columns.forEach((col, i) => {
    if (!(col.width >= 0 && col.width <= 255)) p(`column ${i}: width ${col.width} outside 0–255`);
  });
  for (const h of sheet.rowHeights ?? []) {
    if (!Number.isInteger(h.row) || h.row < 0 || !(h.height >= 0 && h.height <= 409)) p(`invalid row height ${JSON.stringify(h)}`);
  }
  const merges = sheet.merges ?? [];
  merges.forEach((m, i) => {
    const rp = rangeProblem(m);
    if (rp !== undefined) return p(`merge: ${rp}`);
    if (cellCount(m) < 2) p(`merge ${rangeA1(m)} is a single cell`);
    for (let j = 0; j < i; j++) {
      const other = merges[j];
      if (other !== undefined && rangesOverlap(m, other)) p(`merges ${rangeA1(m)} and ${rangeA1(other)} overlap`);
    }
    for (let r = m.row; r < m.row + m.rowCount; r++) {
      for (let c = m.col; c < m.col + m.colCount; c++) {
        if (r === m.row && c === m.col) continue;
        const cell = sheet.rows[r]?.[c];
        if (cell !== undefined && cell !== null && cell.kind !== 'empty') p(`merge ${rangeA1(m)}: only its top-left cell may hold a value`);
      }
    }
    return undefined;
  });
  const f = sheet.freeze;
  if (f !== undefined && (!Number.isInteger(f.rows) || !Number.isInteger(f.cols) || f.rows < 0 || f.cols < 0)) p('invalid frozen panes');
  const rr = sheet.print?.repeatRows;
  if (rr !== undefined && (!Number.isInteger(rr.first) || !Number.isInteger(rr.count) || rr.first < 0 || rr.count < 1)) p('invalid repeated print rows');
}

function checkConditionalFormat(cf: ConditionalFormat, styleNames: Set<string>, p: (m: string) => void): void {
  const rp = rangeProblem(cf.range);
  if (rp !== undefined) return p(`conditional format: ${rp}`);
  if (cf.kind !== 'dataBar' && !styleNames.has(cf.style as StyleName)) p(`conditional format: unknown style ${cf.style}`);
  if (cf.kind === 'cellValue') {
    const two = cf.operator === 'between' || cf.operator === 'notBetween';
    if (cf.formulas.length !== (two ? 2 : 1)) p(`conditional format ${cf.operator} needs ${two ? 2 : 1} formula(s)`);
    if (cf.formulas.some((x) => x.startsWith('='))) p('conditional format formulas are written without the leading =');
  }
  if (cf.kind === 'text' && cf.text === '') p('text rule needs a text');
  if (cf.kind === 'dataBar' && !/^#[0-9A-Fa-f]{6}$/.test(cf.color)) p(`data bar colour must be #RRGGBB: ${cf.color}`);
  return undefined;
}

function checkChart(chart: ChartSpec, sheets: Map<string, ReportSheet>, p: (m: string) => void): void {
  const where = `chart "${chart.title}"`;
  if (chart.series.length === 0) p(`${where} has no series`);
  if (!(chart.size.cols >= 1 && chart.size.rows >= 1)) p(`${where} needs a size of at least 1×1 cells`);
  const ref = (r: SheetRangeRef, what: string): void => {
    if (!sheets.has(r.sheet)) p(`${where}: ${what} refers to unknown sheet key ${r.sheet}`);
    const rp = rangeProblem(r.range);
    if (rp !== undefined) p(`${where}: ${what}: ${rp}`);
    else if (!isSingleLine(r.range)) p(`${where}: ${what} must be one row or one column`);
  };
  for (const s of chart.series) {
    ref(s.categories, `series ${s.name} categories`);
    ref(s.values, `series ${s.name} values`);
    if (s.nameRef !== undefined) ref(s.nameRef, `series ${s.name} name`);
    if (cellCount(s.categories.range) !== cellCount(s.values.range)) p(`${where}: series ${s.name} has ${cellCount(s.values.range)} values for ${cellCount(s.categories.range)} categories`);
    if (chart.type === 'combo' && s.type === undefined) p(`${where}: combo series ${s.name} needs a type`);
    if (s.color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(s.color)) p(`${where}: colour must be #RRGGBB`);
  }
}
