/**
 * A compact, reviewable rendering of a ReportModel for golden files: every cell as one short
 * string (`"Met" {good}`, `1234.5 ‹money›`, `=SUM(C6:C7) → 1234.5 ‹money›`), ranges in A1
 * notation, format codes by name. Small enough to read in a code review, and any change to
 * what a sheet shows changes a line of it.
 */
import { rangeA1 } from '../../../src/reports/a1';
import { numberFormat } from '../../../src/reports/formats';
import type { Cell, ReportModel } from '../../../src/reports/model';
import { padded, withSuffix } from '../../../src/reports/build/formatCode';

function formatNames(model: ReportModel, currency: string | undefined): Map<string, string> {
  const ctx = { currency, language: model.language };
  const names = new Map<string, string>();
  for (const kind of ['money', 'moneyWhole', 'percent', 'percentChange', 'rate', 'integer'] as const) {
    const code = numberFormat(kind, ctx);
    names.set(code, kind);
    names.set(padded(code), `${kind}_`);
  }
  names.set(withSuffix(numberFormat('money', ctx), '*'), 'money*');
  return names;
}

function cellText(cell: Cell | null, formats: Map<string, string>): string | null {
  if (cell === null) return null;
  // (one row of a sheet becomes one line: its cells joined by " | ", an empty cell as nothing)
  const fmt = cell.format === undefined ? '' : ` ‹${formats.get(cell.format) ?? cell.format}›`;
  const style = cell.style === undefined ? '' : ` {${cell.style}}`;
  switch (cell.kind) {
    case 'text':
      return `${JSON.stringify(cell.text)}${cell.asText === true ? ' (asText)' : ''}${fmt}${style}`;
    case 'number':
      return `${cell.value}${fmt}${style}`;
    case 'date':
      return `day ${cell.day}${fmt}${style}`;
    case 'boolean':
      return `${cell.value}${fmt}${style}`;
    case 'formula':
      return `${cell.formula} → ${JSON.stringify(cell.cached)}${fmt}${style}`;
    case 'empty':
      return `·${fmt}${style}`;
  }
}

/** Cells of a row joined by " | ", a run of identical styled blanks (a merged title) as "· {title} ×12". */
function joinCells(cells: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < cells.length; ) {
    let j = i + 1;
    while (j < cells.length && cells[j] === cells[i] && (cells[i] ?? '').startsWith('·')) j++;
    out.push(j - i > 1 ? `${cells[i] ?? ''} ×${j - i}` : (cells[i] ?? ''));
    i = j;
  }
  return out.join(' | ');
}

/** The compact form of a model (see the file comment). */
export function compactModel(model: ReportModel, currency?: string): unknown {
  const formats = formatNames(model, currency);
  return {
    language: model.language,
    sheets: model.sheets.map((s) => ({
      key: s.key,
      name: s.name,
      widths: s.columns.map((c) => c.width).join(' '),
      freeze: s.freeze,
      print: s.print,
      merges: s.merges?.map((m) => rangeA1(m)),
      rowHeights: s.rowHeights?.map((h) => `${h.row + 1}: ${h.height}`),
      tables: s.tables?.map((t) => `${t.name} ${rangeA1(t.range)} ${t.style}${t.autoFilter ? ' filter' : ''}`),
      conditionalFormats: s.conditionalFormats?.map((cf) =>
        cf.kind === 'dataBar'
          ? `${rangeA1(cf.range)} dataBar ${cf.color}`
          : cf.kind === 'text'
            ? `${rangeA1(cf.range)} ${cf.operator} ${JSON.stringify(cf.text)} {${cf.style}}`
            : `${rangeA1(cf.range)} ${cf.operator} ${cf.formulas.join(' ')} {${cf.style}}`,
      ),
      charts: s.charts?.map((c) => ({
        type: c.type,
        title: c.title,
        at: `${rangeA1({ row: c.anchor.row, col: c.anchor.col, rowCount: c.size.rows, colCount: c.size.cols })}`,
        series: c.series.map((x) => `${x.name}${x.type === undefined ? '' : ` (${x.type})`}: ${x.categories.sheet}!${rangeA1(x.categories.range)} × ${x.values.sheet}!${rangeA1(x.values.range)}`),
      })),
      rows: Object.fromEntries(
        s.rows.flatMap((cells, r) => (cells.length === 0 ? [] : [[String(r + 1), joinCells(cells.map((c) => cellText(c, formats) ?? ''))]])),
      ),
    })),
  };
}
