import type { CellValue, Grid } from '../../core/intake/cellValue';
import { computeReports } from '../computeReports';
import type { FromWorker, ToWorker } from './protocol';

/** Report rows per `modelRows` message (an Account Status row is ~600 bytes of cells). */
export const MODEL_SLICE_ROWS = 1_000;

/**
 * The worker's side of the protocol, apart from the worker global so tests can run it in
 * process: collects the grid slices, then runs `computeReports` — the same code the pane's
 * thread runs — and posts progress and the outcome, the report's rows in slices.
 * @example self.onmessage = engineWorkerHost((m) => self.postMessage(m))
 */
export function engineWorkerHost(post: (message: FromWorker) => void): (message: ToWorker) => void {
  let grid: Omit<Grid, 'rows'> | undefined;
  let rows: (readonly CellValue[])[] = [];
  post({ type: 'ready' });
  return (message) => {
    try {
      switch (message.type) {
        case 'begin':
          grid = message.grid;
          rows = [];
          return;
        case 'rows':
          // A loop, not push(...slice): a spread of 50 k arguments can overflow the stack.
          for (const row of message.rows) rows.push(row);
          return;
        case 'run': {
          if (grid === undefined) throw new Error('engine worker: run before begin');
          const transactions: Grid = { ...grid, rows };
          grid = undefined;
          rows = [];
          const tables = { transactions, auxiliary: message.auxiliary, ...(message.planJson !== undefined && { planJson: message.planJson }) };
          const outcome = computeReports(tables, message.options, message.choices, (event) => post({ type: 'progress', event }));
          if (!outcome.ok) {
            post({ type: 'refused', failure: outcome });
            return;
          }
          const { model } = outcome;
          post({ type: 'model', model: { ...model, sheets: model.sheets.map((sheet) => ({ ...sheet, rows: [] })) }, rowCounts: model.sheets.map((sheet) => sheet.rows.length) });
          model.sheets.forEach((sheet, index) => {
            for (let start = 0; start < sheet.rows.length; start += MODEL_SLICE_ROWS) {
              post({ type: 'modelRows', sheet: index, rows: sheet.rows.slice(start, start + MODEL_SLICE_ROWS) });
            }
          });
          post({ type: 'done', run: outcome.run });
          return;
        }
      }
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      post({ type: 'failed', error: { name: e.name, message: e.message, ...(e.stack !== undefined && { stack: e.stack }) } });
    }
  };
}
