#!/usr/bin/env node
/**
 * Deterministic transaction generator for benchmarks and scale tests.
 *
 *   npm run gen -- --rows 1000000 --out bench/data/tx-1m.csv [--columns 4|7] [--seed 42]
 *   npm run gen -- --rows 100000 --out bench/data/tx-100k.xlsx
 *
 * Realistic shape: accounts with long-tail sizes (Zipf-like), ~3 % credit notes, four calendar
 * years ending 2026-10-30, seasonality, 12 managers. `--columns 4` (CSV default) writes
 * date,account,manager,amount (~42 bytes a row, the benchmark's reference file); `--columns 7`
 * adds invoice id, product and currency (EUR with ~15 % PLN lines). Next to the output it writes
 * `<name>.quotas.csv` and `<name>.plan.json` so a full report can run on the file.
 */
'use strict';
const fs = require('fs');
const path = require('path');

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const rows = Number(arg('rows', '100000'));
const out = arg('out');
const seed = Number(arg('seed', '42'));
const ext = out ? path.extname(out).toLowerCase() : '';
const columns = Number(arg('columns', ext === '.xlsx' ? '7' : '4'));
if (!out || !Number.isInteger(rows) || rows < 1 || !['.csv', '.xlsx'].includes(ext) || ![4, 7].includes(columns)) {
  process.stderr.write('usage: gen --rows N --out FILE.csv|FILE.xlsx [--columns 4|7] [--seed N]\n');
  process.exit(2);
}

const { prng } = require('./prng');
const rnd = prng(seed);

const MANAGERS = Array.from({ length: 12 }, (_, i) => `Manager ${String(i + 1).padStart(2, '0')}`);
const nAccounts = Math.max(50, Math.min(20000, Math.round(rows / 50)));
// Cumulative Zipf weights, so picking an account is a binary search, not a scan.
const cum = new Float64Array(nAccounts);
let acc = 0;
for (let i = 0; i < nAccounts; i++) cum[i] = acc += 1 / Math.pow(i + 1, 1.05);
const accountManager = Int32Array.from({ length: nAccounts }, (_, i) => (i * 7 + (i >> 3)) % MANAGERS.length);
function pickAccount() {
  const x = rnd() * acc;
  let lo = 0;
  let hi = nAccounts - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const SEASON = [0.82, 0.86, 1.02, 0.95, 0.98, 1.03, 0.84, 0.78, 1.04, 1.08, 1.15, 1.45];
const START = Date.UTC(2023, 0, 1) / 86400000;
const END = Date.UTC(2026, 9, 30) / 86400000;
const PRODUCTS = ['Licence', 'Support', 'Services', 'Training', 'Hardware'];

/** Generates row i: [isoDate, account, manager, amount(number), invoice, product, currency]. */
function* generate() {
  for (let i = 0; i < rows; i++) {
    // Dates rise through the file with seasonal density: accept-reject on the month's weight.
    let day;
    for (;;) {
      day = START + Math.floor(rnd() * (END - START + 1));
      const m = new Date(day * 86400000).getUTCMonth();
      if (rnd() * 1.45 <= SEASON[m]) break;
    }
    const a = pickAccount();
    const mgr = rnd() < 0.02 ? Math.floor(rnd() * MANAGERS.length) : accountManager[a];
    let amount = Math.round(Math.exp(5.5 + 1.1 * rnd() + 1.2 * rnd()) * 100) / 100;
    if (rnd() < 0.03) amount = -Math.round(amount * (0.1 + rnd() * 0.5) * 100) / 100;
    const currency = columns === 7 && rnd() < 0.15 ? 'PLN' : 'EUR';
    if (currency === 'PLN') amount = Math.round((amount / 0.2315) * 100) / 100;
    const iso = new Date(day * 86400000).toISOString().slice(0, 10);
    yield [iso, `Account ${String(a + 1).padStart(5, '0')}`, MANAGERS[mgr], amount, `INV-${1000000 + i}`, PRODUCTS[a % 5], currency];
  }
}

async function main() {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  if (ext === '.csv') {
    const fd = fs.openSync(out, 'w');
    const header = columns === 4 ? 'date,account,manager,amount' : 'date,invoice,account,manager,product,amount,currency';
    let buf = header + '\n';
    for (const [iso, account, manager, amount, inv, product, currency] of generate()) {
      buf += columns === 4 ? `${iso},${account},${manager},${amount}\n` : `${iso},${inv},${account},${manager},${product},${amount},${currency}\n`;
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    }
    fs.writeSync(fd, buf);
    fs.closeSync(fd);
  } else {
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet('Sales');
    ws.addRow(['Date', 'Invoice', 'Account', 'Manager', 'Product', 'Amount', 'Currency']).commit();
    for (const [iso, account, manager, amount, inv, product, currency] of generate()) {
      const [y, m, d] = iso.split('-').map(Number);
      const row = ws.addRow([new Date(Date.UTC(y, m - 1, d)), inv, account, manager, product, amount, currency]);
      row.getCell(1).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    ws.commit();
    const fx = wb.addWorksheet('FX Rates');
    fx.addRow(['Currency', 'Rate']).commit();
    fx.addRow(['PLN', 0.2315]).commit();
    fx.commit();
    await wb.commit();
  }
  // Quotas and a plan to go with the data: per manager and quarter of 2025–2026.
  const base = out.replace(/\.(csv|xlsx)$/i, '');
  const perManagerQuarter = (rows * 1100) / MANAGERS.length / 15;
  let q = 'Manager,Period,Quota\n';
  MANAGERS.forEach((mgr, i) => {
    for (const y of [2025, 2026]) for (let k = 1; k <= 4; k++) q += `${mgr},${y}-Q${k},${Math.round((perManagerQuarter * (0.85 + (i % 5) * 0.08)) / 100) * 100}\n`;
  });
  fs.writeFileSync(`${base}.quotas.csv`, q);
  fs.writeFileSync(`${base}.plan.json`, JSON.stringify({
    period: 'quarter', basis: 'attainment', method: 'marginal',
    tiers: [{ from: 0, rate: 0.02 }, { from: 0.5, rate: 0.05 }, { from: 1, rate: 0.08 }],
    capAttainment: 2, bonuses: [{ threshold: 1, amount: 1000 }],
  }, null, 2) + '\n');
  process.stderr.write(`wrote ${out} (${rows} rows, ${nAccounts} accounts), ${base}.quotas.csv, ${base}.plan.json\n`);
}
main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
