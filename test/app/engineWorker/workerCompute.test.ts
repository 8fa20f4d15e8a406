/**
 * The worker transport of the compute (src/app/engineWorker), with the worker's own side
 * (`engineWorkerHost`) run in process: every message is structured-cloned and delivered in a
 * later task, as `postMessage` does. The browser test (test/browser/pane.test.ts) runs the real
 * Worker in Chromium.
 */
import { computeReports } from '../../../src/app/computeReports';
import { engineWorkerHost, MODEL_SLICE_ROWS } from '../../../src/app/engineWorker/engineWorkerHost';
import type { EngineWorker, FromWorker, ToWorker } from '../../../src/app/engineWorker/protocol';
import { workerCompute } from '../../../src/app/engineWorker/workerCompute';
import { CancelledError, type ProgressEvent, type SourceTables } from '../../../src/app/ports';
import { inThreadCompute, type ComputeRequest, type ReportCompute } from '../../../src/app/reportCompute';
import { scaleRows } from '../../excel/scaleData';

interface FakeWorker extends EngineWorker {
  readonly posted: ToWorker[];
  readonly received: FromWorker[];
  terminated: boolean;
}

/** A worker whose other side is `engineWorkerHost` in this process; `load: 'fail'` behaves as a missing worker file, `'hang'` never answers. */
function fakeWorker(load: 'ok' | 'fail' | 'hang' = 'ok'): FakeWorker {
  const later = (f: () => void) => setTimeout(() => (worker.terminated ? undefined : f()), 0);
  const worker: FakeWorker = {
    posted: [],
    received: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      this.posted.push(message);
      const copy = structuredClone(message);
      if (load === 'ok') later(() => handle?.(copy));
    },
    terminate() {
      this.terminated = true;
    },
  };
  const handle =
    load === 'ok'
      ? engineWorkerHost((message) => {
          const copy = structuredClone(message);
          worker.received.push(copy);
          later(() => worker.onmessage?.({ data: copy }));
        })
      : undefined;
  if (load === 'fail') later(() => worker.onerror?.({ message: 'Failed to load the worker script' }));
  return worker;
}

const ROWS = scaleRows(3_000);
const TABLES: SourceTables = { transactions: { sheet: 'Sales', firstRow: 1, rows: ROWS }, auxiliary: {} };
const REQUEST: ComputeRequest = { tables: TABLES, options: { fiscalStart: 4 }, choices: { language: 'pl', sourceLabel: 'Sales' } };
const inThread = inThreadCompute({ yieldToUi: () => Promise.resolve() });

function counting(compute: ReportCompute): ReportCompute & { calls: number } {
  const c = {
    calls: 0,
    compute: (...args: Parameters<ReportCompute['compute']>) => {
      c.calls++;
      return compute.compute(...args);
    },
  };
  return c;
}

describe('workerCompute', () => {
  test('the same outcome as the in-thread engine; rows sliced by cells; the report comes back in slices; progress forwarded', async () => {
    const workers: FakeWorker[] = [];
    const compute = workerCompute({ spawn: () => (workers.push(fakeWorker()), workers[workers.length - 1] as FakeWorker), fallback: inThread, sliceCells: 1_000, yieldToUi: () => Promise.resolve() });
    const events: ProgressEvent[] = [];
    const result = await compute.compute(REQUEST, (e) => events.push(e));
    expect(result.transport).toBe('worker');
    expect(result.outcome).toEqual(computeReports(TABLES, REQUEST.options, REQUEST.choices));

    const [worker] = workers;
    if (worker === undefined) throw new Error('no worker');
    // 1,000 cells of 4 columns: 250 rows per message.
    const slices = worker.posted.filter((m) => m.type === 'rows');
    expect(slices).toHaveLength(Math.ceil(ROWS.length / 250));
    expect(slices.every((m) => m.type === 'rows' && m.rows.length <= 250)).toBe(true);
    expect(worker.posted.map((m) => m.type).filter((t, i, all) => t !== all[i - 1])).toEqual(['begin', 'rows', 'run']);
    const modelRows = worker.received.filter((m) => m.type === 'modelRows');
    expect(modelRows.every((m) => m.type === 'modelRows' && m.rows.length <= MODEL_SLICE_ROWS)).toBe(true);
    expect(worker.received[worker.received.length - 1]?.type).toBe('done');
    expect(worker.terminated).toBe(true);
    expect(events.every((e) => e.phase === 'computing')).toBe(true);
    expect(events.map((e) => e.done)).toEqual(expect.arrayContaining([0, 6]));
  });

  test('the engine’s failure comes back as the same value', async () => {
    const tables = { ...TABLES, transactions: { sheet: 'Sales', firstRow: 1, rows: [['Date', 'Amount'], [45300, 1]] } };
    const compute = workerCompute({ spawn: () => fakeWorker(), fallback: inThread, yieldToUi: () => Promise.resolve() });
    const result = await compute.compute({ ...REQUEST, tables });
    expect(result).toEqual({ transport: 'worker', outcome: computeReports(tables, REQUEST.options, REQUEST.choices) });
    expect(result.outcome.ok).toBe(false);
  });

  test('an exception in the worker rejects with its message (a bug, not a data problem)', async () => {
    const compute = workerCompute({ spawn: () => fakeWorker(), fallback: inThread, yieldToUi: () => Promise.resolve() });
    // A fiscal start outside 1–12 is a programming error: the engine throws.
    await expect(compute.compute({ ...REQUEST, options: { fiscalStart: 13 as never } })).rejects.toThrow(/fiscal/i);
  });

  test('Cancel while the rows are posted: CancelledError and the worker terminated', async () => {
    const worker = fakeWorker();
    const compute = workerCompute({ spawn: () => worker, fallback: inThread, sliceCells: 1_000, yieldToUi: () => Promise.resolve() });
    const token = { cancelled: false };
    const run = compute.compute(REQUEST, () => (token.cancelled = true), token);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(worker.terminated).toBe(true);
    expect(worker.posted.filter((m) => m.type === 'rows')).toHaveLength(1);
    expect(worker.posted.some((m) => m.type === 'run')).toBe(false);
  });

  test('Cancel while the worker computes: CancelledError within the poll interval, worker terminated', async () => {
    const worker = fakeWorker('hang');
    const compute = workerCompute({ spawn: () => worker, fallback: inThread, pollMs: 5, yieldToUi: () => Promise.resolve() });
    const token = { cancelled: false };
    const run = compute.compute(REQUEST, undefined, token);
    setTimeout(() => (token.cancelled = true), 20);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(worker.terminated).toBe(true);
  });

  test('a worker that cannot load (blocked or missing file): the in-thread compute runs, now and for later runs', async () => {
    let spawned = 0;
    const fallback = counting(inThread);
    const logged: string[] = [];
    const compute = workerCompute({ spawn: () => (spawned++, fakeWorker('fail')), fallback, yieldToUi: () => Promise.resolve(), log: (m) => logged.push(m) });
    const first = await compute.compute(REQUEST);
    expect(first.transport).toBe('thread');
    expect(first.outcome).toEqual(computeReports(TABLES, REQUEST.options, REQUEST.choices));
    await compute.compute(REQUEST);
    expect({ spawned, fallbacks: fallback.calls, logged: logged.length }).toEqual({ spawned: 1, fallbacks: 2, logged: 1 });
  });

  test('no Worker at all (spawn throws): the in-thread compute', async () => {
    const compute = workerCompute({
      spawn: () => {
        throw new ReferenceError('Worker is not defined');
      },
      fallback: inThread,
    });
    await expect(compute.compute(REQUEST)).resolves.toMatchObject({ transport: 'thread', outcome: { ok: true } });
  });
});
