#!/usr/bin/env node
/**
 * The DuckDB side of the benchmark: loads a 4-column transaction CSV (date, account, manager,
 * amount) into an in-memory DuckDB with explicit column types and computes the core aggregates
 * AccountDesk's `--json` reports, with the same rules (SPEC §2, §4, §7; fiscal year = calendar
 * year, the as-of date is the latest transaction date):
 *
 * - revenue per manager × quarter of the report year up to the as-of date, and per manager for
 *   the year to date;
 * - per-account revenue of the report year to date, ranked (revenue descending, ties by name
 *   case-insensitively, then exact name), with share, cumulative share, ABC class (A while the
 *   cumulative share before the account is < 80 %, B < 95 %, else C), CR1/5/10 and HHI;
 * - per-account revenue of the year to date and of the same span one year earlier, for every
 *   account with a transaction in the report or the previous year.
 *
 *   node bench/duckdb.js bench/data/tx-1m.csv > out.json
 *
 * Prints one JSON object on stdout: the aggregates (money in integer cents) and its own
 * timings in ms (`startup`: process start to DuckDB loaded; `open`: in-memory database;
 * `load`: the CSV read into a table; `aggregates`: the queries; `total`: process start to done). Run as a whole process by bench/run.js for a fair
 * comparison with `accountdesk report --json`.
 */
'use strict';
const { DuckDBInstance } = require('@duckdb/node-api');
const required = performance.now();

async function main() {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node bench/duckdb.js FILE.csv\n');
    process.exit(2);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const all = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();

  const t0 = performance.now();
  const path = file.replace(/'/g, "''");
  await con.run(
    `CREATE TABLE tx AS SELECT * FROM read_csv('${path}', header = true, delim = ',', quote = '"', ` +
      `columns = {'date': 'DATE', 'account': 'VARCHAR', 'manager': 'VARCHAR', 'amount': 'DECIMAL(18,2)'})`,
  );
  const t1 = performance.now();

  // The report calendar: as-of = latest date; report year = its calendar year (fiscal start 1);
  // the prior span ends on the same day one year earlier (29 February → 28 February).
  await con.run(`
    CREATE TABLE cal AS
    WITH a AS (SELECT max(date) AS as_of FROM tx)
    SELECT as_of,
           year(as_of) AS report_year,
           make_date(year(as_of), 1, 1) AS year_start,
           make_date(year(as_of) - 1, 1, 1) AS prior_start,
           CASE WHEN month(as_of) = 2 AND day(as_of) = 29 THEN make_date(year(as_of) - 1, 2, 28)
                ELSE make_date(year(as_of) - 1, month(as_of), day(as_of)) END AS prior_as_of
    FROM a`);
  const [cal] = await all(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of, report_year FROM cal`);

  const managerQuarter = await all(`
    SELECT manager, report_year || '-Q' || quarter(date) AS period, CAST(sum(amount) * 100 AS BIGINT) AS cents
    FROM tx, cal WHERE date BETWEEN year_start AND as_of GROUP BY ALL
    UNION ALL
    SELECT manager, CAST(report_year AS VARCHAR) AS period, CAST(sum(amount) * 100 AS BIGINT) AS cents
    FROM tx, cal WHERE date BETWEEN year_start AND as_of GROUP BY ALL
    ORDER BY manager, period`);

  const ranked = await all(`
    WITH r AS (
      SELECT account, sum(amount) AS revenue FROM tx, cal
      WHERE date BETWEEN year_start AND as_of GROUP BY account HAVING sum(amount) > 0),
    t AS (SELECT sum(revenue) AS total FROM r),
    k AS (
      SELECT account, revenue, total,
             sum(revenue) OVER w AS cum,
             coalesce(sum(revenue) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS cum_before,
             row_number() OVER w AS rank
      FROM r, t
      WINDOW w AS (ORDER BY revenue DESC, lower(account), account))
    SELECT account, rank,
           CAST(revenue * 100 AS BIGINT) AS cents, CAST(total * 100 AS BIGINT) AS total_cents,
           revenue::DOUBLE / total::DOUBLE AS share,
           cum::DOUBLE / total::DOUBLE AS cumulative,
           CASE WHEN cum_before::DOUBLE / total::DOUBLE < 0.8 THEN 'A'
                WHEN cum_before::DOUBLE / total::DOUBLE < 0.95 THEN 'B' ELSE 'C' END AS class
    FROM k ORDER BY rank`);
  const [hhiRow] = await all(`
    WITH r AS (
      SELECT sum(amount) AS revenue FROM tx, cal
      WHERE date BETWEEN year_start AND as_of GROUP BY account HAVING sum(amount) > 0)
    SELECT sum(pow(100 * revenue::DOUBLE / (SELECT sum(revenue) FROM r)::DOUBLE, 2)) AS hhi FROM r`);

  const accounts = await all(`
    SELECT account,
           CAST(coalesce(sum(amount) FILTER (WHERE date BETWEEN year_start AND as_of), 0) * 100 AS BIGINT) AS cents,
           CAST(coalesce(sum(amount) FILTER (WHERE date BETWEEN prior_start AND prior_as_of), 0) * 100 AS BIGINT) AS prior_cents
    FROM tx, cal WHERE date BETWEEN prior_start AND as_of GROUP BY account ORDER BY account`);
  const t2 = performance.now();

  const cr = (n) => ranked.slice(0, n).reduce((s, r) => s + r.share, 0);
  const out = {
    asOf: cal.as_of,
    reportYear: String(cal.report_year),
    managerQuarter: managerQuarter.map((r) => ({ manager: r.manager, period: r.period, cents: Number(r.cents) })),
    concentration: {
      totalCents: ranked.length > 0 ? Number(ranked[0].total_cents) : 0,
      hhi: hhiRow.hhi ?? 0,
      cr: { 1: cr(1), 5: cr(5), 10: cr(10) },
      accounts: ranked.map((r) => ({ account: r.account, cents: Number(r.cents), share: r.share, cumulative: r.cumulative, class: r.class })),
    },
    accounts: accounts.map((r) => ({ account: r.account, cents: Number(r.cents), priorCents: Number(r.prior_cents) })),
    timings: { startup: required, open: t0 - required, load: t1 - t0, aggregates: t2 - t1, total: performance.now() },
    threads: Number((await all(`SELECT current_setting('threads') AS t`))[0].t),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
