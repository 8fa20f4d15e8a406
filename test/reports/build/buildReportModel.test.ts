import { buildReportModel } from '../../../src/reports/build';
import { LANGUAGES } from '../../../src/reports/i18n/language';
import { validateModel, type Cell, type ReportModel } from '../../../src/reports/model';
import { isLegalSheetName } from '../../../src/reports/sheetName';
import { compactModel } from './compactModel';
import { expectGolden } from './golden';
import { plainRun, quarterRun, yearRun } from './tinyRuns';

describe('buildReportModel: golden models of small inputs', () => {
  it('quarter plan, English (SPEC §5 worked example, derived quotas, injected names, a rejected row)', () => {
    const model = buildReportModel(quarterRun(), { language: 'en', sourceLabel: 'sales.xlsx › Sales' });
    expect(validateModel(model)).toEqual([]);
    expectGolden('quarter-plan.en', compactModel(model, 'EUR'));
  });

  it('annual retroactive revenue plan with a cap, fiscal year from April, German', () => {
    const model = buildReportModel(yearRun(), { language: 'de' });
    expect(validateModel(model)).toEqual([]);
    expectGolden('year-plan.de', compactModel(model));
  });

  it('no plan and no data issues, Polish: a Commission note and no Data Issues sheet', () => {
    const model = buildReportModel(plainRun(), { language: 'pl', sourceLabel: 'sprzedaz.csv' });
    expect(validateModel(model)).toEqual([]);
    expect(model.sheets.map((s) => s.key)).toEqual(['quarterly', 'commission', 'forecast', 'accounts']);
    expectGolden('no-plan.pl', compactModel(model, 'PLN'));
  });
});

/** Everything in a model but its words: numbers, formulas, cached values, formats and layout. */
function skeleton(model: ReportModel): unknown {
  const cell = (c: Cell | null): unknown => {
    if (c === null) return null;
    if (c.kind === 'text') return { kind: 'text', style: c.style };
    if (c.kind === 'formula') return { ...c, cached: typeof c.cached === 'string' ? 'text' : c.cached };
    return c;
  };
  return model.sheets.map((s) => ({ key: s.key, merges: s.merges, freeze: s.freeze, print: s.print, rows: s.rows.map((r) => r.map(cell)), charts: s.charts?.length, tables: s.tables?.map((t) => t.range) }));
}

describe('buildReportModel in every language', () => {
  const runs = { quarter: quarterRun(), year: yearRun(), plain: plainRun() };

  it.each(Object.keys(runs))('%s: the four languages differ only in words (same figures, formulas and layout)', (name) => {
    const r = runs[name as keyof typeof runs];
    const models = LANGUAGES.map((language) => buildReportModel(r, { language }));
    for (const m of models) expect(validateModel(m)).toEqual([]);
    // Number formats differ only by where the currency symbol goes; compare without them.
    const strip = (m: ReportModel) => JSON.parse(JSON.stringify(skeleton(m), (k, v: unknown) => (k === 'format' ? undefined : v)));
    const en = strip(models[0] as ReportModel);
    for (const m of models.slice(1)) expect(strip(m)).toEqual(en);
  });

  it.each(LANGUAGES)('%s: sheet names are legal, distinct and translated; every label comes from the catalog', (language) => {
    const model = buildReportModel(runs.quarter, { language });
    const names = model.sheets.map((s) => s.name);
    for (const n of names) expect(isLegalSheetName(n)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    if (language !== 'en') {
      const en = buildReportModel(runs.quarter, { language: 'en' }).sheets.map((s) => s.name);
      names.forEach((n, i) => expect(n).not.toBe(en[i]));
    }
  });

  it('is deterministic and JSON round-trips', () => {
    const a = buildReportModel(runs.quarter, { language: 'es' });
    const b = buildReportModel(quarterRun(), { language: 'es' });
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
