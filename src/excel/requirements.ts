/**
 * ExcelApi requirement sets (OFFICE-JS.md §8). AccountDesk needs 1.12 (worksheet custom
 * properties mark the report sheets it owns); the lower sets below come with it. Checked at
 * start-up so the pane can say which Excel is needed instead of failing halfway through a run.
 */
import { excelMessage } from './messages';

/** The set the add-in needs (and the manifest asks for). */
export const REQUIRED_EXCEL_API = '1.12';

/** Which feature needs which ExcelApi set (OFFICE-JS.md §8, @types/office-js). */
export const FEATURE_SETS = {
  conditionalFormats: '1.6',
  suspendCalculation: '1.6',
  freezePanes: '1.7',
  chartSeries: '1.7',
  tabColor: '1.7',
  rangeByIndexes: '1.7',
  calculationMode: '1.8',
  showGridlines: '1.8',
  axisNumberFormat: '1.8',
  screenUpdating: '1.9',
  rangeAreas: '1.9',
  indentLevel: '1.9',
  pageLayout: '1.9',
  ownedSheetMark: '1.12',
} as const;

export type ExcelFeature = keyof typeof FEATURE_SETS;

/** `Office.context.requirements.isSetSupported`; versions are strings ("1.1" ≠ "1.10"). */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface RequirementCheck {
  readonly ok: boolean;
  /** Features the host lacks (empty when ok). */
  readonly missing: readonly ExcelFeature[];
  /** The highest ExcelApi 1.x set the host reports (e.g. "1.7" for Excel 2019), "" when none. */
  readonly highestSet: string;
  /** Plain-words message naming the Excel versions that work; undefined when ok. */
  readonly message?: string;
}

function officeIsSetSupported(): IsSetSupported {
  return (name, version) => Office.context.requirements.isSetSupported(name, version);
}

/**
 * Whether this Excel can run AccountDesk.
 * @example checkRequirements((n, v) => v === undefined || Number(v.split('.')[1]) <= 7).message
 * // "AccountDesk needs Excel with the ExcelApi 1.12 feature set: Microsoft 365 …"
 */
export function checkRequirements(isSetSupported: IsSetSupported = officeIsSetSupported()): RequirementCheck {
  const missing = (Object.keys(FEATURE_SETS) as ExcelFeature[]).filter((f) => !isSetSupported('ExcelApi', FEATURE_SETS[f]));
  let highestSet = '';
  for (let minor = 1; minor <= 30; minor++) {
    if (!isSetSupported('ExcelApi', `1.${minor}`)) break;
    highestSet = `1.${minor}`;
  }
  const ok = missing.length === 0 && isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
  if (ok) return { ok, missing, highestSet };
  return { ok, missing, highestSet, message: excelMessage('ExcelTooOld', 'check', REQUIRED_EXCEL_API) };
}

/** Whether one feature is available (for optional niceties such as screen-updating suspension). */
export function supports(feature: ExcelFeature, isSetSupported: IsSetSupported = officeIsSetSupported()): boolean {
  return isSetSupported('ExcelApi', FEATURE_SETS[feature]);
}
