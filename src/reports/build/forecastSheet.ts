/**
 * The Forecast sheet (SPEC §6, §8): per manager and for the team, actual fiscal year to date,
 * forecast of the rest of the year, projected year, quota, projected attainment, the 80 % range
 * and the method with its reason; then the team's actual and forecast revenue by quarter with a
 * chart (actual and forecast as columns, the projected quarter as a line).
 */
import { a1 } from '../a1';
import { TOTAL_ROW, type ForecastRow } from '../../core/forecast/forecastYear';
import { emptyCell, formulaCell, numberCell, textCell } from '../model/cells';
import type { Cell, ReportSheet } from '../model/reportModel';
import { fitColumnWidths, headerRowHeight } from './columnWidths';
import { engineWords } from './engineWords';
import type { ReportContext } from './reportContext';
import type { ReportInput } from './reportInput';
import { SheetDraft } from './sheetDraft';
import { titleBlock } from './titleBlock';
import { translateForecastReason } from './translateForecastReason';
import { units } from './units';

/** Sheet key of Forecast. */
export const FORECAST_KEY = 'forecast';

const COLS = 10;

/**
 * Builds the Forecast sheet.
 * @example forecastSheet(input, ctx).charts?.[0]?.type // "combo"
 */
export function forecastSheet(input: ReportInput, ctx: ReportContext): ReportSheet {
  const { t, formats: f } = ctx;
  const words = engineWords(t);
  const fc = input.forecast;
  const d = new SheetDraft();
  const headerRow = titleBlock(d, t('title.forecast', { year: fc.fiscalYear.label }), ctx.subtitles, COLS);
  const labels = [
    t('label.manager'),
    t('label.actualYtd'),
    t('label.forecastRemainder'),
    t('label.projected'),
    t('label.quota'),
    t('label.projectedAttainment'),
    t('label.low'),
    t('label.high'),
    t('label.method'),
    t('label.reason'),
  ];
  d.addRow(labels.map((l) => textCell(l, { style: 'header' })));

  // Reasons are sentences, often the same for every row: each distinct one is written once as a
  // numbered note under the table and the row shows its number, so the table stays printable.
  const reasons = new Map<string, number>();
  const reasonNumber = (text: string): number => {
    let n = reasons.get(text);
    if (n === undefined) reasons.set(text, (n = reasons.size + 1));
    return n;
  };
  const row = (r: ForecastRow): void => {
    const at = d.nextRow;
    const isTotal = r.manager === TOTAL_ROW;
    const o = isTotal ? { style: 'total' as const } : {};
    const money = { ...o, format: f.money };
    const cells: Cell[] = [
      textCell(isTotal ? t('label.team') : r.manager, o),
      numberCell(units(r.actualYtd), money),
      numberCell(units(r.forecastRemainder), money),
      // projected = actual + remainder, exactly as the engine defines the remainder.
      formulaCell(`=${a1(at, 1)}+${a1(at, 2)}`, units(r.projected), money),
      r.quota === null ? emptyCell(o) : numberCell(units(r.quota), money),
      formulaCell(`=IF(${a1(at, 4)}>0,${a1(at, 3)}/${a1(at, 4)},"")`, r.projectedAttainment ?? '', { ...o, format: f.percent }),
      numberCell(units(r.low), money),
      numberCell(units(r.high), { ...o, format: f.moneyPadded }),
      textCell(words.method(r.method), o),
      textCell(`[${reasonNumber(translateForecastReason(r.reason, ctx.language))}]`, o),
    ];
    d.addRow(cells);
  };
  const managers = fc.rows.filter((r) => r.manager !== TOTAL_ROW);
  const total = fc.rows.find((r) => r.manager === TOTAL_ROW);
  for (const r of managers) row(r);
  if (total !== undefined) row(total);
  d.skip();
  for (const [text, n] of reasons) d.addFreeRow([textCell(`[${n}] ${text}`)]);
  d.addFreeRow([textCell(t('note.forecastTotal'), { style: 'note' })]);
  d.addFreeRow([textCell(t('note.forecastRange'), { style: 'note' })]);

  // The team by quarter: what is booked, what is forecast, and their sum.
  d.skip();
  d.addFreeRow([textCell(t('label.forecastByQuarter'), { style: 'label' })]);
  const qLabels = [t('label.quarter'), t('label.actual'), t('label.forecast'), t('label.actualPlusForecast'), t('label.status')];
  const qHeader = d.addRow(qLabels.map((l) => textCell(l, { style: 'header' })));
  const first = d.nextRow;
  for (const q of total?.quarters ?? []) {
    const r = d.nextRow;
    d.addRow([
      textCell(q.label),
      numberCell(units(q.actual), { format: f.money }),
      numberCell(units(q.forecast), { format: f.money }),
      formulaCell(`=${a1(r, 1)}+${a1(r, 2)}`, units(q.actual + q.forecast), { format: f.moneyPadded }),
      textCell(t(q.state === 'closed' ? 'quarter.closed' : q.state === 'current' ? 'quarter.current' : 'quarter.future')),
    ]);
  }
  const last = d.nextRow - 1;
  if (total !== undefined && last >= first) {
    const sumOf = (c: number, cached: number): Cell => formulaCell(`=SUM(${a1(first, c)}:${a1(last, c)})`, cached, { style: 'total', format: c === 3 ? f.moneyPadded : f.money });
    d.addRow([
      textCell(t('label.year', { year: fc.fiscalYear.label }), { style: 'total' }),
      sumOf(1, units(total.quarters.reduce((s, q) => s + q.actual, 0))),
      sumOf(2, units(total.quarters.reduce((s, q) => s + q.forecast, 0))),
      sumOf(3, units(total.quarters.reduce((s, q) => s + q.actual + q.forecast, 0))),
      emptyCell({ style: 'total' }),
    ]);
    const cats = { sheet: FORECAST_KEY, range: { row: first, col: 0, rowCount: last - first + 1, colCount: 1 } };
    const values = (c: number) => ({ sheet: FORECAST_KEY, range: { ...cats.range, col: c } });
    const nameRef = (c: number) => ({ sheet: FORECAST_KEY, range: { row: qHeader, col: c, rowCount: 1, colCount: 1 } });
    d.charts.push({
      type: 'combo',
      title: t('label.chartForecast'),
      series: [
        { name: qLabels[1] ?? '', nameRef: nameRef(1), categories: cats, values: values(1), type: 'column', color: '#1F4E78' },
        { name: qLabels[2] ?? '', nameRef: nameRef(2), categories: cats, values: values(2), type: 'column', color: '#F4B183' },
        { name: qLabels[3] ?? '', nameRef: nameRef(3), categories: cats, values: values(3), type: 'line', color: '#548235' },
      ],
      anchor: { row: d.nextRow + 1, col: 0 },
      size: { cols: 6, rows: 18 },
      valueFormat: f.moneyWhole,
      legend: 'bottom',
    });
  }

  const widths = fitColumnWidths(d.rows(), COLS, [{ min: 16, max: 36 }, { min: 14 }, { min: 14 }, { min: 14 }, { min: 13 }, { min: 11 }, { min: 13 }, { min: 13 }, { min: 12, max: 34 }, { min: 8 }], d.freeRows());
  d.height(headerRow, headerRowHeight(labels, widths));
  d.height(qHeader, headerRowHeight(qLabels, widths));
  return d.toSheet({
    key: FORECAST_KEY,
    name: t('sheet.forecast'),
    tabColor: '#C55A11',
    columns: widths,
    freeze: { rows: headerRow + 1, cols: 1 },
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: headerRow, count: 1 } },
  });
}
