#!/usr/bin/env node
/**
 * The task-pane playground (DESIGN.md §6): serves the real task pane next to a simulated
 * workbook — the Excel simulator of test/support/excelSimulator, seeded with the sample
 * workbook — so the add-in can be tried and tested in a browser without Excel or a network.
 *
 *   npm run playground                 # http://localhost:3100/
 *   npm run playground -- --port 4000  # another port (0 = any free port)
 *   npm run playground -- --rebuild    # rebuild the bundle even when it is up to date
 *
 * On start it builds the `playground` webpack configuration into dist-playground/ when the
 * bundle is missing or older than any source it is made from, reads the seed workbook with
 * exceljs into the simulator's seed format (served as /seed.json), and serves both. Page
 * parameters: `?lang=pl-PL` (Office display language), `?variant=no-manager` (a seed without
 * the manager column), `?latency=300` (ms per sync, to watch progress and press Cancel),
 * `?api=1.7` (an Excel too old for AccountDesk), `?theme=dark`.
 *
 * `startPlayground()` is what the browser tests and scripts/paneScreenshots.js use.
 */
'use strict';
// The Office.js lint rules read exceljs's `cell.value` as an Office.js proxy; nothing here is Office.js.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */

const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist-playground');
const SAMPLE = path.join(ROOT, 'samples', 'AccountDesk-sample.xlsx');
/** What the bundle is made of: a change to any of these rebuilds it. */
const SOURCES = ['src', 'test/playground', 'test/support/excelSimulator', 'test/excel', 'webpack.config.js', 'tsconfig.json', 'package-lock.json'];
const DEFAULT_PORT = 3100;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

// ------------------------------------------------------------------ seed

/** Excel's serial day of a UTC-midnight Date (exceljs hands dates so): 1970-01-01 = 25569. */
function excelSerial(date) {
  return date.getTime() / 86_400_000 + 25569;
}

/** An exceljs cell value as Office.js `values` would give it: numbers, text, booleans, dates as serials, errors as text. */
function officeValue(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === 'object') {
    if ('error' in v) return String(v.error);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return officeValue(v.text);
    if ('formula' in v || 'sharedFormula' in v) return officeValue(v.result);
  }
  return null;
}

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

/**
 * Reads an .xlsx file into the simulator's `WorkbookSeed`: every sheet's values (formulas as
 * their cached results) and number formats, visibility, and Excel tables.
 * @param {string} file
 * @returns {Promise<import('../test/support/excelSimulator').WorkbookSeed>}
 */
async function readWorkbookSeed(file) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = [];
  const tables = [];
  for (const ws of wb.worksheets) {
    const values = [];
    const numberFormats = [];
    const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    // exceljs computes columnCount over every row on each access: once per sheet.
    const columnCount = ws.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const line = [];
      const formats = [];
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        line.push(officeValue(cell.value));
        formats.push(cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null);
      }
      while (line.length > 0 && line[line.length - 1] === null && formats[line.length - 1] === null) {
        line.pop();
        formats.pop();
      }
      values.push(line);
      numberFormats.push(formats);
    }
    sheets.push({ name: ws.name, values, numberFormats, visibility: VISIBILITY[ws.state] ?? 'Visible' });
    for (const t of ws.getTables()) {
      const model = t.model ?? t.table;
      if (model?.name && model?.tableRef) tables.push({ name: model.name, sheet: ws.name, address: model.tableRef });
    }
  }
  return { sheets, tables };
}

// ------------------------------------------------------------------ build

function newestMtime(entry) {
  const abs = path.join(ROOT, entry);
  if (!fs.existsSync(abs)) return 0;
  const stat = fs.statSync(abs);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(abs)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Written after each build (webpack leaves unchanged files, and their times, alone). */
const STAMP = path.join(OUT, '.built');

/** True when dist-playground/ is missing or older than one of its sources. */
function isStale() {
  if (!fs.existsSync(path.join(OUT, 'index.html')) || !fs.existsSync(STAMP)) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

/** Builds the `playground` webpack configuration (dist-playground/). */
async function buildPlayground({ log = console.log } = {}) {
  const webpack = require('webpack');
  const configs = await require('../webpack.config.js')({ playground: true }, { mode: 'production' });
  const config = configs.find((c) => c.name === 'playground');
  if (config === undefined) throw new Error('webpack.config.js has no playground configuration');
  const started = Date.now();
  const stats = await new Promise((resolve, reject) => {
    webpack(config, (err, result) => (err ? reject(err) : resolve(result)));
  });
  if (stats.hasErrors()) throw new Error(`playground build failed:\n${stats.toString({ all: false, errors: true })}`);
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  log(`playground: built dist-playground/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ------------------------------------------------------------------ server

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Starts the playground server.
 * @param {{ port?: number, host?: string, build?: 'auto' | 'always' | 'never', seedFile?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
async function startPlayground(options = {}) {
  const { port = DEFAULT_PORT, host = '127.0.0.1', build = 'auto', seedFile = SAMPLE, log = console.log } = options;
  const [seed] = await Promise.all([
    readWorkbookSeed(seedFile),
    (build === 'always' || (build === 'auto' && isStale())) && buildPlayground({ log }),
  ]);
  if (!fs.existsSync(path.join(OUT, 'index.html'))) throw new Error('dist-playground/ is missing: run without --no-build');
  const seedJson = JSON.stringify(seed);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TYPES['.txt'], 'method not allowed');
    if (url.pathname === '/seed.json') return send(res, 200, TYPES['.json'], seedJson);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(OUT, rel);
    if (!file.startsWith(OUT + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, TYPES['.txt'], `not found: ${url.pathname}`);
    }
    return send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://localhost:${actual}/`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv) {
  const options = { port: DEFAULT_PORT, build: 'auto' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a.startsWith('--port=')) {
      const value = a.includes('=') ? a.slice('--port='.length) : argv[++i];
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a port number (got "${value ?? ''}")`);
      options.port = port;
    } else if (a === '--rebuild') options.build = 'always';
    else if (a === '--no-build') options.build = 'never';
    else if (a === '--help' || a === '-h') options.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  return options;
}

if (require.main === module) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`playground: ${e.message}\nusage: npm run playground -- [--port N] [--rebuild | --no-build]`);
    process.exit(2);
  }
  if (options.help) {
    console.log('usage: npm run playground -- [--port N] [--rebuild | --no-build]');
    process.exit(0);
  }
  startPlayground(options).then(
    (playground) => {
      console.log(`AccountDesk playground: ${playground.url}  (Ctrl+C to stop)`);
      const stop = () => playground.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(`playground: ${e.code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port` : e.message}`);
      process.exit(1);
    },
  );
}

module.exports = { startPlayground, buildPlayground, readWorkbookSeed, isStale, DEFAULT_PORT };
