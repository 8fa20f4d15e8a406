/**
 * The Commission sheet (SPEC §5, §8) — for finance, who must be able to audit every figure
 * with Excel alone. It shows the plan as blue input cells, then one block per manager and
 * period in which every money figure is a live formula over visible cells:
 *
 * - tier boundaries `b_i = from_i × quota` (attainment plans) or `= from_i` (revenue plans);
 * - revenue counted `R' = MIN(revenue, capAttainment × quota)` when the plan caps attainment;
 * - marginal tiers `=MAX(0,MIN(R',upper)−lower)×rate`, retroactive tiers
 *   `=IF(AND(R'>=lower,R'<upper),R'×rate,0)` (only the tier reached pays);
 * - commission `=ROUND(SUM(tiers),2)` or `=ROUND(MIN(SUM(tiers),capAmount),2)` — Excel's ROUND
 *   rounds half away from zero, as the engine does (SPEC §5 step 5);
 * - bonuses `=IF(attainment>=threshold,amount,0)`, their total rounded the same way;
 * - payout `=ROUND(commission+bonus,2)`.
 *
 * Each total stands in column E, the engine's figure beside it in F and a check `=E−F` in G
 * that shows 0.00 when both agree (column positions: {@link COMMISSION_COLUMNS}). Every formula
 * carries the engine's exact value as its cached result, so viewers that do not recalculate
 * show the right numbers too.
 */
import { a1 } from '../a1';
import type { Bonus, CommissionPlan } from '../../core/commission/commissionPlan';
import type { CommissionRow } from '../../core/commission/commissionReport';
import { cents, compare, multiply, toNumber } from '../../core/commission/exactDecimal';
import { percentText } from './percentText';
import { emptyCell, formulaCell, numberCell, textCell } from '../model/cells';
import type { Cell, ReportSheet } from '../model/reportModel';
import { fitColumnWidths, headerRowHeight } from './columnWidths';
import { engineWords } from './engineWords';
import type { ReportContext } from './reportContext';
import type { ReportInput } from './reportInput';
import { SheetDraft } from './sheetDraft';
import { titleBlock } from './titleBlock';
import { decimalUnits, units } from './units';

/** Sheet key of Commission. */
export const COMMISSION_KEY = 'commission';

/** Columns of the per-manager blocks (0-based): where tests and readers find totals and checks. */
export const COMMISSION_COLUMNS = { label: 0, from: 1, to: 2, rate: 3, formula: 4, engine: 5, check: 6 } as const;
const C = COMMISSION_COLUMNS;
const WIDTH = 7;

/** Absolute addresses of the plan's input cells, which the block formulas refer to. */
interface PlanCells {
  readonly capAttainment?: string;
  readonly capAmount?: string;
  readonly from: readonly string[];
  readonly rate: readonly string[];
  readonly threshold: readonly string[];
  readonly bonus: readonly string[];
}

/** True when the engine paid bonus `b` on this row (threshold · Q ≤ R, exactly as the engine decides). */
function bonusPaid(b: Bonus, row: CommissionRow): boolean {
  if (row.quota === null || row.quota <= 0) return false;
  return compare(multiply(b.threshold, cents(row.quota)), cents(row.revenue)) <= 0;
}

/**
 * Builds the Commission sheet; without a plan, a short sheet saying how to add one.
 * @example commissionSheet(input, ctx).rows // title, plan, then one block per manager and period
 */
export function commissionSheet(input: ReportInput, ctx: ReportContext): ReportSheet {
  const { t, formats: f } = ctx;
  const words = engineWords(t);
  const report = input.analysis.commission;
  const d = new SheetDraft();
  titleBlock(d, t('title.commission', { year: ctx.calendar.reportYearLabel }), ctx.subtitles, WIDTH);
  const frame = {
    key: COMMISSION_KEY,
    name: t('sheet.commission'),
    tabColor: '#548235',
    print: { orientation: 'portrait', fitToWidth: true } as const,
  };

  if (report === null) {
    d.addFreeRow([textCell(t('note.noPlan'), { style: 'label' })]);
    d.addFreeRow([textCell(t('note.noPlanSheet'))]);
    d.addFreeRow([textCell(t('note.noPlanCli'))]);
    return d.toSheet({ ...frame, columns: [{ width: 100 }] });
  }
  const plan = report.plan;

  d.addFreeRow([textCell(t('note.commissionFormulas'), { style: 'note' })]);
  d.addFreeRow([textCell(t('note.commissionCheck'), { style: 'note' })]);
  d.skip();
  const countRow = d.addRow();
  const differRow = d.addRow();
  d.skip();
  const cells = planBlock(d, plan, ctx);
  if (report.rows.some((r) => r.quotaDerived && r.quota !== null)) d.addFreeRow([textCell(t('label.derivedNote'), { style: 'note' })]);
  d.skip();

  const firstBlock = d.nextRow;
  const headerRows: [number, string[]][] = [];
  for (const row of report.rows) {
    const h = managerBlock(d, row, plan, cells, ctx);
    if (h !== null) headerRows.push(h);
  }
  const lastRow = Math.max(firstBlock, d.nextRow - 1);

  // Overall checks: how many check cells there are and how many differ from zero.
  const checks = `${a1(firstBlock, C.check)}:${a1(lastRow, C.check)}`;
  const checkCount = report.rows.filter((r) => !r.noQuota).length * (plan.bonuses.length > 0 ? 3 : 2);
  d.put(countRow, 0, [textCell(t('label.checkCount'), { style: 'label' }), formulaCell(`=COUNT(${checks})`, checkCount, { format: f.integer })]);
  d.put(differRow, 0, [textCell(t('label.checksDiffer'), { style: 'label' }), formulaCell(`=COUNTIF(${checks},">0")+COUNTIF(${checks},"<0")`, 0, { format: f.integer })]);
  const differ = { row: differRow, col: 1, rowCount: 1, colCount: 1 };
  d.conditionalFormats.unshift(
    { kind: 'cellValue', range: differ, operator: 'equal', formulas: ['0'], style: 'good' },
    { kind: 'cellValue', range: differ, operator: 'notEqual', formulas: ['0'], style: 'bad' },
  );

  const widths = fitColumnWidths(d.rows(), WIDTH, [{ min: 24, max: 44 }, { min: 14 }, { min: 14 }, { min: 10 }, { min: 14 }, { min: 14 }, { min: 12 }], d.freeRows());
  for (const [r, labels] of headerRows) d.height(r, headerRowHeight(labels, widths));
  return d.toSheet({ ...frame, columns: widths });

  function planBlock(draft: SheetDraft, p: CommissionPlan, c: ReportContext): PlanCells {
    const editable = { style: 'input' as const };
    const attainmentBasis = p.basis === 'attainment';
    draft.addFreeRow([textCell(t('label.plan'), { style: 'label' })]);
    draft.addRow([textCell(t('label.setting'), { style: 'header' }), textCell(t('label.value'), { style: 'header' })]);
    draft.addRow([textCell(t('label.planPeriod')), textCell(words.planPeriod(p.period))]);
    draft.addRow([textCell(t('label.planBasis')), textCell(words.planBasis(p.basis))]);
    draft.addRow([textCell(t('label.planMethod')), textCell(words.planMethod(p.method))]);
    const capAttRow = draft.addRow([
      textCell(t('label.capAttainment')),
      p.capAttainment === undefined ? textCell(t('label.none')) : numberCell(toNumber(p.capAttainment), { ...editable, format: c.formats.percent }),
    ]);
    const capAmtRow = draft.addRow([
      textCell(t('label.capAmount')),
      p.capAmount === undefined ? textCell(t('label.none')) : numberCell(toNumber(p.capAmount), { ...editable, format: c.formats.money }),
    ]);
    draft.skip();
    draft.addRow([t('label.tier'), t('label.lower'), t('label.rate')].map((l) => textCell(l, { style: 'header' })));
    const from: string[] = [];
    const rate: string[] = [];
    p.tiers.forEach((tier, i) => {
      const r = draft.addRow([
        textCell(`${t('label.tier')} ${i + 1}`),
        numberCell(toNumber(tier.from), { ...editable, format: attainmentBasis ? c.formats.percent : c.formats.money }),
        numberCell(toNumber(tier.rate), { ...editable, format: c.formats.rate }),
      ]);
      from.push(a1(r, 1, true));
      rate.push(a1(r, 2, true));
    });
    const threshold: string[] = [];
    const bonus: string[] = [];
    if (p.bonuses.length > 0) {
      draft.skip();
      draft.addRow([t('label.bonus'), t('label.threshold'), t('label.amount')].map((l) => textCell(l, { style: 'header' })));
      p.bonuses.forEach((b, i) => {
        const r = draft.addRow([
          textCell(`${t('label.bonus')} ${i + 1}`),
          numberCell(toNumber(b.threshold), { ...editable, format: c.formats.percent }),
          numberCell(toNumber(b.amount), { ...editable, format: c.formats.money }),
        ]);
        threshold.push(a1(r, 1, true));
        bonus.push(a1(r, 2, true));
      });
    }
    draft.addFreeRow([textCell(t('note.planInputs'), { style: 'note' })]);
    return {
      ...(p.capAttainment !== undefined && { capAttainment: a1(capAttRow, 1, true) }),
      ...(p.capAmount !== undefined && { capAmount: a1(capAmtRow, 1, true) }),
      from,
      rate,
      threshold,
      bonus,
    };
  }
}

/**
 * One manager and period: facts, tier breakdown, totals with the engine's figures and checks.
 * Returns the row and labels of its tier header (for the row height), or null without tiers.
 */
function managerBlock(d: SheetDraft, row: CommissionRow, plan: CommissionPlan, p: PlanCells, ctx: ReportContext): [number, string[]] | null {
  const { t, formats: f } = ctx;
  const total = { style: 'total' as const };
  const hasQuota = row.quota !== null && row.quota > 0;

  d.addFreeRow([textCell(`${row.manager} · ${row.period}`, { style: 'label' })]);
  // The block's facts, one per row (label in A, figure in B), which its formulas refer to.
  const revenueRow = d.addRow([textCell(t('label.revenue')), numberCell(units(row.revenue), { format: f.money })]);
  const quotaRow = d.addRow([
    textCell(t('label.quota')),
    row.quota === null ? null : numberCell(units(row.quota), row.quotaDerived ? { style: 'derived', format: f.moneyDerived } : { format: f.money }),
  ]);
  const revenue = a1(revenueRow, 1);
  const quota = a1(quotaRow, 1);
  const attainmentRow = d.addRow([
    textCell(t('label.attainment')),
    // An empty quota counts as 0 in the comparison, so a missing quota leaves the cell empty.
    formulaCell(`=IF(${quota}>0,${revenue}/${quota},"")`, row.attainment ?? '', { format: f.percent }),
  ]);
  const attainment = a1(attainmentRow, 1);
  if (row.noQuota) {
    d.addFreeRow([textCell(t('note.noQuotaCommission'), { style: 'muted' })]);
    d.skip();
    return null;
  }

  // R': the revenue the tiers are applied to (capped at capAttainment × quota where the plan says so).
  const counted = d.nextRow;
  const capped = p.capAttainment !== undefined && hasQuota;
  d.addRow([
    textCell(capped && plan.capAttainment !== undefined ? t('label.countedCapped', { cap: percentText(plan.capAttainment, ctx.language) }) : t('label.counted')),
    formulaCell(capped ? `=MIN(${revenue},${p.capAttainment ?? ''}*${quota})` : `=${revenue}`, row.countedRevenue === null ? units(row.revenue) : decimalUnits(row.countedRevenue), { format: f.money }),
  ]);
  const r1 = a1(counted, 1, true);
  const headerLabels = [t('label.tier'), t('label.lower'), t('label.upper'), t('label.rate'), t('label.amount'), t('label.engineTotal'), t('label.check')];
  const header = d.addRow(headerLabels.map((l) => textCell(l, { style: 'header' })));

  const firstTier = d.nextRow;
  row.tiers.forEach((slice, i) => {
    const r = d.nextRow;
    const last = i === row.tiers.length - 1;
    const lower = a1(r, C.from);
    const upper = a1(r, C.to);
    const rate = a1(r, C.rate);
    const fromRef = p.from[i] ?? '0';
    const fromFormula = plan.basis === 'attainment' ? `=${fromRef}*${quota}` : `=${fromRef}`;
    let amount: string;
    if (plan.method === 'marginal') amount = last ? `=MAX(0,${r1}-${lower})*${rate}` : `=MAX(0,MIN(${r1},${upper})-${lower})*${rate}`;
    else amount = last ? `=IF(${r1}>=${lower},${r1}*${rate},0)` : `=IF(AND(${r1}>=${lower},${r1}<${upper}),${r1}*${rate},0)`;
    d.addRow([
      textCell(`${t('label.tier')} ${i + 1}`),
      formulaCell(fromFormula, decimalUnits(slice.lower), { format: f.money }),
      last || slice.upper === null ? null : formulaCell(`=${a1(r + 1, C.from)}`, decimalUnits(slice.upper), { format: f.money }),
      formulaCell(`=${p.rate[i] ?? '0'}`, toNumber(slice.rate), { format: f.rate }),
      formulaCell(amount, decimalUnits(slice.amount), { format: f.money }),
    ]);
  });
  const lastTier = d.nextRow - 1;
  const tierSum = lastTier >= firstTier ? `SUM(${a1(firstTier, C.formula)}:${a1(lastTier, C.formula)})` : '0';

  const check = (r: number): Cell => formulaCell(`=${a1(r, C.formula)}-${a1(r, C.engine)}`, 0, { ...total, format: f.money });
  const commissionRow = d.nextRow;
  const capAmount = p.capAmount;
  d.addRow([
    textCell(capAmount !== undefined ? t('label.commissionCapped') : t('label.commission'), total),
    emptyCell(total),
    emptyCell(total),
    emptyCell(total),
    formulaCell(capAmount !== undefined ? `=ROUND(MIN(${tierSum},${capAmount}),2)` : `=ROUND(${tierSum},2)`, units(row.commission ?? 0), { ...total, format: f.money }),
    numberCell(units(row.commission ?? 0), { ...total, format: f.money }),
    check(commissionRow),
  ]);

  let bonusRow: number | null = null;
  if (plan.bonuses.length > 0) {
    const firstBonus = d.nextRow;
    plan.bonuses.forEach((b, i) => {
      const threshold = p.threshold[i] ?? '0';
      const amount = p.bonus[i] ?? '0';
      // Text compares above every number in Excel, so an empty attainment (no quota) is guarded.
      const condition = hasQuota ? `${attainment}>=${threshold}` : `AND(ISNUMBER(${attainment}),${attainment}>=${threshold})`;
      d.addRow([
        textCell(t('label.bonusIf')),
        null,
        null,
        formulaCell(`=${threshold}`, toNumber(b.threshold), { format: f.percent }),
        formulaCell(`=IF(${condition},${amount},0)`, bonusPaid(b, row) ? toNumber(b.amount) : 0, { format: f.money }),
      ]);
    });
    const lastBonus = d.nextRow - 1;
    bonusRow = d.nextRow;
    d.addRow([
      textCell(t('label.bonus'), total),
      emptyCell(total),
      emptyCell(total),
      emptyCell(total),
      formulaCell(`=ROUND(SUM(${a1(firstBonus, C.formula)}:${a1(lastBonus, C.formula)}),2)`, units(row.bonus ?? 0), { ...total, format: f.money }),
      numberCell(units(row.bonus ?? 0), { ...total, format: f.money }),
      check(bonusRow),
    ]);
  }
  const payoutRow = d.nextRow;
  const payoutFormula = bonusRow === null ? `=${a1(commissionRow, C.formula)}` : `=ROUND(${a1(commissionRow, C.formula)}+${a1(bonusRow, C.formula)},2)`;
  d.addRow([
    textCell(t('label.payout'), total),
    emptyCell(total),
    emptyCell(total),
    emptyCell(total),
    formulaCell(payoutFormula, units(row.payout ?? 0), { ...total, format: f.money }),
    numberCell(units(row.payout ?? 0), { ...total, format: f.money }),
    check(payoutRow),
  ]);
  // A check that is not 0 turns red where it is; agreement, the normal case, stays quiet.
  d.conditionalFormats.push({ kind: 'cellValue', range: { row: commissionRow, col: C.check, rowCount: payoutRow - commissionRow + 1, colCount: 1 }, operator: 'notEqual', formulas: ['0'], style: 'bad' });
  d.skip();
  return [header, headerLabels];
}
