import type { Language } from '../reports/i18n/language';
import type { ReportModel, WrittenSheet } from '../reports/model';
import type { RunDigest } from './computeReports';
import { throwIfCancelled, type CancelToken, type GridSource, type Progress, type SourceTables } from './ports';
import type { ComputeTransport, ReportCompute } from './reportCompute';
import type { RunFailure, RunOptions } from './runAnalysis';

/** Where the report sheets go (the Excel sink in the add-in). */
export interface ReportWriter {
  /**
   * Writes the report sheets and says what each is called. `readSheets` are the sheets the run
   * read its tables from: a writer never replaces them. Progress in the `writing` phase;
   * cancellable between chunks, leaving the previous reports as they were.
   */
  write(model: ReportModel, readSheets: readonly string[], progress?: Progress, cancel?: CancelToken): Promise<readonly WrittenSheet[]>;
}

/** The ports of {@link createReports}. */
export interface CreateReportsPorts {
  readonly source: GridSource;
  readonly compute: ReportCompute;
  readonly writer: ReportWriter;
}

/** What to create: the engine's options and the report's language and source line. */
export interface CreateReportsRequest {
  readonly options: RunOptions;
  readonly language: Language;
  /** Shown under the report titles; default the transaction sheet's name. */
  readonly sourceLabel?: string;
}

/** Reports written (the run's digest, the sheets, where the compute ran), or the engine's failure. */
export type CreateReportsOutcome =
  | { readonly ok: true; readonly run: RunDigest; readonly sheets: readonly WrittenSheet[]; readonly transport: ComputeTransport }
  | RunFailure;

/**
 * The "create reports" use case, shared by the task pane and the ribbon's Refresh reports: read
 * the source (chunked), compute (engine + report builder, in a worker or in the thread), write
 * the report sheets. Progress flows through all three phases; once `cancel` is set the run
 * stops at the next chunk with `CancelledError` — before the writer starts, nothing in the
 * workbook has changed. Failures the user must fix in the data come back as a `RunFailure`;
 * adapter errors reject.
 * @example await createReports({ source, compute: inThreadCompute(), writer }, { options: {}, language: 'en' })
 */
export async function createReports(ports: CreateReportsPorts, request: CreateReportsRequest, progress?: Progress, cancel?: CancelToken): Promise<CreateReportsOutcome> {
  let tables: SourceTables | undefined = await ports.source.read(progress, cancel);
  throwIfCancelled(cancel);
  const readSheets = [tables.transactions.sheet, ...Object.values(tables.auxiliary).map((g) => g.sheet)];
  const choices = { language: request.language, sourceLabel: request.sourceLabel ?? tables.transactions.sheet };
  const computing = ports.compute.compute({ tables, options: request.options, choices }, progress, cancel);
  // The grid (the largest thing a run holds) is the compute's from here; nothing here keeps it alive.
  tables = undefined;
  const { transport, outcome } = await computing;
  if (!outcome.ok) return outcome;
  throwIfCancelled(cancel);
  const sheets = await ports.writer.write(outcome.model, readSheets, progress, cancel);
  return { ok: true, run: outcome.run, sheets, transport };
}
