import { accountStatusReport, type AccountStatusRow } from './accounts/accountStatusReport';
import { yearAggregates } from './aggregate/yearAggregates';
import { DEFAULT_STATUS_THRESHOLDS, type StatusThresholds } from './accounts/accountStatus';
import { resolveAccountTargets, type AccountTargetList } from './accounts/accountTargets';
import { attainmentReport, type AttainmentReport, type ListedManager } from './attainment/attainmentReport';
import { listManagers } from './attainment/listManagers';
import type { CommissionPlan } from './commission/commissionPlan';
import { commissionReport, type CommissionReport } from './commission/commissionReport';
import { DEFAULT_ABC_CUTOFFS, type AbcCutoffs } from './concentration/concentration';
import { concentrationReport, type ConcentrationReport } from './concentration/concentrationReport';
import { resolveKeyAccounts, type KeyAccountList } from './concentration/keyAccounts';
import type { Transactions } from './intake/transactions';
import type { DayNumber } from './periods/dayNumber';
import { DEFAULT_FISCAL_START_MONTH, isFiscalStartMonth, type FiscalStartMonth } from './periods/fiscalStartMonth';
import { reportCalendar, resolveAsOf, type ReportCalendar } from './periods/reportCalendar';
import { alignQuotaTable } from './quotas/alignQuotaTable';
import { emptyQuotaTable, type QuotaTable } from './quotas/quotaTable';
import type { TableIssue } from './quotas/tableIssue';

/** Settings of one analysis run; everything but the transactions is optional. */
export interface AnalyzeOptions {
  /** Fiscal year start month 1–12 (default 1). */
  readonly fiscalStart?: FiscalStartMonth;
  /** As-of date; default the latest transaction date. Transactions after it are ignored. */
  readonly asOf?: DayNumber;
  /** From `parseQuotaTable` (same fiscal start). */
  readonly quotas?: QuotaTable;
  /** From `parsePlanGrid` / `parsePlanJson`; without a plan there is no commission. */
  readonly plan?: CommissionPlan;
  /** From `parseKeyAccounts`; when given it replaces class A as the key-account set. */
  readonly keyAccounts?: KeyAccountList;
  /** From `parseAccountTargets`. */
  readonly targets?: AccountTargetList;
  /** Near threshold of attainment (default 0.9). */
  readonly nearThreshold?: number;
  /** Closed quarters below 100 % in a row that flag a review (default 2). */
  readonly reviewAfter?: number;
  /** ABC cut-offs (default 0.8 / 0.95). */
  readonly abc?: AbcCutoffs;
  /** Account status thresholds (defaults of SPEC §7). */
  readonly statusThresholds?: Partial<StatusThresholds>;
}

/** Everything SPEC §2–§5 and §7 compute, money in cents. */
export interface Analysis {
  readonly asOf: DayNumber;
  readonly calendar: ReportCalendar;
  /** Managers listed (SPEC §2), by name. */
  readonly managers: readonly ListedManager[];
  readonly attainment: AttainmentReport;
  /** `null` without a plan. */
  readonly commission: CommissionReport | null;
  readonly concentration: ConcentrationReport;
  /** Account Status rows, by revenue descending. */
  readonly accounts: readonly AccountStatusRow[];
  /**
   * Problems found while matching the key-account list and account targets to the transactions
   * (unknown names). Issues found while reading a sheet stay with that sheet's parse result.
   */
  readonly issues: readonly TableIssue[];
}

/**
 * Runs the metrics engine: periods (§2), attainment (§3), concentration (§4), commission (§5) and
 * account status (§7) over accepted transactions. Pure and deterministic; the sums (manager ×
 * quarter, account × quarter, account × manager, per-account spans and orders) come from one
 * pass over the typed arrays ({@link yearAggregates}), then work proportional to managers and
 * accounts.
 *
 * Precondition: an as-of date must be resolvable — at least one transaction, or `options.asOf`.
 * Intake reports "no accepted rows" before this is called, so a call without either is a bug
 * and throws, as do a fiscal start outside 1–12 and a quota table read for another fiscal start.
 * @example analyze(transactions, { fiscalStart: 1, quotas, plan }).attainment.managers[0].ytd.attainment
 */
export function analyze(transactions: Transactions, options: AnalyzeOptions = {}): Analysis {
  const fiscalStart = options.fiscalStart ?? DEFAULT_FISCAL_START_MONTH;
  if (!isFiscalStartMonth(fiscalStart)) throw new RangeError(`fiscal start month must be 1–12, got ${String(fiscalStart)}`);
  const asOf = resolveAsOf(transactions, options.asOf);
  if (asOf === null) throw new Error('analyze needs at least one accepted transaction or an as-of date');
  const quotas = alignQuotaTable(options.quotas ?? emptyQuotaTable(fiscalStart), transactions.managers);
  if (quotas.fiscalStart !== fiscalStart) {
    throw new Error(`quota table was read for fiscal start ${quotas.fiscalStart}, analysis uses ${fiscalStart}`);
  }
  const calendar = reportCalendar(asOf, fiscalStart);
  const issues: TableIssue[] = [];

  // One pass over the transactions for the sums of attainment, concentration and account status.
  const aggregates = yearAggregates(transactions, calendar);
  const byQuarter = { revenue: aggregates.managerQuarter, active: aggregates.managerActive };
  const managers = listManagers(transactions.managers, byQuarter.active, quotas, calendar.reportYear);
  const attainment = attainmentReport({
    calendar,
    managers,
    revenue: byQuarter.revenue,
    quotas,
    nearThreshold: options.nearThreshold ?? 0.9,
    reviewAfter: options.reviewAfter ?? 2,
  });
  const commission = options.plan ? commissionReport(options.plan, attainment, calendar) : null;

  let keyList: Uint8Array | null = null;
  if (options.keyAccounts) {
    const resolved = resolveKeyAccounts(options.keyAccounts, transactions.accounts);
    keyList = resolved.key;
    issues.push(...resolved.issues);
  }
  const concentration = concentrationReport(transactions, calendar, keyList, options.abc ?? DEFAULT_ABC_CUTOFFS, aggregates);

  let targets;
  if (options.targets) {
    const resolved = resolveAccountTargets(options.targets, transactions);
    targets = resolved.targets;
    issues.push(...resolved.issues);
  }
  const accounts = accountStatusReport({
    tx: transactions,
    calendar,
    year: concentration.year,
    key: concentration.key,
    ...(targets ? { targets } : {}),
    thresholds: { ...DEFAULT_STATUS_THRESHOLDS, ...options.statusThresholds },
    aggregates,
  });

  return { asOf, calendar, managers, attainment, commission, concentration, accounts, issues };
}
