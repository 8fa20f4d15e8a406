import type { CellValue, Grid } from '../intake/cellValue';
import { cellText, isBlankCell, isBlankRow } from '../quotas/cellText';
import { normalizeLabel } from '../quotas/normalizeLabel';
import { issueMessage, type IssueMessage } from '../issues/messages';
import { tableIssue, type TableIssue } from '../quotas/tableIssue';
import type { ExactDecimal } from './exactDecimal';
import { PLAN_BLOCK_HEADERS, PLAN_SETTINGS } from './planSheetLabels';
import { isNoneValue, readBasis, readFraction, readMethod, readMoney, readPeriod } from './planValues';
import { planDraft, validatePlan, type Located, type PlanDraft, type PlanLocation, type PlanResult } from './validatePlan';
import type { PlanBasis, PlanMethod, PlanPeriod } from './commissionPlan';

type Block = 'settings' | 'tiers' | 'bonuses';
type SettingKey = keyof typeof PLAN_SETTINGS;

const fold = (labels: readonly string[]) => new Set(labels.map(normalizeLabel));
const HEADER_PAIRS: readonly { block: Block; left: Set<string>; right: Set<string> }[] = [
  { block: 'settings', left: fold(PLAN_BLOCK_HEADERS.setting), right: fold(PLAN_BLOCK_HEADERS.value) },
  { block: 'tiers', left: fold(PLAN_BLOCK_HEADERS.from), right: fold(PLAN_BLOCK_HEADERS.rate) },
  { block: 'bonuses', left: fold(PLAN_BLOCK_HEADERS.threshold), right: fold(PLAN_BLOCK_HEADERS.bonus) },
];
const SETTING_BY_LABEL = new Map<string, SettingKey>();
for (const key of Object.keys(PLAN_SETTINGS) as SettingKey[]) {
  for (const label of PLAN_SETTINGS[key]) SETTING_BY_LABEL.set(normalizeLabel(label), key);
}

interface RawCell {
  readonly value: CellValue;
  readonly at: PlanLocation;
}

/**
 * Reads a "Commission Plan" sheet (SPEC §5). The sheet has up to three blocks, each starting at a
 * header row, in any order, with labels in English, Spanish, Polish or German:
 *
 * ```
 * Setting        | Value        | (notes…)
 * Period         | quarter
 * Basis          | attainment
 * Method         | marginal
 * Cap attainment | 200%
 * Cap amount     | none
 *
 * From           | Rate
 * 0%             | 2%
 * 50%            | 5%
 * 100%           | 8%
 *
 * Threshold      | Bonus
 * 100%           | 1000
 * ```
 * A block header is a row with both labels of a pair (Setting/Value, From/Rate, Threshold/Bonus)
 * in any two columns; the block's lines are read from those columns, so notes can sit in other
 * columns. Rows above the first block are a title or notes, except that a known setting there is
 * read as one. Blank rows are skipped. Percentages are written `5%` (or as Excel percentage cells,
 * which hold 0.05); a plain number is the fraction itself, so `0.05` is 5 %. Revenue-basis tier
 * starts, the cap amount and bonuses are amounts in currency units. Settings left out take their
 * SPEC defaults; `none`, `-` or a blank cap means no cap.
 *
 * Every error names the sheet row and column header: an unknown setting, a value that does not
 * read, tiers not ascending, a first tier not at 0, a negative or > 100 % rate, …
 * @example parsePlanGrid({ sheet: 'Commission Plan', firstRow: 1, rows: [['From', 'Rate'], ['0%', '5%']] })
 * // { ok: true, plan: { period: 'quarter', basis: 'attainment', method: 'marginal', tiers: [{ from: 0, rate: 0.05 }], bonuses: [] } }
 */
export function parsePlanGrid(grid: Grid): PlanResult {
  const errors: TableIssue[] = [];
  const fail = (code: string, at: PlanLocation, message: IssueMessage) =>
    errors.push(tableIssue(code, grid.sheet, at.row, at.column, at.value, message, 'error'));
  const settings = new Map<SettingKey, RawCell>();
  const tierCells: { from: RawCell; rate: RawCell }[] = [];
  const bonusCells: { threshold: RawCell; amount: RawCell }[] = [];
  let tiersAt: PlanLocation = { row: 0, column: 'From', value: '' };
  let block: Block | null = null;
  let left = 0;
  let right = 1;
  let leftHeader = '';
  let rightHeader = '';

  grid.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const sheetRow = grid.firstRow + i;
    const labels = row.map((c) => (typeof c === 'string' ? normalizeLabel(c) : ''));
    for (const pair of HEADER_PAIRS) {
      const l = labels.findIndex((t) => pair.left.has(t));
      const r = labels.findIndex((t, j) => j !== l && pair.right.has(t));
      if (l >= 0 && r >= 0) {
        block = pair.block;
        left = l;
        right = r;
        leftHeader = cellText(row[l]).trim();
        rightHeader = cellText(row[r]).trim();
        if (block === 'tiers') tiersAt = { row: sheetRow, column: leftHeader, value: '' };
        return;
      }
    }
    const cell = (j: number, header: string): RawCell => ({
      value: row[j],
      at: { row: sheetRow, column: header, value: cellText(row[j]) },
    });
    if (block === null) {
      // Above the first block: a known setting is read, anything else is a title or a note.
      const j = row.findIndex((c) => !isBlankCell(c));
      const key = SETTING_BY_LABEL.get(labels[j] ?? '');
      if (key) addSetting(key, cell(j + 1, cellText(row[j]).trim()), sheetRow);
      return;
    }
    const a = cell(left, leftHeader);
    const b = cell(right, rightHeader);
    if (isBlankCell(a.value) && isBlankCell(b.value)) return; // content only in note columns
    if (block === 'settings') {
      const label = cellText(a.value).trim();
      const key = SETTING_BY_LABEL.get(normalizeLabel(label));
      if (!key) {
        const known = Object.values(PLAN_SETTINGS).map((l) => l[0]).join(', ');
        fail('plan.unknownSetting', a.at, issueMessage('plan.unknownSetting', { name: label, known }));
        return;
      }
      addSetting(key, { value: b.value, at: { ...b.at, column: label } }, sheetRow);
    } else if (block === 'tiers') {
      tierCells.push({ from: a, rate: b });
    } else {
      bonusCells.push({ threshold: a, amount: b });
    }
  });

  function addSetting(key: SettingKey, value: RawCell, sheetRow: number): void {
    const first = settings.get(key);
    if (first) fail('plan.duplicateSetting', value.at, issueMessage('plan.sheet.duplicateSetting', { name: value.at.column, first: first.at.row, row: sheetRow }));
    else settings.set(key, value);
  }

  const choose = <T>(key: 'period' | 'basis' | 'method', read: (v: unknown) => T | null): T | undefined => {
    const raw = settings.get(key);
    if (!raw || isBlankCell(raw.value)) return undefined;
    const v = read(raw.value);
    if (v === null) fail('plan.badValue', raw.at, issueMessage(`plan.${key}`, { name: raw.at.column }));
    return v ?? undefined;
  };
  const period = choose<PlanPeriod>('period', readPeriod);
  const basis = choose<PlanBasis>('basis', readBasis);
  const method = choose<PlanMethod>('method', readMethod);
  /** What a number must be, by the key of its sentence. */
  type NumberRule = 'plan.sheet.tierStart' | 'plan.sheet.rate' | 'plan.sheet.bonusThreshold' | 'plan.sheet.capAttainment' | 'plan.sheet.capAmount' | 'plan.amount';
  const num = (raw: RawCell, read: (v: unknown) => ExactDecimal | null, rule: NumberRule): Located<ExactDecimal> | null => {
    const d = read(raw.value);
    if (d === null) fail('plan.badValue', raw.at, issueMessage(rule, { name: raw.at.column }));
    return d === null ? null : { value: d, at: raw.at };
  };
  const attainmentBasis = (basis ?? 'attainment') === 'attainment';
  const tiers: PlanDraft['tiers'][number][] = [];
  for (const t of tierCells) {
    const from = attainmentBasis
      ? num(t.from, readFraction, 'plan.sheet.tierStart')
      : num(t.from, readMoney, 'plan.amount');
    const rate = num(t.rate, readFraction, 'plan.sheet.rate');
    if (from && rate) tiers.push({ from, rate });
  }
  const bonuses: PlanDraft['bonuses'][number][] = [];
  for (const b of bonusCells) {
    const threshold = num(b.threshold, readFraction, 'plan.sheet.bonusThreshold');
    const amount = num(b.amount, readMoney, 'plan.amount');
    if (threshold && amount) bonuses.push({ threshold, amount });
  }
  const cap = (key: 'capAttainment' | 'capAmount', read: (v: unknown) => ExactDecimal | null, rule: NumberRule) => {
    const raw = settings.get(key);
    return !raw || isNoneValue(raw.value) ? null : num(raw, read, rule);
  };
  const capAttainment = cap('capAttainment', readFraction, 'plan.sheet.capAttainment');
  const capAmount = cap('capAmount', readMoney, 'plan.sheet.capAmount');
  return errors.length > 0 ? { ok: false, errors } : validatePlan(planDraft({ period, basis, method, tiers, bonuses, capAttainment, capAmount, tiersAt }), grid.sheet);
}
