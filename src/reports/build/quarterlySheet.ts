/**
 * The Quarterly Results sheet (SPEC §8): manager × quarter with revenue, quota, attainment,
 * status, commission, bonus, payout and year to date; a team row under each quarter; the team
 * and key-account concentration per quarter; a chart of team revenue against quota.
 *
 * Layout (0-based rows): title and subtitles, then the manager table whose header row is frozen
 * and repeated on printed pages. Rows are grouped by quarter — the managers, then a bold team
 * row of SUM formulas over exactly the manager rows above it — so a reader can add up what they
 * see. Below: notes, the per-quarter team/concentration block (its revenue and quota refer to the
 * team rows) and the chart drawn from that block.
 */
import { a1, type GridRange } from '../a1';
import type { ManagerAttainment, QuarterAttainment } from '../../core/attainment/attainmentReport';
import type { CommissionRow } from '../../core/commission/commissionReport';
import { emptyCell, formulaCell, numberCell, textCell } from '../model/cells';
import type { Cell, ConditionalFormat, ReportSheet, StyleName } from '../model/reportModel';
import { fitColumnWidths, headerRowHeight } from './columnWidths';
import { ATTAINMENT_STATUSES, engineWords } from './engineWords';
import type { ReportContext } from './reportContext';
import type { ReportInput } from './reportInput';
import { SheetDraft } from './sheetDraft';
import { statusRules } from './statusRules';
import { titleBlock } from './titleBlock';
import { units } from './units';

/** Sheet key of Quarterly Results (formulas and charts refer to sheets by key). */
export const QUARTERLY_KEY = 'quarterly';

type Column = 'quarter' | 'manager' | 'revenue' | 'quota' | 'attainment' | 'status' | 'commission' | 'bonus' | 'payout' | 'ytdRevenue' | 'ytdQuota' | 'ytdAttainment' | 'review';

/** Commission rows by manager and period label. */
function commissionIndex(rows: readonly CommissionRow[]): Map<string, CommissionRow> {
  return new Map(rows.map((r) => [`${r.manager}\u0000${r.period}`, r] as const));
}

/** `=IF(quota>0,revenue/quota,"")` with the engine's ratio as cached value. */
function ratioFormula(row: number, num: number, den: number, value: number | null, o: { style?: StyleName; format: string }): Cell {
  const n = a1(row, num);
  const d = a1(row, den);
  return formulaCell(`=IF(${d}>0,${n}/${d},"")`, value ?? '', o);
}

/**
 * Builds the Quarterly Results sheet.
 * @example quarterlySheet(input, ctx).rows[4] // the header row: Quarter, Account manager, Revenue …
 */
export function quarterlySheet(input: ReportInput, ctx: ReportContext): ReportSheet {
  const { t, formats: f, calendar } = ctx;
  const words = engineWords(t);
  const { attainment } = input.analysis;
  const commission = input.analysis.commission;
  const yearPlan = commission !== null && commission.plan.period === 'year';
  const byPeriod = commissionIndex(commission?.rows ?? []);
  const lastQuarter = calendar.quarters[calendar.quarters.length - 1];

  const columns: Column[] = ['quarter', 'manager', 'revenue', 'quota', 'attainment', 'status'];
  if (commission !== null) columns.push('commission', 'bonus', 'payout');
  columns.push('ytdRevenue', 'ytdQuota', 'ytdAttainment', 'review');
  const col = (c: Column): number => columns.indexOf(c);
  const labels: Record<Column, string> = {
    quarter: t('label.quarter'),
    manager: t('label.manager'),
    revenue: t('label.revenue'),
    quota: t('label.quota'),
    attainment: t('label.attainment'),
    status: t('label.status'),
    commission: t('label.commission'),
    bonus: t('label.bonus'),
    payout: t('label.payout'),
    ytdRevenue: t('label.ytdRevenue'),
    ytdQuota: t('label.ytdQuota'),
    ytdAttainment: t('label.ytdAttainment'),
    review: t('label.review'),
  };

  const d = new SheetDraft();
  const headerRow = titleBlock(d, t('title.quarterly', { year: calendar.reportYearLabel }), ctx.subtitles, columns.length);
  d.addRow(columns.map((c) => textCell(labels[c], { style: 'header' })));
  const firstBody = d.nextRow;

  // Commission of a manager's row: per quarter, or (year plan) the report year to date shown
  // on the as-of quarter's row, where the year to date ends.
  const commissionOf = (manager: string, q: QuarterAttainment): CommissionRow | undefined => {
    if (!yearPlan) return byPeriod.get(`${manager}\u0000${q.label}`);
    return q.quarter === lastQuarter?.quarter ? byPeriod.get(`${manager}\u0000${calendar.reportYearLabel}`) : undefined;
  };

  let anyDerived = false;
  let anyReview = false;
  const teamRows: number[] = [];
  calendar.quarters.forEach((cq, k) => {
    const first = d.nextRow;
    for (const m of attainment.managers) {
      const q = m.quarters[k];
      if (q === undefined) continue;
      anyDerived ||= q.quotaDerived && q.quota !== null;
      anyReview ||= q.review;
      managerRow(d, m, q, commissionOf(m.manager, q));
    }
    const last = d.nextRow - 1;
    const team = attainment.team[k];
    if (team !== undefined) teamRows.push(teamRow(d, cq.label, team, first, last, commission !== null && (!yearPlan || cq.quarter === lastQuarter?.quarter)));
  });
  const lastBody = d.nextRow - 1;

  function managerRow(draft: SheetDraft, m: ManagerAttainment, q: QuarterAttainment, c: CommissionRow | undefined): void {
    const r = draft.nextRow;
    const cells: (Cell | null)[] = new Array<Cell | null>(columns.length).fill(null);
    const set = (column: Column, cell: Cell | null): void => {
      if (col(column) >= 0) cells[col(column)] = cell;
    };
    set('quarter', textCell(q.label));
    set('manager', textCell(m.manager));
    set('revenue', numberCell(units(q.revenue), { format: f.money }));
    if (q.quota !== null) set('quota', numberCell(units(q.quota), q.quotaDerived ? { style: 'derived', format: f.moneyDerived } : { format: f.money }));
    set('attainment', ratioFormula(r, col('revenue'), col('quota'), q.attainment, { format: f.percentPadded }));
    set('status', textCell(words.attainment(q.status)));
    if (c !== undefined && c.commission !== null) {
      set('commission', numberCell(units(c.commission), { format: f.money }));
      set('bonus', numberCell(units(c.bonus ?? 0), { format: f.money }));
      set('payout', numberCell(units(c.payout ?? 0), { format: f.money }));
    }
    set('ytdRevenue', numberCell(units(q.ytdRevenue), { format: f.money }));
    if (q.ytdQuota !== null) set('ytdQuota', numberCell(units(q.ytdQuota), { format: f.money }));
    set('ytdAttainment', ratioFormula(r, col('ytdRevenue'), col('ytdQuota'), q.ytdAttainment, { format: f.percent }));
    if (q.review) set('review', textCell(t('label.review'), { style: 'bad' }));
    draft.addRow(cells);
  }

  function teamRow(draft: SheetDraft, label: string, q: QuarterAttainment, first: number, last: number, withCommission: boolean): number {
    const r = draft.nextRow;
    const total = { style: 'total' as const };
    const cells: Cell[] = columns.map(() => emptyCell(total));
    const set = (column: Column, cell: Cell): void => {
      if (col(column) >= 0) cells[col(column)] = cell;
    };
    const hasRows = last >= first;
    const sum = (column: Column, cached: number): Cell => {
      const c = col(column);
      // SUM over the manager rows just above: what the reader sees is what is added.
      return hasRows
        ? formulaCell(`=SUM(${a1(first, c)}:${a1(last, c)})`, cached, { ...total, format: f.money })
        : numberCell(cached, { ...total, format: f.money });
    };
    set('quarter', textCell(label, total));
    set('manager', textCell(t('label.team'), total));
    set('revenue', sum('revenue', units(q.revenue)));
    if (q.quota !== null) set('quota', sum('quota', units(q.quota)));
    set('attainment', ratioFormula(r, col('revenue'), col('quota'), q.attainment, { ...total, format: f.percentPadded }));
    set('status', textCell(words.attainment(q.status), total));
    if (withCommission) {
      let c = 0;
      let b = 0;
      let p = 0;
      for (const row of commission?.rows ?? []) {
        const period = yearPlan ? calendar.reportYearLabel : label;
        if (row.period !== period) continue;
        c += row.commission ?? 0;
        b += row.bonus ?? 0;
        p += row.payout ?? 0;
      }
      set('commission', sum('commission', units(c)));
      set('bonus', sum('bonus', units(b)));
      set('payout', sum('payout', units(p)));
    }
    set('ytdRevenue', sum('ytdRevenue', units(q.ytdRevenue)));
    // The team's YTD quota is Σ of the team quotas Q1..q (SPEC §3), which differs from a SUM of
    // the managers' YTD quotas when one of them has revenue in a quarter without quota.
    if (q.ytdQuota !== null) set('ytdQuota', numberCell(units(q.ytdQuota), { ...total, format: f.money }));
    set('ytdAttainment', ratioFormula(r, col('ytdRevenue'), col('ytdQuota'), q.ytdAttainment, { ...total, format: f.percent }));
    draft.addRow(cells);
    return r;
  }

  const rules: ConditionalFormat[] = [];
  if (lastBody >= firstBody) {
    const statusRange: GridRange = { row: firstBody, col: col('status'), rowCount: lastBody - firstBody + 1, colCount: 1 };
    rules.push(...statusRules(statusRange, ATTAINMENT_STATUSES.map((s) => [words.attainment(s), s === 'Met' ? 'good' : s === 'Near' ? 'warn' : s === 'Below' ? 'bad' : 'muted'] as const)));
  }

  // Notes that explain marks in the table.
  d.skip();
  if (anyDerived) d.addFreeRow([textCell(t('label.derivedNote'), { style: 'note' })]);
  if (anyReview) d.addFreeRow([textCell(t('label.reviewNote', { n: ctx.reviewAfter }), { style: 'note' })]);
  if (lastQuarter !== undefined && !lastQuarter.closed) {
    d.addFreeRow([textCell(t('note.openQuarter', { quarter: lastQuarter.label, date: ctx.day(calendar.asOf) }), { style: 'note' })]);
  }
  if (yearPlan) d.addFreeRow([textCell(t('note.yearPlan', { year: calendar.reportYearLabel, quarter: lastQuarter?.label ?? '' }), { style: 'note' })]);

  // Team and key-account concentration by quarter, with the year to date.
  d.skip();
  d.addFreeRow([textCell(t('label.teamByQuarter'), { style: 'label' })]);
  // The band word before the HHI number, so left-aligned text never runs into a right-aligned figure.
  const blockLabels = [t('label.quarter'), t('label.revenue'), t('label.quota'), t('label.attainment'), t('label.cr5'), t('label.keyAccountShare'), t('label.band'), t('label.hhi')];
  const blockHeader = d.addRow(blockLabels.map((l) => textCell(l, { style: 'header' })));
  const conc = input.analysis.concentration;
  const blockFirst = d.nextRow;
  calendar.quarters.forEach((cq, k) => {
    const r = d.nextRow;
    const team = attainment.team[k];
    const teamAt = teamRows[k];
    const qc = conc.quarters[k]?.concentration;
    const share = conc.quarters[k]?.keyAccountShare ?? null;
    const cells: (Cell | null)[] = [textCell(cq.label)];
    if (team !== undefined && teamAt !== undefined) {
      cells[1] = formulaCell(`=${a1(teamAt, col('revenue'))}`, units(team.revenue), { format: f.money });
      cells[2] = team.quota === null ? null : formulaCell(`=${a1(teamAt, col('quota'))}`, units(team.quota), { format: f.money });
      cells[3] = ratioFormula(r, 1, 2, team.attainment, { format: f.percent });
    }
    if (qc !== undefined) {
      cells[4] = numberCell(qc.cr[5], { format: f.percent });
      cells[6] = textCell(words.band(qc.band));
      cells[7] = numberCell(qc.hhi, { format: f.integer });
    }
    cells[5] = share === null ? null : numberCell(share, { format: f.percentPadded });
    d.addRow(cells);
  });
  const blockLast = d.nextRow - 1;
  const yr = d.nextRow;
  const total = { style: 'total' as const };
  const ytd = attainment.teamYtd;
  const sumBlock = (c: number, cached: number): Cell =>
    blockLast >= blockFirst ? formulaCell(`=SUM(${a1(blockFirst, c)}:${a1(blockLast, c)})`, cached, { ...total, format: f.money }) : numberCell(cached, { ...total, format: f.money });
  d.addRow([
    textCell(t('label.yearToDate', { year: calendar.reportYearLabel }), total),
    sumBlock(1, units(ytd.revenue)),
    ytd.quota === null ? emptyCell(total) : sumBlock(2, units(ytd.quota)),
    ratioFormula(yr, 1, 2, ytd.attainment, { ...total, format: f.percent }),
    numberCell(conc.year.cr[5], { ...total, format: f.percent }),
    conc.keyAccountShare === null ? emptyCell(total) : numberCell(conc.keyAccountShare, { ...total, format: f.percentPadded }),
    textCell(words.band(conc.year.band), total),
    numberCell(conc.year.hhi, { ...total, format: f.integer }),
  ]);
  d.addFreeRow([textCell(t('note.concentration'), { style: 'note' })]);

  // The chart: team revenue against quota per quarter, from the block above.
  const chartRow = d.nextRow + 1;
  if (blockLast >= blockFirst) {
    const cats = { sheet: QUARTERLY_KEY, range: { row: blockFirst, col: 0, rowCount: blockLast - blockFirst + 1, colCount: 1 } };
    const values = (c: number) => ({ sheet: QUARTERLY_KEY, range: { ...cats.range, col: c } });
    const nameRef = (c: number) => ({ sheet: QUARTERLY_KEY, range: { row: blockHeader, col: c, rowCount: 1, colCount: 1 } });
    d.charts.push({
      type: 'columnClustered',
      title: t('label.chartRevenueVsQuota'),
      series: [
        { name: t('label.revenue'), nameRef: nameRef(1), categories: cats, values: values(1), color: '#1F4E78' },
        { name: t('label.quota'), nameRef: nameRef(2), categories: cats, values: values(2), color: '#A5A5A5' },
      ],
      anchor: { row: chartRow, col: 0 },
      size: { cols: Math.min(columns.length, 7), rows: 18 },
      valueFormat: f.moneyWhole,
      legend: 'bottom',
    });
  }
  d.conditionalFormats.push(...rules);

  const widths = fitColumnWidths(d.rows(), columns.length, columns.map((c) => (c === 'manager' ? { min: 16, max: 36 } : c === 'quarter' ? { min: 10 } : { min: 11 })), d.freeRows());
  d.height(headerRow, headerRowHeight(columns.map((c) => labels[c]), widths));
  d.height(blockHeader, headerRowHeight(blockLabels, widths));
  return d.toSheet({
    key: QUARTERLY_KEY,
    name: t('sheet.quarterly'),
    tabColor: '#1F4E78',
    columns: widths,
    freeze: { rows: headerRow + 1, cols: 2 },
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: { first: headerRow, count: 1 } },
  });
}
