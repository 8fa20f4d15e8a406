/**
 * Turns a model chart into what the chart part needs: sheet-qualified range formulas under
 * the sheets' final names, and the cached values read from the model's own cells.
 */
import { isoDate } from '../../core/periods/dayNumber';
import { sheetRangeRef, type GridRange } from '../../reports/a1';
import { effectiveFormat } from '../../reports/model/effectiveFormat';
import type { Cell, ChartSpec, ReportSheet, SheetRangeRef } from '../../reports/model/reportModel';
import type { ChartData, ResolvedChart, ResolvedSeries } from './chartXml';

/** Office's default series colours (Office 2013+ theme accents). */
export const SERIES_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'] as const;

function cellsOf(sheet: ReportSheet, range: GridRange): (Cell | null)[] {
  const out: (Cell | null)[] = [];
  for (let r = range.row; r < range.row + range.rowCount; r++) {
    for (let c = range.col; c < range.col + range.colCount; c++) out.push(sheet.rows[r]?.[c] ?? null);
  }
  return out;
}

function numeric(cell: Cell | null): number | null {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'number':
      return cell.value;
    case 'date':
      return cell.day;
    case 'formula':
      return typeof cell.cached === 'number' ? cell.cached : null;
    default:
      return null;
  }
}

function display(cell: Cell | null): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return isoDate(cell.day);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'formula':
      return String(cell.cached);
    case 'empty':
      return '';
  }
}

export interface ChartContext {
  readonly sheetByKey: ReadonlyMap<string, ReportSheet>;
  readonly nameOfKey: (key: string) => string;
}

function source(ctx: ChartContext, ref: SheetRangeRef): { sheet: ReportSheet; ref: string } {
  const sheet = ctx.sheetByKey.get(ref.sheet);
  if (sheet === undefined) throw new Error(`chart refers to unknown sheet key ${ref.sheet}`);
  return { sheet, ref: sheetRangeRef(ctx.nameOfKey(ref.sheet), ref.range) };
}

function numbers(ctx: ChartContext, ref: SheetRangeRef): Extract<ChartData, { kind: 'num' }> {
  const s = source(ctx, ref);
  const cells = cellsOf(s.sheet, ref.range);
  const first = cells.find((c) => c !== null && c.kind !== 'empty' && c.kind !== 'text');
  const formatCode = first === undefined ? 'General' : effectiveFormat(first);
  return { kind: 'num', ref: s.ref, values: cells.map(numeric), formatCode: formatCode === '@' ? 'General' : formatCode };
}

function categories(ctx: ChartContext, ref: SheetRangeRef): ChartData {
  const s = source(ctx, ref);
  const cells = cellsOf(s.sheet, ref.range);
  const allNumeric = cells.every((c) => c !== null && (c.kind === 'number' || c.kind === 'date'));
  if (allNumeric) return numbers(ctx, ref);
  return { kind: 'str', ref: s.ref, values: cells.map(display) };
}

/**
 * The chart with references and caches resolved.
 * @example resolveChart(spec, { sheetByKey, nameOfKey: (k) => finalNames.get(k) })
 */
export function resolveChart(chart: ChartSpec, ctx: ChartContext): ResolvedChart {
  const series: ResolvedSeries[] = chart.series.map((s, i) => {
    const type = chart.type === 'columnClustered' ? 'column' : chart.type === 'line' ? 'line' : s.type ?? 'column';
    const color = s.color?.replace('#', '').toUpperCase() ?? SERIES_COLORS[i % SERIES_COLORS.length] ?? '4472C4';
    const base = { name: s.name, categories: categories(ctx, s.categories), values: numbers(ctx, s.values), type, color } as const;
    return s.nameRef === undefined ? base : { ...base, nameRef: source(ctx, s.nameRef).ref };
  });
  const out: { -readonly [K in keyof ResolvedChart]: ResolvedChart[K] } = { title: chart.title, series, legend: chart.legend };
  if (chart.categoryAxisTitle !== undefined) out.categoryAxisTitle = chart.categoryAxisTitle;
  if (chart.valueAxisTitle !== undefined) out.valueAxisTitle = chart.valueAxisTitle;
  if (chart.valueFormat !== undefined) out.valueFormat = chart.valueFormat;
  return out;
}
