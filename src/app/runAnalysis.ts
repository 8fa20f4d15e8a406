import { analyze, type Analysis } from '../core/analyze';
import { parsePlanGrid } from '../core/commission/parsePlanGrid';
import { parsePlanJson } from '../core/commission/parsePlanJson';
import type { CommissionPlan } from '../core/commission/commissionPlan';
import { parseAccountTargets } from '../core/accounts/accountTargets';
import { parseKeyAccounts } from '../core/concentration/keyAccounts';
import { forecastYear, type YearForecast } from '../core/forecast/forecastYear';
import type { ForecastMethodOption } from '../core/forecast/chooseMethod';
import type { Field } from '../core/intake/fields';
import { intake, type IntakeResult } from '../core/intake/intake';
import type { DateOrder } from '../core/intake/parseDate';
import type { DecimalSeparator } from '../core/intake/parseAmount';
import { parseFxTable, type FxTable } from '../core/intake/parseFxTable';
import { detectColumnDecimalSeparator } from '../core/intake/detectDecimalSeparator';
import { detectHeader } from '../core/intake/detectHeader';
import { TRANSACTION_HEADERS } from '../core/intake/transactionHeaders';
import type { Grid } from '../core/intake/cellValue';
import type { Issue } from '../core/issues/issue';
import { dayNumber, isValidYmd, type DayNumber } from '../core/periods/dayNumber';
import type { FiscalStartMonth } from '../core/periods/fiscalStartMonth';
import { parseQuotaTable } from '../core/quotas/parseQuotaTable';
import { toForecastJson, type SpecJsonForecast } from './forecastJson';
import { throwIfCancelled, type CancelToken, type GridSource, type Progress, type SourceTables } from './ports';
import { toSpecJson, type SpecJson } from './specJson';

/** Everything a run can be told; every field is optional and has the SPEC's default. */
export interface RunOptions {
  readonly mapping?: Partial<Record<Field, string>>;
  readonly currency?: string;
  readonly decimal?: DecimalSeparator;
  readonly dateOrder?: DateOrder;
  readonly fiscalStart?: FiscalStartMonth;
  /** `YYYY-MM-DD`; default the latest accepted transaction date. */
  readonly asOf?: string;
  readonly forecast?: ForecastMethodOption;
  readonly nearThreshold?: number;
  readonly reviewAfter?: number;
}

/** A run that could not produce results, with a message for the user. */
export interface RunFailure {
  readonly ok: false;
  /** Stable code: `header.missing`, `plan.invalid`, `fx.header`, `intake.noRows`, `option.asOf` … */
  readonly code: string;
  /** One plain-words message naming the sheet/file, row, column and value where there is one. */
  readonly message: string;
  /** The individual problems behind the message (plan rows, rejected rows …). */
  readonly details: readonly Issue[];
}

/** A finished analysis: the engine's results and SPEC §9's JSON object. */
export interface RunResult {
  readonly ok: true;
  readonly intake: IntakeResult;
  readonly analysis: Analysis;
  readonly forecast: YearForecast;
  readonly plan: CommissionPlan | null;
  /** The decimal separator amounts written as text were read with (configured or detected). */
  readonly decimal: DecimalSeparator;
  /**
   * Problems in the auxiliary tables (quotas, key accounts, targets, FX rates) and in matching
   * them to the transactions. They go on the Data Issues sheet next to the rejected rows.
   */
  readonly tableIssues: readonly Issue[];
  readonly json: SpecJson & { readonly forecast: readonly SpecJsonForecast[] };
}

/** The outcome of {@link analyseTables} and {@link runAnalysis}. */
export type RunOutcome = RunResult | RunFailure;

function fail(code: string, message: string, details: readonly Issue[] = []): RunFailure {
  return { ok: false, code, message, details };
}

/**
 * Records the time since `start` as the User Timing measure `accountdesk:<phase>` and returns
 * the current time. The CLI prints these with `ACCOUNTDESK_TIMINGS=1` (for `npm run bench`);
 * browser profilers show them for the task pane. Where the environment has no
 * `performance.measure` (jsdom), only the clock is read.
 */
function phaseDone(phase: string, start: number): number {
  const end = performance.now();
  if (typeof performance.measure === 'function') performance.measure(`accountdesk:${phase}`, { start, end });
  return end;
}

function where(i: Issue): string {
  const parts = [i.sheet, i.row > 0 ? `row ${i.row}` : '', i.column !== '' ? `column "${i.column}"` : ''].filter((p) => p !== '');
  return `${parts.join(', ')}${i.value !== '' ? ` (value "${i.value}")` : ''}`;
}

/**
 * The decimal separator when none is configured: detected from the text amounts of the
 * transaction table's amount column (see `detectDecimalSeparator`), so a German or Polish CSV
 * with `12,50` reads without settings. `.` when the header cannot be found.
 */
function resolveDecimal(grid: Grid, options: RunOptions): DecimalSeparator {
  if (options.decimal !== undefined) return options.decimal;
  const header = detectHeader(grid, TRANSACTION_HEADERS, options.mapping ?? {});
  const column = header.ok ? header.mapping.amount?.column : undefined;
  if (!header.ok || column === undefined) return '.';
  return detectColumnDecimalSeparator(grid, column, header.headerIndex + 1);
}

function parseAsOf(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/**
 * The whole computation on tables already read: FX rates, intake (SPEC §1), quotas, plan, key
 * accounts and targets, the metrics engine (§2–§5, §7) and the forecast (§6). Pure: no I/O.
 * Problems the user must fix before anything can be computed (a missing column, an invalid plan,
 * no usable row) are a {@link RunFailure}; everything else is reported and the run goes on.
 * @example analyseTables(await source.read(), { fiscalStart: 4 })
 */
export function analyseTables(tables: SourceTables, options: RunOptions = {}, progress?: Progress): RunOutcome {
  const fiscalStart = options.fiscalStart ?? 1;
  const tableIssues: Issue[] = [];
  const step = (done: number, detail: string) => progress?.({ phase: 'computing', done, total: 6, detail });
  let clock = performance.now();
  const decimal = resolveDecimal(tables.transactions, options);

  let fx: FxTable | undefined;
  if (tables.auxiliary.fx !== undefined) {
    const read = parseFxTable(tables.auxiliary.fx, { decimal });
    if (!read.ok) return fail('fx.header', `${tables.auxiliary.fx.sheet}: ${read.message}`);
    fx = read.rates;
    tableIssues.push(...read.issues);
  }

  step(0, 'intake');
  const read = intake(tables.transactions, {
    mapping: options.mapping,
    currency: options.currency,
    decimal,
    dateOrder: options.dateOrder,
    fx,
  });
  clock = phaseDone('intake', clock);
  if (!read.ok) return fail(read.code, `${tables.transactions.sheet}: ${read.message}`);
  if (read.accepted === 0) {
    const first = read.issues.slice(0, 3).map((i) => `${where(i)}: ${i.reason}`);
    return fail(
      'intake.noRows',
      `${tables.transactions.sheet}: no row could be used (${read.rejected} rejected, ${read.blank} blank)` +
        (first.length > 0 ? `; for example ${first.join('; ')}.` : '.'),
      read.issues,
    );
  }

  let asOf: DayNumber | undefined;
  if (options.asOf !== undefined) {
    const day = parseAsOf(options.asOf);
    if (day === null) return fail('option.asOf', `The as-of date "${options.asOf}" is not a real date written YYYY-MM-DD.`);
    asOf = day;
  }

  step(1, 'tables');
  const tx = read.transactions;
  let plan: CommissionPlan | null = null;
  if (tables.planJson !== undefined || tables.auxiliary.plan !== undefined) {
    const parsed = tables.planJson !== undefined ? parsePlanJson(tables.planJson.text, tables.planJson.label) : parsePlanGrid(tables.auxiliary.plan!);
    if (!parsed.ok) {
      const lines = parsed.errors.map((e) => `${where(e)}: ${e.reason}`);
      return fail('plan.invalid', `The commission plan is not valid: ${lines.join('; ')}.`, parsed.errors);
    }
    plan = parsed.plan;
  }
  const quotas = tables.auxiliary.quotas === undefined ? undefined : parseQuotaTable(tables.auxiliary.quotas, fiscalStart, tx.managers, { decimalSeparator: decimal });
  if (quotas !== undefined) tableIssues.push(...quotas.issues);
  const keyAccounts = tables.auxiliary.keyAccounts === undefined ? undefined : parseKeyAccounts(tables.auxiliary.keyAccounts);
  if (keyAccounts !== undefined) tableIssues.push(...keyAccounts.issues);
  const targets = tables.auxiliary.targets === undefined ? undefined : parseAccountTargets(tables.auxiliary.targets, decimal);
  if (targets !== undefined) tableIssues.push(...targets.issues);

  clock = phaseDone('tables', clock);
  step(2, 'metrics');
  const analysis = analyze(tx, {
    fiscalStart,
    ...(asOf !== undefined && { asOf }),
    ...(quotas !== undefined && { quotas: quotas.table }),
    ...(plan !== null && { plan }),
    ...(keyAccounts !== undefined && { keyAccounts }),
    ...(targets !== undefined && { targets }),
    ...(options.nearThreshold !== undefined && { nearThreshold: options.nearThreshold }),
    ...(options.reviewAfter !== undefined && { reviewAfter: options.reviewAfter }),
  });
  tableIssues.push(...analysis.issues);
  clock = phaseDone('analyze', clock);

  step(4, 'forecast');
  const annualQuotas = new Map<number, number>();
  const byName = new Map(analysis.attainment.managers.map((m) => [m.manager, m.annualQuota] as const));
  tx.managers.forEach((name, index) => {
    const q = byName.get(name);
    if (q !== undefined && q !== null) annualQuotas.set(index, q);
  });
  const forecast = forecastYear(tx, { fiscalStartMonth: fiscalStart, asOf: analysis.asOf, method: options.forecast ?? 'auto', quotas: annualQuotas });
  clock = phaseDone('forecast', clock);
  step(6, 'done');

  const json = { ...toSpecJson(read, analysis), forecast: toForecastJson(forecast) };
  phaseDone('json', clock);
  return { ok: true, intake: read, analysis, forecast, plan, decimal, tableIssues, json };
}

/**
 * The one pipeline both front doors use: read the source (progress per chunk, cancellable),
 * then {@link analyseTables}.
 */
export async function runAnalysis(source: GridSource, options: RunOptions = {}, progress?: Progress, cancel?: CancelToken): Promise<RunOutcome> {
  const tables = await source.read(progress, cancel);
  throwIfCancelled(cancel);
  return analyseTables(tables, options, progress);
}
