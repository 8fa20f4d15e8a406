/**
 * Browser-test support: Debian's Chromium driven by playwright-core against the playground
 * server (scripts/playground.js), started on a free port. Everything is closed in `close()`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian (and `.ci/run`) installs Chromium; `CHROMIUM_PATH` overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The switches the project runs Chromium with: headless, sandbox-free (containers), and silent on the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface PlaygroundServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

// The server is plain Node (scripts/ is not TypeScript).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const playground = require('../../../scripts/playground.js') as {
  startPlayground(options: { port?: number; build?: 'auto' | 'always' | 'never'; log?: (line: string) => void }): Promise<PlaygroundServer>;
};

/** Whether the browser tests can run here; in CI a missing Chromium is a failure, elsewhere a skip. */
export function browserAvailability(): { readonly run: true } | { readonly run: false; readonly reason: string; readonly fail: boolean } {
  if (existsSync(CHROMIUM_PATH)) return { run: true };
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
  return { run: false, reason, fail: process.env.CI === 'true' || process.env.CI === '1' };
}

export interface BrowserSession {
  /** The playground's base URL, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  readonly context: BrowserContext;
  /** Requests that left the playground server (must stay empty: no network). */
  readonly external: string[];
  /** Page errors and console errors, for the failure message. */
  readonly errors: string[];
  /** Opens the playground with these query parameters and waits until the pane has detected the data. */
  open(query?: Record<string, string>): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the playground server (building it when stale) and Chromium with a fresh profile. */
export async function startSession(): Promise<BrowserSession> {
  const server = await playground.startPlayground({ port: 0, build: 'auto', log: (line) => process.stderr.write(`${line}\n`) });
  const profile = mkdtempSync(join(tmpdir(), 'accountdesk-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
    });
  } catch (e) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const url = `http://127.0.0.1:${server.port}/`;
  const external: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    if (!r.url().startsWith(url)) external.push(r.url());
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return {
    url,
    context,
    external,
    errors,
    async open(query = {}) {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await page.goto(`${url}?${new URLSearchParams(query).toString()}`);
      await page.waitForSelector('body[data-ready="true"]');
      return page;
    },
    close,
  };
}
