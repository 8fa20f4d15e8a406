import { FEATURE_SETS, REQUIRED_EXCEL_API, checkRequirements, supports } from '../../src/excel/requirements';
import { ExcelSimulator } from '../support/excelSimulator';

/** isSetSupported of a host that stops at ExcelApi 1.`max`. */
const host = (max: number) => (name: string, v?: string) => name === 'ExcelApi' && (v === undefined || Number(v.split('.')[1]) <= max);

describe('checkRequirements', () => {
  test.each([
    // highest set, ok, missing features
    [12, true, []],
    [16, true, []],
    [11, false, ['ownedSheetMark']],
    [7, false, ['calculationMode', 'showGridlines', 'axisNumberFormat', 'screenUpdating', 'rangeAreas', 'indentLevel', 'pageLayout', 'ownedSheetMark']], // Excel 2019
    [5, false, Object.keys(FEATURE_SETS)],
  ])('ExcelApi up to 1.%i → ok %p', (max, ok, missing) => {
    const r = checkRequirements(host(max));
    expect(r.ok).toBe(ok);
    expect(r.missing).toEqual(missing);
    expect(r.highestSet).toBe(`1.${max}`);
    if (ok) expect(r.message).toBeUndefined();
    else expect(r.message).toMatch(/^AccountDesk needs Excel with the ExcelApi 1\.12 feature set: Microsoft 365 \(Excel for Windows version 2008 or later\), Excel 2021 or later, Excel on the web, or Excel for Mac 16\.40 or later\. This Excel \(for example Excel 2019 or 2016\) is too old\./);
  });

  test('asks with version strings ("1.12", not the number 1.12, which would read "1.12" → fine, but 1.10 → "1.1")', () => {
    const asked: unknown[] = [];
    checkRequirements((_n, v) => {
      asked.push(v);
      return true;
    });
    expect(asked.every((v) => typeof v === 'string')).toBe(true);
    expect(asked).toContain('1.10');
    expect(REQUIRED_EXCEL_API).toBe('1.12');
  });

  test('reads Office.context.requirements by default (simulated host at 1.9)', () => {
    const restore = ExcelSimulator.create({ sheets: [{ name: 'S' }] }, { apiVersion: '1.9' }).install();
    try {
      expect(checkRequirements()).toMatchObject({ ok: false, highestSet: '1.9', missing: ['ownedSheetMark'] });
      expect(supports('screenUpdating')).toBe(true);
      expect(supports('ownedSheetMark')).toBe(false);
    } finally {
      restore();
    }
  });
});
