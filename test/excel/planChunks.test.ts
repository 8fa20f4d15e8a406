import { DEFAULT_BUDGET, bytesPerCell, packRows, payloadBudget, planChunks, rowsPerChunk, syncBound } from '../../src/excel/planChunks';

describe('rowsPerChunk', () => {
  test.each([
    // columns, bytes per cell, budget, expected rows
    [4, 12.5, DEFAULT_BUDGET, 79994],
    [4, 64, DEFAULT_BUDGET, 15624],
    [1, 1, DEFAULT_BUDGET, 3999744], // bytes allow ~4 M rows of one tiny cell …
    [1, 0.5, DEFAULT_BUDGET, 5_000_000], // … the 5 M-cell read cap stops a smaller one
    [16384, 10, DEFAULT_BUDGET, 24],
    [100, 100_000, DEFAULT_BUDGET, 1], // a row over the budget still gets a chunk of its own
    [4, 12.5, payloadBudget({ limitBytes: 20_000 }), 314], // (16,000 − 256) / 50
    [4, 12.5, payloadBudget({ maxReadCells: 1000 }), 250],
  ])('%i columns × %f bytes → %i rows', (columns, bpc, budget, expected) => {
    expect(rowsPerChunk(columns, bpc, budget)).toBe(expected);
  });

  test('maxRows caps the chunk', () => {
    expect(rowsPerChunk(4, 12.5, DEFAULT_BUDGET, 20_000)).toBe(20_000);
  });

  test.each([
    [0, 10],
    [1.5, 10],
    [4, 0],
    [4, -1],
    [4, Number.NaN],
  ])('rejects columns %f / bytes per cell %f', (c, b) => {
    expect(() => rowsPerChunk(c, b)).toThrow(RangeError);
  });
});

describe('planChunks', () => {
  test.each([
    // rows, columns, bytes/cell, chunks, rows per chunk, last chunk rows
    [1_000_000, 4, 12.5, 13, 79994, 1_000_000 - 12 * 79994],
    [100_000, 4, 12.5, 2, 79994, 100_000 - 79994],
    [79994, 4, 12.5, 1, 79994, 79994],
    [1, 4, 12.5, 1, 79994, 1],
    [0, 4, 12.5, 0, 79994, 0],
    [1_048_576, 5, 1, 2, 799948, 1_048_576 - 799948],
  ])('%i rows × %i columns at %f bytes → %i chunks', (rows, columns, bpc, count, per, last) => {
    const plan = planChunks({ rows, columns, bytesPerCell: bpc });
    expect(plan.chunks).toHaveLength(count);
    expect(plan.rowsPerChunk).toBe(per);
    if (count > 0) expect(plan.chunks.at(-1)?.count).toBe(last);
  });

  test('chunks are contiguous, cover every row once, and each stays within target and cell cap', () => {
    for (const [rows, columns, bpc] of [
      [1_000_000, 4, 12.5],
      [333_333, 7, 23.7],
      [1_048_575, 30, 9],
      [10, 16384, 40],
    ] as const) {
      const plan = planChunks({ rows, columns, bytesPerCell: bpc });
      let next = 0;
      for (const c of plan.chunks) {
        expect(c.start).toBe(next);
        next += c.count;
        expect(c.count * columns).toBeLessThanOrEqual(DEFAULT_BUDGET.maxReadCells);
        if (c.count > 1) expect(c.count * columns * bpc + DEFAULT_BUDGET.callBytes).toBeLessThanOrEqual(DEFAULT_BUDGET.targetBytes);
      }
      expect(next).toBe(rows);
      expect(plan.bytesPerChunk).toBeLessThanOrEqual(DEFAULT_BUDGET.targetBytes);
    }
  });

  test('the 1 M-row plan meets the sync bound with room for the constant part', () => {
    const bpc = 12.5;
    const plan = planChunks({ rows: 1_000_000, columns: 4, bytesPerCell: bpc });
    expect(plan.chunks.length).toBeLessThanOrEqual(Math.ceil((1_000_000 * 4 * bpc) / (4 * 1024 * 1024)) + 2);
  });

  test('rejects a negative or fractional row count', () => {
    expect(() => planChunks({ rows: -1, columns: 1, bytesPerCell: 1 })).toThrow(RangeError);
    expect(() => planChunks({ rows: 1.5, columns: 1, bytesPerCell: 1 })).toThrow(RangeError);
  });
});

describe('payloadBudget', () => {
  test('keeps the target at 80 % of a lowered limit unless given', () => {
    expect(payloadBudget({ limitBytes: 10_000 })).toEqual({ limitBytes: 10_000, targetBytes: 8000, maxReadCells: 5_000_000, callBytes: 256 });
    expect(payloadBudget({ limitBytes: 10_000, targetBytes: 9000 }).targetBytes).toBe(9000);
    expect(() => payloadBudget({ limitBytes: 10_000, targetBytes: 20_000 })).toThrow(RangeError);
  });
});

describe('bytesPerCell', () => {
  test.each([
    [[[1, 'ab'], [22, 'c']], 4.75],
    [[['']], 6],
    [[], undefined],
    [[[]], undefined],
  ])('%j → %p', (sample, expected) => {
    expect(bytesPerCell(sample)).toBe(expected);
  });
});

describe('packRows', () => {
  test.each([
    [[10, 10, 10, 30], 25, [[0, 2], [2, 1], [3, 1]]],
    [[10, 10, 10], 30, [[0, 3]]],
    [[50, 1, 1], 10, [[0, 1], [1, 2]]],
    [[], 10, []],
  ])('%j within %i → %j', (rows, budget, expected) => {
    expect(packRows(rows, budget).map((c) => [c.start, c.count])).toEqual(expected);
  });
});

describe('syncBound', () => {
  test.each([
    [0, 20],
    [1, 21],
    [4 * 1024 * 1024, 21],
    [4 * 1024 * 1024 + 1, 22],
    [50_000_000, 32],
  ])('%i bytes → %i syncs', (bytes, expected) => {
    expect(syncBound(bytes)).toBe(expected);
  });
});
