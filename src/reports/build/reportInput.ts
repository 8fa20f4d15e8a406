/**
 * What the report builders read: the engine's results of one run (a `RunResult` of
 * `src/app/runAnalysis` has this shape) and the few choices that are about presentation only.
 * Declared here, from core types, because reports may not import the app layer (DESIGN.md §1).
 */
import type { Analysis } from '../../core/analyze';
import type { CommissionPlan } from '../../core/commission/commissionPlan';
import type { YearForecast } from '../../core/forecast/forecastYear';
import type { IntakeResult } from '../../core/intake/intake';
import type { Issue } from '../../core/issues/issue';
import type { Language } from '../i18n/language';

/** The engine results the report sheets show; a `RunResult` satisfies it. */
export interface ReportInput {
  readonly intake: Pick<IntakeResult, 'rows' | 'accepted' | 'rejected' | 'blank' | 'issues' | 'currency'>;
  readonly analysis: Analysis;
  readonly forecast: YearForecast;
  /** The commission plan applied, or `null` (then the Commission sheet says how to add one). */
  readonly plan: CommissionPlan | null;
  /** Problems in the quota, plan, key-account, target and FX tables (Data Issues sheet). */
  readonly tableIssues: readonly Issue[];
}

/** Presentation choices; everything but the language has a sensible default. */
export interface ReportOptions {
  /** Language of labels, sheet names, status words and number formats. */
  readonly language: Language;
  /**
   * ISO code shown in money formats; default the intake's reporting currency. `null` shows
   * plain numbers (the data named no currency).
   */
  readonly currency?: string | null;
  /** Where the data came from, e.g. `sales.xlsx, sheet Sales`; shown under the titles. */
  readonly sourceLabel?: string;
  /** The run's review setting (SPEC §3, default 2), quoted in the review note. */
  readonly reviewAfter?: number;
}
