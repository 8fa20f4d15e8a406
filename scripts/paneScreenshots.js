#!/usr/bin/env node
/**
 * Screenshots of the task pane for docs/pane/ (README): first run, column mapping, plan editor,
 * results and an error, in English and Polish — the real pane in the playground (Excel
 * simulator, sample workbook), in Debian's Chromium, so they show exactly what the code renders.
 *
 *   node scripts/paneScreenshots.js            # all ten into docs/pane/
 *   node scripts/paneScreenshots.js --out DIR  # elsewhere
 *
 * Run on demand after UI changes (not part of npm test). Labels come from the pane's own
 * message catalog (exposed by the playground page), so the script follows the wording.
 */
'use strict';
// Functions passed to page.evaluate run in the page, with its globals.
/* global URLSearchParams, document, window, HTMLElement, getComputedStyle, Excel */

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { startPlayground } = require('./playground');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LANGUAGES = [
  { language: 'en', display: 'en-US' },
  { language: 'pl', display: 'pl-PL' },
];
/** Width of a task pane in Excel (px); the height follows the content. */
const PANE_WIDTH = 360;
const MAX_BYTES = 200 * 1024;

function parseArgs(argv) {
  const i = argv.indexOf('--out');
  return { out: path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : path.join(__dirname, '..', 'docs', 'pane')) };
}

async function main() {
  const { out } = parseArgs(process.argv.slice(2));
  fs.mkdirSync(out, { recursive: true });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const server = await startPlayground({ port: 0, build: 'auto', log: (l) => console.log(l) });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'accountdesk-shots-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1100, height: 900 } });
  const base = `http://127.0.0.1:${server.port}/`;
  const written = [];
  try {
    for (const { language, display } of LANGUAGES) {
      const open = async (query = {}) => {
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        await page.goto(`${base}?${new URLSearchParams({ lang: display, ...query })}`);
        await page.waitForSelector('body[data-ready="true"]');
        await page.evaluate((w) => document.documentElement.style.setProperty('--pane-width', `${w}px`), PANE_WIDTH);
        const t = (key, params) => page.evaluate(([l, k, p]) => window.accountDeskPlayground.t(l, k, p), [language, key, params]);
        const createReports = await t('pane.source.createReports');
        await page.waitForFunction((name) => {
          const b = [...document.querySelectorAll('button')].find((x) => x.textContent === name);
          return b !== undefined && b.getAttribute('aria-disabled') !== 'true';
        }, createReports);
        return { page, t, createReports };
      };
      /** The pane alone, down to the end of its content, with focus rings, caret and motion out of the way. */
      const shoot = async (page, name) => {
        await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
        await page.mouse.move(0, 0);
        // Accordion panels open with a short motion: measure once the height stops changing.
        const contentHeight = () =>
          page.evaluate(() => {
            const main = document.querySelector('#container main');
            const last = main?.lastElementChild;
            const padding = main === null ? 0 : parseFloat(getComputedStyle(main).paddingBottom);
            return Math.ceil((last?.getBoundingClientRect().bottom ?? 480) + padding + document.getElementById('taskpane').scrollTop);
          });
        let height = 0;
        for (let i = 0; i < 20; i++) {
          await page.waitForTimeout(100);
          const h = await contentHeight();
          if (h === height) break;
          height = h;
        }
        await page.setViewportSize({ width: 1100, height: Math.min(Math.max(height, 400), 3000) });
        await page.waitForTimeout(100);
        height = await contentHeight();
        const box = await page.locator('#taskpane').boundingBox();
        const file = path.join(out, `${language}-${name}.png`);
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', clip: { x: box.x, y: 0, width: box.width, height: Math.min(height, 3000) } });
        const bytes = fs.statSync(file).size;
        written.push(`${path.relative(process.cwd(), file)} (${Math.round(bytes / 1024)} KB, ${Math.round(box.width)}×${height})`);
        if (bytes > MAX_BYTES) console.warn(`warning: ${file} is ${Math.round(bytes / 1024)} KB (> 200 KB)`);
        await page.close();
      };

      // 1. First run: the data found, one click to the reports.
      {
        const { page } = await open();
        await shoot(page, 'first-run');
      }
      // 2. Column mapping.
      {
        const { page, t } = await open();
        await page.getByRole('button', { name: await t('pane.mapping.title') }).click();
        await page.getByRole('combobox').nth(1).waitFor();
        await shoot(page, 'mapping');
      }
      // 3. Plan editor, on the sample's plan.
      {
        const { page, t } = await open();
        await page.getByRole('button', { name: await t('pane.plan.title') }).click();
        await page.getByRole('button', { name: await t('pane.plan.edit') }).click();
        await page.getByRole('button', { name: await t('pane.plan.save') }).waitFor();
        await shoot(page, 'plan-editor');
      }
      // 4. Results.
      {
        const { page, t, createReports } = await open();
        await page.getByRole('button', { name: createReports }).click();
        await page.getByRole('heading', { name: await t('pane.results.title') }).waitFor();
        await shoot(page, 'results');
      }
      // 5. An error: the manager column renamed after the pane found it.
      {
        const { page, createReports } = await open();
        await page.evaluate(() =>
          Excel.run(async (context) => {
            context.workbook.worksheets.getItem('Sales').getRange('D3').values = [['Owner']];
            // One sync in the page per language, not per cell.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
          }),
        );
        await page.getByRole('button', { name: createReports }).click();
        await page.locator('[data-failure]').first().waitFor();
        await shoot(page, 'error');
      }
    }
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`wrote:\n  ${written.join('\n  ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
