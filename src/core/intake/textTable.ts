import type { CellValue, Grid } from './cellValue';

/**
 * A table whose every cell is text — what a CSV file holds — kept as the file's UTF-8 bytes and
 * the bounds of each field, so that a million rows need no million arrays of strings and no
 * string for the whole file (DESIGN.md §4). A {@link Grid} may carry one as `grid.text`; intake
 * then reads the fields straight from the bytes and makes a string only for a value it has not
 * seen before.
 *
 * Cell `(r, c)` is field `f = rowStart[r] + c` when `c < rowStart[r + 1] - rowStart[r]` (rows
 * may be ragged; a missing cell is empty). Its text is the UTF-8 decoding of
 * `bytes[fieldStart[f], fieldEnd[f])` (invalid sequences become U+FFFD, as in
 * `Buffer.toString`), except that in a field marked in `escaped` every doubled quote `""`
 * stands for one `"`.
 */
export interface TextTable {
  readonly bytes: Uint8Array;
  readonly rowCount: number;
  /** Length `rowCount + 1`: the fields of row r are `rowStart[r]` … `rowStart[r + 1] - 1`. */
  readonly rowStart: Int32Array;
  readonly fieldStart: Int32Array;
  readonly fieldEnd: Int32Array;
  /** 1 for a field whose text has doubled quotes to read as one. */
  readonly escaped: Uint8Array;
}

const DOUBLED_QUOTE = /""/g;
// Made on first use (some test environments have no TextDecoder and never need one). ignoreBOM:
// a field that starts with U+FEFF keeps it, as a whole-file decode would.
let utf8: TextDecoder | undefined;

/**
 * The text of UTF-8 bytes `[start, end)`: short ASCII runs (names, codes, numbers) without the
 * decoder's call overhead, anything else through `TextDecoder`.
 * @example decodeUtf8(new TextEncoder().encode('Müller'), 0, 7) // 'Müller'
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if ((bytes[i] as number) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  utf8 ??= new TextDecoder('utf-8', { ignoreBOM: true });
  return utf8.decode(bytes.subarray(start, end));
}

/**
 * The text of field `f`.
 * @example fieldText(table, table.rowStart[1]) // first cell of the second row
 */
export function fieldText(table: TextTable, f: number): string {
  const text = decodeUtf8(table.bytes, table.fieldStart[f] ?? 0, table.fieldEnd[f] ?? 0);
  return table.escaped[f] === 1 ? text.replace(DOUBLED_QUOTE, '"') : text;
}

/**
 * Row `r` of a text table as cells (a new array of strings, ragged like the source).
 * @example textRow(table, 0) // ['date', 'account', 'manager', 'amount']
 */
export function textRow(table: TextTable, r: number): string[] {
  const from = table.rowStart[r] ?? 0;
  const to = table.rowStart[r + 1] ?? from;
  const cells = new Array<string>(to - from);
  for (let f = from; f < to; f++) cells[f - from] = fieldText(table, f);
  return cells;
}

const indexOf = (key: string | symbol, length: number): number => {
  if (typeof key !== 'string') return -1;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < length && String(n) === key ? n : -1;
};

/**
 * The rows of a text table as a read-only array whose rows are made when they are read: `length`
 * and `rows[i]` cost one row, not the table, so code that looks at a few rows (header detection,
 * the first non-blank row) stays cheap, and code that walks every row still sees ordinary arrays.
 * It behaves as a frozen array (indexing, iteration, array methods, `Object.keys`, equality in
 * tests); writes are refused.
 */
export function lazyRows(table: TextTable): readonly (readonly CellValue[])[] {
  const length = table.rowCount;
  const handler: ProxyHandler<CellValue[][]> = {
    get(target, key, receiver) {
      if (key === 'length') return length;
      const r = indexOf(key, length);
      return r >= 0 ? textRow(table, r) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      return indexOf(key, length) >= 0 || Reflect.has(target, key);
    },
    ownKeys() {
      const keys: string[] = [];
      for (let r = 0; r < length; r++) keys.push(String(r));
      keys.push('length');
      return keys;
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      const r = indexOf(key, length);
      if (r >= 0) return { value: textRow(table, r), writable: false, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  return new Proxy<CellValue[][]>([], handler);
}

/**
 * A {@link Grid} over a text table: `rows` made lazily ({@link lazyRows}), `text` for intake's
 * fast path.
 * @example textGrid('sales.csv', 1, table).rows[0] // the header cells
 */
export function textGrid(sheet: string, firstRow: number, table: TextTable): Grid {
  return { sheet, firstRow, rows: lazyRows(table), text: table };
}
