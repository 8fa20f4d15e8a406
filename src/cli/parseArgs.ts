import { parseArgs } from 'node:util';
import { UsageError } from './inputError';

/** Fields the `--map FIELD=HEADER` option may name (SPEC §1). */
export const MAPPABLE_FIELDS = ['date', 'account', 'manager', 'amount', 'product', 'currency', 'id'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** The `report` command's options after validation; absent means "not given". */
export interface ReportArgs {
  /** `report` (the reports and JSON) or `backtest` (forecast accuracy of each method on the history). */
  readonly command: 'report' | 'backtest';
  readonly input: string;
  readonly sheet?: string;
  readonly quotas?: string;
  readonly plan?: string;
  readonly keyAccounts?: string;
  readonly targets?: string;
  readonly fx?: string;
  readonly fiscalStart?: number;
  readonly asOf?: string;
  readonly currency?: string;
  readonly decimal?: '.' | ',';
  readonly dateOrder?: 'DMY' | 'MDY';
  readonly forecast?: 'auto' | 'run-rate' | 'seasonal' | 'ets';
  readonly lang?: 'en' | 'de' | 'es' | 'pl';
  readonly map: Partial<Record<MappableField, string>>;
  readonly out?: string;
  readonly json: boolean;
}

export const USAGE = `Usage: accountdesk report INPUT.(xlsx|csv) [options]
       accountdesk backtest INPUT.(xlsx|csv) [options]

report:   reads sales transactions and reports quota attainment, key-account concentration,
          commission, the annual forecast and account status.
backtest: shows how well each forecast method (run-rate, seasonal, ETS) would have forecast the
          last closed fiscal year of the data: mean absolute percentage error per manager.

Options:
  --sheet NAME            worksheet with the transactions (default: the first one with a recognisable header)
  --map FIELD=HEADER      use column HEADER for FIELD (date, account, manager, amount, product, currency, id); repeatable
  --quotas FILE           quota table (.csv or .xlsx) instead of the workbook's Quotas sheet
  --plan FILE             commission plan (.json) instead of the workbook's Commission Plan sheet
  --key-accounts FILE     key-account list (.csv or .xlsx) instead of the workbook's Key Accounts sheet
  --targets FILE          account targets (.csv or .xlsx) instead of the workbook's Account Targets sheet
  --fx FILE               exchange rates (.csv or .xlsx: currency, rate) instead of the workbook's FX Rates sheet
  --fiscal-start 1-12     first month of the fiscal year (default 1 = January)
  --as-of YYYY-MM-DD      report date (default: the latest transaction date)
  --currency CODE         reporting currency (default: the most frequent currency)
  --decimal . | ,         decimal separator of amounts written as text (default: detected)
  --date-order DMY | MDY  order of day and month in dates like 03/04/2026 (default: detected)
  --forecast METHOD       auto, run-rate, seasonal or ets (default auto)
  --lang en|de|es|pl      language of the report sheets (default en)
  --out FILE.xlsx         write the report workbook
  --json                  print the results as JSON on standard output
  -h, --help              show this help
`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (hit === undefined) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}").`);
  return hit;
}

/**
 * Parses the command line after the program name. Throws {@link UsageError} for anything the user
 * must correct, with a message that names the option.
 * @example parseReportArgs(['report', 'sales.csv', '--json']).json // true
 */
export function parseReportArgs(argv: readonly string[]): ReportArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        sheet: { type: 'string' },
        map: { type: 'string', multiple: true },
        quotas: { type: 'string' },
        plan: { type: 'string' },
        'key-accounts': { type: 'string' },
        targets: { type: 'string' },
        fx: { type: 'string' },
        'fiscal-start': { type: 'string' },
        'as-of': { type: 'string' },
        currency: { type: 'string' },
        decimal: { type: 'string' },
        'date-order': { type: 'string' },
        forecast: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // node's messages are clear ("Unknown option '--foo'"); keep them, drop the error code prefix.
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  const [command, input, ...extra] = positionals;
  if (command === undefined) throw new UsageError('Missing command: use "accountdesk report INPUT".');
  if (command !== 'report' && command !== 'backtest') {
    throw new UsageError(`Unknown command "${command}": the commands are "report" and "backtest".`);
  }
  if (input === undefined) throw new UsageError('Missing INPUT: name the .xlsx or .csv file with the transactions.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);

  const map: Partial<Record<MappableField, string>> = {};
  for (const m of values.map ?? []) {
    const eq = m.indexOf('=');
    const field = eq < 0 ? m : m.slice(0, eq).trim().toLowerCase();
    if (eq < 0 || m.slice(eq + 1).trim() === '') throw new UsageError(`--map needs FIELD=HEADER (got "${m}").`);
    const f = oneOf('map', field, MAPPABLE_FIELDS);
    if (f === undefined) continue;
    map[f] = m.slice(eq + 1).trim();
  }

  let fiscalStart: number | undefined;
  if (values['fiscal-start'] !== undefined) {
    fiscalStart = Number(values['fiscal-start']);
    if (!Number.isInteger(fiscalStart) || fiscalStart < 1 || fiscalStart > 12) {
      throw new UsageError(`--fiscal-start must be a month number 1-12 (got "${values['fiscal-start']}").`);
    }
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD (got "${asOf}").`);
  }
  const currency = values.currency?.trim().toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    throw new UsageError(`--currency must be a three-letter code such as EUR (got "${values.currency}").`);
  }

  const result: ReportArgs = {
    command,
    input,
    map,
    json: values.json === true,
    ...(values.sheet !== undefined && { sheet: values.sheet }),
    ...(values.quotas !== undefined && { quotas: values.quotas }),
    ...(values.plan !== undefined && { plan: values.plan }),
    ...(values['key-accounts'] !== undefined && { keyAccounts: values['key-accounts'] }),
    ...(values.targets !== undefined && { targets: values.targets }),
    ...(values.fx !== undefined && { fx: values.fx }),
    ...(fiscalStart !== undefined && { fiscalStart }),
    ...(asOf !== undefined && { asOf }),
    ...(currency !== undefined && { currency }),
  };
  const decimal = oneOf('decimal', values.decimal, ['.', ','] as const);
  const dateOrder = oneOf('date-order', values['date-order'], ['DMY', 'MDY'] as const);
  const forecast = oneOf('forecast', values.forecast, ['auto', 'run-rate', 'seasonal', 'ets'] as const);
  const lang = oneOf('lang', values.lang, ['en', 'de', 'es', 'pl'] as const);
  return {
    ...result,
    ...(decimal !== undefined && { decimal }),
    ...(dateOrder !== undefined && { dateOrder }),
    ...(forecast !== undefined && { forecast }),
    ...(lang !== undefined && { lang }),
    ...(values.out !== undefined && { out: values.out }),
  };
}
