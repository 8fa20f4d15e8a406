import type { CellValue } from '../intake/cellValue';
import { shiftLeft, toText, type ExactDecimal } from './exactDecimal';
import type { CommissionPlan } from './commissionPlan';
import { PLAN_BLOCK_HEADERS, PLAN_SETTINGS } from './planSheetLabels';

// ×100 by moving the decimal point, so no digit is lost: 0.125 → "12.5%".
function percent(x: ExactDecimal): string {
  return `${toText(shiftLeft(x, 2))}%`;
}

/**
 * The rows of a Commission Plan sheet for `plan`, in the layout {@link parsePlanGrid} reads
 * (English labels; percentages as `5%` text so no digit is lost; amounts as text in currency units).
 * @example planToRows(plan)[0] // ['Setting', 'Value']
 */
export function planToRows(plan: CommissionPlan): CellValue[][] {
  const attainment = plan.basis === 'attainment';
  const rows: CellValue[][] = [
    [PLAN_BLOCK_HEADERS.setting[0], PLAN_BLOCK_HEADERS.value[0]],
    [PLAN_SETTINGS.period[0], plan.period],
    [PLAN_SETTINGS.basis[0], plan.basis],
    [PLAN_SETTINGS.method[0], plan.method],
    [PLAN_SETTINGS.capAttainment[0], plan.capAttainment ? percent(plan.capAttainment) : 'none'],
    [PLAN_SETTINGS.capAmount[0], plan.capAmount ? toText(plan.capAmount) : 'none'],
    [],
    [PLAN_BLOCK_HEADERS.from[0], PLAN_BLOCK_HEADERS.rate[0]],
    ...plan.tiers.map((t) => [attainment ? percent(t.from) : toText(t.from), percent(t.rate)]),
  ];
  if (plan.bonuses.length > 0) {
    rows.push([], [PLAN_BLOCK_HEADERS.threshold[0], PLAN_BLOCK_HEADERS.bonus[0]]);
    for (const b of plan.bonuses) rows.push([percent(b.threshold), toText(b.amount)]);
  }
  return rows;
}
