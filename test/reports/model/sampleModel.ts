/**
 * A hand-made ReportModel that uses every feature of the model, for sink tests (the real
 * builders live in src/reports and have their own golden tests). `accountRows` scales the
 * Account Status sheet for the performance test.
 */
import { dayNumber } from '../../../src/core/periods/dayNumber';
import { numberFormat } from '../../../src/reports/formats';
import {
  booleanCell,
  dateCell,
  emptyCell,
  formulaCell,
  numberCell,
  reportStyles,
  sheetToken,
  textCell,
  type Cell,
  type ReportModel,
  type ReportSheet,
} from '../../../src/reports/model';

export const INJECTED_NAMES = ['=HYPERLINK("http://x","y")', '+48 22 123', '@SUM(A1)', '-1+2', '\t=1+1', ' =2+3'] as const;

const ctx = { currency: 'EUR', language: 'en' } as const;
export const MONEY = numberFormat('money', ctx);
export const PERCENT = numberFormat('percent', ctx);
export const MONEY_WHOLE = numberFormat('moneyWhole', ctx);

const header = (labels: string[]): Cell[] => labels.map((l) => textCell(l, { style: 'header' }));

function quarterly(): ReportSheet {
  const quarters = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
  const revenue = [120000, 95000.5, 101000.25, 0];
  const quota = [100000, 100000, 100000, 100000];
  const rows: (Cell | null)[][] = [
    [textCell('Quarterly Results', { style: 'title' }), null, null, null, null],
    [textCell('As of 2026-09-30 · EUR', { style: 'subtitle' })],
    [],
    header(['Quarter', 'Revenue', 'Quota', 'Attainment', 'Status']),
  ];
  quarters.forEach((q, i) => {
    const r = rows.length + 1; // 1-based sheet row of this line
    const rev = revenue[i] ?? 0;
    const quo = quota[i] ?? 0;
    const att = rev / quo;
    const status = att >= 1 ? 'Met' : att >= 0.9 ? 'Near' : 'Below';
    rows.push([
      textCell(q),
      numberCell(rev, { format: MONEY }),
      numberCell(quo, { format: MONEY, ...(i === 3 ? { style: 'derived' as const } : {}) }),
      formulaCell(`=IF(C${r}>0,B${r}/C${r},"")`, att, { format: PERCENT }),
      textCell(status),
    ]);
  });
  const first = 5;
  const last = rows.length;
  const totalRevenue = revenue.reduce((a, b) => a + b, 0);
  const totalQuota = quota.reduce((a, b) => a + b, 0);
  rows.push([
    textCell('Total', { style: 'total' }),
    formulaCell(`=SUM(B${first}:B${last})`, totalRevenue, { style: 'total', format: MONEY }),
    formulaCell(`=SUM(C${first}:C${last})`, totalQuota, { style: 'total', format: MONEY }),
    formulaCell(`=B${last + 1}/C${last + 1}`, totalRevenue / totalQuota, { style: 'total', format: PERCENT }),
    emptyCell({ style: 'total' }),
  ]);
  rows.push([textCell('Q4 quota derived from the annual quota (annual / 4).', { style: 'note' })]);
  const data = { row: 4, col: 0, rowCount: 4, colCount: 1 };
  return {
    key: 'quarterly',
    name: 'Quarterly Results',
    tabColor: '#1F4E78',
    showGridLines: false,
    columns: [{ width: 14 }, { width: 16 }, { width: 16 }, { width: 12 }, { width: 10 }],
    rows,
    rowHeights: [{ row: 0, height: 24 }],
    merges: [{ row: 0, col: 0, rowCount: 1, colCount: 5 }],
    freeze: { rows: 4, cols: 1 },
    conditionalFormats: [
      { kind: 'text', range: { row: 4, col: 4, rowCount: 4, colCount: 1 }, operator: 'beginsWith', text: 'Met', style: 'good' },
      { kind: 'text', range: { row: 4, col: 4, rowCount: 4, colCount: 1 }, operator: 'contains', text: 'Near', style: 'warn' },
      { kind: 'cellValue', range: { row: 4, col: 3, rowCount: 4, colCount: 1 }, operator: 'lessThan', formulas: ['0.9'], style: 'bad' },
      { kind: 'cellValue', range: { row: 4, col: 3, rowCount: 4, colCount: 1 }, operator: 'between', formulas: ['0.9', '0.99999'], style: 'warn' },
    ],
    charts: [
      {
        type: 'columnClustered',
        title: 'Revenue vs quota',
        series: [
          { name: 'Revenue', nameRef: { sheet: 'quarterly', range: { row: 3, col: 1, rowCount: 1, colCount: 1 } }, categories: { sheet: 'quarterly', range: data }, values: { sheet: 'quarterly', range: { ...data, col: 1 } } },
          { name: 'Quota', categories: { sheet: 'quarterly', range: data }, values: { sheet: 'quarterly', range: { ...data, col: 2 } }, color: '#A5A5A5' },
        ],
        anchor: { row: 11, col: 0 },
        size: { cols: 6, rows: 16 },
        categoryAxisTitle: 'Quarter',
        valueAxisTitle: 'EUR',
        valueFormat: MONEY_WHOLE,
        legend: 'bottom',
      },
    ],
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: 3, count: 1 } },
  };
}

function commission(): ReportSheet {
  // Worked example of SPEC §5: quota 100 000, tiers 0 % → 2 %, 50 % → 5 %, 100 % → 8 %,
  // revenue 130 000: marginal 1 000 + 2 500 + 2 400 = 5 900.
  const rows: (Cell | null)[][] = [
    [textCell('Commission', { style: 'title' })],
    [textCell('Revenue', { style: 'label' }), numberCell(130000, { format: MONEY, style: 'input' })],
    [textCell('Quota', { style: 'label' }), numberCell(100000, { format: MONEY, style: 'input' })],
    [],
    header(['Tier', 'Lower', 'Upper', 'Rate', 'Amount']),
  ];
  const tiers: [number, number | null, number, number][] = [
    [0, 50000, 0.02, 1000],
    [50000, 100000, 0.05, 2500],
    [100000, null, 0.08, 2400],
  ];
  tiers.forEach(([lower, upper, rate, amount], i) => {
    const r = rows.length + 1;
    rows.push([
      numberCell(i + 1),
      numberCell(lower, { format: MONEY }),
      upper === null ? textCell('—', { style: 'muted' }) : numberCell(upper, { format: MONEY }),
      numberCell(rate, { format: numberFormat('rate', ctx), style: 'input' }),
      formulaCell(upper === null ? `=MAX(0,$B$2-B${r})*D${r}` : `=MAX(0,MIN($B$2,C${r})-B${r})*D${r}`, amount, { format: MONEY }),
    ]);
  });
  rows.push([
    textCell('Total (formulas)', { style: 'total' }),
    emptyCell({ style: 'total' }),
    emptyCell({ style: 'total' }),
    emptyCell({ style: 'total' }),
    formulaCell('=SUM(E6:E8)', 5900, { style: 'total', format: MONEY }),
  ]);
  rows.push([textCell('Engine total', { style: 'label' }), null, null, null, numberCell(5900, { format: MONEY })]);
  rows.push([textCell('Check', { style: 'label' }), null, null, null, formulaCell('=ROUND(E9-E10,2)', 0, { format: MONEY })]);
  rows.push([textCell('Quarterly revenue total', { style: 'label' }), null, null, null, formulaCell(`=${sheetToken('quarterly')}!$B$9`, 316000.75, { format: MONEY })]);
  rows.push([textCell('Met quota?', { style: 'label' }), null, null, null, formulaCell('=B2>=B3', true)]);
  rows.push([textCell('Plan', { style: 'label' }), null, null, null, formulaCell('=IF(B2>=B3,"above quota","below quota")', 'above quota')]);
  return {
    key: 'commission',
    name: 'Commission',
    columns: [{ width: 24 }, { width: 14 }, { width: 14 }, { width: 10 }, { width: 14 }],
    rows,
    conditionalFormats: [
      { kind: 'cellValue', range: { row: 10, col: 4, rowCount: 1, colCount: 1 }, operator: 'equal', formulas: ['0'], style: 'good' },
      { kind: 'cellValue', range: { row: 10, col: 4, rowCount: 1, colCount: 1 }, operator: 'notEqual', formulas: ['0'], style: 'bad' },
    ],
    print: { orientation: 'portrait', fitToWidth: true },
  };
}

const STATUSES = ['Growing', 'Stable', 'Declining', 'At risk', 'Dormant', 'New'] as const;

function accounts(accountRows: number): ReportSheet {
  const rows: (Cell | null)[][] = [
    [textCell('Account Status', { style: 'title' })],
    [textCell('HHI', { style: 'label' }), numberCell(1234, { format: '#,##0' }), textCell('moderate')],
    [],
    header(['Account', 'Manager', 'Revenue', 'Share', 'Growth', 'Class', 'Key', 'Last order', 'Status']),
  ];
  const n = Math.max(accountRows, INJECTED_NAMES.length + 2);
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.round((1000000 / (i + 1)) * 100) / 100;
  for (let i = 0; i < n; i++) {
    const name = i < INJECTED_NAMES.length ? INJECTED_NAMES[i] ?? '' : `Account ${String(i + 1).padStart(5, '0')} Größe ąęł ñ`;
    const revenue = Math.round((1000000 / (i + 1)) * 100) / 100;
    rows.push([
      textCell(name),
      textCell(i % 3 === 0 ? 'Zofia Wójcik' : i % 3 === 1 ? 'Jürgen Müller' : 'José Núñez'),
      numberCell(revenue, { format: MONEY }),
      numberCell(revenue / total, { format: PERCENT }),
      numberCell(((i % 7) - 3) / 10, { format: numberFormat('percentChange', ctx) }),
      textCell(i < n / 5 ? 'A' : i < n / 2 ? 'B' : 'C'),
      booleanCell(i < 3),
      dateCell(dayNumber(2026, 9, 30) - (i % 365)),
      textCell(STATUSES[i % STATUSES.length] ?? 'Stable'),
    ]);
  }
  const body = { row: 4, rowCount: n };
  return {
    key: 'accounts',
    name: 'Account Status',
    columns: [{ width: 32 }, { width: 18 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 7 }, { width: 7 }, { width: 12 }, { width: 11 }],
    rows,
    freeze: { rows: 4, cols: 0 },
    tables: [{ name: 'AccountStatus', range: { row: 3, col: 0, rowCount: n + 1, colCount: 9 }, style: 'TableStyleMedium2', showRowStripes: true, autoFilter: true }],
    conditionalFormats: [
      { kind: 'dataBar', range: { ...body, col: 3, colCount: 1 }, color: '#5B9BD5', gradient: false },
      { kind: 'text', range: { ...body, col: 8, colCount: 1 }, operator: 'beginsWith', text: 'Growing', style: 'good' },
      { kind: 'text', range: { ...body, col: 8, colCount: 1 }, operator: 'beginsWith', text: 'At risk', style: 'warn' },
      { kind: 'text', range: { ...body, col: 8, colCount: 1 }, operator: 'beginsWith', text: 'Dormant', style: 'bad' },
    ],
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: 3, count: 1 } },
  };
}

function forecast(): ReportSheet {
  const rows: (Cell | null)[][] = [
    [textCell('Forecast', { style: 'title' })],
    header(['Quarter', 'Actual', 'Forecast', 'Quota']),
    [textCell('2026-Q1'), numberCell(120000, { format: MONEY }), numberCell(0, { format: MONEY }), numberCell(100000, { format: MONEY })],
    [textCell('2026-Q2'), numberCell(95000, { format: MONEY }), numberCell(0, { format: MONEY }), numberCell(100000, { format: MONEY })],
    [textCell('2026-Q3'), numberCell(101000, { format: MONEY }), numberCell(8000, { format: MONEY }), numberCell(100000, { format: MONEY })],
    [textCell('2026-Q4'), null, numberCell(110000, { format: MONEY }), numberCell(100000, { format: MONEY })],
  ];
  const cats = { sheet: 'forecast', range: { row: 2, col: 0, rowCount: 4, colCount: 1 } };
  const col = (c: number): { sheet: string; range: { row: number; col: number; rowCount: number; colCount: number } } => ({ sheet: 'forecast', range: { row: 2, col: c, rowCount: 4, colCount: 1 } });
  return {
    key: 'forecast',
    name: 'Forecast',
    columns: [{ width: 12 }, { width: 14 }, { width: 14 }, { width: 14 }],
    rows,
    charts: [
      {
        type: 'combo',
        title: 'Actual and forecast vs quota',
        series: [
          { name: 'Actual', categories: cats, values: col(1), type: 'column' },
          { name: 'Forecast', categories: cats, values: col(2), type: 'column', color: '#FFC000' },
          { name: 'Quota', categories: cats, values: col(3), type: 'line', color: '#C00000' },
        ],
        anchor: { row: 0, col: 5 },
        size: { cols: 8, rows: 15 },
        valueFormat: MONEY_WHOLE,
        legend: 'bottom',
      },
      {
        type: 'line',
        title: 'Actual by quarter',
        series: [{ name: 'Actual', categories: cats, values: col(1) }],
        anchor: { row: 16, col: 5 },
        size: { cols: 8, rows: 12 },
        legend: 'none',
      },
    ],
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

/** Every feature of the model on four sheets. */
export function sampleModel(accountRows = 12): ReportModel {
  return { version: 1, language: 'en', styles: reportStyles, sheets: [quarterly(), commission(), accounts(accountRows), forecast()] };
}
