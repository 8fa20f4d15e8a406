/**
 * Compares AccountDesk's `--json` result with DuckDB's aggregates (bench/duckdb.js): money to the
 * cent, ranks and ABC classes exactly, ratios (shares, CR, HHI) to floating-point noise, since
 * the two sum in different orders.
 */
'use strict';

const cents = (units) => Math.round(units * 100);
const close = (a, b, tolerance) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * @param ours the parsed `report --json` object (SPEC §9)
 * @param duck the parsed output of bench/duckdb.js
 * @returns `{ ok, compared, mismatchCount, mismatches }` (at most 50 mismatch lines kept)
 */
function crossCheck(ours, duck) {
  const mismatches = [];
  let compared = 0;
  let mismatchCount = 0;
  const check = (what, equal, a, b) => {
    compared++;
    if (equal) return;
    mismatchCount++;
    if (mismatches.length < 50) mismatches.push(`${what}: ours ${JSON.stringify(a)}, DuckDB ${JSON.stringify(b)}`);
  };

  check('as-of date', ours.asOf === duck.asOf, ours.asOf, duck.asOf);
  check('report year', ours.reportYear === duck.reportYear, ours.reportYear, duck.reportYear);

  // Revenue per manager × quarter (and year to date).
  const mq = new Map();
  for (const r of ours.attainment) mq.set(`${r.manager} ${r.period}`, [cents(r.revenue), null]);
  for (const r of duck.managerQuarter) {
    const key = `${r.manager} ${r.period}`;
    const entry = mq.get(key) ?? [null, null];
    entry[1] = r.cents;
    mq.set(key, entry);
  }
  for (const [key, [a, b]] of mq) {
    // A manager listed with no sales in a quarter has revenue 0 in ours and no group in DuckDB.
    check(`revenue ${key}`, (a ?? 0) === (b ?? 0) && a !== null, a, b);
  }

  // Concentration of the report year.
  const oc = ours.concentration;
  const dc = duck.concentration;
  check('concentration total', cents(oc.total) === dc.totalCents, cents(oc.total), dc.totalCents);
  check('HHI', close(oc.hhi, dc.hhi, 1e-9), oc.hhi, dc.hhi);
  for (const n of ['1', '5', '10']) check(`CR${n}`, close(oc.cr[n], dc.cr[n], 1e-12), oc.cr[n], dc.cr[n]);
  check('ranked accounts', oc.accounts.length === dc.accounts.length, oc.accounts.length, dc.accounts.length);
  const n = Math.min(oc.accounts.length, dc.accounts.length);
  for (let i = 0; i < n; i++) {
    const a = oc.accounts[i];
    const b = dc.accounts[i];
    const where = `rank ${i + 1}`;
    check(`${where} account`, a.account === b.account, a.account, b.account);
    check(`${where} revenue`, cents(a.revenue) === b.cents, cents(a.revenue), b.cents);
    check(`${where} share`, close(a.share, b.share, 1e-12), a.share, b.share);
    check(`${where} cumulative`, close(a.cumulative, b.cumulative, 1e-9), a.cumulative, b.cumulative);
    check(`${where} class`, a.class === b.class, a.class, b.class);
  }

  // Per account: year to date and the same span of the previous year.
  const acc = new Map();
  for (const r of ours.accounts) acc.set(r.account, { ours: r });
  for (const r of duck.accounts) acc.set(r.account, { ...(acc.get(r.account) ?? {}), duck: r });
  for (const [name, { ours: a, duck: b }] of acc) {
    check(`account ${name} listed by both`, a !== undefined && b !== undefined, a === undefined ? null : 'listed', b === undefined ? null : 'listed');
    if (a === undefined || b === undefined) continue;
    check(`account ${name} revenue`, cents(a.revenue) === b.cents, cents(a.revenue), b.cents);
    check(`account ${name} prior-year span`, cents(a.priorRevenue) === b.priorCents, cents(a.priorRevenue), b.priorCents);
  }
  return { ok: mismatchCount === 0, compared, mismatchCount, mismatches };
}

module.exports = { crossCheck };
