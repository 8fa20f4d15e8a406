import { parseReportArgs } from '../../src/cli/parseArgs';
import { UsageError } from '../../src/cli/inputError';

describe('parseReportArgs', () => {
  it('reads every option', () => {
    const a = parseReportArgs([
      'report', 'in.xlsx', '--sheet', 'Sales', '--map', 'date=Close Date', '--map', 'Manager = Owner',
      '--quotas', 'q.csv', '--plan', 'p.json', '--key-accounts', 'k.csv', '--targets', 't.csv', '--fx', 'fx.csv',
      '--fiscal-start', '4', '--as-of', '2026-09-30', '--currency', 'eur', '--decimal', ',', '--date-order', 'dmy',
      '--forecast', 'ets', '--lang', 'pl', '--out', 'o.xlsx', '--json',
    ]);
    expect(a).toEqual({
      command: 'report', input: 'in.xlsx', sheet: 'Sales', map: { date: 'Close Date', manager: 'Owner' }, quotas: 'q.csv', plan: 'p.json',
      keyAccounts: 'k.csv', targets: 't.csv', fx: 'fx.csv', fiscalStart: 4, asOf: '2026-09-30', currency: 'EUR',
      decimal: ',', dateOrder: 'DMY', forecast: 'ets', lang: 'pl', out: 'o.xlsx', json: true,
    });
  });

  it('has defaults for everything optional', () => {
    expect(parseReportArgs(['report', 'a.csv'])).toEqual({ command: 'report', input: 'a.csv', map: {}, json: false });
    expect(parseReportArgs(['backtest', 'a.csv'])).toMatchObject({ command: 'backtest', input: 'a.csv' });
  });

  it('answers help', () => {
    expect(parseReportArgs(['--help'])).toBe('help');
  });

  it.each([
    [['report', 'a.csv', '--bogus'], /Unknown option '--bogus'/],
    [[], /Missing command/],
    [['reprot', 'a.csv'], /Unknown command "reprot": the commands are "report" and "backtest"/],
    [['report'], /Missing INPUT/],
    [['report', 'a.csv', 'b.csv'], /Unexpected argument "b.csv"/],
    [['report', 'a.csv', '--fiscal-start', '13'], /--fiscal-start must be a month number 1-12 \(got "13"\)/],
    [['report', 'a.csv', '--as-of', '30.09.2026'], /--as-of must be a date written YYYY-MM-DD/],
    [['report', 'a.csv', '--currency', 'euro'], /three-letter code/],
    [['report', 'a.csv', '--decimal', ';'], /--decimal must be one of \., ,/],
    [['report', 'a.csv', '--map', 'date'], /--map needs FIELD=HEADER/],
    [['report', 'a.csv', '--map', 'when=Date'], /--map must be one of date, account/],
    [['report', 'a.csv', '--forecast', 'magic'], /--forecast must be one of auto, run-rate, seasonal, ets/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseReportArgs(argv)).toThrow(UsageError);
    expect(() => parseReportArgs(argv)).toThrow(message);
  });
});
