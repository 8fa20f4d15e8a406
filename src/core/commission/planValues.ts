import { normalizeLabel } from '../quotas/normalizeLabel';
import { parseMoneyDecimal } from '../quotas/parseQuotaAmount';
import { decimalFromNumber, parseDecimalText, type ExactDecimal } from './exactDecimal';
import type { PlanBasis, PlanMethod, PlanPeriod } from './commissionPlan';

/**
 * A rate, tier start (attainment basis), threshold or attainment cap: `5%` and `5 %` are
 * percentages; a plain number, `0.05` or `0,05` is the fraction itself (Excel stores a cell
 * formatted as 5 % as 0.05). A bare `5` is therefore 500 %, which validation rejects for rates.
 * @returns `null` when the value is not a number.
 * @example readFraction('12.5%') // 0.125
 * @example readFraction(0.05) // 0.05
 */
export function readFraction(value: unknown): ExactDecimal | null {
  if (typeof value === 'number') return decimalFromNumber(value);
  if (typeof value !== 'string') return null;
  let s = value.trim().replace(/\s+/g, '');
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  // A lone comma is a decimal comma (0,05); fractions have no thousands separators.
  if (!s.includes('.') && s.indexOf(',') === s.lastIndexOf(',')) s = s.replace(',', '.');
  const d = parseDecimalText(s);
  if (d === null) return null;
  return percent ? { digits: d.digits, scale: d.scale + 2 } : d;
}

/**
 * An amount in currency units (revenue-basis tier start, cap amount, bonus): a number or money
 * text (`€ 100.000,00`, `100,000`). A percentage is not an amount.
 * @example readMoney('100 000') // 100000
 */
export function readMoney(value: unknown): ExactDecimal | null {
  if (typeof value === 'number') return decimalFromNumber(value);
  if (typeof value !== 'string' || value.includes('%')) return null;
  return parseMoneyDecimal(value);
}

function choice<T extends string>(words: Readonly<Record<T, readonly string[]>>): (value: unknown) => T | null {
  const lookup = new Map<string, T>();
  for (const key of Object.keys(words) as T[]) for (const w of words[key]) lookup.set(normalizeLabel(w), key);
  return (value) => (typeof value === 'string' ? (lookup.get(normalizeLabel(value)) ?? null) : null);
}

/** `quarter` or `year`, in any of the four languages. @example readPeriod('Quartal') // 'quarter' */
export const readPeriod = choice<PlanPeriod>({
  quarter: ['quarter', 'quarterly', 'quartal', 'quartalsweise', 'trimestre', 'trimestral', 'kwartał', 'kwartalnie', 'kwartalny'],
  year: ['year', 'annual', 'yearly', 'annually', 'jahr', 'jährlich', 'año', 'anual', 'rok', 'roczny', 'rocznie'],
});

/** `attainment` or `revenue`. @example readBasis('Umsatz') // 'revenue' */
export const readBasis = choice<PlanBasis>({
  attainment: ['attainment', 'quota attainment', 'percent of quota', 'zielerreichung', 'cumplimiento',
    'cumplimiento de cuota', 'realizacja', 'realizacja planu'],
  revenue: ['revenue', 'sales', 'amount', 'umsatz', 'ingresos', 'ventas', 'importe', 'przychód', 'sprzedaż'],
});

/** `marginal` or `retroactive`. @example readMethod('rückwirkend') // 'retroactive' */
export const readMethod = choice<PlanMethod>({
  marginal: ['marginal', 'tiered', 'incremental', 'stufenweise', 'gestaffelt', 'marginalny', 'progresywny', 'krańcowy'],
  retroactive: ['retroactive', 'retro', 'rückwirkend', 'retroactivo', 'retroaktywny', 'wsteczny'],
});

const NONE = new Set(['', 'none', 'no', 'n a', 'keine', 'kein', 'ninguno', 'ninguna', 'sin', 'brak', 'nie'].map(normalizeLabel));

/**
 * True for a cap cell that says "no cap": blank, `none`, `-`, `keine`, `ninguno`, `brak` …
 * @example isNoneValue('—') // true
 */
export function isNoneValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'string' && NONE.has(normalizeLabel(value));
}
