import { buildReportModel } from '../../../src/reports/build';
import { englishReason } from '../../../src/core/issues/messages';
import { issueMessageText } from '../../../src/reports/i18n/issues';
import { LANGUAGES } from '../../../src/reports/i18n/language';
import type { Cell } from '../../../src/reports/model';
import { quarterRun } from './tinyRuns';

const text = (c: Cell | null | undefined) => (c?.kind === 'text' ? c.text : '');

describe('Data Issues sheet', () => {
  const run = quarterRun();
  const issues = [...run.intake.issues, ...run.tableIssues];

  it('has issues to show (a rejected row and a quota warning)', () => {
    expect(issues.length).toBeGreaterThanOrEqual(2);
    for (const i of issues) expect(i.message && englishReason(i.message)).toBe(i.reason);
  });

  it.each(LANGUAGES)('%s: every reason in the report language, by its message key', (language) => {
    const sheet = buildReportModel(run, { language }).sheets.find((s) => s.key === 'issues');
    const reasons = (sheet?.rows ?? []).map((r) => text(r[5]));
    for (const i of issues) {
      const expected = i.message === undefined ? i.reason : issueMessageText(language, i.message);
      expect(reasons).toContain(expected);
      if (language !== 'en') expect(reasons).not.toContain(i.reason);
    }
  });
});
