/**
 * Golden files: `expectGolden(name, value)` compares `value` with
 * test/fixtures/reports/<name>.json; with UPDATE_GOLDEN=1 it writes the file instead. Review a
 * changed golden file like code: every line is something a reader of the report sees.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'fixtures', 'reports');

export function expectGolden(name: string, value: unknown): void {
  const path = join(DIR, `${name}.json`);
  const text = `${JSON.stringify(value, null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing: run the test with UPDATE_GOLDEN=1 and review it`);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
