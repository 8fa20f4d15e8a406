import type { ExcelSimulator } from '../support/excelSimulator';

/** A dialog the add-in opened with `Office.context.ui.displayDialogAsync`. */
export interface OpenDialog {
  readonly url: string;
  /** The `notice` parameter of the URL (the ribbon command's message), if any. */
  readonly notice: string | undefined;
}

/** The playground's side of the simulated Office: change notices, ribbon commands, dialogs. */
export interface SimulatedOffice {
  /** Calls `listener` after every `Excel.run` and every change made by the playground itself. */
  subscribe(listener: () => void): () => void;
  /** Tells the listeners the workbook changed (a click on a tab or a cell). */
  changed(): void;
  /** Runs a ribbon command registered with `Office.actions.associate`, as a click on its button; resolves when it calls `event.completed()`. */
  runCommand(name: string): Promise<void>;
  /** Sets the real delay per sync (ms), e.g. to press Cancel mid-run. */
  setLatency(ms: number): void;
  /** The dialog on show, if any. */
  readonly dialog: OpenDialog | undefined;
  /** Closes the dialog as its × button does (the add-in gets DialogEventReceived 12006). */
  closeDialog(): void;
}

interface Options {
  /** Real delay per sync, in ms. */
  readonly latencyMs: number;
  /** `Office.context.officeTheme` to simulate; undefined = none, as in Excel on the web. */
  readonly theme: 'light' | 'dark' | undefined;
}

type Batch = (context: { sync: (v?: unknown) => Promise<unknown> }) => Promise<unknown>;
type Run = (a: unknown, b?: Batch) => Promise<unknown>;

const THEMES = {
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#262626', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#262626', isDarkTheme: false },
  dark: { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#3B3B3B', controlForegroundColor: '#FFFFFF', isDarkTheme: true },
};

const DIALOG_CLOSED = 12006;

/**
 * Installs the simulator as the page's `Excel`, `Office` and `OfficeExtension`, and adds what a
 * real Office host provides around it: ribbon commands (`Office.actions.associate`), dialogs
 * (`Office.context.ui.displayDialogAsync`, shown by the playground), the Office theme, and an
 * optional real delay per sync. Listeners hear about every finished `Excel.run`.
 */
export function installSimulatedOffice(sim: ExcelSimulator, options: Options): SimulatedOffice {
  sim.install();
  const g = globalThis as unknown as { Excel: { run: Run }; Office: Record<string, unknown> & { context: Record<string, unknown> } };
  const listeners = new Set<() => void>();
  let scheduled = false;
  const changed = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      for (const l of listeners) l();
    });
  };

  // A real delay per sync (a web Excel's round trip), and a change notice after every batch.
  let latencyMs = options.latencyMs;
  const run = g.Excel.run;
  const delayed = new WeakSet<object>();
  const withLatency =
    (batch: Batch): Batch =>
    (context) => {
      if (!delayed.has(context)) {
        delayed.add(context);
        const sync = context.sync.bind(context);
        context.sync = (v?: unknown) => (latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, latencyMs)).then(() => sync(v)) : sync(v));
      }
      return batch(context);
    };
  g.Excel.run = (a: unknown, b?: Batch) => {
    const result = typeof a === 'function' ? run(withLatency(a as Batch)) : run(a, b === undefined ? b : withLatency(b));
    return result.finally(changed);
  };

  // Ribbon commands.
  const commands = new Map<string, (event: { completed: () => void }) => unknown>();
  g.Office.actions = { associate: (name: string, f: (event: { completed: () => void }) => unknown) => commands.set(name, f) };
  g.Office.EventType = { DialogEventReceived: 'dialogEventReceived', DialogMessageReceived: 'dialogMessageReceived' };
  g.Office.AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };

  // Dialogs: the playground shows them; closing one tells the add-in, as Office does.
  let dialog: OpenDialog | undefined;
  let onDialogEvent: ((arg: { error: number }) => void) | undefined;
  g.Office.context.ui = {
    displayDialogAsync(url: string, _options: unknown, callback?: (result: unknown) => void) {
      dialog = { url, notice: new URL(url, window.location.href).searchParams.get('notice') ?? undefined };
      changed();
      callback?.({
        status: 'succeeded',
        value: {
          addEventHandler: (type: string, handler: (arg: { error: number }) => void) => {
            if (type === 'dialogEventReceived') onDialogEvent = handler;
          },
          close: () => {
            dialog = undefined;
            changed();
          },
        },
      });
    },
  };
  if (options.theme !== undefined) g.Office.context.officeTheme = THEMES[options.theme];

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changed,
    runCommand(name) {
      const command = commands.get(name);
      if (command === undefined) return Promise.reject(new Error(`no ribbon command ${name} is registered`));
      return new Promise<void>((resolve, reject) => {
        try {
          void Promise.resolve(command({ completed: () => resolve() })).catch(reject);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }).finally(changed);
    },
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    get dialog() {
      return dialog;
    },
    closeDialog() {
      dialog = undefined;
      const handler = onDialogEvent;
      onDialogEvent = undefined;
      changed();
      handler?.({ error: DIALOG_CLOSED });
    },
  };
}
