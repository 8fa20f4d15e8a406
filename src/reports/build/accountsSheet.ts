/**
 * The Account Status sheet (SPEC §7, §8): a concentration header (HHI, band, key-account share,
 * CR1/5/10, A/B/C counts) over one row per account, sorted by revenue, in an Excel table with
 * filter buttons. Status words are coloured by text rules, shares drawn as data bars; the
 * header row is frozen and repeated on printed pages.
 */
import { dateCell, emptyCell, formulaCell, numberCell, textCell } from '../model/cells';
import type { Cell, ReportSheet } from '../model/reportModel';
import { legalTableName } from '../model/tableName';
import { a1 } from '../a1';
import { fitColumnWidths, headerRowHeight } from './columnWidths';
import { ACCOUNT_STATUSES, engineWords } from './engineWords';
import type { ReportContext } from './reportContext';
import type { ReportInput } from './reportInput';
import { SheetDraft } from './sheetDraft';
import { statusRules } from './statusRules';
import { titleBlock } from './titleBlock';
import { units } from './units';

/** Sheet key of Account Status. */
export const ACCOUNTS_KEY = 'accounts';

const STATUS_STYLE = { Dormant: 'bad', 'At risk': 'bad', Declining: 'warn', New: 'good', Growing: 'good', Stable: 'muted' } as const;

/**
 * Builds the Account Status sheet.
 * @example accountsSheet(input, ctx).tables?.[0]?.autoFilter // true
 */
export function accountsSheet(input: ReportInput, ctx: ReportContext): ReportSheet {
  const { t, formats: f } = ctx;
  const words = engineWords(t);
  const conc = input.analysis.concentration;
  const year = conc.year;
  // Status, class and key flag next to the names (text beside text), the figures after them.
  const labels = [
    t('label.account'),
    t('label.manager'),
    t('label.status'),
    t('label.class'),
    t('label.key'),
    t('label.revenue'),
    t('label.priorRevenue'),
    t('label.growth'),
    t('label.share'),
    t('label.orders'),
    t('label.lastOrder'),
    t('label.daysSince'),
    t('label.target'),
    t('label.targetAttainment'),
  ];
  const d = new SheetDraft();
  titleBlock(d, t('title.accounts', { year: ctx.calendar.reportYearLabel }), ctx.subtitles, labels.length);

  // Key figures: three label/value pairs per row, placed on columns wide enough for them.
  const label = (s: string): Cell => textCell(s, { style: 'label' });
  const pct = (v: number | null): Cell | null => (v === null ? null : numberCell(v, { format: f.percent }));
  const figures: [Cell, Cell | null][][] = [
    [[label(t('label.hhi')), numberCell(year.hhi, { format: f.integer })], [label(t('label.cr1')), pct(year.cr[1])], [label(t('label.countA')), numberCell(year.classCounts.A, { format: f.integer })]],
    [[label(t('label.band')), textCell(words.band(year.band))], [label(t('label.cr5')), pct(year.cr[5])], [label(t('label.countB')), numberCell(year.classCounts.B, { format: f.integer })]],
    [[label(t('label.keyAccountShare')), pct(conc.keyAccountShare)], [label(t('label.cr10')), pct(year.cr[10])], [label(t('label.countC')), numberCell(year.classCounts.C, { format: f.integer })]],
  ];
  const pairCols = [0, 3, 6]; // label in Account, Class and Prior year; value in the next column
  for (const line of figures) {
    const r = d.addRow();
    line.forEach(([l, v], i) => d.put(r, pairCols[i] ?? 0, [l, v]));
  }
  d.addFreeRow([textCell(t(conc.keySource === 'list' ? 'note.keyFromList' : 'note.keyFromAbc'), { style: 'note' })]);
  d.skip();

  const headerRow = d.addRow(labels.map((l) => textCell(l, { style: 'header' })));
  const first = d.nextRow;
  for (const a of input.analysis.accounts) {
    d.addRow([
      textCell(a.account),
      textCell(a.manager),
      textCell(words.account(a.status)),
      a.abcClass === null ? null : textCell(a.abcClass),
      textCell(words.yesNo(a.key)),
      numberCell(units(a.revenue), { format: f.money }),
      numberCell(units(a.priorRevenue), { format: f.money }),
      a.growth === null ? null : numberCell(a.growth, { format: f.percentChange }),
      a.share === null ? null : numberCell(a.share, { format: f.percent }),
      numberCell(a.orders, { format: f.integer }),
      a.lastOrder === null ? null : dateCell(a.lastOrder, { format: f.date }),
      a.daysSinceLastOrder === null ? null : numberCell(a.daysSinceLastOrder, { format: f.integer }),
      a.target === null ? null : numberCell(units(a.target), { format: f.money }),
      // The engine compares the target with the targeted scope's revenue (products of a product
      // target only), which the sheet does not show; so the ratio is a value, not a formula.
      a.targetAttainment === null ? null : numberCell(a.targetAttainment, { format: f.percent }),
    ]);
  }
  const last = d.nextRow - 1;
  if (last >= first) {
    const body = (col: number) => ({ row: first, col, rowCount: last - first + 1, colCount: 1 });
    d.tables.push({
      name: legalTableName(t('table.accounts')),
      range: { row: headerRow, col: 0, rowCount: last - headerRow + 1, colCount: labels.length },
      style: 'TableStyleLight9',
      showRowStripes: true,
      autoFilter: true,
    });
    d.conditionalFormats.push(
      ...statusRules(body(2), ACCOUNT_STATUSES.map((s) => [words.account(s), STATUS_STYLE[s]] as const)),
      { kind: 'dataBar', range: body(8), color: '#5B9BD5', gradient: false },
    );
    // The total under the table, as a reader would add the revenue column up.
    const total = { style: 'total' as const };
    // SUM over every account row (all accounts, whatever a filter shows); SUBTOTAL(109,…) would
    // follow the filter, but the add-in's test simulator does not know it yet.
    const sumOf = (col: number, cents: number): Cell =>
      formulaCell(`=SUM(${a1(first, col)}:${a1(last, col)})`, units(cents), { ...total, format: f.money });
    const accounts = input.analysis.accounts;
    const cells: Cell[] = labels.map(() => emptyCell(total));
    cells[0] = textCell(t('label.total'), total);
    cells[1] = textCell(t('label.accountCount', { count: last - first + 1 }), total);
    cells[5] = sumOf(5, accounts.reduce((s, a) => s + a.revenue, 0));
    cells[6] = sumOf(6, accounts.reduce((s, a) => s + a.priorRevenue, 0));
    d.addRow(cells);
  } else {
    d.addFreeRow([textCell(t('note.noAccounts'), { style: 'muted' })]);
  }

  const widths = fitColumnWidths(d.rows(), labels.length, [{ min: 24, max: 40 }, { min: 16, max: 30 }, { min: 11 }, { min: 7 }, { min: 8 }, { min: 14 }, { min: 14 }, { min: 9 }, { min: 9 }, { min: 8 }, { min: 11 }, { min: 9 }, { min: 13 }, { min: 10 }], d.freeRows());
  d.height(headerRow, headerRowHeight(labels, widths));
  return d.toSheet({
    key: ACCOUNTS_KEY,
    name: t('sheet.accounts'),
    tabColor: '#7030A0',
    columns: widths,
    freeze: { rows: headerRow + 1, cols: 1 },
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: headerRow, count: 1 } },
  });
}
