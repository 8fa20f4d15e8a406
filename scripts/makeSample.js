#!/usr/bin/env node
/**
 * Builds samples/AccountDesk-sample.xlsx: a realistic, deterministic demo workbook.
 *
 * Four fiscal years (calendar) of invoice lines, 2023-01 to 2026-10-30, for 8 account managers
 * and 320 accounts whose sizes follow a long tail (a handful of key accounts carry most revenue),
 * with seasonality, growth, churned and new accounts, ~3 % credit notes, a second and third
 * currency (PLN, USD) with an `FX Rates` sheet, a few bad rows and blank rows of the kind real
 * workbooks hold, and the `Quotas`, `Commission Plan`, `Key Accounts` and `Account Targets`
 * sheets the reports use. The same seed always gives the same file (no clock, no Math.random).
 *
 * Usage: node scripts/makeSample.js [out.xlsx]
 */
'use strict';
const path = require('path');
const ExcelJS = require('exceljs');

const { prng } = require('./prng');
const rnd = prng(20261123);
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
/** Standard normal via Box–Muller. */
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

const MANAGERS = [
  'Anna Kowalska', 'Jürgen Weiß', 'María López', 'Tom Becker',
  'Sofia Rossi', 'Piotr Nowak', 'Carmen Díaz', "James O'Neill",
];
const PREFIX = ['Nord', 'Baltic', 'Iberia', 'Alpen', 'Vistula', 'Atlas', 'Orion', 'Delta', 'Helios', 'Rhein',
  'Silesia', 'Castilla', 'Danube', 'Polar', 'Meridian', 'Carpathia', 'Tejo', 'Elbe', 'Aurora', 'Sierra'];
const SUFFIX = ['Logistics', 'Foods', 'Retail', 'Pharma', 'Motors', 'Energia', 'Textil', 'Systems', 'Bau',
  'Components', 'Hotels', 'Media', 'Agro', 'Chemie', 'Software', 'Metal'];
const FORMS = ['GmbH', 'S.A.', 'Sp. z o.o.', 'Ltd', 'S.L.', 'AG', 'SE', 'B.V.'];
const PRODUCTS = ['Platform licence', 'Support plan', 'Implementation', 'Training', 'Hardware kit', 'Cloud storage'];

// 320 accounts; the first few are the key accounts that carry most revenue (Zipf-like tail).
const accounts = [];
const seen = new Set();
while (accounts.length < 320) {
  const name = `${pick(PREFIX)} ${pick(SUFFIX)} ${pick(FORMS)}`;
  if (seen.has(name)) continue;
  seen.add(name);
  const rank = accounts.length + 1;
  accounts.push({
    name,
    weight: 1 / Math.pow(rank, 1.1),
    manager: MANAGERS[(rank * 5 + Math.floor(rnd() * 3)) % MANAGERS.length],
    // Most accounts run the whole time; some churn, some start late.
    start: rank <= 12 ? 0 : rnd() < 0.12 ? 30 + Math.floor(rnd() * 16) : Math.floor(rnd() * 10),
    end: rank <= 12 ? 99 : rnd() < 0.1 ? 14 + Math.floor(rnd() * 28) : 99,
    currency: rnd() < 0.12 ? 'PLN' : rnd() < 0.05 ? 'USD' : 'EUR',
    growth: 0.9 + rnd() * 0.35,
  });
}
// One key account declines sharply in the report year, so "At risk" shows up.
accounts[3].growth = 0.62;

const FX = { EUR: 1, PLN: 0.2315, USD: 0.9184 };
// Month index 0 = 2023-01; last month 45 = 2026-10 (data runs to 2026-10-30).
const MONTHS = 46;
const SEASON = [0.82, 0.86, 1.02, 0.95, 0.98, 1.03, 0.84, 0.78, 1.04, 1.08, 1.15, 1.45];
const TOTAL_PER_MONTH_EUR = 1_450_000;
const totalWeight = accounts.reduce((s, a) => s + a.weight, 0);

const rows = [];
let invoice = 230000;
for (let m = 0; m < MONTHS; m++) {
  const year = 2023 + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const lastDay = m === MONTHS - 1 ? 30 : new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (const a of accounts) {
    if (m < a.start || m > a.end) continue;
    const expected = (TOTAL_PER_MONTH_EUR * a.weight) / totalWeight * SEASON[month - 1] * Math.pow(a.growth, m / 12);
    // Small accounts order rarely, big ones several times a month.
    const orders = expected > 40000 ? 3 + Math.floor(rnd() * 4) : expected > 8000 ? 1 + Math.floor(rnd() * 2) : rnd() < expected / 8000 + 0.15 ? 1 : 0;
    for (let k = 0; k < orders; k++) {
      const day = 1 + Math.floor(rnd() * lastDay);
      const eur = Math.max(50, (expected / Math.max(1, orders)) * Math.exp(0.35 * normal() - 0.06));
      const credit = rnd() < 0.03;
      const amount = Math.round((credit ? -eur * (0.1 + rnd() * 0.4) : eur) / FX[a.currency] * 100) / 100;
      // Occasional hand-over: another manager books the line.
      const manager = rnd() < 0.03 ? pick(MANAGERS) : a.manager;
      rows.push({ date: new Date(Date.UTC(year, month - 1, day)), invoice: `INV-${invoice++}`, account: a.name,
        manager, product: pick(PRODUCTS), amount, currency: a.currency });
    }
  }
}
rows.sort((x, y) => x.date - y.date || x.invoice.localeCompare(y.invoice));

// Messy values real workbooks hold: each is either accepted by the rules of SPEC §1.2 or rejected
// with a reason on the Data Issues sheet — never silently dropped.
const messy = [
  { at: 40, patch: { amount: '1.234,56' , currency: 'EUR' } },              // decimal comma text: accepted
  { at: 90, patch: { amount: '(2,150.00)' } },                               // parentheses = credit note
  { at: 150, patch: { amount: '€ 3 480,00' } },                              // symbol + space thousands
  { at: 260, patch: { amount: 'n/a' } },                                     // rejected: not an amount
  { at: 420, patch: { date: '31/02/2025' } },                                // rejected: no such day
  { at: 610, patch: { manager: '' } },                                       // rejected: missing manager
  { at: 880, patch: { amount: { error: '#N/A' } } },                         // rejected: error cell
  { at: 1200, patch: { currency: 'CHF' } },                                  // rejected: no exchange rate
  { at: 1500, patch: { date: 'next Tuesday' } },                             // rejected: not a date
  { at: 2100, patch: { account: '   ' } },                                   // rejected: missing account
  { at: 2600, patch: { amount: '-' } },                                      // rejected: a dash is not an amount
];
for (const { at, patch } of messy) Object.assign(rows[at], patch);
// A handful of completely blank lines, as left behind by deleted rows.
for (const at of [700, 701, 1900, 3000]) rows.splice(at, 0, null);

async function main() {
  const out = process.argv[2] || path.join(__dirname, '..', 'samples', 'AccountDesk-sample.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AccountDesk sample generator';
  wb.created = new Date(Date.UTC(2026, 10, 1));
  wb.modified = wb.created;

  const ws = wb.addWorksheet('Sales');
  ws.getCell('A1').value = 'Sales ledger 2023–2026 (invoice lines, net)';
  ws.getCell('A1').font = { bold: true, size: 14 };
  const header = ['Invoice Date', 'Invoice No', 'Customer', 'Account Manager', 'Product', 'Amount', 'Currency'];
  ws.getRow(3).values = header;
  ws.getRow(3).font = { bold: true };
  ws.columns = [{ width: 13 }, { width: 12 }, { width: 34 }, { width: 18 }, { width: 18 }, { width: 14 }, { width: 10 }];
  let r = 4;
  for (const t of rows) {
    if (t !== null) {
      ws.getRow(r).values = [t.date, t.invoice, t.account, t.manager, t.product, t.amount, t.currency];
      ws.getCell(r, 1).numFmt = 'yyyy-mm-dd';
      ws.getCell(r, 6).numFmt = '#,##0.00';
    }
    r++;
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }];

  const fx = wb.addWorksheet('FX Rates');
  fx.addRow(['Currency', 'Rate']);
  fx.addRow(['PLN', 0.2315]);
  fx.addRow(['USD', 0.9184]);
  fx.getRow(1).font = { bold: true };

  // Quarterly quotas for 2025 and 2026 near each manager's run-rate, so statuses vary;
  // one manager has only annual quotas (the report derives quarters as annual / 4).
  const q = wb.addWorksheet('Quotas');
  q.addRow(['Manager', 'Period', 'Quota']);
  q.getRow(1).font = { bold: true };
  const revenueBy = new Map();
  for (const t of rows) {
    if (t === null || typeof t.amount !== 'number' || typeof t.date === 'string') continue;
    const y = t.date.getUTCFullYear();
    const k = `${t.manager}|${y}|${Math.floor(t.date.getUTCMonth() / 3) + 1}`;
    revenueBy.set(k, (revenueBy.get(k) || 0) + t.amount * (FX[t.currency] || 1));
  }
  MANAGERS.forEach((mgr, i) => {
    for (const y of [2025, 2026]) {
      // Quotas are set from the previous year's quarter plus a stretch, rounded to thousands.
      const quarters = [1, 2, 3, 4].map((qq) => {
        const base = revenueBy.get(`${mgr}|${y - 1}|${qq}`) || 100000;
        const stretch = 1.02 + ((i * 7 + qq * 3 + y) % 13) / 100;
        return Math.round((base * stretch) / 1000) * 1000;
      });
      if (mgr === 'Tom Becker') q.addRow([mgr, String(y), quarters.reduce((s, v) => s + v, 0)]);
      else quarters.forEach((v, qi) => q.addRow([mgr, `${y}-Q${qi + 1}`, v]));
    }
  });
  q.getColumn(1).width = 18;
  q.getColumn(2).width = 10;
  q.getColumn(3).width = 14;
  q.getColumn(3).numFmt = '#,##0';

  addPlanSheet(wb);

  const ka = wb.addWorksheet('Key Accounts');
  ka.addRow(['Account']);
  ka.getRow(1).font = { bold: true };
  for (const a of accounts.slice(0, 8)) ka.addRow([a.name]);
  ka.getColumn(1).width = 34;

  const tg = wb.addWorksheet('Account Targets');
  tg.addRow(['Account', 'Target']);
  tg.getRow(1).font = { bold: true };
  for (const a of accounts.slice(0, 15)) {
    const annual = (TOTAL_PER_MONTH_EUR * 12 * a.weight) / totalWeight * Math.pow(a.growth, 3.5);
    tg.addRow([a.name, Math.round(annual / 5000) * 5000]);
  }
  tg.getColumn(1).width = 34;
  tg.getColumn(2).numFmt = '#,##0';

  await wb.xlsx.writeFile(out);
  process.stdout.write(`wrote ${out}: ${rows.length} lines, ${accounts.length} accounts, ${MANAGERS.length} managers\n`);
}

/** The commission plan as finance keeps it: settings, tiers and bonuses, each a small table. */
function addPlanSheet(wb) {
  const p = wb.addWorksheet('Commission Plan');
  // Three small blocks, one below the other (layout in docs/decisions.md): settings, tiers,
  // bonuses. Percentages are real percentage cells (0.05 shown as 5%), as finance keeps them.
  const pct = (v) => ({ v, fmt: '0%' });
  const rows = [
    ['Quarterly commission plan 2026'],
    [],
    ['Setting', 'Value'],
    ['Period', 'quarter'],
    ['Basis', 'attainment'],
    ['Method', 'marginal'],
    ['Cap attainment', pct(2)],
    ['Cap amount', 'none'],
    [],
    ['From', 'Rate'],
    [pct(0), pct(0.02)],
    [pct(0.5), pct(0.05)],
    [pct(1), pct(0.08)],
    [pct(1.25), pct(0.1)],
    [],
    ['Threshold', 'Bonus'],
    [pct(1), { v: 1000, fmt: '#,##0' }],
    [pct(1.25), { v: 2500, fmt: '#,##0' }],
  ];
  rows.forEach((row, i) => {
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      const target = p.getCell(i + 1, c + 1);
      if (typeof cell === 'object') {
        target.value = cell.v;
        target.numFmt = cell.fmt;
      } else target.value = cell;
    });
  });
  p.getCell('A1').font = { bold: true, size: 13 };
  for (const c of ['A3', 'B3', 'A10', 'B10', 'A16', 'B16']) p.getCell(c).font = { bold: true };
  p.getColumn(1).width = 18;
  p.getColumn(2).width = 12;
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
