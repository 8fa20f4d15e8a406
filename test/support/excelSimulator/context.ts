/**
 * The proxy machinery of the simulator, shaped like Office.js' client object model
 * (OFFICE-JS.md §2, rules 1, 2, 8): proxies queue actions; `context.sync()` runs them in
 * order against the workbook state, fills the properties that were `load`ed, and rejects with
 * an `OfficeExtension.Error` look-alike at the first failing statement.
 */
import { SimOfficeError, fail } from './errors';

/** Version compare of requirement sets ("1.12" > "1.9"). */
export function versionAtLeast(have: string, need: string): boolean {
  const [hm = 0, hn = 0] = have.split('.').map(Number);
  const [nm = 0, nn = 0] = need.split('.').map(Number);
  return hm > nm || (hm === nm && hn >= nn);
}

/** JSON length of a value (the simulator's payload measure). */
export function jsonSize(v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v).length;
  return JSON.stringify(v).length;
}

/** What a sync needs from the simulator. */
export interface SyncHost {
  readonly apiVersion: string;
  readonly actionCostBytes: number;
  readonly proxyCostBytes: number;
  executeSync(context: SimRequestContext, actions: SimAction[]): Promise<void>;
}

export interface SimAction {
  readonly statement: string;
  readonly bytes: number;
  readonly since: string | undefined;
  readonly run: (exec: Execution) => void;
}

/** One sync's execution: staged loads (committed only when the whole sync succeeds) and response bytes. */
export class Execution {
  responseBytes = 0;
  private readonly commits: (() => void)[] = [];
  constructor(readonly apiVersion: string) {}

  respond(name: string, value: unknown): void {
    this.responseBytes += jsonSize(value) + name.length + 4;
  }

  stage(commit: () => void): void {
    this.commits.push(commit);
  }

  requireVersion(since: string | undefined, what: string): void {
    if (since !== undefined && !versionAtLeast(this.apiVersion, since)) {
      fail('ApiNotFound', `${what} needs ExcelApi ${since}; this host supports ${this.apiVersion}`);
    }
  }

  commit(): void {
    for (const c of this.commits) c();
  }
}

export interface PropSpec<T> {
  /** Reads the property from the resolved target (only inside a sync). */
  readonly get?: (target: T, exec: Execution) => unknown;
  /** Applies a write (only inside a sync). Absent = read-only (assigning throws a TypeError, as in Office.js). */
  readonly set?: (target: T, value: unknown, exec: Execution) => void;
  readonly since?: string;
  readonly setSince?: string;
}

type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

function loadPaths(spec: LoadSpec): string[] {
  const split = (s: string | string[] | undefined): string[] =>
    s === undefined ? [] : (Array.isArray(s) ? s : s.split(',')).map((x) => x.trim()).filter((x) => x !== '');
  if (spec === undefined) return [];
  if (typeof spec === 'string' || Array.isArray(spec)) return split(spec);
  return [...split(spec.select), ...split(spec.expand)];
}

/** `ClientResult<T>`: `value` throws `ValueNotLoaded` until the sync that fills it. */
export class SimClientResult<T> {
  private loaded = false;
  private v: T | undefined;

  get value(): T {
    if (!this.loaded) throw new SimOfficeError('ValueNotLoaded', undefined, { errorLocation: 'ClientResult.value' });
    return this.v as T;
  }

  /** @internal */
  _fill(v: T): void {
    this.v = v;
    this.loaded = true;
  }
}

/**
 * Base of every proxy. Subclasses declare scalar properties with {@link defineProps} and
 * navigation properties with {@link SimClientObject._child}; a proxy resolves lazily to its
 * target (a sheet, a range …) the first time an executing action needs it, and keeps it.
 */
export abstract class SimClientObject {
  /** @internal Values filled by `load` + `sync` (or by a local set, as Office.js caches them). */
  readonly _loaded = new Map<string, unknown>();
  private _resolvedTarget: unknown;
  private _isResolved = false;
  /** @internal */
  _isNull: boolean | undefined;
  private readonly _children = new Map<string, SimClientObject>();

  constructor(
    readonly context: SimRequestContext,
    /** @internal The object path, for `debugInfo.statement`. */
    readonly _path: string,
    private readonly _resolver: () => unknown,
    /** @internal Created by an `*OrNullObject` method. */
    readonly _nullable = false,
  ) {
    context._register(this);
  }

  /** @internal Class name for messages (`Range`, `Worksheet` …). */
  abstract get _className(): string;

  /** @internal Scalar property specs of this class. */
  _propSpecs(): Record<string, PropSpec<never>> {
    return (Object.getPrototypeOf(this) as { _specs?: Record<string, PropSpec<never>> })._specs ?? {};
  }

  /** @internal Navigation properties that a load path may go through. */
  _navigation(): Record<string, () => SimClientObject> {
    return {};
  }

  /** @internal The target, resolved at most once (inside a sync). */
  _resolve(): unknown {
    if (!this._isResolved) {
      const t = this._resolver();
      this._resolvedTarget = t;
      this._isResolved = true;
      if (this._nullable) this._isNull = t === null;
    }
    return this._resolvedTarget;
  }

  /** @internal The target; a null object fails (labelled assumption: Excel's behaviour is unverified). */
  _t<T>(): T {
    const t = this._resolve();
    if (t === null) fail('ItemNotFound', `${this._className} is a null object (check isNullObject first)`);
    return t as T;
  }

  /** @internal */
  _child<C extends SimClientObject>(name: string, make: () => C): C {
    let c = this._children.get(name);
    if (c === undefined) {
      c = make();
      this._children.set(name, c);
    }
    return c as C;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      throw new SimOfficeError('PropertyNotLoaded', undefined, { errorLocation: `${this._className}.isNullObject` });
    }
    return this._isNull;
  }

  /** @internal Reads a loaded property (rule 1). */
  _read(name: string): unknown {
    if (!this._loaded.has(name)) {
      throw new SimOfficeError('PropertyNotLoaded', `${this._className}.${name}`, { errorLocation: `${this._className}.${name}` });
    }
    return this._loaded.get(name);
  }

  /** @internal Queues an action on this object. */
  _queue(statement: string, args: unknown, since: string | undefined, run: (exec: Execution) => void): void {
    this.context._enqueue(this, {
      statement: `${this._path}.${statement}`,
      bytes: this.context._host.actionCostBytes + jsonSize(args),
      since,
      run,
    });
  }

  /** @internal Queues a property write. */
  _write(name: string, value: unknown): void {
    const spec = this._propSpecs()[name];
    if (spec?.set === undefined) throw new TypeError(`Cannot set property ${name} of ${this._className}, which is read-only`);
    const set = spec.set as (t: unknown, v: unknown, e: Execution) => void;
    const since = spec.setSince ?? spec.since;
    const copy = value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
    this._queue(`${name} = ${summarize(value)}`, value, since, (exec) => {
      exec.requireVersion(since, `${this._className}.${name}`);
      set(this._t(), copy, exec);
    });
    this._loaded.set(name, copy);
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this._queue(`load(${JSON.stringify(paths)})`, paths, undefined, (exec) => {
      this._execLoad(paths, exec);
    });
    return this;
  }

  /** @internal Runs a load inside a sync. */
  _execLoad(paths: string[], exec: Execution): void {
    const target = this._resolve();
    const specs = this._propSpecs();
    const scalars = new Set<string>();
    const nested = new Map<string, string[]>();
    if (paths.length === 0) {
      for (const [name, spec] of Object.entries(specs)) if (spec.get !== undefined && (spec.since === undefined || versionAtLeastSafe(exec, spec.since))) scalars.add(name);
    }
    for (const p of paths) {
      const [head = '', ...rest] = p.split('/');
      const nav = this._navigation()[head];
      if (nav !== undefined) {
        const list = nested.get(head) ?? [];
        if (rest.length > 0) list.push(rest.join('/'));
        nested.set(head, list);
        continue;
      }
      if (rest.length > 0 || specs[head]?.get === undefined) fail('InvalidArgument', `${this._className} has no property ${JSON.stringify(p)} to load`);
      scalars.add(head);
    }
    for (const name of scalars) {
      const spec = specs[name] as PropSpec<unknown>;
      exec.requireVersion(spec.since, `${this._className}.${name}`);
      const value = target === null ? null : spec.get?.(target, exec);
      exec.respond(name, value);
      exec.stage(() => this._loaded.set(name, value));
    }
    for (const [head, rest] of nested) this._navigation()[head]?.()._execLoad(rest, exec);
  }

  /** Sets several properties at once (`range.set({ format: { font: { bold: true } } })`). */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const nav = this._navigation()[k];
      if (nav !== undefined && typeof v === 'object' && v !== null && !Array.isArray(v)) nav().set(v as Record<string, unknown>);
      else this._write(k, v);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  track(): this {
    this.context.trackedObjects.add(this);
    return this;
  }

  untrack(): this {
    this.context.trackedObjects.remove(this);
    return this;
  }
}

function versionAtLeastSafe(exec: Execution, since: string): boolean {
  return versionAtLeast(exec.apiVersion, since);
}

/** Short text of an argument for statements (large arrays are summarized). */
export function summarize(v: unknown): string {
  if (Array.isArray(v)) {
    const first = v[0] as unknown;
    return Array.isArray(first) ? `<${v.length}×${first.length} array>` : `<array of ${v.length}>`;
  }
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Declares scalar properties on a proxy class: getters that throw until loaded, setters that queue. */
export function defineProps<T>(cls: { prototype: object }, specs: Record<string, PropSpec<T>>): void {
  const proto = cls.prototype as { _specs?: Record<string, PropSpec<T>> };
  proto._specs = { ...(proto._specs ?? {}), ...specs };
  for (const [name, spec] of Object.entries(specs)) {
    const desc: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: SimClientObject) {
        return this._read(name);
      },
    };
    if (spec.set !== undefined) {
      desc.set = function (this: SimClientObject, v: unknown) {
        this._write(name, v);
      };
    }
    Object.defineProperty(cls.prototype, name, desc);
  }
}

/**
 * A collection proxy: `items` readable after `load('items/…')` (or `load('prop')`, which
 * Office.js applies to the items) and sync.
 */
export abstract class SimCollection<I extends SimClientObject> extends SimClientObject {
  private _items: I[] | undefined;

  /** @internal Current item targets (inside a sync). */
  abstract _itemTargets(): unknown[];
  /** @internal A proxy for an item target. */
  abstract _itemProxy(target: unknown, index: number): I;

  get items(): I[] {
    if (this._items === undefined) {
      throw new SimOfficeError('PropertyNotLoaded', `${this._className}.items`, { errorLocation: `${this._className}.items` });
    }
    return this._items;
  }

  override _execLoad(paths: string[], exec: Execution): void {
    const own = this._propSpecs();
    const itemPaths: string[] = [];
    const ownPaths: string[] = [];
    for (const p of paths) {
      if (p === 'items') continue;
      if (p.startsWith('items/')) itemPaths.push(p.slice('items/'.length));
      else if (own[p.split('/')[0] ?? ''] !== undefined) ownPaths.push(p);
      else itemPaths.push(p);
    }
    if (ownPaths.length > 0) super._execLoad(ownPaths, exec);
    this._t();
    const items = this._itemTargets().map((t, i) => this._itemProxy(t, i));
    for (const item of items) item._execLoad(itemPaths, exec);
    exec.stage(() => {
      this._items = items;
    });
  }
}

/** A proxy whose target is known when it is created (items of a loaded collection). */
export function resolved<T>(t: T): () => T {
  return () => t;
}

export interface TrackedObjects {
  add(obj: SimClientObject | SimClientObject[]): void;
  remove(obj: SimClientObject | SimClientObject[]): void;
}

/** `Excel.RequestContext` look-alike. */
export class SimRequestContext {
  /** @internal */
  readonly _host: SyncHost;
  private queue: SimAction[] = [];
  /** @internal Proxies created since the last sync (for `isNullObject` resolution and proxy cost). */
  private fresh: SimClientObject[] = [];
  private pendingProxyBytes = 0;
  /** @internal */
  _closed = false;
  readonly delayForCellEdit: boolean;
  private readonly tracked = new Set<SimClientObject>();
  readonly trackedObjects: TrackedObjects;
  // Set by the simulator right after construction.
  workbook!: unknown;
  application!: unknown;

  constructor(host: SyncHost, options: { delayForCellEdit?: boolean } = {}) {
    this._host = host;
    this.delayForCellEdit = options.delayForCellEdit === true;
    this.trackedObjects = {
      add: (o) => {
        for (const x of Array.isArray(o) ? o : [o]) this.tracked.add(x);
      },
      remove: (o) => {
        for (const x of Array.isArray(o) ? o : [o]) this.tracked.delete(x);
      },
    };
  }

  /** @internal True while a sync runs (item proxies made then cost no request bytes). */
  _executing = false;

  /** @internal */
  _register(obj: SimClientObject): void {
    if (this._executing) return;
    this.fresh.push(obj);
    this.pendingProxyBytes += this._host.proxyCostBytes;
  }

  /** @internal */
  _enqueue(obj: SimClientObject, action: SimAction): void {
    if (obj.context !== this) throw new SimOfficeError('InvalidRequestContext');
    if (this._closed && !this.tracked.has(obj)) {
      // Labelled assumption: stricter than Office, which would queue on a dead context silently.
      throw new SimOfficeError('InvalidObjectPath', `${obj._className} belongs to an Excel.run that has ended; use context.trackedObjects.add`);
    }
    this.queue.push(action);
  }

  /** @internal Checks an argument proxy belongs to this context. */
  _checkArg(obj: unknown): void {
    if (obj instanceof SimClientObject && obj.context !== this) throw new SimOfficeError('InvalidRequestContext');
  }

  load<T extends SimClientObject>(obj: T, spec?: LoadSpec): T {
    return obj.load(spec);
  }

  trace(_message: string): void {}

  sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.queue;
    this.queue = [];
    const fresh = this.fresh;
    this.fresh = [];
    const proxyBytes = this.pendingProxyBytes;
    this.pendingProxyBytes = 0;
    const all: SimAction[] = [];
    if (proxyBytes > 0) all.push({ statement: '(object paths)', bytes: proxyBytes, since: undefined, run: () => undefined });
    all.push(...actions);
    // *OrNullObject proxies know whether they are null after the sync that carried them.
    all.push({
      statement: '(null-object checks)',
      bytes: 0,
      since: undefined,
      run: () => {
        for (const p of fresh) if (p._nullable && p._isNull === undefined) p._resolve();
      },
    });
    return this._host.executeSync(this, all).then(() => passThroughValue as T);
  }

  /** @internal Pending statements, as `debugInfo.pendingStatements`. */
  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this.queue.map((a) => a.statement) };
  }
}
