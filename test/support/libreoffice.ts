/**
 * LibreOffice (soffice) for tests: convert a workbook headlessly — to PDF to look at it, or
 * to xlsx after a full recalculation to check formula results against the cached values
 * our sinks write. Each process uses its own throw-away user profile (`-env:UserInstallation`),
 * so parallel jest workers and a desktop LibreOffice do not lock each other out, and the
 * profile tells Calc to recalculate every formula on load (default for xlsx: never).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice binary: `$SOFFICE`, else `soffice` or `libreoffice` on PATH; undefined when absent. */
export function findSoffice(): string | undefined {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv !== undefined && fromEnv !== '' && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      if (dir !== '' && existsSync(p)) return p;
    }
  }
  return undefined;
}

/**
 * Whether a LibreOffice test can run here. Where soffice is missing, local runs skip with a
 * console note, but CI (env `CI` set) must fail: CI installs libreoffice-calc-nogui, so a
 * missing binary there is a broken pipeline, not a reason to skip a proof.
 */
export function sofficeOrSkip(what: string): string | undefined {
  const bin = findSoffice();
  if (bin !== undefined) return bin;
  const ci = process.env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') {
    throw new Error(`${what}: LibreOffice (soffice) is required in CI but was not found on PATH`);
  }
  console.warn(`SKIPPED ${what}: LibreOffice (soffice) not found on PATH; install libreoffice-calc-nogui to run it`);
  return undefined;
}

let profileDir: string | undefined;

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** This process's LibreOffice profile, configured to recalculate on load. */
function profile(): string {
  if (profileDir === undefined) {
    profileDir = mkdtempSync(join(tmpdir(), `accountdesk-lo-${process.pid}-`));
    mkdirSync(join(profileDir, 'user'), { recursive: true });
    writeFileSync(join(profileDir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  }
  return profileDir;
}

/** Removes this process's LibreOffice profile (call from `afterAll`). */
export function removeLibreOfficeProfile(): void {
  if (profileDir !== undefined) rmSync(profileDir, { recursive: true, force: true });
  profileDir = undefined;
}

export interface ConvertOptions {
  /** Target format for `--convert-to`, e.g. `pdf`, `xlsx`, `csv`. */
  readonly to: string;
  readonly outDir: string;
  readonly soffice?: string;
  readonly timeoutMs?: number;
}

/**
 * Converts `input` with headless LibreOffice (formulas recalculated on load) and returns the
 * output file's path.
 * @example await convertWithLibreOffice('out.xlsx', { to: 'pdf', outDir: '/tmp/x' })
 */
export function convertWithLibreOffice(input: string, o: ConvertOptions): Promise<string> {
  const bin = o.soffice ?? findSoffice();
  if (bin === undefined) return Promise.reject(new Error('soffice not found'));
  mkdirSync(o.outDir, { recursive: true });
  const args = [`-env:UserInstallation=${pathToFileURL(profile()).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', o.to, '--outdir', o.outDir, input];
  const out = join(o.outDir, `${basename(input, extname(input))}.${o.to.split(':')[0] ?? o.to}`);
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: o.timeoutMs ?? 120_000, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      if (err !== null) {
        reject(new Error(`soffice failed (${err.message}): ${stderr || stdout}`));
        return;
      }
      if (!existsSync(out)) {
        reject(new Error(`soffice wrote no ${out}: ${stderr || stdout}`));
        return;
      }
      resolve(out);
    });
  });
}
