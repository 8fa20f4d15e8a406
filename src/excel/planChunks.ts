/**
 * Chunk planning for Office.js reads and writes (OFFICE-JS.md §1): row blocks that keep every
 * request and response under the payload limit with a safety margin, and every read under
 * the 5,000,000-cell cap. Pure: no Office.js here, so the plans are tested as data.
 */

/** The limits a plan must respect. */
export interface PayloadBudget {
  /** Hard limit of one request or response (Excel on the web: 5 MB). */
  readonly limitBytes: number;
  /** What a planned request or response may fill: the limit minus a safety margin for estimation error. */
  readonly targetBytes: number;
  /** Cells one read may cover (5,000,000 on every platform). */
  readonly maxReadCells: number;
  /** Bytes of a request besides its data: object paths and calls (generous, per call). */
  readonly callBytes: number;
}

/** 5 MB limit (as 5,000,000 bytes, the stricter reading), 4 MB target, 5 M cells, 256 bytes per call. */
export const DEFAULT_BUDGET: PayloadBudget = {
  limitBytes: 5_000_000,
  targetBytes: 4_000_000,
  maxReadCells: 5_000_000,
  callBytes: 256,
};

/** A budget with some fields replaced; the target stays 80 % of the limit unless given. */
export function payloadBudget(overrides: Partial<PayloadBudget> = {}): PayloadBudget {
  const limitBytes = overrides.limitBytes ?? DEFAULT_BUDGET.limitBytes;
  const targetBytes = overrides.targetBytes ?? Math.floor(limitBytes * 0.8);
  if (!(targetBytes > 0 && targetBytes <= limitBytes)) throw new RangeError(`target ${targetBytes} must be in 1…${limitBytes}`);
  return {
    limitBytes,
    targetBytes,
    maxReadCells: overrides.maxReadCells ?? DEFAULT_BUDGET.maxReadCells,
    callBytes: overrides.callBytes ?? DEFAULT_BUDGET.callBytes,
  };
}

/** Rows `[start, start + count)` relative to the planned range. */
export interface RowChunk {
  readonly start: number;
  readonly count: number;
}

/**
 * Rows per read chunk for an estimated size per cell: as many as fit the target (less one
 * call's overhead) and the cell cap, at least one.
 * @example rowsPerChunk(4, 12.5) // 79994 (4,000,000 − 256 bytes / 50 bytes per row)
 */
export function rowsPerChunk(columns: number, bytesPerCell: number, budget: PayloadBudget = DEFAULT_BUDGET, maxRows = Infinity): number {
  if (!(columns >= 1) || !Number.isInteger(columns)) throw new RangeError(`columns must be a positive integer, got ${columns}`);
  if (!(bytesPerCell > 0)) throw new RangeError(`bytesPerCell must be positive, got ${bytesPerCell}`);
  const byBytes = Math.floor((budget.targetBytes - budget.callBytes) / (columns * bytesPerCell));
  const byCells = Math.floor(budget.maxReadCells / columns);
  return Math.max(1, Math.min(byBytes, byCells, maxRows));
}

export interface ChunkPlanInput {
  readonly rows: number;
  readonly columns: number;
  /** Measured JSON bytes per cell (from a sample chunk), row brackets and commas included. */
  readonly bytesPerCell: number;
  readonly budget?: PayloadBudget;
  /** Optional cap (e.g. Microsoft's 5k–20k rows starting point), Infinity by default. */
  readonly maxRowsPerChunk?: number;
}

export interface ChunkPlan {
  readonly rowsPerChunk: number;
  readonly chunks: readonly RowChunk[];
  /** Estimated payload of a full chunk, including the call overhead. */
  readonly bytesPerChunk: number;
}

/**
 * Row blocks covering `rows` rows, each within the budget for the estimate.
 * @example planChunks({ rows: 1_000_000, columns: 4, bytesPerCell: 12.5 }).chunks.length // 13
 */
export function planChunks(input: ChunkPlanInput): ChunkPlan {
  const budget = input.budget ?? DEFAULT_BUDGET;
  if (!Number.isInteger(input.rows) || input.rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${input.rows}`);
  const per = rowsPerChunk(input.columns, input.bytesPerCell, budget, input.maxRowsPerChunk);
  const chunks: RowChunk[] = [];
  for (let start = 0; start < input.rows; start += per) chunks.push({ start, count: Math.min(per, input.rows - start) });
  return { rowsPerChunk: per, chunks, bytesPerChunk: Math.ceil(per * input.columns * input.bytesPerCell) + budget.callBytes };
}

/**
 * JSON bytes per cell of a sample block (what Office.js sends for `values`), or undefined for
 * an empty sample.
 * @example bytesPerCell([[1, 'ab'], [22, 'c']]) // 4.75 (19 bytes / 4 cells)
 */
export function bytesPerCell(sample: readonly (readonly unknown[])[]): number | undefined {
  let cells = 0;
  for (const row of sample) cells += row.length;
  if (cells === 0) return undefined;
  return JSON.stringify(sample).length / cells;
}

/**
 * Greedy packing of consecutive rows of known size into blocks of at most `budgetBytes` —
 * incremental, so a writer can convert, measure and emit rows in one pass without holding a
 * whole sheet. A row larger than the budget gets a block of its own.
 */
export class RowPacker {
  private bytes = 0;
  private rows = 0;
  constructor(private readonly budgetBytes: number) {}

  /** True when a row of `bytes` must start a new block (the caller emits the current one first). */
  startsNewBlock(bytes: number): boolean {
    return this.rows > 0 && this.bytes + bytes > this.budgetBytes;
  }

  /** Adds a row to the current block (after emitting it, if {@link startsNewBlock} said so). */
  add(bytes: number): void {
    this.bytes += bytes;
    this.rows++;
  }

  /** Starts an empty block. */
  reset(): void {
    this.bytes = 0;
    this.rows = 0;
  }

  get blockBytes(): number {
    return this.bytes;
  }
}

/**
 * Packs consecutive rows of known size into blocks of at most `budgetBytes` (see {@link RowPacker}).
 * @example packRows([10, 10, 10, 30], 25) // [{start:0,count:2},{start:2,count:1},{start:3,count:1}]
 */
export function packRows(rowBytes: ArrayLike<number>, budgetBytes: number): RowChunk[] {
  const out: RowChunk[] = [];
  const packer = new RowPacker(budgetBytes);
  let start = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    const b = rowBytes[i] ?? 0;
    if (packer.startsNewBlock(b)) {
      out.push({ start, count: i - start });
      start = i;
      packer.reset();
    }
    packer.add(b);
  }
  if (rowBytes.length > start) out.push({ start, count: rowBytes.length - start });
  return out;
}

/**
 * The sync budget DESIGN.md §4 and issue 9 hold the adapter to: ⌈bytes / 4 MiB⌉ + 20 for a
 * read plus a write.
 * @example syncBound(50_000_000) // 32
 */
export function syncBound(payloadBytes: number, constant = 20): number {
  return Math.ceil(payloadBytes / (4 * 1024 * 1024)) + constant;
}
