import type { ExactDecimal } from './exactDecimal';
import { isNoneValue, readBasis, readFraction, readMethod, readMoney, readPeriod } from './planValues';
import { validatePlan, type Located, type PlanDraft, type PlanLocation, type PlanResult } from './validatePlan';
import type { PlanBasis, PlanMethod, PlanPeriod } from './commissionPlan';
import type { TableIssue } from '../quotas/tableIssue';

const KEYS = new Set(['period', 'basis', 'method', 'tiers', 'capAttainment', 'capAmount', 'bonuses']);

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
  const fail = (code: string, column: string, value: unknown, reason: string) =>
    errors.push({ code, sheet: source, row: 0, column, value: text(value), reason, severity: 'error' });
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      fail('plan.notJson', '', '', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return { ok: false, errors };
    }
  }
  if (!isRecord(json)) {
    fail('plan.notJson', '', json, 'a plan is a JSON object with period, basis, method, tiers …');
    return { ok: false, errors };
  }
  for (const key of Object.keys(json)) {
    if (!KEYS.has(key)) fail('plan.unknownSetting', key, json[key], `unknown setting "${key}"; known: ${[...KEYS].join(', ')}`);
  }
  const at = (column: string, v: unknown): PlanLocation => ({ row: 0, column, value: text(v) });
  const pick = <T>(key: string, read: (v: unknown) => T | null, allowed: string): T | undefined => {
    const v = json[key];
    if (v === undefined) return undefined;
    const r = read(v);
    if (r === null) fail('plan.badValue', key, v, `${key} must be ${allowed}`);
    return r ?? undefined;
  };
  const period = pick<PlanPeriod>('period', readPeriod, 'quarter or year');
  const basis = pick<PlanBasis>('basis', readBasis, 'attainment or revenue');
  const method = pick<PlanMethod>('method', readMethod, 'marginal or retroactive');
  const num = (path: string, v: unknown, read: (v: unknown) => ExactDecimal | null, what: string): Located<ExactDecimal> | null => {
    const d = read(v);
    if (d === null) fail('plan.badValue', path, v, `${path} must be ${what}`);
    return d === null ? null : { value: d, at: at(path, v) };
  };
  const fromReader = (basis ?? 'attainment') === 'attainment' ? readFraction : readMoney;
  const fromWhat = (basis ?? 'attainment') === 'attainment' ? 'a fraction of quota (0.5) or a percentage ("50%")' : 'an amount';

  const tiers: { from: Located<ExactDecimal>; rate: Located<ExactDecimal> }[] = [];
  const list = (key: string): unknown[] => {
    const v = json[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      fail('plan.badValue', key, v, `${key} must be a list`);
      return [];
    }
    return v;
  };
  list('tiers').forEach((t, i) => {
    const path = `tiers[${i}]`;
    if (!isRecord(t)) return void fail('plan.badValue', path, t, 'a tier is { "from": …, "rate": … }');
    for (const k of Object.keys(t)) if (k !== 'from' && k !== 'rate') fail('plan.unknownSetting', `${path}.${k}`, t[k], `unknown tier field "${k}"`);
    const from = num(`${path}.from`, t.from, fromReader, fromWhat);
    const rate = num(`${path}.rate`, t.rate, readFraction, 'a fraction (0.05) or a percentage ("5%")');
    if (from && rate) tiers.push({ from, rate });
  });
  const bonuses: { threshold: Located<ExactDecimal>; amount: Located<ExactDecimal> }[] = [];
  list('bonuses').forEach((b, i) => {
    const path = `bonuses[${i}]`;
    if (!isRecord(b)) return void fail('plan.badValue', path, b, 'a bonus is { "threshold": …, "amount": … }');
    for (const k of Object.keys(b)) if (k !== 'threshold' && k !== 'amount') fail('plan.unknownSetting', `${path}.${k}`, b[k], `unknown bonus field "${k}"`);
    const threshold = num(`${path}.threshold`, b.threshold, readFraction, 'an attainment fraction (1) or a percentage ("100%")');
    const amount = num(`${path}.amount`, b.amount, readMoney, 'an amount');
    if (threshold && amount) bonuses.push({ threshold, amount });
  });
  const cap = (key: string, read: (v: unknown) => ExactDecimal | null, what: string) =>
    isNoneValue(json[key]) ? null : num(key, json[key], read, what);
  const capAttainment = cap('capAttainment', readFraction, 'an attainment fraction (2) or a percentage ("200%")');
  const capAmount = cap('capAmount', readMoney, 'an amount');

  const draft: PlanDraft = {
    ...(period ? { period } : {}),
    ...(basis ? { basis } : {}),
    ...(method ? { method } : {}),
    tiers,
    bonuses,
    ...(capAttainment ? { capAttainment } : {}),
    ...(capAmount ? { capAmount } : {}),
    tiersAt: at('tiers', json.tiers ?? ''),
  };
  // Values that could not be read leave gaps that validation would misreport (a later tier
  // seen as the first one), so the plan is validated only once every value reads.
  return errors.length > 0 ? { ok: false, errors } : validatePlan(draft, source);
}
