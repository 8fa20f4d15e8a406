/**
 * Batches Office.js writes by payload: callers reserve the estimated request bytes of what
 * they are about to queue, and the batch syncs first whenever that would overflow the target.
 * So a whole report takes O(payload / limit) syncs, however many small calls it needs, and no
 * sync ever happens per row or per cell.
 */
import { throwIfCancelled, type CancelToken } from '../app/ports';
import type { PayloadBudget } from './planChunks';

/** JSON bytes of a call argument, as Office.js serializes it. */
export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : JSON.stringify(v).length;
}

/** Calls a batch may start with (`onBatchStart`): at most this many. */
const START_CALLS = 2;

export class WriteBatch {
  private pending = 0;
  private calls = 0;
  /** Syncs made (each carried at most the target's bytes, estimated). */
  syncs = 0;
  /** Estimated request bytes sent in all syncs. */
  sentBytes = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly budget: PayloadBudget,
    private readonly cancel: CancelToken | undefined,
    /** Queued at the start of every batch (e.g. suspending calculation until the next sync); returns its calls (≤ 2). */
    private readonly onBatchStart: () => number,
    /** Called after each sync. */
    private readonly onSynced: () => void,
  ) {}

  /**
   * Makes room for `calls` calls carrying `dataBytes` of arguments: syncs first when they would
   * not fit the current batch. Queue the calls right after.
   */
  async reserve(calls: number, dataBytes: number): Promise<void> {
    const bytes = calls * this.budget.callBytes + dataBytes;
    if (this.calls > 0 && this.pending + bytes > this.budget.targetBytes) await this.flush();
    if (this.calls === 0) this.pending += this.onBatchStart() * this.budget.callBytes;
    this.pending += bytes;
    this.calls += calls;
  }

  /**
   * Argument bytes that `calls` more calls may still carry in the current batch (a fresh
   * batch keeps room for its start calls).
   */
  room(calls: number): number {
    const start = this.calls === 0 ? START_CALLS : 0;
    return this.budget.targetBytes - this.pending - (calls + start) * this.budget.callBytes;
  }

  /** Syncs first when less than `bytes` of room is left, so blocks are not cut tiny. */
  async ensureRoom(bytes: number, calls: number): Promise<void> {
    if (this.room(calls) < bytes) await this.flush();
  }

  /** Sends what is queued (nothing when empty). Checks for cancellation first. */
  async flush(): Promise<void> {
    if (this.calls === 0) return;
    throwIfCancelled(this.cancel);
    await this.ctx.sync();
    this.syncs++;
    this.sentBytes += this.pending;
    this.pending = 0;
    this.calls = 0;
    this.onSynced();
  }
}
