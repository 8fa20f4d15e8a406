import { basename, extname, resolve } from 'node:path';
import { analyseTables, type RunOptions, type RunResult } from '../app/runAnalysis';
import { detectHeader } from '../core/intake/detectHeader';
import { TRANSACTION_HEADERS } from '../core/intake/transactionHeaders';
import type { Grid } from '../core/intake/cellValue';
import { FileSource } from './fileSource';
import { InputError, UsageError } from './inputError';
import { parseReportArgs, USAGE, type ReportArgs } from './parseArgs';
import type { XlsxSinkResult } from './xlsxSink';

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const hasTransactionHeader = (grid: Grid): boolean => detectHeader(grid, TRANSACTION_HEADERS, {}).ok;

function runOptions(args: ReportArgs): RunOptions {
  return {
    mapping: args.map,
    ...(args.currency !== undefined && { currency: args.currency }),
    ...(args.decimal !== undefined && { decimal: args.decimal }),
    ...(args.dateOrder !== undefined && { dateOrder: args.dateOrder }),
    ...(args.fiscalStart !== undefined && { fiscalStart: args.fiscalStart as RunOptions['fiscalStart'] & number }),
    ...(args.asOf !== undefined && { asOf: args.asOf }),
    ...(args.forecast !== undefined && { forecast: args.forecast }),
  };
}

const money = (cents: number, currency: string | null): string =>
  `${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${currency === null ? '' : ` ${currency}`}`;

/** The short human summary printed on stderr (or stdout without --json). */
export function summary(r: RunResult, input: string): string {
  const { intake: i, analysis: a } = r;
  const team = a.attainment.team;
  const revenue = team.reduce((s, q) => s + q.revenue, 0);
  const payout = (a.commission?.rows ?? []).reduce((s, row) => s + (row.payout ?? 0), 0);
  const c = a.concentration.year;
  const lines = [`AccountDesk — ${input}`];
  lines.push(`  rows: ${i.rows} (${i.accepted} accepted, ${i.rejected} rejected, ${i.blank} blank)`);
  lines.push(`  as of ${r.json.asOf}, report year ${r.json.reportYear}, currency ${i.currency ?? '(none)'}`);
  lines.push(`  managers: ${a.managers.length}, quarters: ${a.calendar.quarters.length}, accounts: ${a.accounts.length}`);
  lines.push(`  revenue ${r.json.reportYear} to date: ${money(revenue, i.currency)}`);
  if (a.commission !== null) lines.push(`  total payout (commission + bonus): ${money(payout, i.currency)}`);
  else lines.push('  commission: no plan given (add a Commission Plan sheet or --plan plan.json)');
  lines.push(`  HHI ${Math.round(c.hhi)} (${c.band}), CR5 ${(c.cr[5] * 100).toFixed(1)} %`);
  const total = r.forecast.rows[r.forecast.rows.length - 1];
  if (total !== undefined) lines.push(`  forecast ${r.json.reportYear}: ${money(total.projected, i.currency)} (${total.method}, 80 % range ${money(total.low, i.currency)} – ${money(total.high, i.currency)})`);
  const issues = i.issues.length + r.tableIssues.length;
  lines.push(`  data issues: ${issues}${issues > 0 ? ' (see the Data Issues sheet or --json)' : ''}`);
  return lines.join('\n') + '\n';
}

/** Why `--out` cannot be used as given, or undefined when it can. */
function outProblem(args: ReportArgs): string | undefined {
  if (args.out === undefined) return undefined;
  if (extname(args.out).toLowerCase() !== '.xlsx') return `--out must name an .xlsx file (got "${args.out}").`;
  if (resolve(args.out) === resolve(args.input)) return '--out must not be the input file: the input is never modified; name a new file.';
  return undefined;
}

/**
 * Builds the report sheets in the chosen language and writes them with the input workbook's
 * own sheets in front (an .xlsx input) or alone (CSV); tells the user on stderr what the sink
 * had to rename and which features of the input the copy cannot keep.
 */
async function writeReports(run: RunResult, args: ReportArgs & { out: string }, sheet: string, io: CliIo): Promise<string> {
  const file = basename(args.input);
  const workbook = ['.xlsx', '.xlsm'].includes(extname(args.input).toLowerCase());
  // Loaded here, not at start-up: exceljs alone takes ~0.2–0.4 s to load, which a --json run need not pay.
  const [{ buildReportModel }, { writeReportXlsx }] = await Promise.all([import('../reports/build'), import('./xlsxSink')]);
  const model = buildReportModel(run, {
    language: args.lang ?? 'en',
    sourceLabel: workbook && sheet !== file ? `${file} › ${sheet}` : file,
  });
  let written: XlsxSinkResult;
  try {
    written = await writeReportXlsx(model, { outPath: args.out, ...(workbook && { baseWorkbookPath: args.input }) });
  } catch (e) {
    // A file-system problem is the user's to fix (a folder in the way, no permission, a full disk).
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new InputError(`${args.out}: could not write the report workbook (${(e as Error).message}).`);
    throw e;
  }
  for (const s of written.renamedSheets) {
    io.stderr(`accountdesk: the input already has a sheet named "${s.requestedName}"; the report sheet is named "${s.name}" instead.\n`);
  }
  for (const t of written.renamedTables) {
    io.stderr(`accountdesk: the table name "${t.requestedName}" is taken in the input; the report table is named "${t.name}".\n`);
  }
  // The input's parts are copied as they are; only what an .xlsx cannot hold (macros) is lost.
  if (written.lostFeatures.length > 0) {
    io.stderr(`accountdesk: note: ${args.out} is an .xlsx: it does not keep the ${written.lostFeatures.join(', ')} of ${file} (the input file itself is unchanged).\n`);
  }
  return `accountdesk: wrote ${args.out} (report sheets: ${written.sheets.map((s) => s.name).join(', ')})\n`;
}

/**
 * Runs the CLI with the arguments after the program name; returns the exit code
 * (0 ok, 1 input problem, 2 usage). Never throws for user errors.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ReportArgs | 'help';
  try {
    args = parseReportArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`accountdesk: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const badOut = outProblem(args);
  if (badOut !== undefined) {
    io.stderr(`accountdesk: ${badOut}\n\n${USAGE}`);
    return 2;
  }
  try {
    const source = new FileSource({
      input: args.input,
      ...(args.sheet !== undefined && { sheet: args.sheet }),
      files: {
        ...(args.quotas !== undefined && { quotas: args.quotas }),
        ...(args.plan !== undefined && { plan: args.plan }),
        ...(args.keyAccounts !== undefined && { keyAccounts: args.keyAccounts }),
        ...(args.targets !== undefined && { targets: args.targets }),
        ...(args.fx !== undefined && { fx: args.fx }),
      },
      hasTransactionHeader,
    });
    const tables = await source.read();
    const outcome = analyseTables(tables, runOptions(args));
    if (!outcome.ok) {
      const hint = outcome.code === 'header.missing' ? ' Name the column with --map FIELD="Header" (e.g. --map manager="Sales Rep").' : '';
      io.stderr(`accountdesk: ${outcome.message}${hint}\n`);
      return 1;
    }
    if (args.command === 'backtest') {
      const { backtestTransactions, formatBacktestTable } = await import('../core/forecast/backtest');
      const results = backtestTransactions(outcome.intake.transactions, { fiscalStartMonth: outcome.analysis.calendar.fiscalStart, asOf: outcome.analysis.asOf });
      io.stdout(
        results.length === 0
          ? 'Not enough history to backtest: the data need a closed fiscal year with at least one earlier year before it.\n'
          : `Forecast backtest: mean absolute percentage error of the fiscal-year total, forecast from each month-end of the last closed fiscal year (lower is better).\n\n${formatBacktestTable(results)}\n`,
      );
      return 0;
    }
    const wrote = args.out === undefined ? '' : await writeReports(outcome, { ...args, out: args.out }, tables.transactions.sheet, io);
    if (args.json) {
      io.stdout(`${JSON.stringify(outcome.json, null, 2)}\n`);
      io.stderr(summary(outcome, args.input));
    } else {
      io.stdout(summary(outcome, args.input));
    }
    if (wrote !== '') io.stderr(wrote);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`accountdesk: ${e.message}\n`);
      return 1;
    }
    io.stderr(`accountdesk: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}

// Run when executed as the program (bin/accountdesk.js requires the built file).
if (require.main === module || process.env.ACCOUNTDESK_CLI === '1') {
  void main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}
