/**
 * The engine's own words (statuses, bands, methods, plan settings) in the report language.
 * The engine speaks SPEC.md's English identifiers; sheets show the catalog's words.
 */
import type { AccountStatusName } from '../../core/accounts/accountStatus';
import type { AttainmentStatus } from '../../core/attainment/attainmentStatus';
import type { PlanBasis, PlanMethod, PlanPeriod } from '../../core/commission/commissionPlan';
import type { HhiBand } from '../../core/concentration/concentration';
import type { ForecastMethod } from '../../core/forecast/chooseMethod';
import type { MessageKey, Translate } from '../i18n/catalog';

const ATTAINMENT: Readonly<Record<AttainmentStatus, MessageKey>> = {
  Met: 'status.met',
  Near: 'status.near',
  Below: 'status.below',
  'No quota': 'status.noQuota',
};

const ACCOUNT: Readonly<Record<AccountStatusName, MessageKey>> = {
  Dormant: 'account.dormant',
  New: 'account.new',
  'At risk': 'account.atRisk',
  Declining: 'account.declining',
  Growing: 'account.growing',
  Stable: 'account.stable',
};

const BAND: Readonly<Record<HhiBand, MessageKey>> = { high: 'band.high', moderate: 'band.moderate', low: 'band.low' };
const METHOD: Readonly<Record<ForecastMethod, MessageKey>> = { ets: 'method.ets', seasonal: 'method.seasonal', 'run-rate': 'method.runRate' };
const PERIOD: Readonly<Record<PlanPeriod, MessageKey>> = { quarter: 'plan.quarter', year: 'plan.year' };
const BASIS: Readonly<Record<PlanBasis, MessageKey>> = { attainment: 'plan.attainment', revenue: 'plan.revenue' };
const PLAN_METHOD: Readonly<Record<PlanMethod, MessageKey>> = { marginal: 'plan.marginal', retroactive: 'plan.retroactive' };

/** Every attainment status, in the order the reports colour them. */
export const ATTAINMENT_STATUSES: readonly AttainmentStatus[] = ['Met', 'Near', 'Below', 'No quota'];
/** Every account status (SPEC §7 precedence). */
export const ACCOUNT_STATUSES: readonly AccountStatusName[] = ['Dormant', 'New', 'At risk', 'Declining', 'Growing', 'Stable'];

/** Translators for the engine's identifiers. */
export interface EngineWords {
  attainment(status: AttainmentStatus): string;
  account(status: AccountStatusName): string;
  band(band: HhiBand): string;
  method(method: ForecastMethod): string;
  planPeriod(period: PlanPeriod): string;
  planBasis(basis: PlanBasis): string;
  planMethod(method: PlanMethod): string;
  yesNo(value: boolean): string;
}

/**
 * The engine's words in the language of `t`.
 * @example engineWords(translator('de')).attainment('Met') // "Erreicht"
 */
export function engineWords(t: Translate): EngineWords {
  return {
    attainment: (s) => t(ATTAINMENT[s]),
    account: (s) => t(ACCOUNT[s]),
    band: (b) => t(BAND[b]),
    method: (m) => t(METHOD[m]),
    planPeriod: (p) => t(PERIOD[p]),
    planBasis: (b) => t(BASIS[b]),
    planMethod: (m) => t(PLAN_METHOD[m]),
    yesNo: (v) => t(v ? 'label.yes' : 'label.no'),
  };
}
