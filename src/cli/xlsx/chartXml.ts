/**
 * DrawingML chart parts (`xl/charts/chartN.xml`) for the xlsx sink — exceljs has no chart
 * API. The XML is the minimal form Excel itself writes: series refer to sheet ranges by
 * formula AND carry cached values (`c:strCache` / `c:numCache`), so viewers that do not
 * recalculate (previews, mobile, LibreOffice without recalculation) draw the right bars.
 * Element order follows the CT_* sequences of ECMA-376 Part 1, §21.2 (dml-chart.xsd).
 */
import { xmlEscape } from './xml';

/** A category or value source: the sheet formula and the values it held when written. */
export type ChartData =
  | { readonly kind: 'str'; readonly ref: string; readonly values: readonly string[] }
  | { readonly kind: 'num'; readonly ref: string; readonly values: readonly (number | null)[]; readonly formatCode: string };

export interface ResolvedSeries {
  readonly name: string;
  /** `'Sheet'!$B$1` when the legend text comes from a cell. */
  readonly nameRef?: string;
  readonly categories: ChartData;
  readonly values: Extract<ChartData, { kind: 'num' }>;
  readonly type: 'column' | 'line';
  /** `RRGGBB`. */
  readonly color: string;
}

export interface ResolvedChart {
  readonly title: string;
  readonly series: readonly ResolvedSeries[];
  readonly categoryAxisTitle?: string;
  readonly valueAxisTitle?: string;
  readonly valueFormat?: string;
  readonly legend: 'bottom' | 'right' | 'top' | 'none';
}

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function rich(text: string, sizeHundredths: number, bold: boolean, rotate = false): string {
  const b = bold ? '1' : '0';
  const bodyPr = rotate ? '<a:bodyPr rot="-5400000" vert="horz"/>' : '<a:bodyPr/>';
  return (
    `<c:tx><c:rich>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sizeHundredths}" b="${b}"/></a:pPr>` +
    `<a:r><a:rPr sz="${sizeHundredths}" b="${b}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, sizeHundredths: number, bold: boolean, rotate = false): string {
  return `<c:title>${rich(text, sizeHundredths, bold, rotate)}<c:overlay val="0"/></c:title>`;
}

function num(v: number): string {
  // Shortest round-trip text; XML Schema doubles accept JS exponent notation.
  return String(v);
}

function dataXml(d: ChartData): string {
  const n = d.values.length;
  if (d.kind === 'str') {
    const pts = d.values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join('');
    return `<c:strRef><c:f>${xmlEscape(d.ref)}</c:f><c:strCache><c:ptCount val="${n}"/>${pts}</c:strCache></c:strRef>`;
  }
  const pts = d.values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`)).join('');
  return (
    `<c:numRef><c:f>${xmlEscape(d.ref)}</c:f><c:numCache><c:formatCode>${xmlEscape(d.formatCode)}</c:formatCode>` +
    `<c:ptCount val="${n}"/>${pts}</c:numCache></c:numRef>`
  );
}

function seriesText(s: ResolvedSeries): string {
  if (s.nameRef === undefined) return `<c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>`;
  return `<c:tx><c:strRef><c:f>${xmlEscape(s.nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlEscape(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
}

function solid(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function barSeries(s: ResolvedSeries, idx: number): string {
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${seriesText(s)}` +
    `<c:spPr>${solid(s.color)}</c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat>${dataXml(s.categories)}</c:cat><c:val>${dataXml(s.values)}</c:val></c:ser>`
  );
}

function lineSeries(s: ResolvedSeries, idx: number): string {
  return (
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${seriesText(s)}` +
    `<c:spPr><a:ln w="28575" cap="rnd">${solid(s.color)}<a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solid(s.color)}<a:ln w="9525">${solid(s.color)}</a:ln></c:spPr></c:marker>` +
    `<c:cat>${dataXml(s.categories)}</c:cat><c:val>${dataXml(s.values)}</c:val><c:smooth val="0"/></c:ser>`
  );
}

const AX_IDS = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;

/**
 * The chart part for one chart: clustered columns, lines with markers, or both (combo) on one
 * pair of axes.
 * @example chartXml({ title: 'Revenue vs quota', legend: 'bottom', series: [...] })
 */
export function chartXml(chart: ResolvedChart): string {
  if (chart.series.length === 0) throw new RangeError(`chart "${chart.title}" has no series`);
  const indexed = chart.series.map((s, i) => ({ s, i }));
  const bars = indexed.filter((x) => x.s.type === 'column');
  const lines = indexed.filter((x) => x.s.type === 'line');
  let plot = '<c:layout/>';
  if (bars.length > 0) {
    plot +=
      '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
      bars.map((x) => barSeries(x.s, x.i)).join('') +
      `<c:gapWidth val="150"/><c:overlap val="-10"/>${AX_IDS}</c:barChart>`;
  }
  if (lines.length > 0) {
    plot +=
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
      lines.map((x) => lineSeries(x.s, x.i)).join('') +
      `<c:marker val="1"/>${AX_IDS}</c:lineChart>`;
  }
  const gridLine = '<c:spPr><a:ln w="9525">' + solid('D9D9D9') + '</a:ln></c:spPr>';
  plot +=
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/>${chart.categoryAxisTitle === undefined ? '' : title(chart.categoryAxisTitle, 1000, false)}` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="low"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines>${gridLine}</c:majorGridlines>` +
    `${chart.valueAxisTitle === undefined ? '' : title(chart.valueAxisTitle, 1000, false, true)}` +
    `<c:numFmt formatCode="${xmlEscape(chart.valueFormat ?? 'General')}" sourceLinked="${chart.valueFormat === undefined ? 1 : 0}"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legendPos = { bottom: 'b', right: 'r', top: 't' } as const;
  const legend = chart.legend === 'none' ? '' : `<c:legend><c:legendPos val="${legendPos[chart.legend]}"/><c:overlay val="0"/></c:legend>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace ${NS}><c:roundedCorners val="0"/><c:chart>` +
    `${title(chart.title, 1400, true)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid('FFFFFF')}<a:ln w="9525">${solid('D9D9D9')}</a:ln></c:spPr>` +
    '</c:chartSpace>'
  );
}
