#!/usr/bin/env node
/**
 * The Excel adapter on the in-memory Excel simulator (test/support/excelSimulator): reads a
 * transaction sheet with ExcelGridSource, runs the analysis, builds the report model and writes
 * it with ExcelReportSink, and reports the syncs and request/response bytes the simulator
 * counted for each side, with the largest request and response against the payload limit.
 *
 *   node bench/excelAdapter.js BUILD_DIR FILE.csv
 *
 * BUILD_DIR holds the TypeScript sources compiled to CommonJS (bench/run.js compiles them with
 * tsc). The sheet is seeded from the CSV as Excel would hold it: dates as serial numbers with a
 * date format, amounts as numbers, names as text. Prints one JSON object on stdout.
 */
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const [build, file] = process.argv.slice(2);
  if (!build || !file) {
    process.stderr.write('usage: node bench/excelAdapter.js BUILD_DIR FILE.csv\n');
    process.exit(2);
  }
  const load = (p) => require(path.resolve(build, p));
  const { ExcelSimulator } = load('test/support/excelSimulator/index.js');
  const { ExcelGridSource } = load('src/excel/excelGridSource.js');
  const { ExcelReportSink } = load('src/excel/excelReportSink.js');
  const { analyseTables } = load('src/app/runAnalysis.js');
  const { buildReportModel } = load('src/reports/build/index.js');
  const { readCsvBytes } = load('src/cli/readCsv.js');
  const { intake } = load('src/core/intake/intake.js');

  // The sheet as Excel holds it, from the CSV's accepted rows in file order.
  const read = intake(readCsvBytes(fs.readFileSync(file), path.basename(file)), {});
  if (!read.ok) throw new Error(`cannot read ${file}: ${read.message}`);
  const tx = read.transactions;
  const values = new Array(tx.count + 1);
  values[0] = ['Date', 'Account', 'Manager', 'Amount'];
  for (let i = 0; i < tx.count; i++) values[i + 1] = [tx.date[i], tx.accounts[tx.account[i]], tx.managers[tx.manager[i]], tx.amount[i] / 100];
  const numberFormats = Array.from({ length: 60 }, (_, r) => (r === 0 ? [null, null, null, null] : ['yyyy-mm-dd', null, null, '#,##0.00']));
  const sim = ExcelSimulator.create({ sheets: [{ name: 'Sales', values, adopt: true, numberFormats }] });
  const restore = sim.install();
  const snapshot = () => {
    const s = sim.stats;
    return { syncs: s.syncs, failedSyncs: s.failedSyncs, requestBytes: s.requestBytes, responseBytes: s.responseBytes, maxRequestBytes: s.maxRequestBytes, maxResponseBytes: s.maxResponseBytes, simulatedMs: Math.round(s.simulatedMs) };
  };
  try {
    sim.resetStats();
    let t = performance.now();
    const tables = await new ExcelGridSource().read();
    const readMs = performance.now() - t;
    const readStats = snapshot();

    t = performance.now();
    const run = analyseTables(tables, {});
    if (!run.ok) throw new Error(`analysis failed: ${run.message}`);
    const model = buildReportModel(run, { language: 'en', sourceLabel: 'Sales' });
    const computeMs = performance.now() - t;

    sim.resetStats();
    t = performance.now();
    await new ExcelReportSink().write(model);
    const writeMs = performance.now() - t;
    const writeStats = snapshot();

    const limit = Math.min(sim.requestLimitBytes, sim.responseLimitBytes);
    const bytes = readStats.requestBytes + readStats.responseBytes + writeStats.requestBytes + writeStats.responseBytes;
    const syncs = readStats.syncs + writeStats.syncs;
    const allowed = Math.ceil(bytes / (4 * 1024 * 1024)) + 20;
    const largest = Math.max(readStats.maxRequestBytes, readStats.maxResponseBytes, writeStats.maxRequestBytes, writeStats.maxResponseBytes);
    process.stdout.write(
      JSON.stringify({
        rows: tx.count,
        read: { ...readStats, ms: Math.round(readMs) },
        compute: { ms: Math.round(computeMs) },
        write: { ...writeStats, ms: Math.round(writeMs), sheets: model.sheets.length },
        syncs,
        bytes,
        allowedSyncs: allowed,
        largestPayload: largest,
        payloadLimit: limit,
        met: syncs <= allowed && largest <= limit,
      }) + '\n',
    );
  } finally {
    restore();
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
