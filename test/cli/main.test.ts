import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'accountdesk-cli-'));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const SALES = [
  'Date;Kunde;Kundenbetreuer;Betrag;Währung',
  '15.01.2026;Acme GmbH;Anna;1.000,00;EUR',
  '20.02.2026;Beta AG;Anna;"2.500,50";EUR',
  '03.03.2026;Acme GmbH;Jan;400;PLN',
  '05.04.2026;Gamma SA;Jan;abc;EUR',
  ';;;;',
  '10.04.2026;Acme GmbH;Jan;-100,00;EUR',
].join('\n');

describe('accountdesk report (in-process)', () => {
  it('prints SPEC §9 JSON on stdout and the summary on stderr', async () => {
    const input = file('sales.csv', SALES);
    const fx = file('fx.csv', 'Currency,Rate\nPLN,0.25\n');
    const { code, out, err } = await run('report', input, '--fx', fx, '--decimal', ',', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.intake).toMatchObject({ rows: 6, accepted: 4, rejected: 1, blank: 1 });
    expect(json.intake.issues).toEqual([{ row: 5, column: 'Betrag', value: 'abc', reason: expect.any(String) }]);
    expect(json.currency).toBe('EUR');
    expect(json.asOf).toBe('2026-04-10');
    // Conservation: 1000 + 2500.50 + 400 × 0.25 − 100 = 3500.50 over the report year.
    const revenue = json.attainment.filter((r: { period: string }) => r.period === '2026').reduce((s: number, r: { revenue: number }) => s + r.revenue, 0);
    expect(revenue).toBeCloseTo(3500.5, 2);
    expect(json.forecast.at(-1).manager).toBe('(total)');
    expect(err).toMatch(/rows: 6 \(4 accepted, 1 rejected, 1 blank\)/);
  });

  it('prints the summary on stdout without --json', async () => {
    const input = file('plain.csv', 'date,account,manager,amount\n2026-01-02,A,M,10\n');
    const { code, out } = await run('report', input);
    expect(code).toBe(0);
    expect(out).toMatch(/AccountDesk — .*plain\.csv/);
    expect(out).toMatch(/commission: no plan given/);
  });

  it('names the missing field and lists the headers found', async () => {
    const input = file('nomgr.csv', 'Date,Customer,Amount\n2026-01-02,A,10\n');
    const { code, err } = await run('report', input);
    expect(code).toBe(1);
    expect(err).toMatch(/manager/);
    expect(err).toMatch(/Date, Customer, Amount/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('lists the table\'s headers, not the title row above them, when a column is missing', async () => {
    const input = file('titled.csv', 'Sales report 2026,,\n,,\nDate,Customer,Amount\n2026-01-02,A,10\n');
    const { code, err } = await run('report', input);
    expect(code).toBe(1);
    expect(err).toMatch(/Missing required column "manager"\. Headers found: Date, Customer, Amount\./);
  });

  it('accepts --map for a header it does not know', async () => {
    const input = file('map.csv', 'Close Date,Customer,Owner Name,Amount\n2026-01-02,A,M,10\n');
    const { code, out } = await run('report', input, '--map', 'manager=Owner Name', '--map', 'date=close date', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).attainment[0].manager).toBe('M');
  });

  it('rejects an invalid plan naming its row', async () => {
    const input = file('p.csv', 'date,account,manager,amount\n2026-01-02,A,M,10\n');
    const plan = file('plan.json', JSON.stringify({ tiers: [{ from: 0.5, rate: 0.05 }] }));
    const { code, err } = await run('report', input, '--plan', plan);
    expect(code).toBe(1);
    expect(err).toMatch(/commission plan is not valid/);
    expect(err).toMatch(/tiers\[0\]/);
  });

  it.each([
    [['report', join(dir, 'missing.csv')], 1, /missing\.csv: file not found/],
    [['report', 'x.csv', '--nope'], 2, /Unknown option '--nope'/],
    [['report'], 2, /Missing INPUT/],
    [['report', 'x.csv', '--as-of', '2026-02-30'], 1, /file not found|as-of/],
  ])('fails cleanly for %j', async (argv, exit, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(exit);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports an impossible --as-of date', async () => {
    const input = file('asof.csv', 'date,account,manager,amount\n2026-01-02,A,M,10\n');
    const { code, err } = await run('report', input, '--as-of', '2026-02-30');
    expect(code).toBe(1);
    expect(err).toMatch(/"2026-02-30" is not a real date/);
  });

  it('says so when no row can be used', async () => {
    const input = file('bad.csv', 'date,account,manager,amount\nsoon,A,M,10\n2026-01-02,B,N,x\n');
    const { code, err } = await run('report', input);
    expect(code).toBe(1);
    expect(err).toMatch(/no row could be used \(2 rejected, 0 blank\); for example bad\.csv, row 2, column "date"/);
  });

  it('backtests the forecast methods on the history', async () => {
    const rows = ['date,account,manager,amount'];
    // Three calendar years of monthly sales with a season, for two managers.
    for (let y = 2023; y <= 2025; y++) {
      for (let m = 1; m <= 12; m++) {
        const season = 1 + 0.3 * Math.sin((m / 12) * 2 * Math.PI);
        rows.push(`${y}-${String(m).padStart(2, '0')}-15,A,Ann,${(1000 * season).toFixed(2)}`);
        rows.push(`${y}-${String(m).padStart(2, '0')}-20,B,Bob,${(500 * season + 10 * m).toFixed(2)}`);
      }
    }
    rows.push('2026-01-10,A,Ann,900');
    const input = file('history.csv', rows.join('\n'));
    const { code, out } = await run('backtest', input);
    expect(code).toBe(0);
    expect(out).toMatch(/mean absolute percentage error/);
    expect(out).toMatch(/\(total\)\s+2025\s+11/);
    expect(out).toMatch(/Ann\s+2025/);
  });

  it('says when the history is too short to backtest', async () => {
    const input = file('short.csv', 'date,account,manager,amount\n2026-01-02,A,M,10\n');
    const { code, out } = await run('backtest', input);
    expect(code).toBe(0);
    expect(out).toMatch(/Not enough history to backtest/);
  });
});
