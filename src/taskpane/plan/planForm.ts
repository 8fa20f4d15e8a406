import type { CommissionPlan, PlanBasis, PlanMethod, PlanPeriod } from '../../core/commission/commissionPlan';
import { shiftLeft, toText, type ExactDecimal } from '../../core/commission/exactDecimal';
import { readFraction } from '../../core/commission/planValues';
import { validatePlan, type Located, type PlanDraft } from '../../core/commission/validatePlan';
import type { DecimalSeparator } from '../../core/quotas/parseQuotaAmount';
import { parseMoneyDecimal } from '../../core/quotas/parseQuotaAmount';
import type { CatalogKey, MessageParams } from '../../reports/i18n/catalog';

/** A tier as typed: `from` in % of quota (attainment basis) or an amount (revenue basis); `rate` in %. */
export interface TierRow {
  /** Stable key for React lists; unique within the form. */
  readonly id: number;
  readonly from: string;
  readonly rate: string;
}

/** A bonus as typed: threshold in % of quota, amount in currency units. */
export interface BonusRow {
  readonly id: number;
  readonly threshold: string;
  readonly amount: string;
}

/**
 * The commission plan editor's form: SPEC §5's settings with every number as the text the user
 * typed (percentages in %, not fractions). Empty cap texts mean "no cap".
 */
export interface PlanForm {
  readonly period: PlanPeriod;
  readonly basis: PlanBasis;
  readonly method: PlanMethod;
  readonly tiers: readonly TierRow[];
  readonly capAttainment: string;
  readonly capAmount: string;
  readonly bonuses: readonly BonusRow[];
}

/**
 * The "New plan" template: tiers 0 % → 2 %, 50 % → 5 %, 100 % → 8 % of quota (marginal,
 * quarterly), a 1 000 bonus at 100 %, revenue counted up to 200 % of quota — SPEC §5's worked
 * example plus a cap, a plan most sales teams recognise.
 */
export function planTemplate(): PlanForm {
  return {
    period: 'quarter',
    basis: 'attainment',
    method: 'marginal',
    tiers: [
      { id: 1, from: '0', rate: '2' },
      { id: 2, from: '50', rate: '5' },
      { id: 3, from: '100', rate: '8' },
    ],
    capAttainment: '200',
    capAmount: '',
    bonuses: [{ id: 4, threshold: '100', amount: '1000' }],
  };
}

function shown(x: ExactDecimal, decimalMark: DecimalSeparator): string {
  return decimalMark === '.' ? toText(x) : toText(x).replace('.', decimalMark);
}

function percentText(x: ExactDecimal, decimalMark: DecimalSeparator): string {
  return shown(shiftLeft(x, 2), decimalMark);
}

/**
 * The form for an existing plan (fractions shown as percentages; `decimalMark` of the pane's locale).
 * @example planFormFromPlan(plan, ',').tiers[1] // { id: 2, from: '50', rate: '2,5' }
 */
export function planFormFromPlan(plan: CommissionPlan, decimalMark: DecimalSeparator = '.'): PlanForm {
  let id = 0;
  const from = (x: ExactDecimal) => (plan.basis === 'attainment' ? percentText(x, decimalMark) : shown(x, decimalMark));
  return {
    period: plan.period,
    basis: plan.basis,
    method: plan.method,
    tiers: plan.tiers.map((t) => ({ id: ++id, from: from(t.from), rate: percentText(t.rate, decimalMark) })),
    capAttainment: plan.capAttainment === undefined ? '' : percentText(plan.capAttainment, decimalMark),
    capAmount: plan.capAmount === undefined ? '' : shown(plan.capAmount, decimalMark),
    bonuses: plan.bonuses.map((b) => ({ id: ++id, threshold: percentText(b.threshold, decimalMark), amount: shown(b.amount, decimalMark) })),
  };
}

/** An id not used by any row of the form. */
export function nextRowId(form: PlanForm): number {
  return Math.max(0, ...form.tiers.map((t) => t.id), ...form.bonuses.map((b) => b.id)) + 1;
}

/** A message for one place of the form, from the catalog. */
export interface FormMessage {
  readonly key: CatalogKey;
  readonly params?: MessageParams;
}

/**
 * Messages by place: `tiers` (the table as a whole), `tiers[2].from`, `tiers[2].rate`,
 * `capAttainment`, `capAmount`, `bonuses[0].threshold`, `bonuses[0].amount` — the JSON paths
 * `parsePlanJson` uses, so the pane and the CLI name the same places.
 */
export type PlanFormErrors = Readonly<Record<string, FormMessage>>;

/** A valid plan, or the messages to show. */
export type PlanFormResult =
  | { readonly ok: true; readonly plan: CommissionPlan }
  | { readonly ok: false; readonly errors: PlanFormErrors };

/** A percentage as typed (`5`, `2,5`, `12.5 %`) as a fraction; `null` when not a number. */
function readPercent(text: string): ExactDecimal | null {
  const t = text.replace(/%/g, '').trim();
  return t === '' ? null : readFraction(`${t}%`);
}

function readAmount(text: string, decimalMark: DecimalSeparator): ExactDecimal | null {
  return text.trim() === '' ? null : parseMoneyDecimal(text, decimalMark);
}

/**
 * Checks the form and builds the plan. Every number must read (else "Enter a number" at its
 * place); then the core's own {@link validatePlan} applies SPEC §5's rules — the same rules as a
 * plan sheet or `--plan plan.json` — and each problem is shown at the field it names.
 * @example validatePlanForm(planTemplate()).ok // true
 */
export function validatePlanForm(form: PlanForm, decimalMark: DecimalSeparator = '.'): PlanFormResult {
  const errors: Record<string, FormMessage> = {};
  const put = (path: string, message: FormMessage) => {
    errors[path] ??= message;
  };
  const attainment = form.basis === 'attainment';
  const read = (path: string, text: string, reader: (t: string) => ExactDecimal | null): Located<ExactDecimal> | null => {
    const value = reader(text);
    if (value === null) {
      put(path, { key: 'pane.plan.error.notNumber' });
      return null;
    }
    return { value, at: { row: 0, column: path, value: text.trim() } };
  };
  const percent = readPercent;
  const amount = (t: string) => readAmount(t, decimalMark);

  const tiers = form.tiers.map((t, i) => ({
    from: read(`tiers[${i}].from`, t.from, attainment ? percent : amount),
    rate: read(`tiers[${i}].rate`, t.rate, percent),
  }));
  const bonuses = form.bonuses.map((b, i) => ({
    threshold: read(`bonuses[${i}].threshold`, b.threshold, percent),
    amount: read(`bonuses[${i}].amount`, b.amount, amount),
  }));
  const capAttainment = form.capAttainment.trim() === '' ? undefined : read('capAttainment', form.capAttainment, percent);
  const capAmount = form.capAmount.trim() === '' ? undefined : read('capAmount', form.capAmount, amount);
  if (form.tiers.length === 0) put('tiers', { key: 'pane.plan.error.noTiers' });
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  // Every value read (checked above), so no entry is null from here on.
  const located = <T>(x: Located<T> | null): Located<T> => x as Located<T>;
  const draft: PlanDraft = {
    period: form.period,
    basis: form.basis,
    method: form.method,
    tiers: tiers.map((t) => ({ from: located(t.from), rate: located(t.rate) })),
    bonuses: bonuses.map((b) => ({ threshold: located(b.threshold), amount: located(b.amount) })),
    ...(capAttainment ? { capAttainment } : {}),
    ...(capAmount ? { capAmount } : {}),
    tiersAt: { row: 0, column: 'tiers', value: '' },
  };
  const result = validatePlan(draft, 'plan');
  if (result.ok) return result;
  for (const e of result.errors) {
    put(e.column, planErrorMessage(e.code, e.column, e.reason, form));
  }
  return { ok: false, errors };
}

/** The pane's message for a core plan error at `path`. */
function planErrorMessage(code: string, path: string, reason: string, form: PlanForm): FormMessage {
  switch (code) {
    case 'plan.noTiers':
      return { key: 'pane.plan.error.noTiers' };
    case 'plan.firstTierNotZero':
      return { key: 'pane.plan.error.firstTierNotZero' };
    case 'plan.tiersNotAscending': {
      const index = Number(/^tiers\[(\d+)\]/.exec(path)?.[1] ?? 0);
      const previous = form.tiers[index - 1]?.from.trim() ?? '';
      return { key: 'pane.plan.error.tiersNotAscending', params: { previous: form.basis === 'attainment' ? `${previous.replace(/%/g, '').trim()} %` : previous } };
    }
    case 'plan.negativeRate':
      return { key: 'pane.plan.error.negativeRate' };
    case 'plan.rateTooHigh':
      return { key: 'pane.plan.error.rateTooHigh' };
    case 'plan.implausiblePercent':
      return { key: 'pane.plan.error.implausiblePercent' };
    case 'plan.badValue':
      return path === 'capAttainment' ? { key: 'pane.plan.error.capAttainment' } : { key: 'pane.plan.error.negative' };
    default:
      return { key: 'pane.plan.error.other', params: { reason } };
  }
}
