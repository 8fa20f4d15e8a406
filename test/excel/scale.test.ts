/**
 * Scale: 1 M transaction rows (4 columns, generated) read from the simulated workbook, run
 * through the engine and the report builder, and the reports written back — every request and
 * response under the payload limit, the syncs within issue 9's bound ⌈bytes / 4 MiB⌉ + 20, and
 * the read within the planner's plan. Set EXCEL_ADAPTER_BENCH=1 to also print the figures for
 * 100 k and 1 M rows (and a 1 M-row report sheet).
 */
import { analyseTables } from '../../src/app/runAnalysis';
import { ExcelGridSource } from '../../src/excel/excelGridSource';
import { ExcelReportSink } from '../../src/excel/excelReportSink';
import { DEFAULT_BUDGET, planChunks, syncBound } from '../../src/excel/planChunks';
import { buildReportModel } from '../../src/reports/build';
import { ExcelSimulator, type SimStats } from '../support/excelSimulator';
import { sampleModel } from '../reports/model/sampleModel';
import { scaleRows } from './scaleData';

interface Phase {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  simulatedMs: number;
  wallMs: number;
}

function phase(stats: SimStats, wallMs: number): Phase {
  const { syncs, requestBytes, responseBytes, maxRequestBytes, maxResponseBytes, simulatedMs } = stats;
  expect(stats.failedSyncs).toBe(0);
  return { syncs, requestBytes, responseBytes, maxRequestBytes, maxResponseBytes, simulatedMs: Math.round(simulatedMs), wallMs };
}

/** Read → analyse → build → write on a fresh simulated workbook holding `rows` transactions. */
async function fullRun(rows: number) {
  const sim = ExcelSimulator.create({ sheets: [{ name: 'Sales', values: scaleRows(rows), adopt: true }] });
  const restore = sim.install();
  try {
    let t = performance.now();
    const source = new ExcelGridSource();
    const tables = await source.read();
    const read = phase(sim.stats, Math.round(performance.now() - t));
    const readStats = source.lastReadStats;
    t = performance.now();
    const run = analyseTables(tables, {});
    if (!run.ok) throw new Error(run.message);
    const model = buildReportModel(run, { language: 'en', sourceLabel: 'Sales' });
    const computeMs = Math.round(performance.now() - t);
    sim.resetStats();
    t = performance.now();
    const result = await new ExcelReportSink({ protectSheets: ['Sales'] }).write(model);
    const write = phase(sim.stats, Math.round(performance.now() - t));
    return { sim, tables, read, readStats, computeMs, model, result, write };
  } finally {
    restore();
  }
}

test('1 M rows: read within the planner\'s plan and the payload limit, reports written, syncs within ⌈bytes / 4 MiB⌉ + 20', async () => {
  const { sim, tables, read, readStats, write, result } = await fullRun(1_000_000);
  expect(tables.transactions.rows).toHaveLength(1_000_001);
  expect(tables.transactions.firstRow).toBe(1);
  expect(sim.sheetVersion('Sales')).toBe(0);

  // Read: two look-up syncs plus one per chunk; the chunks are the planner's for the measured
  // bytes per cell, plus the first (deliberately small) sample chunk.
  expect(read.syncs).toBe(2 + readStats.chunks);
  const plan = planChunks({ rows: 1_000_001, columns: 4, bytesPerCell: readStats.bytesPerCell });
  expect(readStats.chunks).toBeLessThanOrEqual(plan.chunks.length + 1);
  expect(read.maxResponseBytes).toBeLessThanOrEqual(DEFAULT_BUDGET.limitBytes);
  expect(read.maxResponseBytes).toBeGreaterThan(0.9 * DEFAULT_BUDGET.targetBytes); // chunks are full, not timid

  // Write: every request under the limit, a handful of syncs.
  expect(write.maxRequestBytes).toBeLessThanOrEqual(DEFAULT_BUDGET.limitBytes);
  expect(write.syncs).toBe(result.stats.syncs);
  expect(write.syncs).toBeLessThanOrEqual(Math.ceil(result.stats.requestBytes / DEFAULT_BUDGET.targetBytes) + 3);

  // Issue 9: read + write of 1 M rows within ⌈bytes / 4 MiB⌉ + 20 syncs.
  const bytes = read.requestBytes + read.responseBytes + write.requestBytes + write.responseBytes;
  expect(read.syncs + write.syncs).toBeLessThanOrEqual(syncBound(bytes));
}, 60_000);

test('a 100 k-row report sheet: row blocks under the limit, syncs grow with bytes only', async () => {
  const sim = ExcelSimulator.create({ sheets: [{ name: 'Sales', values: [['x']] }] });
  const restore = sim.install();
  try {
    const result = await new ExcelReportSink().write(sampleModel(100_000));
    expect(sim.stats.failedSyncs).toBe(0);
    expect(sim.stats.maxRequestBytes).toBeLessThanOrEqual(DEFAULT_BUDGET.limitBytes);
    expect(result.stats.syncs).toBeLessThanOrEqual(Math.ceil(result.stats.requestBytes / DEFAULT_BUDGET.targetBytes) + 3);
    expect(result.stats.syncs).toBeLessThanOrEqual(syncBound(sim.stats.requestBytes) - 15);
    expect(sim.cell('Account Status', 'A100004').value).toBe('Account 100000 Größe ąęł ñ');
  } finally {
    restore();
  }
}, 60_000);

// The adapter's sync and byte figures for 100 k and 1 M rows are measured by `npm run bench`
// (bench/excelAdapter.js), not here: a benchmark is not a unit test.
