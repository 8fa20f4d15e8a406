/**
 * The simulated Excel object model: the subset of `Excel.*` classes AccountDesk uses, each a
 * proxy over {@link WorkbookState}. API versions (`since`) follow @types/office-js 1.0.612.
 */
import {
  SimClientObject,
  SimClientResult,
  SimCollection,
  defineProps,
  resolved,
  summarize,
  type Execution,
  type SimRequestContext,
} from './context';
import { SimOfficeError, fail } from './errors';
import {
  MAX_COLS,
  MAX_ROWS,
  cellKey,
  checkRect,
  parseAddress,
  quoteSheet,
  rectA1,
  rectCells,
  rectsOverlap,
  columnLetters,
  tableNameProblem,
  type ChartSeriesState,
  type ChartState,
  type ConditionalFormatState,
  type Rect,
  type SheetState,
  type StoredValue,
  type TableState,
  type WorkbookState,
} from './state';

/** What objects need from the simulator besides the sync machinery. */
export interface ObjectHost {
  readonly state: WorkbookState;
  readonly readCellLimit: number;
  readonly oversizeRead: 'null' | 'throw';
  readonly operationCellLimit: number;
  readonly isWeb: boolean;
}

function host(ctx: SimRequestContext): ObjectHost {
  return ctx._host as unknown as ObjectHost;
}

function wbOf(ctx: SimRequestContext): WorkbookState {
  return host(ctx).state;
}

/** The sheet, failing when it has been deleted since the proxy resolved. */
function live(wb: WorkbookState, sheet: SheetState): SheetState {
  if (!wb.sheets.includes(sheet)) fail('ItemNotFound', `the worksheet ${JSON.stringify(sheet.name)} has been deleted`);
  return sheet;
}

interface RangeTarget {
  readonly sheet: SheetState;
  readonly rect: Rect;
}

interface AreasTarget {
  readonly sheet: SheetState;
  readonly rects: readonly Rect[];
}

function argRange(ctx: SimRequestContext, r: unknown, what: string): SimRange {
  if (!(r instanceof SimRange)) return fail('InvalidArgument', `${what} must be a Range`);
  ctx._checkArg(r);
  return r;
}

// ===================================================================== number display

function serialToIso(serial: number): string {
  const day = Math.floor(serial);
  if (day === 60) return '1900-02-29';
  const s = day < 60 ? day + 1 : day;
  const ms = (s - 25569) * 86400000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function isDateCode(code: string): boolean {
  const stripped = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(stripped) && !/^General$/i.test(code);
}

/**
 * `Range.text` approximation (labelled): General → shortest number text; dates →
 * yyyy-mm-dd; other codes → decimals, grouping, percent and quoted literals of the section.
 * Layout codes: `_x` (a space as wide as `x`, e.g. `_)` in `#,##0_);(#,##0)`) shows as one space;
 * `*x` (repeat `x` to fill the column) is dropped, as the width it fills is not modelled; `\x`
 * shows `x`.
 */
export function displayText(v: StoredValue, format: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (format === undefined || format === 'General' || format === '@') return String(v);
  const sections = format.split(';');
  const section = (v < 0 && sections.length > 1 ? sections[1] : sections[0]) ?? format;
  if (isDateCode(section)) return serialToIso(v);
  const negSection = v < 0 && sections.length > 1;
  let x = negSection ? Math.abs(v) : v;
  const body = section.replace(/\[[^\]]*\]/g, '');
  // The number's own codes, without literals and layout codes (`_)`, `*-`, `\.` are not digits).
  const codes = body.replace(/"[^"]*"/g, '').replace(/[_*\\]./g, '');
  if (codes.includes('%')) x *= 100;
  const dec = /\.(0+)/.exec(codes)?.[1]?.length ?? 0;
  let num = x.toFixed(dec);
  if (/#,##0|0,0/.test(codes)) {
    const [i = '', f] = num.split('.');
    const neg = i.startsWith('-');
    const digits = neg ? i.slice(1) : i;
    num = (neg ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f === undefined ? '' : `.${f}`);
  }
  let out = '';
  let placed = false;
  for (const m of body.matchAll(/"([^"]*)"|\\(.)|_(.)|\*(.)|([#0,.]+)|(.)/g)) {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) out += m[2];
    else if (m[3] !== undefined) out += ' ';
    else if (m[4] !== undefined) continue;
    else if (m[5] !== undefined) {
      if (!placed) out += num;
      placed = true;
    } else if (m[6] !== undefined) out += m[6];
  }
  return placed ? out : num;
}

function valueType(v: StoredValue): string {
  if (v === null || v === '') return 'Empty';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  if (/^#(N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|SPILL!|CALC!)$/.test(v)) return 'Error';
  return 'String';
}

// ===================================================================== range reads

type Matrix = unknown[][];

function checkRead(h: ObjectHost, rect: Rect, what: string): boolean {
  if (rectCells(rect) <= h.readCellLimit) return true;
  if (h.oversizeRead === 'throw') fail('GeneralException', `${what}: a get operation is limited to ${h.readCellLimit} cells`);
  return false;
}

function readMatrix(rect: Rect, cell: (row: number, col: number) => unknown): Matrix {
  const out: Matrix = new Array<unknown[]>(rect.rowCount);
  for (let r = 0; r < rect.rowCount; r++) {
    const line = new Array<unknown>(rect.colCount);
    for (let c = 0; c < rect.colCount; c++) line[c] = cell(rect.row + r, rect.col + c);
    out[r] = line;
  }
  return out;
}

function readValues(wb: WorkbookState, t: RangeTarget): Matrix {
  const { sheet, rect } = t;
  if (sheet.formulas.size === 0) {
    // Fast path for data sheets: no formulas to evaluate.
    return readMatrix(rect, (r, c) => sheet.values[r]?.[c] ?? '');
  }
  return readMatrix(rect, (r, c) => wb.cellValue(sheet, r, c) ?? '');
}

function readFormulas(t: RangeTarget): Matrix {
  const { sheet, rect } = t;
  return readMatrix(rect, (r, c) => sheet.formulas.get(cellKey(r, c)) ?? sheet.values[r]?.[c] ?? '');
}

function readFormats(t: RangeTarget): Matrix {
  return readMatrix(t.rect, (r, c) => t.sheet.format(r, c) ?? 'General');
}

// ===================================================================== formats

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'];
const NAMED_COLORS = new Set(['black', 'white', 'red', 'green', 'blue', 'yellow', 'orange', 'purple', 'gray', 'grey']);

function checkColor(v: unknown, what: string): string {
  if (typeof v !== 'string' || !(/^#[0-9A-Fa-f]{6}$/.test(v) || NAMED_COLORS.has(v.toLowerCase()))) fail('InvalidArgument', `${what}: not a colour ${JSON.stringify(v)}`);
  return v;
}

function checkOneOf(v: unknown, allowed: readonly string[], what: string): string {
  if (typeof v !== 'string' || !allowed.includes(v)) fail('InvalidArgument', `${what}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}`);
  return v;
}

function checkBool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') fail('InvalidArgument', `${what} must be a boolean`);
  return v;
}

function checkNumber(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail('InvalidArgument', `${what} must be a number in ${min}–${max}`);
  return v;
}

const FORMAT_DEFAULTS: Record<string, unknown> = {
  'font.bold': false,
  'font.italic': false,
  'font.underline': 'None',
  'font.size': 11,
  'font.color': '#000000',
  'font.name': 'Calibri',
  'font.strikethrough': false,
  'fill.color': '#FFFFFF',
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  indentLevel: 0,
};

/** Uniform value of a format key over the areas (null when mixed; labelled: large ranges look at their corners). */
function formatValue(t: AreasTarget, key: string): unknown {
  const def = key.startsWith('borders.') ? (key.endsWith('.style') ? 'None' : key.endsWith('.weight') ? 'Thin' : '#000000') : FORMAT_DEFAULTS[key];
  let first: unknown;
  let seen = false;
  for (const rect of t.rects) {
    const cells = rectCells(rect);
    const probe = (r: number, c: number): boolean => {
      const v = t.sheet.cellFormat(r, c, key) ?? def;
      if (!seen) {
        first = v;
        seen = true;
        return true;
      }
      return v === first;
    };
    if (cells <= 10000) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.col; c < rect.col + rect.colCount; c++) if (!probe(r, c)) return null;
    } else {
      const lr = rect.row + rect.rowCount - 1;
      const lc = rect.col + rect.colCount - 1;
      for (const [r, c] of [[rect.row, rect.col], [lr, lc], [rect.row, lc], [lr, rect.col]] as const) if (!probe(r, c)) return null;
    }
  }
  return first;
}

function recordFormat(wb: WorkbookState, t: AreasTarget, key: string, value: unknown): void {
  for (const rect of t.rects) t.sheet.formatRecords.push({ rect, key, value });
  wb.touch(t.sheet);
}

function formatProp(key: string, check: (v: unknown) => unknown, since?: string) {
  return {
    get: (t: AreasTarget) => formatValue(t, key),
    set: (t: AreasTarget, v: unknown) => recordFormat(currentWb(), t, key, check(v)),
    ...(since === undefined ? {} : { since }),
  };
}

// The workbook of the executing sync (set by the simulator around each sync, see setExecutingHost).
let executingWb: WorkbookState | undefined;
function currentWb(): WorkbookState {
  if (executingWb === undefined) throw new Error('simulator: no executing workbook');
  return executingWb;
}

export class SimRangeFont extends SimClientObject {
  declare bold: boolean;
  declare italic: boolean;
  declare underline: string;
  declare size: number;
  declare color: string;
  declare name: string;
  declare strikethrough: boolean;
  get _className(): string {
    return 'RangeFont';
  }
}
defineProps<AreasTarget>(SimRangeFont, {
  bold: formatProp('font.bold', (v) => checkBool(v, 'font.bold')),
  italic: formatProp('font.italic', (v) => checkBool(v, 'font.italic')),
  strikethrough: formatProp('font.strikethrough', (v) => checkBool(v, 'font.strikethrough')),
  underline: formatProp('font.underline', (v) => checkOneOf(v, UNDERLINE, 'font.underline')),
  size: formatProp('font.size', (v) => checkNumber(v, 'font.size', 1, 409)),
  color: formatProp('font.color', (v) => checkColor(v, 'font.color')),
  name: formatProp('font.name', (v) => (typeof v === 'string' && v !== '' ? v : fail('InvalidArgument', 'font.name'))),
});

export class SimRangeFill extends SimClientObject {
  declare color: string;
  get _className(): string {
    return 'RangeFill';
  }
  clear(): void {
    this._queue('clear()', [], undefined, () => recordFormat(currentWb(), this._t<AreasTarget>(), 'fill.color', '#FFFFFF'));
  }
}
defineProps<AreasTarget>(SimRangeFill, { color: formatProp('fill.color', (v) => checkColor(v, 'fill.color')) });

export class SimRangeBorder extends SimClientObject {
  declare style: string;
  declare color: string;
  declare weight: string;
  get _className(): string {
    return 'RangeBorder';
  }
}
function borderProp(prop: string, check: (v: unknown) => unknown) {
  return {
    get: (t: AreasTarget & { index: string }) => formatValue(t, `borders.${t.index}.${prop}`),
    set: (t: AreasTarget & { index: string }, v: unknown) => recordFormat(currentWb(), t, `borders.${t.index}.${prop}`, check(v)),
  };
}
defineProps<AreasTarget & { index: string }>(SimRangeBorder, {
  style: borderProp('style', (v) => checkOneOf(v, BORDER_STYLE, 'border.style')),
  weight: borderProp('weight', (v) => checkOneOf(v, BORDER_WEIGHT, 'border.weight')),
  color: borderProp('color', (v) => checkColor(v, 'border.color')),
});

export class SimRangeBorderCollection extends SimClientObject {
  get _className(): string {
    return 'RangeBorderCollection';
  }
  getItem(index: string): SimRangeBorder {
    return new SimRangeBorder(this.context, `${this._path}.getItem(${JSON.stringify(index)})`, () => {
      checkOneOf(index, BORDER_INDEX, 'borders.getItem');
      return { ...this._t<AreasTarget>(), index };
    });
  }
}

export class SimRangeFormat extends SimClientObject {
  declare columnWidth: number;
  declare rowHeight: number;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare indentLevel: number;
  get _className(): string {
    return 'RangeFormat';
  }
  get font(): SimRangeFont {
    return this._child('font', () => new SimRangeFont(this.context, `${this._path}.font`, () => this._t()));
  }
  get fill(): SimRangeFill {
    return this._child('fill', () => new SimRangeFill(this.context, `${this._path}.fill`, () => this._t()));
  }
  get borders(): SimRangeBorderCollection {
    return this._child('borders', () => new SimRangeBorderCollection(this.context, `${this._path}.borders`, () => this._t()));
  }
  override _navigation(): Record<string, () => SimClientObject> {
    return { font: () => this.font, fill: () => this.fill };
  }
  autofitColumns(): void {
    this._queue('autofitColumns()', [], '1.2', () => {
      const t = this._t<AreasTarget>();
      const wb = currentWb();
      for (const rect of t.rects) {
        for (let c = rect.col; c < rect.col + rect.colCount && c < MAX_COLS; c++) {
          let longest = 0;
          const last = Math.min(rect.row + rect.rowCount, rect.row + 10000);
          for (let r = rect.row; r < last; r++) longest = Math.max(longest, displayText(wb.cellValue(t.sheet, r, c), t.sheet.format(r, c)).length);
          t.sheet.colWidths.set(c, Math.max(8.43, longest + 1) * 5.25 + 3.75);
        }
      }
      wb.touch(t.sheet);
    });
  }
  autofitRows(): void {
    this._queue('autofitRows()', [], '1.2', () => undefined);
  }
}
defineProps<AreasTarget>(SimRangeFormat, {
  columnWidth: {
    get: (t) => {
      const r = t.rects[0];
      return r === undefined ? null : (t.sheet.colWidths.get(r.col) ?? 48);
    },
    set: (t, v) => {
      const w = checkNumber(v, 'columnWidth', 0, 1790);
      for (const rect of t.rects) for (let c = rect.col; c < rect.col + rect.colCount; c++) t.sheet.colWidths.set(c, w);
      currentWb().touch(t.sheet);
    },
  },
  rowHeight: {
    get: (t) => {
      const r = t.rects[0];
      return r === undefined ? null : (t.sheet.rowHeights.get(r.row) ?? 15);
    },
    set: (t, v) => {
      const h = checkNumber(v, 'rowHeight', 0, 409);
      for (const rect of t.rects) {
        if (rect.rowCount > 100000) fail('InvalidArgument', 'rowHeight on whole columns is not simulated');
        for (let r = rect.row; r < rect.row + rect.rowCount; r++) t.sheet.rowHeights.set(r, h);
      }
      currentWb().touch(t.sheet);
    },
  },
  horizontalAlignment: formatProp('horizontalAlignment', (v) => checkOneOf(v, H_ALIGN, 'horizontalAlignment')),
  verticalAlignment: formatProp('verticalAlignment', (v) => checkOneOf(v, V_ALIGN, 'verticalAlignment')),
  wrapText: formatProp('wrapText', (v) => checkBool(v, 'wrapText')),
  indentLevel: formatProp('indentLevel', (v) => checkNumber(v, 'indentLevel', 0, 250), '1.9'),
});

// ===================================================================== property bags (CF parts, chart parts)

interface Store {
  readonly props: Record<string, unknown>;
  readonly touch: () => void;
}

interface BagProp {
  readonly check?: (v: unknown) => unknown;
  readonly initial?: unknown;
  readonly since?: string;
  readonly readOnly?: boolean;
}

interface BagSchema {
  readonly className: string;
  readonly props?: Readonly<Record<string, BagProp>>;
  readonly children?: Readonly<Record<string, BagSchema>>;
  readonly methods?: Readonly<Record<string, { since?: string; apply: (store: Store, prefix: string, args: unknown[]) => void }>>;
}

/** A proxy over a flat property record (`cf.props`, `chart.props`), built from a schema. */
export class SimBag extends SimClientObject {
  constructor(
    ctx: SimRequestContext,
    path: string,
    resolver: () => unknown,
    private readonly schema: BagSchema,
    private readonly prefix: string,
  ) {
    super(ctx, path, resolver);
    for (const [name, p] of Object.entries(schema.props ?? {})) {
      Object.defineProperty(this, name, {
        enumerable: true,
        get: () => this._read(name),
        ...(p.readOnly === true ? {} : { set: (v: unknown) => this._write(name, v) }),
      });
    }
    for (const name of Object.keys(schema.children ?? {})) {
      Object.defineProperty(this, name, { enumerable: true, get: () => this._bagChild(name) });
    }
    for (const [name, m] of Object.entries(schema.methods ?? {})) {
      Object.defineProperty(this, name, {
        value: (...args: unknown[]) => {
          this._queue(`${name}(${args.map(summarize).join(', ')})`, args, m.since, () => {
            const store = this._t<Store>();
            m.apply(store, this.prefix, args);
            store.touch();
          });
        },
      });
    }
  }
  get _className(): string {
    return this.schema.className;
  }
  override _propSpecs(): Record<string, never> {
    const out: Record<string, unknown> = {};
    for (const [name, p] of Object.entries(this.schema.props ?? {})) {
      out[name] = {
        get: (s: Store) => s.props[this.prefix + name] ?? p.initial ?? null,
        ...(p.readOnly === true
          ? {}
          : {
              set: (s: Store, v: unknown) => {
                s.props[this.prefix + name] = p.check === undefined ? v : p.check(v);
                s.touch();
              },
            }),
        ...(p.since === undefined ? {} : { since: p.since }),
      };
    }
    return out as Record<string, never>;
  }
  private _bagChild(name: string): SimBag {
    const schema = this.schema.children?.[name];
    if (schema === undefined) throw new Error(name);
    return this._child(name, () => new SimBag(this.context, `${this._path}.${name}`, () => this._t(), schema, `${this.prefix}${name}.`));
  }
  override _navigation(): Record<string, () => SimClientObject> {
    return Object.fromEntries(Object.keys(this.schema.children ?? {}).map((n) => [n, () => this._bagChild(n)]));
  }
}

const CF_FONT: BagSchema = {
  className: 'ConditionalRangeFont',
  props: {
    bold: { check: (v) => checkBool(v, 'bold') },
    italic: { check: (v) => checkBool(v, 'italic') },
    color: { check: (v) => checkColor(v, 'font.color') },
    underline: { check: (v) => checkOneOf(v, ['None', 'Single', 'Double'], 'underline') },
    strikethrough: { check: (v) => checkBool(v, 'strikethrough') },
  },
};
const CF_FORMAT: BagSchema = {
  className: 'ConditionalRangeFormat',
  props: { numberFormat: {} },
  children: {
    font: CF_FONT,
    fill: {
      className: 'ConditionalRangeFill',
      props: { color: { check: (v) => checkColor(v, 'fill.color') } },
      methods: { clear: { apply: (s, p) => void delete s.props[`${p}color`] } },
    },
  },
};
const CELL_VALUE_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

function checkCfFormula(f: unknown, what: string): string {
  if (typeof f !== 'string' || f === '') return fail('InvalidArgument', `${what} must be a formula text`);
  currentWb().parse(f.startsWith('=') ? f : `=${f}`, what);
  return f;
}

const CF_SCHEMAS: Readonly<Record<string, { type: string; schema: BagSchema }>> = {
  dataBar: {
    type: 'DataBar',
    schema: {
      className: 'DataBarConditionalFormat',
      props: {
        barDirection: { check: (v) => checkOneOf(v, ['Context', 'LeftToRight', 'RightToLeft'], 'barDirection'), initial: 'Context' },
        showDataBarOnly: { check: (v) => checkBool(v, 'showDataBarOnly'), initial: false },
        axisFormat: { check: (v) => checkOneOf(v, ['Automatic', 'None', 'CellMidPoint'], 'axisFormat'), initial: 'Automatic' },
        axisColor: { check: (v) => checkColor(v, 'axisColor') },
        lowerBoundRule: { check: (v) => checkBarRule(v), initial: { type: 'Automatic' } },
        upperBoundRule: { check: (v) => checkBarRule(v), initial: { type: 'Automatic' } },
      },
      children: {
        positiveFormat: {
          className: 'ConditionalDataBarPositiveFormat',
          props: {
            fillColor: { check: (v) => checkColor(v, 'fillColor'), initial: '#638EC6' },
            gradientFill: { check: (v) => checkBool(v, 'gradientFill'), initial: true },
            borderColor: { check: (v) => (v === '' ? v : checkColor(v, 'borderColor')) },
          },
        },
        negativeFormat: {
          className: 'ConditionalDataBarNegativeFormat',
          props: { fillColor: { check: (v) => checkColor(v, 'fillColor') }, borderColor: {} },
        },
      },
    },
  },
  cellValue: {
    type: 'CellValue',
    schema: {
      className: 'CellValueConditionalFormat',
      props: {
        rule: {
          check: (v) => {
            const r = v as { formula1?: unknown; formula2?: unknown; operator?: unknown };
            if (typeof r !== 'object' || r === null) return fail('InvalidArgument', 'rule must be an object');
            checkOneOf(r.operator, CELL_VALUE_OPERATORS, 'rule.operator');
            checkCfFormula(r.formula1, 'rule.formula1');
            if (r.operator === 'Between' || r.operator === 'NotBetween') checkCfFormula(r.formula2, 'rule.formula2');
            return v;
          },
        },
      },
      children: { format: CF_FORMAT },
    },
  },
  textComparison: {
    type: 'ContainsText',
    schema: {
      className: 'TextConditionalFormat',
      props: {
        rule: {
          check: (v) => {
            const r = v as { operator?: unknown; text?: unknown };
            if (typeof r !== 'object' || r === null) return fail('InvalidArgument', 'rule must be an object');
            checkOneOf(r.operator, ['Contains', 'NotContains', 'BeginsWith', 'EndsWith'], 'rule.operator');
            if (typeof r.text !== 'string' || r.text === '' || r.text.length > 255) fail('InvalidArgument', 'rule.text must have 1–255 characters');
            return v;
          },
        },
      },
      children: { format: CF_FORMAT },
    },
  },
  custom: {
    type: 'Custom',
    schema: {
      className: 'CustomConditionalFormat',
      children: {
        rule: { className: 'ConditionalFormatRule', props: { formula: { check: (v) => checkCfFormula(v, 'rule.formula') } } },
        format: CF_FORMAT,
      },
    },
  },
};

function checkBarRule(v: unknown): unknown {
  const r = v as { type?: unknown; formula?: unknown };
  if (typeof r !== 'object' || r === null) return fail('InvalidArgument', 'data bar rule must be an object');
  checkOneOf(r.type, ['Automatic', 'LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'], 'rule.type');
  return v;
}

const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

export class SimConditionalFormat extends SimClientObject {
  declare type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  get _className(): string {
    return 'ConditionalFormat';
  }
  private _part(name: keyof typeof CF_SCHEMAS): SimBag {
    const def = CF_SCHEMAS[name];
    if (def === undefined) throw new Error(name);
    return this._child(name, () => {
      return new SimBag(
        this.context,
        `${this._path}.${name}`,
        () => {
          const t = this._t<{ sheet: SheetState; cf: ConditionalFormatState }>();
          if (t.cf.type !== def.type) fail('InvalidArgument', `${name} is only available on ${def.type} conditional formats, this one is ${t.cf.type}`);
          return { props: t.cf.props, touch: () => currentWb().touch(t.sheet) } satisfies Store;
        },
        def.schema,
        `${name}.`,
      );
    });
  }
  get dataBar(): SimBag {
    return this._part('dataBar');
  }
  get cellValue(): SimBag {
    return this._part('cellValue');
  }
  get textComparison(): SimBag {
    return this._part('textComparison');
  }
  get custom(): SimBag {
    return this._part('custom');
  }
  getRange(): SimRange {
    return new SimRange(this.context, `${this._path}.getRange()`, () => {
      const t = this._t<{ sheet: SheetState; cf: ConditionalFormatState }>();
      return { sheet: t.sheet, rect: t.cf.rect };
    });
  }
  delete(): void {
    this._queue('delete()', [], '1.6', () => {
      const t = this._t<{ sheet: SheetState; cf: ConditionalFormatState }>();
      const i = t.sheet.conditionalFormats.indexOf(t.cf);
      if (i >= 0) t.sheet.conditionalFormats.splice(i, 1);
      currentWb().touch(t.sheet);
    });
  }
}
defineProps<{ sheet: SheetState; cf: ConditionalFormatState }>(SimConditionalFormat, {
  type: { get: (t) => t.cf.type, since: '1.6' },
  priority: {
    get: (t) => t.cf.priority,
    set: (t, v) => {
      const list = t.sheet.conditionalFormats;
      const p = Math.min(checkNumber(v, 'priority', 0, 1e9), list.length - 1);
      list.splice(list.indexOf(t.cf), 1);
      list.splice(p, 0, t.cf);
      list.forEach((cf, i) => (cf.priority = i));
      currentWb().touch(t.sheet);
    },
    since: '1.6',
  },
  stopIfTrue: { get: (t) => t.cf.stopIfTrue, set: (t, v) => void (t.cf.stopIfTrue = checkBool(v, 'stopIfTrue')), since: '1.6' },
});

export class SimConditionalFormatCollection extends SimCollection<SimConditionalFormat> {
  get _className(): string {
    return 'ConditionalFormatCollection';
  }
  _itemTargets(): unknown[] {
    const t = this._t<RangeTarget>();
    return t.sheet.conditionalFormats.filter((cf) => rectsOverlap(cf.rect, t.rect)).map((cf) => ({ sheet: t.sheet, cf }));
  }
  _itemProxy(target: unknown, i: number): SimConditionalFormat {
    return new SimConditionalFormat(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
  add(type: string): SimConditionalFormat {
    let made: { sheet: SheetState; cf: ConditionalFormatState } | undefined;
    this._queue(`add(${JSON.stringify(type)})`, [type], '1.6', () => {
      checkOneOf(type, CF_TYPES, 'conditionalFormats.add type');
      const t = this._t<RangeTarget>();
      const wb = currentWb();
      const cf: ConditionalFormatState = { id: `cf${wb.nextCf++}`, type, rect: t.rect, priority: 0, stopIfTrue: false, props: {} };
      // Labelled assumption: a new conditional format takes priority 0 (the top); the others move down.
      t.sheet.conditionalFormats.unshift(cf);
      t.sheet.conditionalFormats.forEach((c, i) => (c.priority = i));
      wb.touch(t.sheet);
      made = { sheet: t.sheet, cf };
    });
    return new SimConditionalFormat(this.context, `${this._path}.add(${JSON.stringify(type)})`, () => {
      if (made === undefined) return fail('InvalidObjectPath', 'the conditional format was not created');
      return made;
    });
  }
  getCount(): SimClientResult<number> {
    const r = new SimClientResult<number>();
    this._queue('getCount()', [], '1.6', (exec) => {
      const n = this._itemTargets().length;
      exec.respond('value', n);
      exec.stage(() => r._fill(n));
    });
    return r;
  }
  clearAll(): void {
    this._queue('clearAll()', [], '1.6', () => {
      const t = this._t<RangeTarget>();
      const keep = t.sheet.conditionalFormats.filter((cf) => !rectsOverlap(cf.rect, t.rect));
      t.sheet.conditionalFormats.splice(0, t.sheet.conditionalFormats.length, ...keep);
      currentWb().touch(t.sheet);
    });
  }
}

// ===================================================================== Range

export class SimRange extends SimClientObject {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;

  get _className(): string {
    return 'Range';
  }

  /** @internal */
  _target(): RangeTarget {
    const t = this._t<RangeTarget>();
    live(wbOf(this.context), t.sheet);
    return t;
  }

  private _derive(call: string, make: (t: RangeTarget) => Rect | null, nullable = false, since?: string): SimRange {
    const r = new SimRange(
      this.context,
      `${this._path}.${call}`,
      () => {
        const t = this._target();
        const rect = make(t);
        return rect === null ? null : { sheet: t.sheet, rect: checkRect(rect, call) };
      },
      nullable,
    );
    if (since !== undefined) this._queue(`${call} (path)`, [], since, () => undefined);
    return r;
  }

  get format(): SimRangeFormat {
    return this._child('format', () => new SimRangeFormat(this.context, `${this._path}.format`, () => areas(this._target())));
  }
  get conditionalFormats(): SimConditionalFormatCollection {
    return this._child('cf', () => new SimConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, () => this._target()));
  }
  get worksheet(): SimWorksheet {
    return this._child('ws', () => new SimWorksheet(this.context, `${this._path}.worksheet`, () => this._target().sheet));
  }
  override _navigation(): Record<string, () => SimClientObject> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  getCell(row: number, column: number): SimRange {
    return this._derive(`getCell(${row}, ${column})`, (t) => ({ row: t.rect.row + row, col: t.rect.col + column, rowCount: 1, colCount: 1 }));
  }
  getRow(row: number): SimRange {
    return this._derive(`getRow(${row})`, (t) => ({ ...t.rect, row: t.rect.row + row, rowCount: 1 }));
  }
  getColumn(column: number): SimRange {
    return this._derive(`getColumn(${column})`, (t) => ({ ...t.rect, col: t.rect.col + column, colCount: 1 }));
  }
  getEntireColumn(): SimRange {
    return this._derive('getEntireColumn()', (t) => ({ ...t.rect, row: 0, rowCount: MAX_ROWS }));
  }
  getEntireRow(): SimRange {
    return this._derive('getEntireRow()', (t) => ({ ...t.rect, col: 0, colCount: MAX_COLS }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derive(`getOffsetRange(${rowOffset}, ${columnOffset})`, (t) => ({ ...t.rect, row: t.rect.row + rowOffset, col: t.rect.col + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derive(
      `getResizedRange(${deltaRows}, ${deltaColumns})`,
      (t) => ({ ...t.rect, rowCount: t.rect.rowCount + deltaRows, colCount: t.rect.colCount + deltaColumns }),
      false,
      '1.2',
    );
  }
  getIntersection(other: SimRange): SimRange {
    this.context._checkArg(other);
    return this._derive('getIntersection(…)', (t) => intersect(t, other._target()) ?? fail('ItemNotFound', 'the ranges do not intersect'));
  }
  getIntersectionOrNullObject(other: SimRange): SimRange {
    this.context._checkArg(other);
    return this._derive('getIntersectionOrNullObject(…)', (t) => intersect(t, other._target()), true, '1.4');
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._derive(`getUsedRange(${valuesOnly === true})`, (t) => {
      const used = t.sheet.usedRect(valuesOnly === true);
      const r = used === undefined ? null : intersect(t, { sheet: t.sheet, rect: used });
      return r ?? fail('ItemNotFound', 'the range has no used cells');
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this._derive(
      `getUsedRangeOrNullObject(${valuesOnly === true})`,
      (t) => {
        const used = t.sheet.usedRect(valuesOnly === true);
        return used === undefined ? null : intersect(t, { sheet: t.sheet, rect: used });
      },
      true,
      '1.4',
    );
  }

  merge(across?: boolean): void {
    this._queue(`merge(${across === true})`, [across], '1.2', () => {
      const t = this._target();
      const wb = currentWb();
      const rects: Rect[] = across === true ? Array.from({ length: t.rect.rowCount }, (_x, i) => ({ ...t.rect, row: t.rect.row + i, rowCount: 1 })) : [t.rect];
      for (const rect of rects) {
        if (rectCells(rect) < 2) continue;
        // Labelled assumption: merging over an existing merge or a table fails (Excel would extend or refuse).
        if (t.sheet.merges.some((m) => rectsOverlap(m, rect))) fail('InvalidOperation', `merge ${rectA1(rect)} overlaps an existing merge`);
        if (wb.tables.some((tb) => tb.sheetId === t.sheet.id && rectsOverlap(tb.rect, rect))) fail('InvalidOperation', 'cannot merge cells in a table');
        // Only the top-left value survives.
        for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
          for (let c = rect.col; c < rect.col + rect.colCount; c++) {
            if (r === rect.row && c === rect.col) continue;
            t.sheet.setValue(r, c, null);
            t.sheet.formulas.delete(cellKey(r, c));
          }
        }
        t.sheet.merges.push(rect);
      }
      wb.touch(t.sheet);
    });
  }
  unmerge(): void {
    this._queue('unmerge()', [], '1.2', () => {
      const t = this._target();
      const keep = t.sheet.merges.filter((m) => !rectsOverlap(m, t.rect));
      t.sheet.merges.splice(0, t.sheet.merges.length, ...keep);
      currentWb().touch(t.sheet);
    });
  }
  clear(applyTo?: string): void {
    this._queue(`clear(${JSON.stringify(applyTo ?? 'All')})`, [applyTo], undefined, () => {
      const t = this._target();
      const what = applyTo ?? 'All';
      checkOneOf(what, ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks'], 'clear');
      const wb = currentWb();
      const { rect, sheet } = t;
      const bounded = { ...rect, rowCount: Math.min(rect.rowCount, Math.max(0, sheet.values.length - rect.row, sheet.formats.length - rect.row)) };
      for (let r = bounded.row; r < bounded.row + bounded.rowCount; r++) {
        for (let c = rect.col; c < rect.col + rect.colCount && c < MAX_COLS; c++) {
          if (what === 'All' || what === 'Contents') {
            sheet.setValue(r, c, null);
            sheet.formulas.delete(cellKey(r, c));
          }
          if (what === 'All' || what === 'Formats') sheet.setFormat(r, c, undefined);
        }
      }
      if (what === 'All' || what === 'Formats') for (const key of Object.keys(FORMAT_DEFAULTS)) sheet.formatRecords.push({ rect, key, value: FORMAT_DEFAULTS[key] });
      wb.touch(sheet);
    });
  }
  select(): void {
    this._queue('select()', [], undefined, () => {
      const t = this._target();
      const wb = currentWb();
      wb.activate(t.sheet);
      wb.selection = { sheetId: t.sheet.id, areas: [t.rect] };
    });
  }
}

function checkWrite(h: ObjectHost, rect: Rect): void {
  if (h.isWeb && rectCells(rect) > h.operationCellLimit) fail('OperationCellsExceedLimit', `${rectCells(rect)} cells in one operation`);
}

defineProps<RangeTarget>(SimRange, {
  address: { get: (t) => `${quoteSheet(t.sheet.name)}!${rangeText(t.rect)}` },
  addressLocal: { get: (t) => `${quoteSheet(t.sheet.name)}!${rangeText(t.rect)}` },
  rowIndex: { get: (t) => t.rect.row },
  columnIndex: { get: (t) => t.rect.col },
  rowCount: { get: (t) => t.rect.rowCount },
  columnCount: { get: (t) => t.rect.colCount },
  cellCount: { get: (t) => rectCells(t.rect) },
  isEntireColumn: { get: (t) => t.rect.rowCount === MAX_ROWS, since: '1.7' },
  isEntireRow: { get: (t) => t.rect.colCount === MAX_COLS, since: '1.7' },
  values: {
    get: (t) => (checkRead(hostOfSheet(), t.rect, 'values') ? readValues(currentWb(), t) : null),
    set: (t, v) => {
      checkWrite(hostOfSheet(), t.rect);
      currentWb().writeCells(t.sheet, t.rect, v, 'values');
    },
  },
  formulas: {
    get: (t) => (checkRead(hostOfSheet(), t.rect, 'formulas') ? readFormulas(t) : null),
    set: (t, v) => {
      checkWrite(hostOfSheet(), t.rect);
      currentWb().writeCells(t.sheet, t.rect, v, 'formulas');
    },
  },
  numberFormat: {
    get: (t) => (checkRead(hostOfSheet(), t.rect, 'numberFormat') ? readFormats(t) : null),
    set: (t, v) => {
      checkWrite(hostOfSheet(), t.rect);
      currentWb().writeNumberFormats(t.sheet, t.rect, v);
    },
  },
  text: {
    get: (t) => (checkRead(hostOfSheet(), t.rect, 'text') ? readMatrix(t.rect, (r, c) => displayText(currentWb().cellValue(t.sheet, r, c), t.sheet.format(r, c))) : null),
  },
  valueTypes: {
    get: (t) => (checkRead(hostOfSheet(), t.rect, 'valueTypes') ? readMatrix(t.rect, (r, c) => valueType(currentWb().cellValue(t.sheet, r, c))) : null),
  },
});

let executingHost: ObjectHost | undefined;
export function setExecutingHost(h: ObjectHost | undefined): void {
  executingHost = h;
  executingWb = h?.state;
}
function hostOfSheet(): ObjectHost {
  if (executingHost === undefined) throw new Error('simulator: no executing host');
  return executingHost;
}

function rangeText(rect: Rect): string {
  if (rect.rowCount === MAX_ROWS) return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.colCount - 1)}`;
  if (rect.colCount === MAX_COLS) return `${rect.row + 1}:${rect.row + rect.rowCount}`;
  return rectA1(rect);
}

function intersect(a: RangeTarget, b: RangeTarget): Rect | null {
  if (a.sheet !== b.sheet || !rectsOverlap(a.rect, b.rect)) return null;
  const row = Math.max(a.rect.row, b.rect.row);
  const col = Math.max(a.rect.col, b.rect.col);
  const endR = Math.min(a.rect.row + a.rect.rowCount, b.rect.row + b.rect.rowCount);
  const endC = Math.min(a.rect.col + a.rect.colCount, b.rect.col + b.rect.colCount);
  return { row, col, rowCount: endR - row, colCount: endC - col };
}

function areas(t: RangeTarget): AreasTarget {
  return { sheet: t.sheet, rects: [t.rect] };
}

/** `RangeAreas` (1.9): several rectangles of one sheet, formatted together. */
export class SimRangeAreas extends SimClientObject {
  declare readonly address: string;
  declare readonly areaCount: number;
  get _className(): string {
    return 'RangeAreas';
  }
  get format(): SimRangeFormat {
    return this._child('format', () => new SimRangeFormat(this.context, `${this._path}.format`, () => this._t()));
  }
  get areas(): SimRangeCollection {
    return this._child('areas', () => new SimRangeCollection(this.context, `${this._path}.areas`, () => this._t()));
  }
  override _navigation(): Record<string, () => SimClientObject> {
    return { format: () => this.format, areas: () => this.areas };
  }
}

/** `RangeCollection` (1.9): the areas of a RangeAreas. */
export class SimRangeCollection extends SimCollection<SimRange> {
  get _className(): string {
    return 'RangeCollection';
  }
  override _execLoad(paths: string[], exec: Execution): void {
    exec.requireVersion('1.9', 'RangeCollection');
    super._execLoad(paths, exec);
  }
  _itemTargets(): unknown[] {
    const t = this._t<AreasTarget>();
    return t.rects.map((rect) => ({ sheet: t.sheet, rect }));
  }
  _itemProxy(target: unknown, i: number): SimRange {
    return new SimRange(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
}
defineProps<AreasTarget>(SimRangeAreas, {
  address: { get: (t) => t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rangeText(r)}`).join(','), since: '1.9' },
  areaCount: { get: (t) => t.rects.length, since: '1.9' },
});

// ===================================================================== tables

export class SimTable extends SimClientObject {
  declare readonly id: string;
  declare name: string;
  declare style: string;
  declare showBandedRows: boolean;
  declare showFilterButton: boolean;
  declare showHeaders: boolean;
  declare showTotals: boolean;
  get _className(): string {
    return 'Table';
  }
  private _live(): TableState {
    const t = this._t<TableState>();
    if (!currentWb().tables.includes(t)) fail('ItemNotFound', `the table ${t.name} no longer exists`);
    return t;
  }
  private _range(call: string, rect: (t: TableState) => Rect): SimRange {
    return new SimRange(this.context, `${this._path}.${call}`, () => {
      const t = this._live();
      return { sheet: currentWb().sheetOrFail(t.sheetId), rect: rect(t) };
    });
  }
  getRange(): SimRange {
    return this._range('getRange()', (t) => t.rect);
  }
  getHeaderRowRange(): SimRange {
    return this._range('getHeaderRowRange()', (t) => ({ ...t.rect, rowCount: 1 }));
  }
  getDataBodyRange(): SimRange {
    return this._range('getDataBodyRange()', (t) => ({ ...t.rect, row: t.rect.row + 1, rowCount: Math.max(1, t.rect.rowCount - 1) }));
  }
  get worksheet(): SimWorksheet {
    return this._child('ws', () => new SimWorksheet(this.context, `${this._path}.worksheet`, () => currentWb().sheetOrFail(this._live().sheetId)));
  }
  override _navigation(): Record<string, () => SimClientObject> {
    return { worksheet: () => this.worksheet };
  }
  delete(): void {
    this._queue('delete()', [], undefined, () => {
      const wb = currentWb();
      const t = this._live();
      wb.tables = wb.tables.filter((x) => x !== t);
      wb.touch(wb.sheetById(t.sheetId));
    });
  }
  convertToRange(): SimRange {
    const r = this.getRange();
    this.delete();
    return r;
  }
}
const TABLE_STYLE = /^TableStyle(Light([1-9]|1[0-9]|2[01])|Medium([1-9]|1[0-9]|2[0-8])|Dark([1-9]|1[01]))$/;
defineProps<TableState>(SimTable, {
  id: { get: (t) => t.id },
  name: { get: (t) => t.name, set: (t, v) => currentWb().renameTable(t, v) },
  style: {
    get: (t) => t.style,
    set: (t, v) => {
      if (typeof v !== 'string' || !(TABLE_STYLE.test(v) || v === '')) fail('InvalidArgument', `unknown table style ${JSON.stringify(v)}`);
      t.style = v;
      currentWb().touch(currentWb().sheetById(t.sheetId));
    },
  },
  showBandedRows: { get: (t) => t.showBandedRows, set: (t, v) => void (t.showBandedRows = checkBool(v, 'showBandedRows')) },
  showFilterButton: { get: (t) => t.showFilterButton, set: (t, v) => void (t.showFilterButton = checkBool(v, 'showFilterButton')), since: '1.3' },
  showHeaders: { get: (t) => t.showHeaders, set: (t, v) => void (t.showHeaders = checkBool(v, 'showHeaders')) },
  showTotals: { get: (t) => t.showTotals, set: (t, v) => void (t.showTotals = checkBool(v, 'showTotals')) },
});

export class SimTableCollection extends SimCollection<SimTable> {
  declare readonly count: number;
  get _className(): string {
    return 'TableCollection';
  }
  private _sheet(): SheetState | undefined {
    return (this._t<{ sheet?: SheetState }>()).sheet;
  }
  _itemTargets(): unknown[] {
    const sheet = this._sheet();
    return currentWb().tables.filter((t) => sheet === undefined || t.sheetId === sheet.id);
  }
  _itemProxy(target: unknown, i: number): SimTable {
    return new SimTable(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
  add(address: string | SimRange, hasHeaders: boolean): SimTable {
    let made: TableState | undefined;
    const isRange = address instanceof SimRange;
    if (isRange) this.context._checkArg(address);
    this._queue(`add(${isRange ? 'range' : JSON.stringify(address)}, ${hasHeaders})`, [isRange ? 'range' : address, hasHeaders], isRange ? '1.3' : undefined, () => {
      const wb = currentWb();
      let target: RangeTarget;
      if (address instanceof SimRange) {
        target = address._target();
      } else {
        const p = parseAddress(address);
        const own = this._sheet();
        const sheet = p.sheet !== undefined ? wb.sheetByName(p.sheet) : (own ?? wb.activeSheet());
        if (sheet === undefined) return fail('ItemNotFound', `no sheet ${p.sheet ?? ''}`);
        if (own !== undefined && sheet !== own) fail('InvalidArgument', 'the address is on another sheet');
        target = { sheet, rect: p.rect };
      }
      made = wb.addTable(live(wb, target.sheet), target.rect, hasHeaders);
    });
    return new SimTable(this.context, `${this._path}.add(…)`, () => made ?? fail('InvalidObjectPath', 'the table was not created'));
  }
  getItem(key: string): SimTable {
    return new SimTable(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => this._find(key) ?? fail('ItemNotFound', `no table ${JSON.stringify(key)}`));
  }
  getItemOrNullObject(key: string): SimTable {
    const t = new SimTable(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this._find(key) ?? null, true);
    this._queue('getItemOrNullObject (path)', [key], '1.4', () => undefined);
    return t;
  }
  private _find(key: string): TableState | null {
    const k = key.toUpperCase();
    return (this._itemTargets() as TableState[]).find((t) => t.id === key || t.name.toUpperCase() === k) ?? null;
  }
  getCount(): SimClientResult<number> {
    const r = new SimClientResult<number>();
    this._queue('getCount()', [], '1.4', (exec) => {
      const n = this._itemTargets().length;
      exec.respond('value', n);
      exec.stage(() => r._fill(n));
    });
    return r;
  }
}
defineProps<{ sheet?: SheetState }>(SimTableCollection, {
  count: { get: (t) => currentWb().tables.filter((x) => t.sheet === undefined || x.sheetId === t.sheet.id).length },
});

// ===================================================================== charts

const CHART_TYPES = [
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100', 'Line', 'LineStacked',
  'LineStacked100', 'LineMarkers', 'LineMarkersStacked', 'LineMarkersStacked100', 'Pie', 'Doughnut', 'XYScatter', 'XYScatterLines',
  'XYScatterLinesNoMarkers', 'XYScatterSmooth', 'Area', 'AreaStacked', 'AreaStacked100', 'Radar', 'Waterfall', 'Histogram',
];
const LEGEND_POSITIONS = ['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'];

const AXIS: BagSchema = {
  className: 'ChartAxis',
  props: { numberFormat: { since: '1.8', initial: 'General' }, visible: { check: (v) => checkBool(v, 'visible'), initial: true } },
  children: { title: { className: 'ChartAxisTitle', props: { text: {}, visible: { check: (v) => checkBool(v, 'visible') } } } },
};
const CHART_PARTS: Readonly<Record<string, BagSchema>> = {
  title: { className: 'ChartTitle', props: { text: {}, visible: { check: (v) => checkBool(v, 'visible') }, overlay: {} } },
  legend: {
    className: 'ChartLegend',
    props: { position: { check: (v) => checkOneOf(v, LEGEND_POSITIONS, 'legend.position'), initial: 'Right' }, visible: { check: (v) => checkBool(v, 'visible'), initial: true }, overlay: {} },
  },
  axes: { className: 'ChartAxes', children: { categoryAxis: AXIS, valueAxis: AXIS } },
};
const SERIES_FORMAT: BagSchema = {
  className: 'ChartSeriesFormat',
  children: {
    fill: {
      className: 'ChartFill',
      methods: {
        setSolidColor: { apply: (s, p, a) => void (s.props[`${p}color`] = checkColor(a[0], 'setSolidColor')) },
        clear: { apply: (s, p) => void delete s.props[`${p}color`] },
      },
    },
    line: {
      className: 'ChartLineFormat',
      props: { color: { check: (v) => checkColor(v, 'line.color') }, lineStyle: {}, weight: { check: (v) => checkNumber(v, 'line.weight', 0, 100) } },
    },
  },
};

function rangeRef(ctx: SimRequestContext, r: unknown, what: string): { sheetId: string; rect: Rect } {
  const t = argRange(ctx, r, what)._target();
  return { sheetId: t.sheet.id, rect: t.rect };
}

export class SimChartSeries extends SimClientObject {
  declare name: string;
  declare chartType: string;
  get _className(): string {
    return 'ChartSeries';
  }
  get format(): SimBag {
    return this._child('format', () => {
      const chartSheet = (): SheetState | undefined => currentWb().sheetById(this._t<{ chart: ChartState }>().chart.sheetId);
      return new SimBag(this.context, `${this._path}.format`, () => ({ props: this._t<{ series: ChartSeriesState }>().series.props, touch: () => currentWb().touch(chartSheet()) }), SERIES_FORMAT, '');
    });
  }
  override _navigation(): Record<string, () => SimClientObject> {
    return { format: () => this.format };
  }
  setValues(sourceData: SimRange): void {
    this.context._checkArg(sourceData);
    this._queue('setValues(range)', ['range'], '1.7', () => {
      this._t<{ series: ChartSeriesState }>().series.values = rangeRef(this.context, sourceData, 'setValues');
    });
  }
  setXAxisValues(sourceData: SimRange): void {
    this.context._checkArg(sourceData);
    this._queue('setXAxisValues(range)', ['range'], '1.7', () => {
      this._t<{ series: ChartSeriesState }>().series.xValues = rangeRef(this.context, sourceData, 'setXAxisValues');
    });
  }
  delete(): void {
    this._queue('delete()', [], '1.7', () => {
      const t = this._t<{ chart: ChartState; series: ChartSeriesState }>();
      t.chart.series = t.chart.series.filter((s) => s !== t.series);
    });
  }
}
defineProps<{ chart: ChartState; series: ChartSeriesState }>(SimChartSeries, {
  name: { get: (t) => t.series.name, set: (t, v) => void (t.series.name = String(v)) },
  chartType: { get: (t) => t.series.chartType ?? t.chart.type, set: (t, v) => void (t.series.chartType = checkOneOf(v, CHART_TYPES, 'series.chartType')), since: '1.7' },
});

export class SimChartSeriesCollection extends SimCollection<SimChartSeries> {
  declare readonly count: number;
  get _className(): string {
    return 'ChartSeriesCollection';
  }
  _itemTargets(): unknown[] {
    const chart = this._t<ChartState>();
    return chart.series.map((series) => ({ chart, series }));
  }
  _itemProxy(target: unknown, i: number): SimChartSeries {
    return new SimChartSeries(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
  getItemAt(index: number): SimChartSeries {
    return new SimChartSeries(this.context, `${this._path}.getItemAt(${index})`, () => {
      const chart = this._t<ChartState>();
      const series = chart.series[index];
      if (series === undefined) return fail('ItemNotFound', `the chart has no series ${index}`);
      return { chart, series };
    });
  }
  add(name?: string, index?: number): SimChartSeries {
    let made: { chart: ChartState; series: ChartSeriesState } | undefined;
    this._queue(`add(${JSON.stringify(name ?? null)})`, [name, index], '1.7', () => {
      const chart = this._t<ChartState>();
      const series: ChartSeriesState = { name: name ?? `Series${chart.series.length + 1}`, chartType: undefined, values: undefined, xValues: undefined, props: {} };
      if (index === undefined) chart.series.push(series);
      else chart.series.splice(index, 0, series);
      made = { chart, series };
    });
    return new SimChartSeries(this.context, `${this._path}.add(…)`, () => made ?? fail('InvalidObjectPath', 'the series was not created'));
  }
  getCount(): SimClientResult<number> {
    const r = new SimClientResult<number>();
    this._queue('getCount()', [], undefined, (exec) => {
      const n = this._t<ChartState>().series.length;
      exec.respond('value', n);
      exec.stage(() => r._fill(n));
    });
    return r;
  }
}
defineProps<ChartState>(SimChartSeriesCollection, { count: { get: (c) => c.series.length } });

export class SimChart extends SimClientObject {
  declare name: string;
  declare chartType: string;
  declare readonly id: string;
  get _className(): string {
    return 'Chart';
  }
  private _part(name: string): SimBag {
    const schema = CHART_PARTS[name];
    if (schema === undefined) throw new Error(name);
    return this._child(name, () => new SimBag(this.context, `${this._path}.${name}`, () => this._store(), schema, `${name}.`));
  }
  private _store(): Store {
    const c = this._t<ChartState>();
    return { props: c.props, touch: () => currentWb().touch(currentWb().sheetById(c.sheetId)) };
  }
  get title(): SimBag {
    return this._part('title');
  }
  get legend(): SimBag {
    return this._part('legend');
  }
  get axes(): SimBag {
    return this._part('axes');
  }
  get series(): SimChartSeriesCollection {
    return this._child('series', () => new SimChartSeriesCollection(this.context, `${this._path}.series`, () => this._t()));
  }
  override _navigation(): Record<string, () => SimClientObject> {
    return { title: () => this.title, legend: () => this.legend, axes: () => this.axes, series: () => this.series };
  }
  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    this.context._checkArg(startCell);
    this.context._checkArg(endCell);
    this._queue('setPosition(…)', [typeof startCell === 'string' ? startCell : 'range', typeof endCell === 'string' ? endCell : 'range'], undefined, () => {
      const chart = this._t<ChartState>();
      const text = (x: SimRange | string | undefined): string | undefined => {
        if (x === undefined) return undefined;
        if (typeof x === 'string') return rectA1(parseAddress(x).rect);
        return rectA1(x._target().rect);
      };
      chart.position = { start: text(startCell) ?? '', end: text(endCell) };
      currentWb().touch(currentWb().sheetById(chart.sheetId));
    });
  }
  delete(): void {
    this._queue('delete()', [], undefined, () => {
      const wb = currentWb();
      const c = this._t<ChartState>();
      wb.charts = wb.charts.filter((x) => x !== c);
      wb.touch(wb.sheetById(c.sheetId));
    });
  }
}
defineProps<ChartState>(SimChart, {
  id: { get: (c) => c.id, since: '1.7' },
  name: { get: (c) => c.name, set: (c, v) => void (c.name = String(v)) },
  chartType: { get: (c) => c.type, set: (c, v) => void (c.type = checkOneOf(v, CHART_TYPES, 'chartType')), since: '1.7' },
});

export class SimChartCollection extends SimCollection<SimChart> {
  declare readonly count: number;
  get _className(): string {
    return 'ChartCollection';
  }
  _itemTargets(): unknown[] {
    const sheet = this._t<SheetState>();
    return currentWb().charts.filter((c) => c.sheetId === sheet.id);
  }
  _itemProxy(target: unknown, i: number): SimChart {
    return new SimChart(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
  add(type: string, sourceData: SimRange, seriesBy?: string): SimChart {
    this.context._checkArg(sourceData);
    let made: ChartState | undefined;
    this._queue(`add(${JSON.stringify(type)}, range, ${JSON.stringify(seriesBy ?? 'Auto')})`, [type, 'range', seriesBy], undefined, () => {
      checkOneOf(type, CHART_TYPES, 'charts.add type');
      checkOneOf(seriesBy ?? 'Auto', ['Auto', 'Columns', 'Rows'], 'seriesBy');
      const sheet = live(currentWb(), this._t<SheetState>());
      made = currentWb().addChart(sheet, type, rangeRef(this.context, sourceData, 'charts.add'), seriesBy ?? 'Auto');
    });
    return new SimChart(this.context, `${this._path}.add(…)`, () => made ?? fail('InvalidObjectPath', 'the chart was not created'));
  }
  getItem(name: string): SimChart {
    return new SimChart(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () => (this._itemTargets() as ChartState[]).find((c) => c.name === name) ?? fail('ItemNotFound', `no chart ${name}`));
  }
}
defineProps<SheetState>(SimChartCollection, { count: { get: (s) => currentWb().charts.filter((c) => c.sheetId === s.id).length } });

// ===================================================================== freeze panes, custom properties, settings, names

export class SimFreezePanes extends SimClientObject {
  get _className(): string {
    return 'WorksheetFreezePanes';
  }
  private _set(call: string, args: unknown[], f: (s: SheetState) => { rows: number; cols: number } | undefined): void {
    this._queue(call, args, '1.7', () => {
      const s = live(currentWb(), this._t<SheetState>());
      s.freeze = f(s);
      currentWb().touch(s);
    });
  }
  freezeRows(count?: number): void {
    this._set(`freezeRows(${count ?? 1})`, [count], () => ({ rows: checkNumber(count ?? 1, 'freezeRows', 0, MAX_ROWS - 1), cols: 0 }));
  }
  freezeColumns(count?: number): void {
    this._set(`freezeColumns(${count ?? 1})`, [count], () => ({ rows: 0, cols: checkNumber(count ?? 1, 'freezeColumns', 0, MAX_COLS - 1) }));
  }
  freezeAt(frozenRange: SimRange | string): void {
    this.context._checkArg(frozenRange);
    this._set('freezeAt(…)', [typeof frozenRange === 'string' ? frozenRange : 'range'], () => {
      const rect = typeof frozenRange === 'string' ? parseAddress(frozenRange).rect : frozenRange._target().rect;
      return { rows: rect.row + rect.rowCount, cols: rect.col + rect.colCount };
    });
  }
  unfreeze(): void {
    this._set('unfreeze()', [], () => undefined);
  }
  getLocationOrNullObject(): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.getLocationOrNullObject()`,
      () => {
        const s = this._t<SheetState>();
        const f = s.freeze;
        if (f === undefined || (f.rows === 0 && f.cols === 0)) return null;
        return { sheet: s, rect: { row: 0, col: 0, rowCount: Math.max(1, f.rows), colCount: Math.max(1, f.cols) } };
      },
      true,
    );
  }
}

export class SimWorksheetCustomProperty extends SimClientObject {
  declare readonly key: string;
  declare value: string;
  declare readonly type: string;
  get _className(): string {
    return 'WorksheetCustomProperty';
  }
  delete(): void {
    this._queue('delete()', [], '1.12', () => {
      const t = this._t<{ sheet: SheetState; key: string }>();
      t.sheet.customProperties.delete(t.key.toLowerCase());
      currentWb().touch(t.sheet);
    });
  }
}
function customEntry(t: { sheet: SheetState; key: string }): { key: string; value: string } {
  const e = t.sheet.customProperties.get(t.key.toLowerCase());
  if (e === undefined) return fail('ItemNotFound', `no custom property ${t.key}`);
  return e;
}
defineProps<{ sheet: SheetState; key: string }>(SimWorksheetCustomProperty, {
  key: { get: (t) => customEntry(t).key, since: '1.12' },
  value: {
    get: (t) => customEntry(t).value,
    set: (t, v) => {
      customEntry(t).value = String(v);
      currentWb().touch(t.sheet);
    },
    since: '1.12',
  },
  type: { get: () => 'String', since: '1.12' },
});

export class SimWorksheetCustomPropertyCollection extends SimCollection<SimWorksheetCustomProperty> {
  get _className(): string {
    return 'WorksheetCustomPropertyCollection';
  }
  override _execLoad(paths: string[], exec: Execution): void {
    exec.requireVersion('1.12', 'WorksheetCustomPropertyCollection');
    super._execLoad(paths, exec);
  }
  _itemTargets(): unknown[] {
    const sheet = live(currentWb(), this._t<SheetState>());
    return [...sheet.customProperties.values()].map((e) => ({ sheet, key: e.key }));
  }
  _itemProxy(target: unknown, i: number): SimWorksheetCustomProperty {
    return new SimWorksheetCustomProperty(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
  add(key: string, value: string): SimWorksheetCustomProperty {
    this._queue(`add(${JSON.stringify(key)}, ${summarize(value)})`, [key, value], '1.12', () => {
      if (typeof key !== 'string' || key.length === 0 || key.length > 255) fail('InvalidArgument', 'a custom property key has 1–255 characters');
      const sheet = live(currentWb(), this._t<SheetState>());
      sheet.customProperties.set(key.toLowerCase(), { key, value: String(value) });
      currentWb().touch(sheet);
    });
    return new SimWorksheetCustomProperty(this.context, `${this._path}.add(…)`, () => ({ sheet: this._t<SheetState>(), key }));
  }
  getItem(key: string): SimWorksheetCustomProperty {
    return new SimWorksheetCustomProperty(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => {
      const sheet = this._t<SheetState>();
      if (!sheet.customProperties.has(key.toLowerCase())) fail('ItemNotFound', `no custom property ${key}`);
      return { sheet, key };
    });
  }
  getItemOrNullObject(key: string): SimWorksheetCustomProperty {
    this._queue('getItemOrNullObject (path)', [key], '1.12', () => undefined);
    return new SimWorksheetCustomProperty(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        const sheet = this._t<SheetState>();
        return sheet.customProperties.has(key.toLowerCase()) ? { sheet, key } : null;
      },
      true,
    );
  }
  getCount(): SimClientResult<number> {
    const r = new SimClientResult<number>();
    this._queue('getCount()', [], '1.12', (exec) => {
      const n = this._t<SheetState>().customProperties.size;
      exec.respond('value', n);
      exec.stage(() => r._fill(n));
    });
    return r;
  }
}

export class SimSetting extends SimClientObject {
  declare readonly key: string;
  declare value: unknown;
  get _className(): string {
    return 'Setting';
  }
  delete(): void {
    this._queue('delete()', [], '1.4', () => {
      currentWb().settings.delete(this._t<{ key: string }>().key.toLowerCase());
      currentWb().touch();
    });
  }
}
function settingEntry(key: string): { key: string; value: unknown } {
  const e = currentWb().settings.get(key.toLowerCase());
  if (e === undefined) return fail('ItemNotFound', `no setting ${key}`);
  return e;
}
defineProps<{ key: string }>(SimSetting, {
  key: { get: (t) => settingEntry(t.key).key, since: '1.4' },
  value: {
    get: (t) => settingEntry(t.key).value,
    set: (t, v) => {
      settingEntry(t.key).value = v;
      currentWb().touch();
    },
    since: '1.4',
  },
});

export class SimSettingCollection extends SimCollection<SimSetting> {
  get _className(): string {
    return 'SettingCollection';
  }
  _itemTargets(): unknown[] {
    return [...currentWb().settings.values()].map((e) => ({ key: e.key }));
  }
  _itemProxy(target: unknown, i: number): SimSetting {
    return new SimSetting(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
  add(key: string, value: unknown): SimSetting {
    this._queue(`add(${JSON.stringify(key)}, …)`, [key, value], '1.4', () => {
      if (typeof key !== 'string' || key === '') fail('InvalidArgument', 'a setting key must be a non-empty string');
      currentWb().settings.set(key.toLowerCase(), { key, value: JSON.parse(JSON.stringify(value ?? null)) as unknown });
      currentWb().touch();
    });
    return new SimSetting(this.context, `${this._path}.add(…)`, resolved({ key }));
  }
  getItem(key: string): SimSetting {
    return new SimSetting(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => {
      settingEntry(key);
      return { key };
    });
  }
  getItemOrNullObject(key: string): SimSetting {
    this._queue('getItemOrNullObject (path)', [key], '1.4', () => undefined);
    return new SimSetting(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => (currentWb().settings.has(key.toLowerCase()) ? { key } : null), true);
  }
}

export class SimNamedItem extends SimClientObject {
  declare readonly name: string;
  declare readonly formula: string;
  get _className(): string {
    return 'NamedItem';
  }
}
defineProps<{ name: string; formula: string }>(SimNamedItem, { name: { get: (n) => n.name }, formula: { get: (n) => n.formula, since: '1.7' } });

export class SimNamedItemCollection extends SimCollection<SimNamedItem> {
  get _className(): string {
    return 'NamedItemCollection';
  }
  _itemTargets(): unknown[] {
    return currentWb().names;
  }
  _itemProxy(target: unknown, i: number): SimNamedItem {
    return new SimNamedItem(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
  add(name: string, reference: SimRange | string): SimNamedItem {
    this.context._checkArg(reference);
    this._queue(`add(${JSON.stringify(name)}, …)`, [name], '1.4', () => {
      const wb = currentWb();
      const problem = tableNameProblem(name);
      if (problem !== undefined) fail('InvalidArgument', problem);
      if (wb.tableNameTaken(name)) fail('ItemAlreadyExists', `the name ${name} exists`);
      const formula = typeof reference === 'string' ? reference : `=${quoteSheet(reference._target().sheet.name)}!${rectA1(reference._target().rect)}`;
      wb.names.push({ name, formula });
      wb.touch();
    });
    return new SimNamedItem(this.context, `${this._path}.add(…)`, () => currentWb().names.find((n) => n.name === name) ?? fail('InvalidObjectPath', 'not created'));
  }
  getItemOrNullObject(name: string): SimNamedItem {
    this._queue('getItemOrNullObject (path)', [name], '1.4', () => undefined);
    return new SimNamedItem(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, () => currentWb().names.find((n) => n.name.toUpperCase() === name.toUpperCase()) ?? null, true);
  }
}

// ===================================================================== page layout (1.9)

const PAGE_LAYOUT: BagSchema = {
  className: 'PageLayout',
  props: {
    orientation: { check: (v) => checkOneOf(v, ['Portrait', 'Landscape'], 'orientation'), initial: 'Portrait', since: '1.9' },
    printGridlines: { check: (v) => checkBool(v, 'printGridlines'), initial: false, since: '1.9' },
    zoom: {
      since: '1.9',
      check: (v) => {
        const z = v as Record<string, unknown>;
        if (typeof z !== 'object' || z === null) return fail('InvalidArgument', 'zoom must be an object');
        for (const [k, n] of Object.entries(z)) {
          if (!['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(k)) fail('InvalidArgument', `zoom has no ${k}`);
          if (n !== null && (typeof n !== 'number' || !Number.isInteger(n) || n < 0)) fail('InvalidArgument', `zoom.${k} must be a non-negative integer`);
        }
        if (z.scale !== undefined && (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined)) fail('InvalidArgument', 'zoom: scale or fit to pages, not both');
        return v;
      },
    },
  },
  methods: {
    setPrintTitleRows: {
      since: '1.9',
      apply: (store, _p, args) => {
        const a = args[0];
        const rect = a instanceof SimRange ? a._target().rect : parseAddress(String(a)).rect;
        store.props.printTitleRows = `${rect.row + 1}:${rect.row + rect.rowCount}`;
      },
    },
  },
};

// ===================================================================== Worksheet

export class SimWorksheet extends SimClientObject {
  declare readonly id: string;
  declare name: string;
  declare position: number;
  declare visibility: string;
  declare tabColor: string;
  declare showGridlines: boolean;
  get _className(): string {
    return 'Worksheet';
  }
  private _sheet(): SheetState {
    return live(currentWb(), this._t<SheetState>());
  }
  private _range(call: string, rect: (s: SheetState) => Rect | null, nullable = false): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.${call}`,
      () => {
        const sheet = this._sheet();
        const r = rect(sheet);
        return r === null ? null : { sheet, rect: checkRect(r, call) };
      },
      nullable,
    );
  }
  getRange(address?: string): SimRange {
    return this._range(`getRange(${JSON.stringify(address ?? '')})`, (s) => {
      if (address === undefined || address === '') return { row: 0, col: 0, rowCount: MAX_ROWS, colCount: MAX_COLS };
      if (address.length > 8192) fail('InvalidArgument', 'an address has at most 8,192 characters');
      const p = parseAddress(address);
      if (p.sheet !== undefined && p.sheet.toUpperCase() !== s.name.toUpperCase()) fail('InvalidArgument', `${address} is not on ${s.name}`);
      return p.rect;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    this._queue('getRangeByIndexes (path)', [startRow, startColumn, rowCount, columnCount], '1.7', () => undefined);
    return this._range(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`, () => ({ row: startRow, col: startColumn, rowCount, colCount: columnCount }));
  }
  getRanges(address: string): SimRangeAreas {
    this._queue('getRanges (path)', [address], '1.9', () => undefined);
    return new SimRangeAreas(this.context, `${this._path}.getRanges(${summarize(address)})`, () => {
      const sheet = this._sheet();
      if (address.length > 8192) fail('InvalidArgument', 'an address has at most 8,192 characters');
      const rects = address.split(/[,;]/).map((a) => {
        const p = parseAddress(a);
        if (p.sheet !== undefined && p.sheet.toUpperCase() !== sheet.name.toUpperCase()) fail('InvalidArgument', `${a} is not on ${sheet.name}`);
        return p.rect;
      });
      return { sheet, rects } satisfies AreasTarget;
    });
  }
  getCell(row: number, column: number): SimRange {
    return this._range(`getCell(${row}, ${column})`, () => ({ row, col: column, rowCount: 1, colCount: 1 }));
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    if (valuesOnly !== undefined) this._queue('getUsedRange(valuesOnly) (path)', [valuesOnly], '1.2', () => undefined);
    return this._range(`getUsedRange(${valuesOnly === true})`, (s) => s.usedRect(valuesOnly === true) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    this._queue('getUsedRangeOrNullObject (path)', [valuesOnly], '1.4', () => undefined);
    return this._range(`getUsedRangeOrNullObject(${valuesOnly === true})`, (s) => s.usedRect(valuesOnly === true) ?? null, true);
  }
  activate(): void {
    this._queue('activate()', [], undefined, () => currentWb().activate(this._sheet()));
  }
  delete(): void {
    this._queue('delete()', [], undefined, () => currentWb().deleteSheet(this._sheet()));
  }
  get tables(): SimTableCollection {
    return this._child('tables', () => new SimTableCollection(this.context, `${this._path}.tables`, () => ({ sheet: this._sheet() })));
  }
  get charts(): SimChartCollection {
    return this._child('charts', () => new SimChartCollection(this.context, `${this._path}.charts`, () => this._sheet()));
  }
  get freezePanes(): SimFreezePanes {
    return this._child('freeze', () => new SimFreezePanes(this.context, `${this._path}.freezePanes`, () => this._sheet()));
  }
  get pageLayout(): SimBag {
    return this._child('page', () => new SimBag(this.context, `${this._path}.pageLayout`, () => {
      const sheet = this._sheet();
      return { props: sheet.pageLayout, touch: () => currentWb().touch(sheet) } satisfies Store;
    }, PAGE_LAYOUT, ''));
  }
  get customProperties(): SimWorksheetCustomPropertyCollection {
    return this._child('custom', () => new SimWorksheetCustomPropertyCollection(this.context, `${this._path}.customProperties`, () => this._sheet()));
  }
}
defineProps<SheetState>(SimWorksheet, {
  id: { get: (s) => s.id },
  name: { get: (s) => s.name, set: (s, v) => currentWb().renameSheet(live(currentWb(), s), v) },
  position: { get: (s) => currentWb().sheets.indexOf(s), set: (s, v) => currentWb().moveSheet(live(currentWb(), s), v) },
  visibility: { get: (s) => s.visibility, set: (s, v) => currentWb().setVisibility(live(currentWb(), s), v), setSince: '1.2' },
  tabColor: {
    get: (s) => s.tabColor,
    set: (s, v) => {
      s.tabColor = v === '' ? '' : checkColor(v, 'tabColor');
      currentWb().touch(s);
    },
    since: '1.7',
  },
  showGridlines: {
    get: (s) => s.showGridlines,
    set: (s, v) => {
      s.showGridlines = checkBool(v, 'showGridlines');
      currentWb().touch(s);
    },
    since: '1.8',
  },
});

export class SimWorksheetCollection extends SimCollection<SimWorksheet> {
  get _className(): string {
    return 'WorksheetCollection';
  }
  _itemTargets(): unknown[] {
    return [...currentWb().sheets];
  }
  _itemProxy(target: unknown, i: number): SimWorksheet {
    return new SimWorksheet(this.context, `${this._path}.items[${i}]`, resolved(target));
  }
  add(name?: string): SimWorksheet {
    let made: SheetState | undefined;
    this._queue(`add(${JSON.stringify(name ?? null)})`, [name], undefined, () => {
      made = currentWb().addSheet(name);
    });
    return new SimWorksheet(this.context, `${this._path}.add(${JSON.stringify(name ?? '')})`, () => made ?? fail('InvalidObjectPath', 'the worksheet was not created'));
  }
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () => currentWb().findSheet(key) ?? fail('ItemNotFound', `no worksheet ${JSON.stringify(key)}`));
  }
  getItemOrNullObject(key: string): SimWorksheet {
    this._queue('getItemOrNullObject (path)', [key], '1.4', () => undefined);
    return new SimWorksheet(this.context, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, () => currentWb().findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context, `${this._path}.getActiveWorksheet()`, () => currentWb().activeSheet());
  }
  getCount(visibleOnly?: boolean): SimClientResult<number> {
    const r = new SimClientResult<number>();
    this._queue(`getCount(${visibleOnly === true})`, [visibleOnly], '1.4', (exec) => {
      const n = currentWb().sheets.filter((s) => visibleOnly !== true || s.visibility === 'Visible').length;
      exec.respond('value', n);
      exec.stage(() => r._fill(n));
    });
    return r;
  }
}

// ===================================================================== Application, Workbook

export class SimApplication extends SimClientObject {
  declare calculationMode: string;
  get _className(): string {
    return 'Application';
  }
  suspendApiCalculationUntilNextSync(): void {
    this._queue('suspendApiCalculationUntilNextSync()', [], '1.6', () => {
      currentWb().calculationSuspended = true;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._queue('suspendScreenUpdatingUntilNextSync()', [], '1.9', () => {
      currentWb().screenUpdatingSuspended = true;
    });
  }
  calculate(calculationType: string): void {
    this._queue(`calculate(${JSON.stringify(calculationType)})`, [calculationType], undefined, () => {
      checkOneOf(calculationType, ['Recalculate', 'Full', 'FullRebuild'], 'calculationType');
      currentWb().recalculate();
    });
  }
}
defineProps<WorkbookState>(SimApplication, {
  calculationMode: {
    get: (wb) => wb.calculationMode,
    set: (wb, v) => void (wb.calculationMode = checkOneOf(v, ['Automatic', 'AutomaticExceptTables', 'Manual'], 'calculationMode') as WorkbookState['calculationMode']),
    setSince: '1.8',
  },
});

export class SimWorkbook extends SimClientObject {
  get _className(): string {
    return 'Workbook';
  }
  get worksheets(): SimWorksheetCollection {
    return this._child('ws', () => new SimWorksheetCollection(this.context, 'workbook.worksheets', () => wbOf(this.context)));
  }
  get tables(): SimTableCollection {
    return this._child('tables', () => new SimTableCollection(this.context, 'workbook.tables', () => ({})));
  }
  get names(): SimNamedItemCollection {
    return this._child('names', () => new SimNamedItemCollection(this.context, 'workbook.names', () => wbOf(this.context)));
  }
  get settings(): SimSettingCollection {
    return this._child('settings', () => new SimSettingCollection(this.context, 'workbook.settings', () => wbOf(this.context)));
  }
  get application(): SimApplication {
    return this._child('app', () => new SimApplication(this.context, 'workbook.application', () => wbOf(this.context)));
  }
  getSelectedRange(): SimRange {
    return new SimRange(this.context, 'workbook.getSelectedRange()', () => {
      const wb = currentWb();
      const sel = wb.selection;
      const sheet = sel === undefined ? undefined : wb.sheetById(sel.sheetId);
      if (sel === undefined || sheet === undefined) return { sheet: wb.activeSheet(), rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
      // Labelled assumption: the error code for several selected areas is InvalidSelection.
      if (sel.areas.length !== 1) fail('InvalidSelection', 'several areas are selected; getSelectedRange() needs one');
      return { sheet, rect: sel.areas[0] as Rect };
    });
  }
  getSelectedRanges(): SimRangeAreas {
    this._queue('getSelectedRanges (path)', [], '1.9', () => undefined);
    return new SimRangeAreas(this.context, 'workbook.getSelectedRanges()', () => {
      const wb = currentWb();
      const sel = wb.selection;
      const sheet = sel === undefined ? undefined : wb.sheetById(sel.sheetId);
      if (sel === undefined || sheet === undefined) return { sheet: wb.activeSheet(), rects: [{ row: 0, col: 0, rowCount: 1, colCount: 1 }] } satisfies AreasTarget;
      return { sheet, rects: sel.areas } satisfies AreasTarget;
    });
  }
  getActiveCell(): SimRange {
    this._queue('getActiveCell (path)', [], '1.7', () => undefined);
    return new SimRange(this.context, 'workbook.getActiveCell()', () => {
      const wb = currentWb();
      const sel = wb.selection;
      const sheet = sel === undefined ? wb.activeSheet() : wb.sheetOrFail(sel.sheetId);
      const first = sel?.areas[0] ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
      return { sheet, rect: { row: first.row, col: first.col, rowCount: 1, colCount: 1 } };
    });
  }
}

/** Raised by the simulator for programming errors in tests (not an Office error). */
export function assertNever(x: never): never {
  throw new SimOfficeError('GeneralException', `unexpected ${String(x)}`);
}
