import type { CancelToken, Progress } from '../app/ports';
import type { RunFailure } from '../app/runAnalysis';
import type { SheetRole } from '../app/sheetRoles';
import type { CommissionPlan } from '../core/commission/commissionPlan';
import type { PlanResult } from '../core/commission/validatePlan';
import type { FieldMapping } from './mapping/fieldMapping';
import type { RunSummary } from './results/runSummary';
import type { RunSettings } from './settings/runSettings';

import type { SourceKind } from '../app/excelPaneAdapter';

/** Where the transactions were found: the selection, an Excel table, or the used range of a sheet. */
export type { SourceKind };

/**
 * The transaction table the pane offers to report on: where it is and what its header says.
 * The pane maps the header to fields itself (core `mapColumns`), so the adapter only finds the
 * table and its header row (core `detectHeader` skips title rows above it).
 */
export interface DetectedSource {
  readonly kind: SourceKind;
  readonly sheet: string;
  /** Address of the whole table without the sheet, header included, e.g. `A1:F1201`. */
  readonly address: string;
  /** The Excel table's name when `kind` is `table`. */
  readonly tableName?: string;
  /** 1-based sheet row of the header row. */
  readonly headerRow: number;
  /** 0-based sheet column of the table's first column (for column letters and cell selection). */
  readonly firstColumn: number;
  /** Rows below the header. */
  readonly rowCount: number;
  /** The header cells as text, left to right (blank cells are `''`). */
  readonly headers: readonly string[];
  /** Auxiliary sheets present in the workbook (Quotas, Commission Plan, Key Accounts, …). */
  readonly auxiliary: readonly SheetRole[];
}

/** Everything one run needs, as the user confirmed it in the pane. */
export interface RunRequest {
  readonly source: DetectedSource;
  /** Field → column of `source.headers` (see `runOptionsFor` for the engine's options). */
  readonly mapping: FieldMapping;
  readonly settings: RunSettings;
  /**
   * The plan shown in the pane (already saved to the Commission Plan sheet), or `null` when the
   * pane has none: the run then reads the workbook as it is (no plan sheet: no commission; an
   * invalid plan sheet: a `plan.invalid` failure).
   */
  readonly plan: CommissionPlan | null;
}

/** The report sheets a run writes, in order; `issues` only when rows were rejected. */
export type ReportRole = 'quarterly' | 'commission' | 'forecast' | 'accounts' | 'issues';

/** A report sheet as written. */
export interface WrittenSheet {
  readonly role: ReportRole;
  /** The sheet's name in the workbook. */
  readonly name: string;
  /**
   * The name it should have had. Differs from `name` when a sheet of that name exists that
   * AccountDesk did not create (SPEC §8): the user is told where the report went.
   */
  readonly wanted: string;
}

/** A run's outcome: a summary for the results card, or the engine's failure (SPEC §1 errors …). */
export type PaneRunOutcome = { readonly ok: true; readonly summary: RunSummary } | RunFailure;

/** A cell of a source sheet an issue points at. */
export interface SourceCellRef {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The column's header text as found in that sheet (issues name columns by header). */
  readonly column: string;
}

/**
 * Everything the pane asks of the workbook. `index.tsx` wires the Excel adapter in; the
 * playground and tests wire the simulator or fakes. Components never see Office.js.
 *
 * Failures: a rejected promise whose error may carry a string `code` (OfficeExtension.Error
 * codes such as `InvalidOperationInCellEditMode`, or `source.empty` / `source.multipleAreas` from
 * `detectSource`); the pane turns it into a message with what to do. `run` rejects with
 * `CancelledError` (src/app/ports) once cancelled; that is shown as "cancelled", not as an error.
 */
export interface PaneActions {
  /** Finds the transactions: the selected range, else an Excel table, else the used range. */
  detectSource(): Promise<DetectedSource>;
  /** Reads, computes and writes the reports; reports progress per chunk; stops between chunks once cancelled. */
  run(request: RunRequest, progress: Progress, cancel: CancelToken): Promise<PaneRunOutcome>;
  /** Activates a report sheet by name. */
  activateSheet(name: string): Promise<void>;
  /** Activates the sheet and selects the cell an issue points at. */
  selectSourceCell(cell: SourceCellRef): Promise<void>;
  /** The settings saved in the workbook, as stored (the pane validates them), or `undefined`. */
  loadSettings(): Promise<unknown>;
  /** Saves the settings in the workbook (`workbook.settings`). */
  saveSettings(settings: RunSettings): Promise<void>;
  /** The plan on the Commission Plan sheet (core `parsePlanGrid`), or `null` when there is no such sheet. */
  loadPlan(): Promise<PlanResult | null>;
  /** Writes the plan to the visible Commission Plan sheet (core `planToRows`). */
  savePlan(plan: CommissionPlan): Promise<void>;
}
