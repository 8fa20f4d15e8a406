#!/usr/bin/env node
/**
 * AccountDesk benchmark (`npm run bench`; not part of `npm test`).
 *
 *   npm run bench [-- --runs N] [--only csv|xlsx] [--sizes 100k,1m] [--no-build] [--no-excel] [--save-as NAME]
 *                   [--cli path/to/accountdesk.js]   (bench another build, e.g. of an older commit)
 *
 * 1. Builds the CLI (`npm run build:cli`, skipped with --no-build) and generates the data it
 *    needs when missing (scripts/gen.js: 100 k and 1 M rows, 4-column CSV and 7-column xlsx, in
 *    bench/data, which git ignores).
 * 2. Runs `node bin/accountdesk.js report FILE --json` (and `--out x.xlsx` once the CLI writes
 *    workbooks) as whole processes — on a copy of the built bundle in bench/data/cli, so that a
 *    rebuild while the bench runs does not change what is measured — each case `--runs` times (default 5; 3 for the 1 M-row
 *    workbook): wall time, peak RSS (`/usr/bin/time`, else the process's own maxRSS), and the
 *    engine's phases (ACCOUNTDESK_TIMINGS=1, see src/cli/timings.ts).
 * 3. Runs the same 1 M-row CSV through DuckDB (bench/duckdb.js) as a whole process, and
 *    cross-checks its aggregates against AccountDesk's --json to the cent.
 * 4. Runs the Excel adapter on the simulator (bench/excelAdapter.js, sources compiled with tsc):
 *    syncs and request/response bytes for reading the source and writing the reports.
 * 5. Writes bench/results/latest.json and bench/results/latest.md (and NAME.json/.md with
 *    --save-as), with the CPU model and the Node version.
 *
 * Every figure is the median of the runs, with min and max. Before each case the bench waits up
 * to BENCH_QUIET_WAIT_S seconds (default 60) for the 1-minute load average to fall below
 * BENCH_QUIET_LOAD (default 1.5), and it records the load of every run.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { crossCheck } = require('./crossCheck');
const { renderMarkdown } = require('./report');

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, 'bench', 'data');
const RESULTS = path.join(ROOT, 'bench', 'results');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'accountdesk-bench-'));
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const RUN_TIMEOUT_MS = 15 * 60 * 1000;
const QUIET_LOAD = Number(process.env.BENCH_QUIET_LOAD ?? 1.5);
const QUIET_WAIT_S = Number(process.env.BENCH_QUIET_WAIT_S ?? 60);

function option(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const flag = (name) => process.argv.includes(`--${name}`);
const RUNS = option('runs') === undefined ? undefined : Number(option('runs'));
const ONLY = option('only');
const SIZES = (option('sizes', '100k,1m')).split(',');
const SAVE_AS = option('save-as');

const log = (text) => process.stderr.write(`${text}\n`);

/** Median, min and max of numbers (null entries ignored); null when there is none. */
function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median: round(median), min: round(v[0]), max: round(v[v.length - 1]), n: v.length };
}
const round = (x) => Math.round(x * 10) / 10;

function git(args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0] ? cpus[0].model.trim() : 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain']).length > 0,
  };
}

function build() {
  log('building the CLI (npm run build:cli) …');
  const r = spawnSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    log(r.stdout.slice(-4000));
    log(r.stderr.slice(-4000));
    throw new Error('npm run build:cli failed; run it by hand to see why, or pass --no-build to bench the existing build');
  }
}

/**
 * A private copy of the built CLI (the file bin/accountdesk.js loads), so that a rebuild of
 * dist/cli while the bench runs cannot change what is measured. It sits in bench/data (git
 * ignored), where Node still finds the packages in node_modules.
 */
function snapshotCli() {
  const built = path.join(ROOT, 'dist', 'cli', 'accountdesk.js');
  if (!fs.existsSync(built)) throw new Error('dist/cli/accountdesk.js is missing: run npm run build:cli (or drop --no-build)');
  const dir = path.join(DATA, 'cli');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(built, path.join(dir, 'accountdesk.js'));
  return path.join(dir, 'accountdesk.js');
}

/** The data sets: name, file, rows, and how to generate it. */
function datasets() {
  const all = [];
  for (const size of SIZES) {
    const rows = size === '100k' ? 100_000 : size === '1m' ? 1_000_000 : Number(size);
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`unknown size ${size} (use 100k, 1m or a row count)`);
    for (const kind of ['csv', 'xlsx']) {
      if (ONLY !== undefined && ONLY !== kind) continue;
      all.push({ name: `${kind}-${size}`, kind, size, rows, file: path.join(DATA, `tx-${size}.${kind}`) });
    }
  }
  return all;
}

function ensureData(set) {
  if (fs.existsSync(set.file)) return;
  log(`generating ${path.relative(ROOT, set.file)} (${set.rows} rows) …`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen.js'), '--rows', String(set.rows), '--out', set.file], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`generating ${set.file} failed`);
}

/**
 * Runs a command once as a whole process: wall time (ms), peak RSS (KB), exit code, the
 * ACCOUNTDESK_TIMINGS line if printed, stdout to `stdoutFile` (or /dev/null).
 */
function runOnce(argv, { stdoutFile, env } = {}) {
  const out = fs.openSync(stdoutFile ?? '/dev/null', 'w');
  const command = TIME ? TIME : argv[0];
  const args = TIME ? ['-f', 'BENCH_TIME %e %M %U %S', ...argv] : argv.slice(1);
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  fs.closeSync(out);
  const stderr = r.stderr ?? '';
  let rssKb = null;
  let cpuMs = null;
  const timeLine = /BENCH_TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  if (timeLine) {
    rssKb = Number(timeLine[2]);
    cpuMs = (Number(timeLine[3]) + Number(timeLine[4])) * 1000;
  }
  let timings = null;
  const tl = /^ACCOUNTDESK_TIMINGS (.*)$/m.exec(stderr);
  if (tl) timings = JSON.parse(tl[1]);
  if (rssKb === null && timings) rssKb = timings.maxRssKb;
  // /usr/bin/time reports "Command exited with non-zero status N" and passes the status on.
  const status = r.error ? `error: ${r.error.message}` : r.signal ? `signal ${r.signal}` : r.status;
  const errorText = status === 0 ? '' : stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('BENCH_TIME')).slice(-3).join(' | ');
  return { wallMs, cpuMs, rssKb, status, timings, errorText, load: os.loadavg()[0] };
}

/**
 * Runs cases `runs` times each, alternating between them run by run (so that two cases compared
 * with each other see the same machine load), and summarises each; a case stops after its
 * first failed run.
 */
function measureAlternating(cases, runs) {
  const samples = cases.map(() => []);
  waitForQuiet();
  for (let i = 0; i < runs; i++) {
    cases.forEach((c, k) => {
      if (samples[k].some((s) => s.status !== 0)) return;
      const s = runOnce(c.argv, c.options ?? {});
      log(`  ${c.label} run ${i + 1}/${runs}: ${s.status === 0 ? `${Math.round(s.wallMs)} ms (CPU ${s.cpuMs === null ? '?' : Math.round(s.cpuMs)} ms), ${s.rssKb === null ? '?' : Math.round(s.rssKb / 1024)} MB, load ${s.load.toFixed(1)}` : `FAILED (${s.status}) ${s.errorText}`}`);
      samples[k].push(s);
    });
  }
  return samples.map(summarise);
}

/**
 * Waits (up to QUIET_WAIT_S seconds) until the 1-minute load average is below QUIET_LOAD: the
 * machine may be shared, and other work running at the same time inflates wall times.
 */
function waitForQuiet() {
  const until = Date.now() + QUIET_WAIT_S * 1000;
  if (os.loadavg()[0] < QUIET_LOAD) return;
  log(`  waiting for the load average (${os.loadavg()[0].toFixed(1)}) to drop below ${QUIET_LOAD} (at most ${QUIET_WAIT_S} s) …`);
  while (os.loadavg()[0] >= QUIET_LOAD && Date.now() < until) spawnSync('sleep', ['2']);
}

/** Runs one case `runs` times and summarises it; stops early when a run fails. */
function measure(label, argv, runs, options = {}) {
  return measureAlternating([{ label, argv, options }], runs)[0];
}

function summarise(samples) {
  const ok = samples.filter((s) => s.status === 0);
  if (ok.length === 0) return { ok: false, error: `${samples[0].status}: ${samples[0].errorText}`, wallMsOfFailure: round(samples[0].wallMs), rssMbOfFailure: samples[0].rssKb === null ? null : round(samples[0].rssKb / 1024) };
  const phaseNames = new Set();
  for (const s of ok) for (const k of Object.keys(s.timings?.phases ?? {})) phaseNames.add(k);
  const phases = {};
  for (const k of phaseNames) phases[k] = stats(ok.map((s) => s.timings?.phases?.[k]));
  const afterIntake = stats(ok.map((s) => (s.timings ? ['tables', 'analyze', 'forecast', 'json'].reduce((t, k) => t + (s.timings.phases[k] ?? 0), 0) : null)));
  return {
    ok: true,
    runs: ok.length,
    wallMs: stats(ok.map((s) => s.wallMs)),
    cpuMs: stats(ok.map((s) => s.cpuMs)),
    loadAvg: stats(ok.map((s) => s.load)),
    rssMb: stats(ok.map((s) => (s.rssKb === null ? null : s.rssKb / 1024))),
    startupMs: stats(ok.map((s) => s.timings?.startup)),
    outputMs: stats(ok.map((s) => s.timings?.output)),
    phases,
    computeAfterIntakeMs: afterIntake,
  };
}

let cli = path.join(ROOT, 'bin', 'accountdesk.js');
const REPORT = (file, extra) => [process.execPath, cli, 'report', file, ...extra];

/** Times `JSON.stringify(result, null, 2)` as the CLI does it, in this process, on our 1 M result. */
function stringifyCost(jsonFile) {
  const text = fs.readFileSync(jsonFile, 'utf8');
  const value = JSON.parse(text);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    JSON.stringify(value, null, 2);
    times.push(performance.now() - t);
  }
  return { ms: stats(times), bytes: Buffer.byteLength(text) };
}

/** Whether the CLI writes a workbook with --out (the report builders wire it in). */
function outSupported(file) {
  const target = path.join(TMP, 'probe.xlsx');
  const r = runOnce(REPORT(file, ['--out', target]), {});
  if (r.status !== 0) return { ok: false, why: `--out exits with ${r.status}: ${r.errorText}` };
  if (!fs.existsSync(target)) return { ok: false, why: '--out is accepted but no workbook is written yet' };
  return { ok: true };
}

/**
 * The Excel adapter figures: compiles the TypeScript sources (tsc, CommonJS) into
 * bench/data/build-ts and runs bench/excelAdapter.js on the simulator for each CSV size.
 * Pending while src/excel/excelGridSource.ts or the simulator are missing.
 */
function excelAdapter(sets) {
  const needed = ['src/excel/excelGridSource.ts', 'src/excel/excelReportSink.ts', 'test/support/excelSimulator/index.ts'];
  const missing = needed.filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (missing.length > 0) return { status: 'pending', note: `waiting for ${missing.join(' and ')}`, cases: [] };
  const out = path.join(DATA, 'build-ts');
  const config = path.join(DATA, 'tsconfig.bench.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.json'),
      compilerOptions: { outDir: out, rootDir: ROOT, noEmit: false, sourceMap: false, declaration: false, incremental: false, noEmitOnError: false },
      include: [path.join(ROOT, 'src/**/*.ts'), path.join(ROOT, 'test/support/**/*.ts')],
      exclude: [path.join(ROOT, 'src/taskpane/**')],
    }),
  );
  log('compiling the sources for the Excel adapter bench (tsc) …');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { cwd: ROOT, encoding: 'utf8' });
  if (!fs.existsSync(path.join(out, 'src', 'excel', 'excelGridSource.js'))) {
    return { status: 'failed', note: `tsc did not compile the adapter: ${(tsc.stdout || tsc.stderr).split('\n').slice(0, 3).join(' | ')}`, cases: [] };
  }
  const cases = [];
  for (const set of sets.filter((s) => s.kind === 'csv')) {
    log(`excel adapter ${set.name} (simulator)`);
    const jsonFile = path.join(TMP, `excel-${set.name}.json`);
    const r = runOnce([process.execPath, '--max-old-space-size=8192', path.join(__dirname, 'excelAdapter.js'), out, set.file], { stdoutFile: jsonFile });
    if (r.status !== 0) {
      cases.push({ name: set.name, ok: false, error: `${r.status}: ${r.errorText}` });
      continue;
    }
    cases.push({ name: set.name, ok: true, wallMs: round(r.wallMs), rssMb: r.rssKb === null ? null : round(r.rssKb / 1024), ...JSON.parse(fs.readFileSync(jsonFile, 'utf8')) });
  }
  const failed = cases.filter((c) => !c.ok);
  return {
    status: failed.length === 0 ? 'measured' : 'failed',
    note: failed.length === 0 ? 'ExcelGridSource and ExcelReportSink on the simulator (web payload limits)' : failed.map((c) => `${c.name}: ${c.error}`).join('; '),
    cases,
  };
}

function main() {
  const started = Date.now();
  if (option('cli') !== undefined) cli = path.resolve(option('cli'));
  else {
    if (!flag('no-build')) build();
    cli = snapshotCli();
  }
  const sets = datasets();
  for (const s of sets) ensureData(s);
  fs.mkdirSync(RESULTS, { recursive: true });

  const result = { date: new Date().toISOString(), machine: machine(), cases: [], duckdb: null, crossCheck: null, stringify: null, excelAdapter: null, targets: null };
  let outStatus = null;
  for (const set of sets) {
    const runs = RUNS ?? (set.kind === 'xlsx' && set.rows >= 1_000_000 ? 3 : 5);
    const jsonFile = path.join(TMP, `${set.name}.json`);
    const ours = { label: `${set.name} --json`, argv: REPORT(set.file, ['--json']), options: { stdoutFile: jsonFile, env: { ACCOUNTDESK_TIMINGS: '1' } } };
    let json;
    if (set.name === 'csv-1m') {
      // DuckDB side by side, run for run, so the ratio compares like with like.
      log(`${set.name}: report --json and DuckDB, alternating (${runs} runs each)`);
      const duck = { label: 'duckdb', argv: [process.execPath, path.join(__dirname, 'duckdb.js'), set.file], options: { stdoutFile: path.join(TMP, 'duckdb.json') } };
      [json, result.duckdb] = measureAlternating([ours, duck], runs);
    } else {
      log(`${set.name}: report --json (${runs} runs)`);
      json = measureAlternating([ours], runs)[0];
    }
    result.cases.push({ name: set.name, kind: set.kind, rows: set.rows, bytes: fs.statSync(set.file).size, mode: '--json', ...json });
    if (set.name === 'csv-1m' && json.ok) {
      result.stringify = stringifyCost(jsonFile);
      result.ours1mJson = jsonFile;
    }
    outStatus ??= outSupported(set.file);
    if (outStatus.ok) {
      log(`${set.name}: report --out (${runs} runs)`);
      const out = measure(`${set.name} --out`, REPORT(set.file, ['--out', path.join(TMP, `${set.name}.xlsx`)]), runs, { env: { ACCOUNTDESK_TIMINGS: '1' } });
      result.cases.push({ name: set.name, kind: set.kind, rows: set.rows, bytes: fs.statSync(set.file).size, mode: '--out', ...out });
    } else {
      result.cases.push({ name: set.name, kind: set.kind, rows: set.rows, mode: '--out', ok: false, pending: true, error: outStatus.why });
    }
  }

  const duck = result.duckdb;
  if (duck) {
    const duckFile = path.join(TMP, 'duckdb.json');
    if (duck.ok) {
      const out = JSON.parse(fs.readFileSync(duckFile, 'utf8'));
      duck.internal = out.timings;
      duck.threads = out.threads;
      if (result.ours1mJson) {
        result.crossCheck = crossCheck(JSON.parse(fs.readFileSync(result.ours1mJson, 'utf8')), out);
        for (const m of result.crossCheck.mismatches.slice(0, 20)) log(`  MISMATCH ${m}`);
        log(`  cross-check: ${result.crossCheck.ok ? 'all equal to the cent' : `${result.crossCheck.mismatchCount} MISMATCHES`} (${result.crossCheck.compared} values)`);
      }
    }
  }
  delete result.ours1mJson;
  result.excelAdapter = flag('no-excel') ? { status: 'skipped', note: 'run without --no-excel to measure it', cases: [] } : excelAdapter(sets);
  result.targets = evaluateTargets(result);
  result.elapsedS = Math.round((Date.now() - started) / 1000);

  const md = renderMarkdown(result);
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), md);
  if (SAVE_AS) {
    fs.writeFileSync(path.join(RESULTS, `${SAVE_AS}.json`), JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(path.join(RESULTS, `${SAVE_AS}.md`), md);
  }
  fs.rmSync(TMP, { recursive: true, force: true });
  process.stdout.write(md);
  if (result.crossCheck && !result.crossCheck.ok) {
    log('\n*** DuckDB cross-check FAILED: our --json totals differ from DuckDB (see above) ***');
    process.exitCode = 1;
  }
}

/** The targets of issue 9, each with the measured value and whether it holds. */
function evaluateTargets(r) {
  const get = (name, mode = '--json') => r.cases.find((c) => c.name === name && c.mode === mode && c.ok);
  const csv1m = get('csv-1m');
  const csv100k = get('csv-100k');
  const t = [];
  if (csv1m) {
    const ours = csv1m.wallMs.median;
    t.push({ target: '1 M-row CSV, report --json, whole process ≤ 1.0 s', value: `${ours} ms`, met: ours <= 1000 });
    if (r.duckdb?.ok) {
      const ratio = ours / r.duckdb.wallMs.median;
      t.push({ target: '… and ≤ 2 × DuckDB whole process', value: `${ratio.toFixed(2)} × (DuckDB ${r.duckdb.wallMs.median} ms)`, met: ratio <= 2 });
    }
    if (csv1m.computeAfterIntakeMs) t.push({ target: '1 M rows, engine compute after intake ≤ 150 ms', value: `${csv1m.computeAfterIntakeMs.median} ms`, met: csv1m.computeAfterIntakeMs.median <= 150 });
    if (csv1m.rssMb) t.push({ target: '1 M rows (CSV), peak RSS ≤ 500 MB', value: `${csv1m.rssMb.median} MB`, met: csv1m.rssMb.median <= 500 });
  }
  if (csv1m && csv100k) {
    const ratio = csv1m.wallMs.median / csv100k.wallMs.median;
    t.push({ target: 'linear: 100 k → 1 M rows (CSV) ≤ 11 × the time', value: `${ratio.toFixed(2)} ×`, met: ratio <= 11 });
  }
  const xlsx1m = r.cases.find((c) => c.name === 'xlsx-1m' && c.mode === '--json');
  if (xlsx1m) {
    t.push({ target: '1 M rows (xlsx), peak RSS ≤ 500 MB', value: xlsx1m.ok ? `${xlsx1m.rssMb?.median} MB` : `failed (${xlsx1m.error})`, met: xlsx1m.ok && xlsx1m.rssMb !== null && xlsx1m.rssMb.median <= 500 });
  }
  const excel1m = r.excelAdapter.cases.find((c) => c.name === 'csv-1m');
  t.push({
    target: 'Excel adapter, 1 M rows: syncs ≤ ⌈bytes / 4 MB⌉ + 20, no request above the limit',
    value: excel1m?.ok ? `${excel1m.syncs} syncs (allowed ${excel1m.allowedSyncs}), largest payload ${(excel1m.largestPayload / 1e6).toFixed(2)} MB of ${(excel1m.payloadLimit / 1e6).toFixed(1)} MB` : `${r.excelAdapter.status}: ${excel1m?.error ?? r.excelAdapter.note}`,
    met: excel1m?.ok ? excel1m.met : null,
  });
  if (r.crossCheck) t.push({ target: 'DuckDB cross-check equal to the cent', value: r.crossCheck.ok ? `${r.crossCheck.compared} values equal` : `${r.crossCheck.mismatchCount} mismatches`, met: r.crossCheck.ok });
  return t;
}

main();
