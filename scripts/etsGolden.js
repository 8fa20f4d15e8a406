#!/usr/bin/env node
/**
 * Generates the golden fixture for the ETS forecast (test/fixtures/ets/golden.json) from a real
 * spreadsheet engine: LibreOffice Calc, whose `FORECAST.ETS.ADD` is what it runs for Excel's
 * `FORECAST.ETS` (an .xlsx stores Excel's function as `_xlfn.FORECAST.ETS`; LibreOffice maps it
 * to FORECAST.ETS.ADD on import and back on export).
 *
 * Steps:
 *  1. Deterministic monthly series (seeded PRNG; trend + seasonality + noise, 14–60 points,
 *     one with negative months, one with a run of zero months, one with a flat tail).
 *  2. An .xlsx (exceljs) with one sheet per series: timeline 1…n in A, values in B, and for each
 *     horizon h the target n + h with `=FORECAST.ETS(target, values, timeline, season, 1, 1)`,
 *     plus `FORECAST.ETS.STAT` for alpha, beta, gamma and RMSE. Every formula carries an
 *     obviously wrong cached result (SENTINEL) so we can prove LibreOffice recalculated.
 *  3. `soffice --headless --convert-to xlsx` with a throw-away profile whose OOXML recalc mode is
 *     "always", so LibreOffice recalculates every formula on load and saves the new results.
 *  4. Reads the converted workbook back, checks that no SENTINEL survived, and writes
 *     golden.json (and keeps the recalculated workbook as golden.xlsx: open it in Excel and
 *     recalculate to compare with Microsoft's implementation).
 *
 * Needs LibreOffice (`apt-get install libreoffice-calc-nogui`). CI does not: the fixture is
 * committed and the test only reads golden.json.
 *
 * Usage: node scripts/etsGolden.js [outDir]   (default test/fixtures/ets)
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const ExcelJS = require('exceljs');

const SENTINEL = -987654321.5;
const HORIZONS = [1, 2, 3, 6, 12, 13, 24];
// FORECAST.ETS.STAT statistic types: 1 alpha, 2 beta (trend), 3 gamma (season), 7 RMSE.
const STATS = { alpha: 1, beta: 2, gamma: 3, rmse: 7 };

const { prng } = require('./prng');

/** A monthly series: level + trend·t + amplitude·shape(month) + noise, rounded to cents. */
function makeSeries({ seed, length, level, trend, amplitude, noise, phase = 0 }) {
  const rnd = prng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  // A retail-like year: slow start, spring bump, summer dip, strong Q4.
  const shape = [-0.8, -0.6, 0.1, 0.3, 0.2, -0.2, -0.5, -0.4, 0.1, 0.4, 0.6, 0.8];
  const out = [];
  for (let t = 0; t < length; t++) {
    const s = shape[(t + phase) % 12];
    const v = level + trend * t + amplitude * s + noise * normal();
    out.push(Math.round(v * 100) / 100);
  }
  return out;
}

function buildCases() {
  const cases = [];
  const add = (name, seasonLength, values, note) => cases.push({ name, seasonLength, values, note });
  add('trend-season-36', 12, makeSeries({ seed: 11, length: 36, level: 10000, trend: 150, amplitude: 2500, noise: 400 }),
    'three years, growing, clear season');
  add('declining-48', 12, makeSeries({ seed: 22, length: 48, level: 50000, trend: -120, amplitude: 9000, noise: 1500, phase: 3 }),
    'four years, slowly declining, strong season');
  add('noisy-60', 12, makeSeries({ seed: 33, length: 60, level: 20000, trend: 60, amplitude: 3000, noise: 2500 }),
    'five years, noise close to the seasonal amplitude');
  add('minimum-24', 12, makeSeries({ seed: 44, length: 24, level: 8000, trend: 200, amplitude: 1800, noise: 300 }),
    'exactly two seasons, the least LibreOffice accepts');
  add('negative-months-30', 12, makeSeries({ seed: 55, length: 30, level: 800, trend: 20, amplitude: 3000, noise: 500 }),
    'credit notes make several months negative');
  const zeros = makeSeries({ seed: 66, length: 42, level: 15000, trend: 100, amplitude: 4000, noise: 800, phase: 6 });
  for (let t = 18; t < 24; t++) zeros[t] = 0;
  add('zero-stretch-42', 12, zeros, 'six months without revenue in the second year');
  const flat = makeSeries({ seed: 77, length: 33, level: 5000, trend: 40, amplitude: 1200, noise: 250 });
  for (let t = 25; t < 33; t++) flat[t] = 5500;
  add('flat-tail-33', 12, flat, 'the last eight months identical');
  add('large-54', 12, makeSeries({ seed: 88, length: 54, level: 2500000, trend: 9000, amplitude: 400000, noise: 90000, phase: 9 }),
    'millions, to check scale');
  add('short-20-no-season', 0, makeSeries({ seed: 99, length: 20, level: 12000, trend: 180, amplitude: 1500, noise: 600 }),
    'under two seasons: seasonality 0 (level + trend), our fallback');
  add('short-14-no-season', 0, makeSeries({ seed: 111, length: 14, level: 3000, trend: -30, amplitude: 700, noise: 300 }),
    'fourteen months, seasonality 0');
  return cases;
}

async function writeWorkbook(cases, file) {
  const wb = new ExcelJS.Workbook();
  cases.forEach((c, k) => {
    const ws = wb.addWorksheet(`S${k + 1}`);
    const n = c.values.length;
    ws.getCell('A1').value = 't';
    ws.getCell('B1').value = c.name;
    c.values.forEach((v, i) => {
      ws.getCell(i + 2, 1).value = i + 1;
      ws.getCell(i + 2, 2).value = v;
    });
    const values = `$B$2:$B$${n + 1}`;
    const timeline = `$A$2:$A$${n + 1}`;
    ws.getCell('D1').value = 'h';
    ws.getCell('E1').value = 'target';
    ws.getCell('F1').value = 'FORECAST.ETS';
    HORIZONS.forEach((h, i) => {
      const r = i + 2;
      ws.getCell(r, 4).value = h;
      ws.getCell(r, 5).value = n + h;
      ws.getCell(r, 6).value = {
        formula: `_xlfn.FORECAST.ETS(E${r},${values},${timeline},${c.seasonLength},1,1)`,
        result: SENTINEL,
      };
    });
    ws.getCell('H1').value = 'statistic';
    ws.getCell('I1').value = 'FORECAST.ETS.STAT';
    Object.entries(STATS).forEach(([name, type], i) => {
      const r = i + 2;
      ws.getCell(r, 8).value = name;
      ws.getCell(r, 9).value = {
        formula: `_xlfn.FORECAST.ETS.STAT(${values},${timeline},${type},${c.seasonLength},1,1)`,
        result: SENTINEL,
      };
    });
  });
  await wb.xlsx.writeFile(file);
}

/** A throw-away LibreOffice profile that recalculates OOXML files on load, always. */
function makeProfile(dir) {
  const user = path.join(dir, 'user');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  return `file://${dir}`;
}

function cellNumber(ws, r, c, where) {
  // The cell model's `result`, not `value.result`: exceljs's value getter drops a result of 0.
  // (Read through `model`: exceljs cells are plain objects, not Office.js proxies.)
  const { formula, result } = ws.getCell(r, c).model;
  if (!formula) throw new Error(`${where}: the formula was lost in the conversion`);
  if (typeof result !== 'number' || !Number.isFinite(result)) {
    throw new Error(`${where}: LibreOffice gave ${JSON.stringify(result)}, not a number`);
  }
  if (result === SENTINEL) throw new Error(`${where}: still the cached sentinel, LibreOffice did not recalculate`);
  return result;
}

async function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'test', 'fixtures', 'ets'));
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ets-golden-'));
  try {
    const cases = buildCases();
    const input = path.join(work, 'golden.xlsx');
    await writeWorkbook(cases, input);
    const profile = makeProfile(path.join(work, 'profile'));
    const converted = path.join(work, 'out');
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore',
      '--convert-to', 'xlsx', '--outdir', converted, input], { stdio: ['ignore', 'ignore', 'inherit'] });
    const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
    const outFile = path.join(converted, 'golden.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    const fixture = {
      generator: 'scripts/etsGolden.js',
      engine: version,
      formula: 'FORECAST.ETS(n + h; values; 1…n; seasonLength; 1; 1) = LibreOffice FORECAST.ETS.ADD',
      cases: cases.map((c, k) => {
        const ws = wb.getWorksheet(`S${k + 1}`);
        if (!ws) throw new Error(`sheet S${k + 1} missing after conversion`);
        const forecasts = HORIZONS.map((h, i) => cellNumber(ws, i + 2, 6, `${c.name} h=${h}`));
        const stats = {};
        Object.keys(STATS).forEach((name, i) => { stats[name] = cellNumber(ws, i + 2, 9, `${c.name} ${name}`); });
        return { name: c.name, note: c.note, seasonLength: c.seasonLength, values: c.values, horizons: HORIZONS, forecasts, stats };
      }),
    };
    // One case per block, arrays on one line: small diffs when the fixture is regenerated.
    const json = JSON.stringify(fixture, null, 1).replace(/\[[^[\]{}]*\]/g, (a) => a.replace(/\s+/g, ''));
    fs.writeFileSync(path.join(outDir, 'golden.json'), `${json}\n`);
    fs.copyFileSync(outFile, path.join(outDir, 'golden.xlsx'));
    process.stderr.write(`wrote ${fixture.cases.length} cases to ${path.join(outDir, 'golden.json')} (${version})\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
