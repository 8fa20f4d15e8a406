import type { SheetSeed, WorkbookSeed } from '../support/excelSimulator';
import { scaleRows } from '../excel/scaleData';

/** The header cell the `no-manager` variant removes, with its column. */
const MANAGER_HEADER = 'Account Manager';

function withoutColumn(sheet: SheetSeed, header: string): SheetSeed {
  const rows = sheet.values ?? [];
  const headerRow = rows.find((r) => r.includes(header));
  const col = headerRow === undefined ? -1 : headerRow.indexOf(header);
  if (col < 0) throw new Error(`seed variant: no column "${header}" on ${sheet.name}`);
  const drop = <T>(r: readonly T[]): T[] => r.filter((_, c) => c !== col);
  return {
    ...sheet,
    values: rows.map(drop),
    ...(sheet.numberFormats !== undefined && { numberFormats: sheet.numberFormats.map(drop) }),
  };
}

/**
 * The workbook the playground starts with:
 * - `sample`: the sample workbook as it is;
 * - `no-manager`: its Sales sheet without the Account Manager column (a required field missing);
 * - `no-plan`: without the Commission Plan sheet (the plan editor starts from the template);
 * - `blank`: one empty sheet (no data found);
 * - `scale-N`: one Sales sheet of N generated transactions (test/excel/scaleData.ts: Date, Account,
 *   Manager, Amount), e.g. `scale-1000000` for the 1 M-row runs of the browser tests.
 * @example seedVariant(seed, 'no-plan').sheets.some((s) => s.name === 'Commission Plan') // false
 */
export function seedVariant(seed: WorkbookSeed, variant: string): WorkbookSeed {
  const scale = /^scale-(\d+)$/.exec(variant);
  if (scale !== null) return { sheets: [{ name: 'Sales', values: scaleRows(Number(scale[1])), adopt: true }] };
  switch (variant) {
    case 'sample':
      return seed;
    case 'no-manager':
      return { ...seed, sheets: seed.sheets.map((s) => (s.name === 'Sales' ? withoutColumn(s, MANAGER_HEADER) : s)) };
    case 'no-plan':
      return { ...seed, sheets: seed.sheets.filter((s) => s.name !== 'Commission Plan') };
    case 'blank':
      return { sheets: [{ name: 'Sheet1' }] };
    default:
      throw new Error(`unknown seed variant "${variant}" (sample, no-manager, no-plan, blank, scale-N)`);
  }
}
