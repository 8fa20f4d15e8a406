/**
 * Three builds (DESIGN.md §2), pick one with `--config-name`:
 *
 * - `addin`: the Excel add-in for the browser — task pane and ribbon command pages, icons and the
 *   manifest in dist/; `webpack serve --config-name addin` serves it on https://localhost:3000.
 * - `cli`: the Node command line, dist/cli/accountdesk.js (run through bin/accountdesk.js); its
 *   packages (exceljs, papaparse, …) stay in node_modules and are require()d at run time.
 * - `playground`: the task pane next to the Excel simulator (test/playground → dist-playground/),
 *   for `npm run playground` and the browser tests. A development tool, so a plain
 *   `webpack` / `npm run build` leaves it out; `--config-name playground` (or `--env playground`)
 *   builds it, and scripts/playground.js builds it itself when it is missing or stale.
 *
 * ts-loader only transpiles; `npm run typecheck` (tsc) does the type checking.
 *
 * The engine's Web Worker needs no entry here: src/app/engineWorker/spawnEngineWorker.ts writes
 * `new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'accountdesk-engine' })`,
 * which webpack 5 turns into a separate chunk of the same build and origin — in the add-in
 * `accountdesk-engine.<contenthash>.js` next to the task pane, in the playground
 * `accountdesk-engine.js`. That needs ES modules from ts-loader (`module: 'es2020'` below keeps
 * `import.meta` for webpack); tsc and jest stay CommonJS and never load that one module.
 *
 * Environment: ACCOUNTDESK_BASE_URL (e.g. https://addin.example.com/) rewrites every
 * https://localhost:3000/ address in dist/manifest.xml for a hosted production build.
 */
'use strict';

const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
/** Published add-ins must load office.js from Microsoft's CDN; a playground may swap in a local copy. */
const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const dist = path.resolve(__dirname, 'dist');

function tsRule(compilerOptions) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions } },
  };
}

/** The manifest as copied to dist/, with the production host when one is given. */
function manifestTransform(content) {
  const base = process.env.ACCOUNTDESK_BASE_URL;
  if (!base) return content;
  const prod = base.endsWith('/') ? base : `${base}/`;
  const text = content.toString();
  return text.split(DEV_URL).join(prod).split(DEV_URL.slice(0, -1)).join(prod.slice(0, -1));
}

async function addinConfig(env, mode) {
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    name: 'addin',
    mode,
    target: 'web',
    context: __dirname,
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: dist,
      filename: '[name].[contenthash:8].js',
      // dist/cli belongs to the other build.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    // ES modules let webpack drop the unused parts of Fluent UI; jest and tsc keep CommonJS.
    module: { rules: [tsRule({ module: 'es2020' })] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJsUrl: OFFICE_JS_URL,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        officeJsUrl: OFFICE_JS_URL,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: '[name][ext]', transform: manifestTransform },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI v9 are most of the task pane; keep an eye on growth past that.
      hints: mode === 'production' ? 'warning' : false,
      maxEntrypointSize: 800 * 1024,
      maxAssetSize: 800 * 1024,
    },
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Generating certificates is only for `webpack serve`, never for a build.
      server: serving ? await require('./scripts/devServerCerts').devServerHttps() : 'https',
      client: { overlay: { warnings: false } },
      // Everything is served from the build; there is no public/ folder.
      static: false,
    },
  };
}

function cliConfig(mode) {
  return {
    name: 'cli',
    mode,
    target: 'node20',
    context: __dirname,
    devtool: 'source-map',
    entry: { accountdesk: './src/cli/main.ts' },
    output: {
      path: path.join(dist, 'cli'),
      filename: '[name].js',
      library: { type: 'commonjs2' },
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule({})] },
    externalsPresets: { node: true },
    // Bare package imports (exceljs, papaparse, …) are require()d from node_modules at run time;
    // only our own relative imports are bundled.
    externals: [
      ({ request }, callback) => {
        if (request && !request.startsWith('.') && !path.isAbsolute(request)) {
          return callback(null, `commonjs ${request}`);
        }
        return callback();
      },
    ],
    // Keep __dirname/__filename meaning the bundle's own location.
    node: { __dirname: false, __filename: false },
    optimization: { minimize: false },
  };
}

/**
 * Not shipped: the simulator replaces office.js, so the page makes no request outside the
 * playground server. Unminified (a third of the build time; nobody downloads it over a network)
 * and cached on disk, so a rebuild after a small change takes seconds.
 */
function playgroundConfig(mode) {
  return {
    name: 'playground',
    mode,
    target: 'web',
    context: __dirname,
    devtool: false,
    entry: { playground: './test/playground/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist-playground'),
      filename: '[name].js',
      chunkFilename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [tsRule({ module: 'es2020' })] },
    plugins: [new HtmlWebpackPlugin({ filename: 'index.html', template: './test/playground/index.html' })],
    optimization: { minimize: false },
    performance: { hints: false },
    cache: { type: 'filesystem', name: `playground-${mode}`, buildDependencies: { config: [__filename] } },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const names = [].concat(argv.configName ?? []);
  const configs = [await addinConfig(env, mode), cliConfig(mode)];
  if (env.playground || names.includes('playground')) configs.push(playgroundConfig(mode));
  return configs;
};
