import type { Analysis } from '../core/analyze';
import type { ConcentrationReport } from '../core/concentration/concentrationReport';
import type { IntakeResult } from '../core/intake/intake';
import { buildReportModel } from '../reports/build';
import type { Language } from '../reports/i18n/language';
import type { ReportModel } from '../reports/model';
import type { Progress, SourceTables } from './ports';
import { analyseTables, type RunFailure, type RunOptions, type RunResult } from './runAnalysis';

/** How the report sheets are presented: the report builder's options that are not engine options. */
export interface ReportChoices {
  readonly language: Language;
  /** Where the data came from, shown under the titles; default the transaction sheet's name. */
  readonly sourceLabel?: string;
}

/**
 * What a caller of a run gets besides the report model: the headline figures and the issues
 * (what the pane's results card shows, `summaryFromRun`), as parts of the engine's own result
 * types. Small on purpose — it crosses the worker boundary, and the full `RunResult` of a 1 M-row
 * run (transactions, per-account lists, SPEC JSON) is tens of MB whose structured clone would
 * freeze the pane; those stay where they were computed.
 */
export interface RunDigest {
  readonly intake: Pick<IntakeResult, 'rows' | 'accepted' | 'rejected' | 'blank' | 'issues' | 'currency'>;
  readonly analysis: Pick<Analysis, 'asOf' | 'calendar' | 'managers' | 'attainment' | 'commission'> & {
    readonly concentration: Pick<ConcentrationReport, 'keyAccountShare'> & { readonly year: Pick<ConcentrationReport['year'], 'hhi' | 'band'> };
  };
  readonly tableIssues: RunResult['tableIssues'];
}

/** The outcome of {@link computeReports}: the run's digest and its report model, or the engine's failure. */
export type ComputedReports = { readonly ok: true; readonly run: RunDigest; readonly model: ReportModel } | RunFailure;

/** The parts of a run a {@link RunDigest} keeps. */
export function digestOf(run: RunResult): RunDigest {
  const { intake, analysis } = run;
  const { concentration } = analysis;
  return {
    intake: { rows: intake.rows, accepted: intake.accepted, rejected: intake.rejected, blank: intake.blank, issues: intake.issues, currency: intake.currency },
    analysis: {
      asOf: analysis.asOf,
      calendar: analysis.calendar,
      managers: analysis.managers,
      attainment: analysis.attainment,
      commission: analysis.commission,
      concentration: { keyAccountShare: concentration.keyAccountShare, year: { hhi: concentration.year.hhi, band: concentration.year.band } },
    },
    tableIssues: run.tableIssues,
  };
}

/**
 * The compute step of a run as steps: the engine (`analyseTables`), then the report builder
 * (`buildReportModel`). Each `yield` is a point where a caller on the UI thread lets the pane
 * repaint; the return value is the outcome. Pure — the one code path both transports drive: the
 * pane's thread (`inThreadCompute`, awaiting a macrotask at each step) and the engine worker
 * (`engine.worker.ts`, straight through). Progress: the engine's `computing` steps 0–6 of 6.
 */
export function* computeReportSteps(tables: SourceTables, options: RunOptions, choices: ReportChoices, progress?: Progress): Generator<void, ComputedReports, void> {
  const outcome = analyseTables(tables, options, progress);
  if (!outcome.ok) return outcome;
  yield;
  const model = buildReportModel(outcome, {
    language: choices.language,
    sourceLabel: choices.sourceLabel ?? tables.transactions.sheet,
    ...(options.reviewAfter !== undefined && { reviewAfter: options.reviewAfter }),
  });
  return { ok: true, run: digestOf(outcome), model };
}

/**
 * {@link computeReportSteps} run straight through.
 * @example computeReports(await source.read(), { fiscalStart: 4 }, { language: 'de' })
 */
export function computeReports(tables: SourceTables, options: RunOptions, choices: ReportChoices, progress?: Progress): ComputedReports {
  const steps = computeReportSteps(tables, options, choices, progress);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
