import type { StyleTable } from './reportModel';

const NAVY = '#1F3864';
const BLUE = '#1F4E78';
const GREY = '#595959';

/**
 * The report look: one table of semantic styles both sinks render. The good/warn/bad
 * colours are Excel's own built-in "Good", "Neutral" and "Bad" cell styles, so readers
 * recognise them; inputs are blue, the finance-modelling convention for editable values.
 */
export const reportStyles: StyleTable = {
  title: { font: { bold: true, size: 16, color: NAVY } },
  subtitle: { font: { italic: true, size: 10, color: GREY } },
  header: {
    font: { bold: true, color: '#FFFFFF' },
    fill: BLUE,
    border: { bottom: { line: 'thin', color: NAVY } },
    alignment: { vertical: 'center', wrap: true },
  },
  label: { font: { bold: true } },
  total: {
    font: { bold: true },
    border: { top: { line: 'thin', color: BLUE }, bottom: { line: 'double', color: BLUE } },
  },
  note: { font: { italic: true, size: 9, color: GREY } },
  input: { font: { color: '#0000FF' }, fill: '#FFF2CC' },
  derived: { font: { italic: true, color: '#2F5597' } },
  good: { font: { color: '#006100' }, fill: '#C6EFCE' },
  warn: { font: { color: '#9C5700' }, fill: '#FFEB9C' },
  bad: { font: { color: '#9C0006' }, fill: '#FFC7CE' },
  muted: { font: { color: '#808080' } },
};
