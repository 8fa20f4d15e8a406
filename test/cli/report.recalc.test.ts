/**
 * Recalculation proof of the reports (SPEC §5, §8): the CLI writes the report workbook for the
 * sample, LibreOffice recalculates every formula headlessly, and
 * - every commission check cell (formula total − AccountDesk total) is exactly 0,
 * - every formula total (commission, bonus, payout per manager and period) equals the engine's
 *   figure in the `--json` output,
 * - every other formula of the report sheets recalculates to the cached value we wrote.
 * Runs where soffice is installed; in CI (env CI set) a missing soffice fails the test instead
 * of skipping it (see test/support/libreoffice.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { COMMISSION_COLUMNS } from '../../src/reports/build';
import { convertWithLibreOffice, removeLibreOfficeProfile, sofficeOrSkip } from '../support/libreoffice';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'AccountDesk-sample.xlsx');
const REPORT_SHEETS = ['Quarterly Results', 'Commission', 'Forecast', 'Account Status', 'Data Issues'];
const keep = process.env.XLSX_SINK_KEEP_DIR;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(keep !== undefined && keep !== '' ? keep : tmpdir(), 'report-recalc-'));
});
afterAll(() => {
  removeLibreOfficeProfile();
  if (keep === undefined || keep === '') rmSync(dir, { recursive: true, force: true });
});

interface EngineRow {
  manager: string;
  period: string;
  commission: number | null;
  bonus: number | null;
  payout: number | null;
}

async function read(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The value a formula cell holds (exceljs: `cell.result`; `cell.value` drops a result of 0), or a plain value. */
function valueOf(cell: ExcelJS.Cell): unknown {
  return cell.type === ExcelJS.ValueType.Formula ? (cell.result as unknown) : cell.value;
}

/** Copies `path` to `to` with the cached result of every Commission check formula set to 1; returns how many. */
async function tamperChecks(path: string, to: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const rid = /<sheet [^>]*name="Commission"[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid ?? '?'}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
  const part = `xl/${target.replace(/^\/?xl\//, '')}`;
  const xml = (await zip.file(part)?.async('string')) ?? '';
  let n = 0;
  const col = String.fromCharCode(65 + COMMISSION_COLUMNS.check);
  const changed = xml.replace(new RegExp(`(<c r="${col}\\d+"[^>]*><f>[^<]*</f><v>)0(</v>)`, 'g'), (_m, a: string, b: string) => {
    n++;
    return `${a}1${b}`;
  });
  zip.file(part, changed);
  writeFileSync(to, await zip.generateAsync({ type: 'nodebuffer' }));
  return n;
}

test('LibreOffice recalculates the report workbook: every commission check is 0 and every total is the engine figure', async () => {
  const soffice = sofficeOrSkip('report recalculation proof');
  if (soffice === undefined) return;
  const out = join(dir, 'report.xlsx');
  let stdout = '';
  const code = await main(['report', SAMPLE, '--out', out, '--json'], { stdout: (t) => (stdout += t), stderr: () => undefined });
  expect(code).toBe(0);
  const engine = (JSON.parse(stdout) as { commission: EngineRow[] }).commission;

  // Canary: a copy whose check cells all cache 1 instead of 0. Only a real recalculation turns
  // them back to 0, so the assertions below cannot pass on our own cached values.
  const tampered = join(dir, 'tampered.xlsx');
  const replaced = await tamperChecks(out, tampered);
  expect(replaced).toBeGreaterThan(50);
  const recalculated = await convertWithLibreOffice(tampered, { to: 'xlsx', outDir: join(dir, 'lo'), soffice, timeoutMs: 240_000 });
  const before = await read(out);
  const after = await read(recalculated);

  // 1. The Commission sheet, block by block.
  const ws = after.getWorksheet('Commission');
  if (ws === undefined) throw new Error('no Commission sheet after recalculation');
  const C = COMMISSION_COLUMNS;
  const labels: Record<string, keyof EngineRow> = { Commission: 'commission', 'Commission (at most the maximum)': 'commission', Bonus: 'bonus', Payout: 'payout' };
  let block: EngineRow | undefined;
  let checks = 0;
  const seen = new Set<string>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const label = row.getCell(C.label + 1).value;
    const title = typeof label === 'string' ? /^(.*) · (\d{4}-Q\d|FY\d{4}-Q\d|\d{4}|FY\d{4})$/.exec(label) : null;
    if (title !== null) {
      block = engine.find((e) => e.manager === title[1] && e.period === title[2]);
      expect([label, block !== undefined]).toEqual([label, true]);
      continue;
    }
    const check = row.getCell(C.check + 1);
    if (check.type !== ExcelJS.ValueType.Formula) continue;
    checks++;
    const at = `Commission!${check.address}`;
    expect({ at, check: valueOf(check) }).toEqual({ at, check: 0 });
    const field = typeof label === 'string' ? labels[label] : undefined;
    if (block === undefined || field === undefined) throw new Error(`check at ${at} outside a block or with an unknown label ${String(label)}`);
    const total = valueOf(row.getCell(C.formula + 1));
    expect({ at, manager: block.manager, period: block.period, field, total }).toEqual({ at, manager: block.manager, period: block.period, field, total: block[field] });
    expect(valueOf(row.getCell(C.engine + 1))).toBe(block[field]);
    seen.add(`${block.manager}|${block.period}|${field}`);
  }
  const paid = engine.filter((e) => e.payout !== null);
  expect(checks).toBe(paid.length * 3);
  expect(seen.size).toBe(checks);
  expect(valueOf(ws.getCell('B9'))).toBe(0); // "Checks that differ from AccountDesk"
  expect(valueOf(ws.getCell('B8'))).toBe(checks);

  // 2. Every formula of every report sheet recalculates to the value we cached.
  let formulas = 0;
  for (const name of REPORT_SHEETS) {
    const mine = before.getWorksheet(name);
    const lo = after.getWorksheet(name);
    if (mine === undefined || lo === undefined) throw new Error(`sheet ${name} missing`);
    mine.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        formulas++;
        const at = `${name}!${cell.address}`;
        const cached = cell.result as unknown;
        const computed = valueOf(lo.getCell(cell.address));
        if (typeof cached === 'number') {
          expect(typeof computed).toBe('number');
          const diff = Math.abs((computed as number) - cached);
          expect({ at, ok: diff <= 1e-9 * Math.max(1, Math.abs(cached)) }).toEqual({ at, ok: true });
        } else {
          // An empty string result ("") comes back from LibreOffice as an empty cell.
          expect({ at, value: computed ?? '' }).toEqual({ at, value: cached ?? '' });
        }
      }),
    );
  }
  expect(formulas).toBeGreaterThan(checks * 3);
}, 300_000);
