/**
 * The Excel simulator: an in-memory workbook behind the `Excel`, `Office` and
 * `OfficeExtension` globals, enforcing OFFICE-JS.md's "Rules the simulator must enforce".
 *
 * ```ts
 * const sim = ExcelSimulator.create({ sheets: [{ name: 'Sales', values: [['Date', 'Amount'], [45000, 12.5]] }] });
 * const restore = sim.install();        // globalThis.Excel / Office / OfficeExtension
 * await Excel.run(async (ctx) => { … }); // adapter code under test
 * expect(sim.stats.syncs).toBe(2);
 * restore();
 * ```
 *
 * Labelled assumptions (where Office's behaviour is not documented; see README.md here).
 */
import { Execution, SimClientObject, SimRequestContext, versionAtLeast, type SimAction, type SyncHost } from './context';
import { OFFICE_EXTENSION_ERROR_CODES, SimOfficeError, type SimErrorCode } from './errors';
import { SimApplication, SimWorkbook, displayText, setExecutingHost, type ObjectHost } from './objects';
import {
  MAX_COLS,
  WorkbookState,
  cellKey,
  columnLetters,
  parseAddress,
  rectA1,
  type Rect,
  type SheetState,
  type StoredValue,
  type Visibility,
} from './state';

export interface SheetSeed {
  readonly name: string;
  /** Plain values (strings stay text, never formulas), from `at` (default A1). */
  readonly values?: readonly (readonly StoredValue[])[];
  /** Use the `values` rows as they are instead of copying them (1 M-row seeds); the simulator may then change them. */
  readonly adopt?: boolean;
  readonly at?: string;
  /** Number formats parallel to `values`; null/undefined = General. */
  readonly numberFormats?: readonly (readonly (string | null | undefined)[])[];
  /** Formulas by A1 address (`{ C2: '=A2*B2' }`). */
  readonly formulas?: Readonly<Record<string, string>>;
  readonly visibility?: Visibility;
  readonly customProperties?: Readonly<Record<string, string>>;
}

export interface WorkbookSeed {
  readonly sheets: readonly SheetSeed[];
  readonly tables?: readonly { readonly name: string; readonly sheet: string; readonly address: string; readonly style?: string }[];
  readonly names?: readonly { readonly name: string; readonly formula: string }[];
  /** Default: the first sheet. */
  readonly activeSheet?: string;
  /** Several addresses = several selected areas. Default: A1 of the active sheet. */
  readonly selection?: { readonly sheet: string; readonly address: string | readonly string[] };
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface SimulatorOptions {
  /** Highest ExcelApi requirement set the host supports (default "1.12"). */
  readonly apiVersion?: string;
  /** `web` enforces the 5 MB payload limits (rule 3); `desktop` does not. Default web. */
  readonly platform?: 'web' | 'desktop';
  readonly requestLimitBytes?: number;
  readonly responseLimitBytes?: number;
  /** Cells a get operation may read (rule 4; default 5,000,000). */
  readonly readCellLimit?: number;
  /** What an oversized read does: return `null` values (default, the silent case) or throw. */
  readonly oversizeRead?: 'null' | 'throw';
  /** Cells one operation may touch on the web (default 33,554,000). */
  readonly operationCellLimit?: number;
  /** Request bytes charged per action (default 100) and per object path (default 60). */
  readonly actionCostBytes?: number;
  readonly proxyCostBytes?: number;
  /** Simulated time: round trip per sync (default 40 ms) and transfer speed (default 4,000 bytes/ms ≈ 4 MB/s). */
  readonly latencyMs?: number;
  readonly bytesPerMs?: number;
  readonly displayLanguage?: string;
}

export interface SyncRecord {
  readonly n: number;
  readonly requestBytes: number;
  responseBytes: number;
  readonly actions: number;
  ok: boolean;
  code?: string;
}

export interface SimStats {
  syncs: number;
  failedSyncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  simulatedMs: number;
  runs: number;
  log: SyncRecord[];
}

interface InjectedFailure {
  readonly code: SimErrorCode;
  /** Real actions applied before the failure (default 0: nothing applied). */
  readonly afterActions: number;
}

const DEFAULTS = {
  apiVersion: '1.12',
  platform: 'web' as const,
  requestLimitBytes: 5_000_000,
  responseLimitBytes: 5_000_000,
  readCellLimit: 5_000_000,
  oversizeRead: 'null' as const,
  operationCellLimit: 33_554_000,
  actionCostBytes: 100,
  proxyCostBytes: 60,
  latencyMs: 40,
  bytesPerMs: 4000,
  displayLanguage: 'en-US',
};

function emptyStats(): SimStats {
  return { syncs: 0, failedSyncs: 0, requestBytes: 0, responseBytes: 0, maxRequestBytes: 0, maxResponseBytes: 0, simulatedMs: 0, runs: 0, log: [] };
}

/** A cell as the simulator holds it, for assertions. */
export interface CellDump {
  /** `values` as Excel returns it (formulas evaluated; null when not evaluated). */
  readonly value: StoredValue;
  readonly formula: string | undefined;
  readonly numberFormat: string;
  readonly text: string;
  /** text | number | boolean | formula | empty */
  readonly kind: 'text' | 'number' | 'boolean' | 'formula' | 'empty';
  /** A formula whose value the simulator cannot compute (known function it only parse-checks). */
  readonly unevaluated: boolean;
  /** A formula written while API calculation was suspended and not recalculated since. */
  readonly dirty: boolean;
}

export interface SheetDump {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visibility: Visibility;
  readonly tabColor: string;
  readonly showGridlines: boolean;
  readonly pageLayout: Record<string, unknown>;
  readonly customProperties: Record<string, string>;
  /** Values from A1 to the end of the used range (null = empty). */
  readonly values: StoredValue[][];
  readonly formulas: Record<string, string>;
  readonly numberFormats: Record<string, string>;
  readonly columnWidths: Record<string, number>;
  readonly rowHeights: Record<string, number>;
  readonly merges: string[];
  readonly freeze: { rows: number; cols: number } | undefined;
  readonly conditionalFormats: { type: string; range: string; priority: number; props: Record<string, unknown> }[];
  readonly charts: {
    name: string;
    type: string;
    position: { start: string; end: string | undefined } | undefined;
    props: Record<string, unknown>;
    series: { name: string; chartType: string | undefined; values: string | undefined; xValues: string | undefined; props: Record<string, unknown> }[];
  }[];
  readonly tables: { name: string; range: string; style: string; showBandedRows: boolean; showFilterButton: boolean }[];
  readonly version: number;
}

export interface WorkbookDump {
  readonly sheets: SheetDump[];
  readonly activeSheet: string | undefined;
  readonly settings: Record<string, unknown>;
  readonly names: { name: string; formula: string }[];
}

type Batch<T> = (context: SimRequestContext) => Promise<T>;

export class ExcelSimulator implements SyncHost, ObjectHost {
  readonly state = new WorkbookState();
  readonly stats: SimStats = emptyStats();
  apiVersion: string;
  platform: 'web' | 'desktop';
  requestLimitBytes: number;
  responseLimitBytes: number;
  readCellLimit: number;
  oversizeRead: 'null' | 'throw';
  operationCellLimit: number;
  readonly actionCostBytes: number;
  readonly proxyCostBytes: number;
  latencyMs: number;
  bytesPerMs: number;
  displayLanguage: string;
  /** While true, every sync fails with InvalidOperationInCellEditMode unless the run asked to wait (`delayForCellEdit`). */
  cellEditMode = false;
  private syncNo = 0;
  private readonly failures = new Map<number, InjectedFailure>();

  constructor(options: SimulatorOptions = {}) {
    const o = { ...DEFAULTS, ...options };
    this.apiVersion = o.apiVersion;
    this.platform = o.platform;
    this.requestLimitBytes = o.requestLimitBytes;
    this.responseLimitBytes = o.responseLimitBytes;
    this.readCellLimit = o.readCellLimit;
    this.oversizeRead = o.oversizeRead;
    this.operationCellLimit = o.operationCellLimit;
    this.actionCostBytes = o.actionCostBytes;
    this.proxyCostBytes = o.proxyCostBytes;
    this.latencyMs = o.latencyMs;
    this.bytesPerMs = o.bytesPerMs;
    this.displayLanguage = o.displayLanguage;
  }

  /** A simulator holding the seeded workbook. */
  static create(seed: WorkbookSeed, options: SimulatorOptions = {}): ExcelSimulator {
    const sim = new ExcelSimulator(options);
    sim.seed(seed);
    return sim;
  }

  get isWeb(): boolean {
    return this.platform === 'web';
  }

  /** Number of syncs so far (the next sync is `syncCount + 1`). */
  get syncCount(): number {
    return this.syncNo;
  }

  // ------------------------------------------------------------------ seeding

  seed(seed: WorkbookSeed): void {
    const wb = this.state;
    for (const s of seed.sheets) {
      const sheet = wb.addSheet(s.name);
      const at = s.at === undefined ? { row: 0, col: 0 } : parseAddress(s.at).rect;
      s.values?.forEach((row, r) => {
        if (row.length === 0) return;
        if (at.col === 0 && s.adopt === true) {
          sheet.values[at.row + r] = row as StoredValue[];
          return;
        }
        const line: StoredValue[] = [];
        for (let c = 0; c < at.col; c++) line.push(null);
        for (const v of row) line.push(v === undefined ? null : v);
        sheet.values[at.row + r] = line;
      });
      s.numberFormats?.forEach((row, r) => {
        row.forEach((f, c) => {
          if (f !== null && f !== undefined && f !== 'General') sheet.setFormat(at.row + r, at.col + c, f);
        });
      });
      for (const [address, formula] of Object.entries(s.formulas ?? {})) {
        const { rect } = parseAddress(address);
        wb.parse(formula, address);
        sheet.formulas.set(cellKey(rect.row, rect.col), formula);
      }
      for (const [key, value] of Object.entries(s.customProperties ?? {})) sheet.customProperties.set(key.toLowerCase(), { key, value });
      if (s.visibility !== undefined) sheet.visibility = s.visibility;
    }
    for (const n of seed.names ?? []) wb.names.push({ name: n.name, formula: n.formula });
    for (const t of seed.tables ?? []) {
      const sheet = this.sheet(t.sheet);
      const table = wb.addTable(sheet, parseAddress(t.address).rect, true);
      wb.renameTable(table, t.name);
      if (t.style !== undefined) table.style = t.style;
    }
    const active = seed.activeSheet === undefined ? wb.sheets.find((s) => s.visibility === 'Visible') : this.sheet(seed.activeSheet);
    if (active !== undefined) {
      wb.activeSheetId = active.id;
      wb.selection = { sheetId: active.id, areas: [{ row: 0, col: 0, rowCount: 1, colCount: 1 }] };
    }
    if (seed.selection !== undefined) this.select(seed.selection.sheet, seed.selection.address);
    for (const [k, v] of Object.entries(seed.settings ?? {})) wb.settings.set(k.toLowerCase(), { key: k, value: v });
    wb.version++;
  }

  /** Selects one or more areas on a sheet (and activates it), as a user would. */
  select(sheetName: string, address: string | readonly string[]): void {
    const sheet = this.sheet(sheetName);
    const list = typeof address === 'string' ? [address] : address;
    this.state.activeSheetId = sheet.id;
    this.state.selection = { sheetId: sheet.id, areas: list.map((a) => parseAddress(a).rect) };
  }

  sheet(name: string): SheetState {
    const s = this.state.sheetByName(name);
    if (s === undefined) throw new Error(`simulator: no sheet ${name}`);
    return s;
  }

  // ------------------------------------------------------------------ fault injection

  /** Makes sync number `n` (1-based, counted from creation or {@link resetStats}) fail. */
  failSync(n: number, options: { code?: SimErrorCode; afterActions?: number } = {}): void {
    this.failures.set(n, { code: options.code ?? 'GeneralException', afterActions: options.afterActions ?? 0 });
  }

  /** Makes the `k`-th next sync fail (1 = the very next). */
  failNextSync(options: { code?: SimErrorCode; afterActions?: number; k?: number } = {}): void {
    this.failSync(this.syncNo + (options.k ?? 1), options);
  }

  /** Zeroes the statistics and the sync counter (injected failures are cleared too). */
  resetStats(): void {
    Object.assign(this.stats, emptyStats());
    this.syncNo = 0;
    this.failures.clear();
  }

  // ------------------------------------------------------------------ running

  /** `Excel.run`: `run(batch)`, `run(options, batch)`, `run(object | objects, batch)`. */
  run<T>(a: unknown, b?: Batch<T>): Promise<T> {
    let batch: Batch<T>;
    let context: SimRequestContext;
    if (typeof a === 'function') {
      batch = a as Batch<T>;
      context = this.newContext({});
    } else {
      if (typeof b !== 'function') return Promise.reject(new SimOfficeError('InvalidArgument', 'Excel.run needs a batch function'));
      batch = b;
      const first = Array.isArray(a) ? (a[0] as unknown) : a;
      if (first instanceof SimClientObject) {
        context = first.context;
        context._closed = false;
      } else if (first instanceof SimRequestContext) {
        context = first;
        context._closed = false;
      } else {
        context = this.newContext((a ?? {}) as { delayForCellEdit?: boolean });
      }
    }
    this.stats.runs++;
    const go = async (): Promise<T> => {
      const result = batch(context) as unknown;
      if (typeof result !== 'object' || result === null || typeof (result as Promise<T>).then !== 'function') {
        throw new SimOfficeError('RunMustReturnPromise');
      }
      try {
        const value = await (result as Promise<T>);
        await context.sync();
        return value;
      } finally {
        context._closed = true;
      }
    };
    return go();
  }

  private newContext(options: { delayForCellEdit?: boolean }): SimRequestContext {
    const ctx = new SimRequestContext(this, options);
    ctx.workbook = new SimWorkbook(ctx, 'workbook', () => this.state);
    ctx.application = (ctx.workbook as SimWorkbook).application as SimApplication;
    return ctx;
  }

  async executeSync(ctx: SimRequestContext, actions: SimAction[]): Promise<void> {
    await Promise.resolve();
    const real = actions.filter((a) => !a.statement.startsWith('('));
    // Office.js sends nothing for a sync without actions (ClientRequestContext.syncPrivate: `if (!req.hasActions)`).
    if (real.length === 0) return;
    const n = ++this.syncNo;
    const requestBytes = actions.reduce((s, a) => s + a.bytes, 0);
    const record: SyncRecord = { n, requestBytes, responseBytes: 0, actions: real.length, ok: false };
    this.stats.log.push(record);
    const exec = new Execution(this.apiVersion);
    try {
      if (this.cellEditMode) {
        if (!ctx.delayForCellEdit) throw new SimOfficeError('InvalidOperationInCellEditMode');
        // The batch waits until the user leaves the cell (labelled: 2 s of simulated time).
        this.cellEditMode = false;
        this.stats.simulatedMs += 2000;
      }
      if (this.isWeb && requestBytes > this.requestLimitBytes) {
        throw new SimOfficeError('RequestPayloadSizeLimitExceeded', `${requestBytes} bytes > ${this.requestLimitBytes}`, { statement: real[0]?.statement ?? '' });
      }
      const injected = this.failures.get(n);
      ctx._executing = true;
      setExecutingHost(this);
      let applied = 0;
      for (let i = 0; i < actions.length; i++) {
        const a = actions[i] as SimAction;
        const isReal = !a.statement.startsWith('(');
        if (injected !== undefined && isReal && applied >= injected.afterActions) {
          throw new SimOfficeError(injected.code, `injected failure of sync ${n}`).locate(a.statement, a.statement, []);
        }
        try {
          exec.requireVersion(a.since, a.statement);
          a.run(exec);
        } catch (e) {
          if (e instanceof SimOfficeError) {
            const around = actions.slice(Math.max(0, i - 2), i + 3).map((x) => x.statement);
            throw e.locate(a.statement, a.statement, around);
          }
          throw e;
        }
        if (isReal) applied++;
      }
      if (injected !== undefined) throw new SimOfficeError(injected.code, `injected failure of sync ${n}`);
      if (this.isWeb && exec.responseBytes > this.responseLimitBytes) {
        throw new SimOfficeError('ResponsePayloadSizeLimitExceeded', `${exec.responseBytes} bytes > ${this.responseLimitBytes}`);
      }
      exec.commit();
      record.ok = true;
    } catch (e) {
      record.code = e instanceof SimOfficeError ? e.code : 'JS';
      this.stats.failedSyncs++;
      throw e;
    } finally {
      ctx._executing = false;
      setExecutingHost(undefined);
      this.state.calculationSuspended = false;
      this.state.screenUpdatingSuspended = false;
      record.responseBytes = exec.responseBytes;
      this.stats.syncs++;
      this.stats.requestBytes += requestBytes;
      this.stats.responseBytes += exec.responseBytes;
      this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, requestBytes);
      this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, exec.responseBytes);
      this.stats.simulatedMs += this.latencyMs + (requestBytes + exec.responseBytes) / this.bytesPerMs;
    }
  }

  // ------------------------------------------------------------------ globals

  /** `Office.context.requirements.isSetSupported`: versions compare as strings of numbers ("1.1" ≠ "1.10"). */
  isSetSupported(name: string, minVersion?: string | number): boolean {
    if (name !== 'ExcelApi') return false;
    if (minVersion === undefined) return true;
    return versionAtLeast(this.apiVersion, String(minVersion));
  }

  /** The three globals Office.js code uses. */
  globals(): { Excel: unknown; Office: unknown; OfficeExtension: unknown } {
    const run = (a: unknown, b?: Batch<unknown>): Promise<unknown> => this.run(a, b);
    const Excel = {
      run,
      RequestContext: SimRequestContext,
      ErrorCodes: {
        apiNotFound: 'ApiNotFound',
        generalException: 'GeneralException',
        invalidArgument: 'InvalidArgument',
        invalidOperation: 'InvalidOperation',
        invalidSelection: 'InvalidSelection',
        itemAlreadyExists: 'ItemAlreadyExists',
        itemNotFound: 'ItemNotFound',
        responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
        invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      },
    };
    const platform = this.isWeb ? 'OfficeOnline' : 'PC';
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const sim = this;
    const Office = {
      context: {
        requirements: { isSetSupported: (name: string, v?: string | number) => this.isSetSupported(name, v) },
        get displayLanguage(): string {
          return sim.displayLanguage;
        },
        contentLanguage: this.displayLanguage,
        host: 'Excel',
        platform,
      },
      onReady: () => Promise.resolve({ host: 'Excel', platform }),
      HostType: { Excel: 'Excel' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    };
    const OfficeExtension = { Error: SimOfficeError, ErrorCodes: OFFICE_EXTENSION_ERROR_CODES };
    return { Excel, Office, OfficeExtension };
  }

  /** Installs the globals; returns a function that restores what was there before. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
    Object.assign(g, this.globals());
    return () => {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    };
  }

  // ------------------------------------------------------------------ inspection

  /** A cell's content (formulas evaluated). */
  cell(sheetName: string, address: string): CellDump {
    const sheet = this.sheet(sheetName);
    const { rect } = parseAddress(address);
    return this.cellAt(sheet, rect.row, rect.col);
  }

  private cellAt(sheet: SheetState, row: number, col: number): CellDump {
    setExecutingHost(this);
    try {
      const key = cellKey(row, col);
      const formula = sheet.formulas.get(key);
      const value = this.state.cellValue(sheet, row, col);
      const numberFormat = sheet.format(row, col) ?? 'General';
      const raw = sheet.rawValue(row, col);
      const kind = formula !== undefined ? 'formula' : raw === null ? 'empty' : typeof raw === 'string' ? 'text' : typeof raw === 'number' ? 'number' : 'boolean';
      return {
        value,
        formula,
        numberFormat,
        text: displayText(value, sheet.format(row, col)),
        kind,
        unevaluated: formula !== undefined && this.state.isUnevaluated(sheet, row, col),
        dirty: sheet.dirty.has(key),
      };
    } finally {
      setExecutingHost(undefined);
    }
  }

  /** The effective format of a cell (`font.bold`, `fill.color`, `borders.EdgeBottom.style` …), undefined = default. */
  cellFormat(sheetName: string, address: string, key: string): unknown {
    const { rect } = parseAddress(address);
    return this.sheet(sheetName).cellFormat(rect.row, rect.col, key);
  }

  /** Change counter of a sheet: unchanged = untouched. */
  sheetVersion(name: string): number {
    return this.sheet(name).version;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  /** Plain data of the whole workbook (values of every sheet: use on small workbooks). */
  dump(): WorkbookDump {
    const wb = this.state;
    const rangeText = (ref: { sheetId: string; rect: Rect } | '#REF!' | undefined): string | undefined => {
      if (ref === undefined || ref === '#REF!') return ref;
      const s = wb.sheetById(ref.sheetId);
      return `${s === undefined ? '#REF!' : `'${s.name}'`}!${rectA1(ref.rect)}`;
    };
    setExecutingHost(this);
    try {
      const sheets = wb.sheets.map((s, position): SheetDump => {
        const used = s.usedRect(true);
        const values: StoredValue[][] = [];
        if (used !== undefined) {
          for (let r = 0; r < used.row + used.rowCount; r++) {
            const line: StoredValue[] = [];
            for (let c = 0; c < used.col + used.colCount; c++) line.push(wb.cellValue(s, r, c));
            values.push(line);
          }
        }
        const formulas: Record<string, string> = {};
        for (const [k, f] of s.formulas) formulas[`${columnLetters(k % MAX_COLS)}${Math.floor(k / MAX_COLS) + 1}`] = f;
        const numberFormats: Record<string, string> = {};
        s.formats.forEach((line, r) => line?.forEach((f, c) => f !== undefined && (numberFormats[`${columnLetters(c)}${r + 1}`] = f)));
        return {
          id: s.id,
          name: s.name,
          position,
          visibility: s.visibility,
          tabColor: s.tabColor,
          showGridlines: s.showGridlines,
          pageLayout: { ...s.pageLayout },
          customProperties: Object.fromEntries([...s.customProperties.values()].map((e) => [e.key, e.value])),
          values,
          formulas,
          numberFormats,
          columnWidths: Object.fromEntries([...s.colWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w])),
          rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
          merges: s.merges.map(rectA1),
          freeze: s.freeze,
          conditionalFormats: s.conditionalFormats.map((cf) => ({ type: cf.type, range: rectA1(cf.rect), priority: cf.priority, props: { ...cf.props } })),
          charts: wb.charts
            .filter((c) => c.sheetId === s.id)
            .map((c) => ({
              name: c.name,
              type: c.type,
              position: c.position,
              props: { ...c.props },
              series: c.series.map((x) => ({ name: x.name, chartType: x.chartType, values: rangeText(x.values), xValues: rangeText(x.xValues), props: { ...x.props } })),
            })),
          tables: wb.tables
            .filter((t) => t.sheetId === s.id)
            .map((t) => ({ name: t.name, range: rectA1(t.rect), style: t.style, showBandedRows: t.showBandedRows, showFilterButton: t.showFilterButton })),
          version: s.version,
        };
      });
      return {
        sheets,
        activeSheet: wb.activeSheetId === undefined ? undefined : wb.sheetById(wb.activeSheetId)?.name,
        settings: Object.fromEntries([...wb.settings.values()].map((e) => [e.key, e.value])),
        names: wb.names.map((n) => ({ ...n })),
      };
    } finally {
      setExecutingHost(undefined);
    }
  }
}
