import type { ExactDecimal } from './exactDecimal';
import { isNoneValue, readBasis, readFraction, readMethod, readMoney, readPeriod } from './planValues';
import { planDraft, validatePlan, type Located, type PlanLocation, type PlanResult } from './validatePlan';
import type { PlanBasis, PlanMethod, PlanPeriod } from './commissionPlan';
import { issueMessage, type IssueMessage } from '../issues/messages';
import { tableIssue, type TableIssue } from '../quotas/tableIssue';

const KEYS = new Set(['period', 'basis', 'method', 'tiers', 'capAttainment', 'capAmount', 'bonuses']);
/** The JSON shapes of a tier and a bonus, as the reasons show them (JSON syntax, the same in every language). */
const TIER_SHAPE = '{ "from": …, "rate": … }';
const BONUS_SHAPE = '{ "threshold": …, "amount": … }';

function text(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? '';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads a commission plan from JSON (the CLI's `--plan plan.json`, SPEC §5):
 * ```json
 * { "period": "quarter", "basis": "attainment", "method": "marginal",
 *   "tiers": [ { "from": 0, "rate": "2%" }, { "from": "50%", "rate": 0.05 }, { "from": 1, "rate": 0.08 } ],
 *   "capAttainment": 2, "capAmount": 50000, "bonuses": [ { "threshold": 1, "amount": 1000 } ] }
 * ```
 * Rates, attainment tier starts, thresholds and the attainment cap are fractions (`0.05`) or
 * percentage strings (`"5%"`); revenue tier starts, `capAmount` and bonus amounts are in currency
 * units (numbers or strings; strings keep every digit). Omitted settings take SPEC defaults;
 * `null` caps mean none. Errors name the JSON path (`tiers[2].from`) in `column`.
 * @example parsePlanJson('{"tiers":[{"from":0,"rate":"5%"}]}') // { ok: true, plan: { period: 'quarter', … } }
 */
export function parsePlanJson(input: string | unknown, source = 'plan.json'): PlanResult {
  const errors: TableIssue[] = [];
  const fail = (code: string, column: string, value: unknown, message: IssueMessage) =>
    errors.push(tableIssue(code, source, 0, column, text(value), message, 'error'));
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      fail('plan.notJson', '', '', issueMessage('plan.json.invalid', { detail: e instanceof Error ? e.message : String(e) }));
      return { ok: false, errors };
    }
  }
  if (!isRecord(json)) {
    fail('plan.notJson', '', json, issueMessage('plan.json.notObject'));
    return { ok: false, errors };
  }
  for (const key of Object.keys(json)) {
    if (!KEYS.has(key)) fail('plan.unknownSetting', key, json[key], issueMessage('plan.unknownSetting', { name: key, known: [...KEYS].join(', ') }));
  }
  const at = (column: string, v: unknown): PlanLocation => ({ row: 0, column, value: text(v) });
  const pick = <T>(key: 'period' | 'basis' | 'method', read: (v: unknown) => T | null): T | undefined => {
    const v = json[key];
    if (v === undefined) return undefined;
    const r = read(v);
    if (r === null) fail('plan.badValue', key, v, issueMessage(`plan.${key}`, { name: key }));
    return r ?? undefined;
  };
  const period = pick<PlanPeriod>('period', readPeriod);
  const basis = pick<PlanBasis>('basis', readBasis);
  const method = pick<PlanMethod>('method', readMethod);
  /** What a number must be, by the key of its sentence. */
  type NumberRule = 'plan.json.tierStart' | 'plan.json.rate' | 'plan.json.bonusThreshold' | 'plan.json.capAttainment' | 'plan.amount';
  const num = (path: string, v: unknown, read: (v: unknown) => ExactDecimal | null, rule: NumberRule): Located<ExactDecimal> | null => {
    const d = read(v);
    if (d === null) fail('plan.badValue', path, v, issueMessage(rule, { name: path }));
    return d === null ? null : { value: d, at: at(path, v) };
  };
  const fromReader = (basis ?? 'attainment') === 'attainment' ? readFraction : readMoney;
  const fromRule: NumberRule = (basis ?? 'attainment') === 'attainment' ? 'plan.json.tierStart' : 'plan.amount';

  const tiers: { from: Located<ExactDecimal>; rate: Located<ExactDecimal> }[] = [];
  const list = (key: string): unknown[] => {
    const v = json[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      fail('plan.badValue', key, v, issueMessage('plan.json.notList', { name: key }));
      return [];
    }
    return v;
  };
  list('tiers').forEach((t, i) => {
    const path = `tiers[${i}]`;
    if (!isRecord(t)) return void fail('plan.badValue', path, t, issueMessage('plan.json.tierShape', { shape: TIER_SHAPE }));
    for (const k of Object.keys(t)) if (k !== 'from' && k !== 'rate') fail('plan.unknownSetting', `${path}.${k}`, t[k], issueMessage('plan.json.unknownTierField', { name: k }));
    const from = num(`${path}.from`, t.from, fromReader, fromRule);
    const rate = num(`${path}.rate`, t.rate, readFraction, 'plan.json.rate');
    if (from && rate) tiers.push({ from, rate });
  });
  const bonuses: { threshold: Located<ExactDecimal>; amount: Located<ExactDecimal> }[] = [];
  list('bonuses').forEach((b, i) => {
    const path = `bonuses[${i}]`;
    if (!isRecord(b)) return void fail('plan.badValue', path, b, issueMessage('plan.json.bonusShape', { shape: BONUS_SHAPE }));
    for (const k of Object.keys(b)) if (k !== 'threshold' && k !== 'amount') fail('plan.unknownSetting', `${path}.${k}`, b[k], issueMessage('plan.json.unknownBonusField', { name: k }));
    const threshold = num(`${path}.threshold`, b.threshold, readFraction, 'plan.json.bonusThreshold');
    const amount = num(`${path}.amount`, b.amount, readMoney, 'plan.amount');
    if (threshold && amount) bonuses.push({ threshold, amount });
  });
  const cap = (key: string, read: (v: unknown) => ExactDecimal | null, rule: NumberRule) =>
    isNoneValue(json[key]) ? null : num(key, json[key], read, rule);
  const capAttainment = cap('capAttainment', readFraction, 'plan.json.capAttainment');
  const capAmount = cap('capAmount', readMoney, 'plan.amount');

  const tiersAt = at('tiers', json.tiers ?? '');
  // Values that could not be read leave gaps that validation would misreport (a later tier
  // seen as the first one), so the plan is validated only once every value reads.
  return errors.length > 0 ? { ok: false, errors } : validatePlan(planDraft({ period, basis, method, tiers, bonuses, capAttainment, capAmount, tiersAt }), source);
}
