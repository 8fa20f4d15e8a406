import { ACCOUNT_STATUSES, ATTAINMENT_STATUSES, engineWords } from '../../../src/reports/build/engineWords';
import { translator } from '../../../src/reports/i18n/catalog';
import { LANGUAGES } from '../../../src/reports/i18n/language';

// The sheets colour status words with "begins with" text rules (case-insensitive, as Excel
// compares): in one language no status word may begin with another one.
describe.each(LANGUAGES)('%s status words', (lang) => {
  const words = engineWords(translator(lang));
  it.each([
    ['attainment', ATTAINMENT_STATUSES.map((s) => words.attainment(s))],
    ['account', ACCOUNT_STATUSES.map((s) => words.account(s))],
  ])('%s statuses are distinct and none begins with another', (_kind, list) => {
    const lower = list.map((w) => w.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    for (const a of lower) for (const b of lower) if (a !== b) expect([a, b, b.startsWith(a)]).toEqual([a, b, false]);
  });
});
