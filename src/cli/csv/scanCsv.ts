import type { TextTable } from '../../core/intake/textTable';

/** A quoting error: the 0-based record it is in and what is wrong (papaparse's wording). */
export interface CsvSyntaxError {
  readonly record: number;
  readonly message: string;
}

/** The outcome of {@link scanCsv}. */
export type CsvScan = { readonly ok: true; readonly table: TextTable } | { readonly ok: false; readonly error: CsvSyntaxError };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The length in bytes of the character at `i` when it is whitespace that `String.prototype.trim`
 * removes (ASCII tab to carriage return and space; U+00A0, U+1680, U+2000–U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000, U+FEFF in UTF-8), else 0.
 */
function trimSpaceLength(bytes: Uint8Array, i: number): number {
  const c = bytes[i] as number;
  if (c === 32 || (c >= 9 && c <= 13)) return 1;
  if (c < 0xc2) return 0;
  const c1 = bytes[i + 1];
  if (c === 0xc2) return c1 === 0xa0 ? 2 : 0;
  const c2 = bytes[i + 2];
  if (c === 0xe1) return c1 === 0x9a && c2 === 0x80 ? 3 : 0;
  if (c === 0xe2) {
    if (c1 === 0x80) return c2 !== undefined && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf) ? 3 : 0;
    return c1 === 0x81 && c2 === 0x9f ? 3 : 0;
  }
  if (c === 0xe3) return c1 === 0x80 && c2 === 0x80 ? 3 : 0;
  if (c === 0xef) return c1 === 0xbb && c2 === 0xbf ? 3 : 0;
  return 0;
}

/**
 * Splits CSV (UTF-8 bytes) into records and fields in one pass, without making a string per
 * field: the result is a {@link TextTable} of field bounds into `bytes`.
 *
 * The dialect is RFC 4180 as spreadsheets write it, and what papaparse (which the CLI used
 * before) reads: fields are separated by `delimiter`; a record ends at `\r\n`, `\n` or `\r`; a
 * field that starts with `"` is quoted — it may hold delimiters and line breaks, `""` inside it
 * is one `"`, and only whitespace may follow its closing quote before the next delimiter or
 * line break; a `"` anywhere else is an ordinary character. Every line is a record, blank lines
 * too (as one empty field), so record numbers are the rows a spreadsheet shows; the empty
 * record after a final line break is not one, nor is a last record of one empty field.
 *
 * Where it differs from papaparse: papaparse takes the line-break style of the first lines for
 * the whole file, so in a file that mixes styles it keeps the others inside fields; here every
 * line break ends a record, as in Excel and LibreOffice. And whitespace after a closing quote
 * at the very end of the file is allowed here.
 *
 * @param delimiter an ASCII delimiter (`,` `;` or tab)
 * @param from where to start (3 to skip a UTF-8 byte-order mark)
 * @returns the table, or the first quoting error: a quoted field without its closing quote
 *   ("Quoted field unterminated") or with something other than whitespace after it ("Trailing
 *   quote on quoted field is malformed")
 * @example scanCsv(new TextEncoder().encode('a,b\n1,"x, y"\n'), ',') // 2 records; field (1, 1) is `x, y`
 */
export function scanCsv(bytes: Uint8Array, delimiter: string, from = 0): CsvScan {
  const d = delimiter.charCodeAt(0);
  const n = bytes.length;
  // Room for a field every 8 bytes fits typical exports without growing; else grow by doubling.
  let fieldCapacity = Math.max(64, n >> 3);
  let fieldStart: Int32Array = new Int32Array(fieldCapacity);
  let fieldEnd: Int32Array = new Int32Array(fieldCapacity);
  let escaped: Uint8Array = new Uint8Array(fieldCapacity);
  let rowCapacity = Math.max(16, n >> 5);
  let rowStart: Int32Array = new Int32Array(rowCapacity + 1);
  let f = 0;
  let r = 0;
  let i = from;

  for (;;) {
    if (f === fieldCapacity) {
      fieldCapacity *= 2;
      fieldStart = grown(fieldStart, fieldCapacity);
      fieldEnd = grown(fieldEnd, fieldCapacity);
      const bigger = new Uint8Array(fieldCapacity);
      bigger.set(escaped);
      escaped = bigger;
    }
    if (i < n && bytes[i] === QUOTE) {
      const start = i + 1;
      let j = start;
      let doubled = 0;
      for (;;) {
        j = bytes.indexOf(QUOTE, j);
        if (j < 0) return { ok: false, error: { record: r, message: 'Quoted field unterminated' } };
        if (bytes[j + 1] !== QUOTE) break;
        doubled = 1;
        j += 2;
      }
      fieldStart[f] = start;
      fieldEnd[f] = j;
      escaped[f] = doubled;
      f++;
      i = j + 1;
      while (i < n) {
        const c = bytes[i] as number;
        if (c === d || c === LF || c === CR) break;
        const space = trimSpaceLength(bytes, i);
        if (space === 0) return { ok: false, error: { record: r, message: 'Trailing quote on quoted field is malformed' } };
        i += space;
      }
    } else {
      const start = i;
      i = endOfField(bytes, i, n, d);
      fieldStart[f] = start;
      fieldEnd[f] = i;
      f++;
    }
    if (i >= n) break;
    const c = bytes[i];
    if (c === d) {
      i++;
      continue;
    }
    i += c === CR && bytes[i + 1] === LF ? 2 : 1;
    r++;
    if (r === rowCapacity) {
      rowCapacity *= 2;
      rowStart = grown(rowStart, rowCapacity + 1);
    }
    rowStart[r] = f;
  }
  r++;
  rowStart[r] = f;
  // The last record is one empty field after a final line break (or an empty text): not a row.
  if (rowStart[r - 1] === f - 1 && fieldStart[f - 1] === fieldEnd[f - 1]) {
    r--;
    f--;
  }
  const table: TextTable = {
    bytes,
    rowCount: r,
    rowStart: rowStart.subarray(0, r + 1),
    fieldStart: fieldStart.subarray(0, f),
    fieldEnd: fieldEnd.subarray(0, f),
    escaped: escaped.subarray(0, f),
  };
  return { ok: true, table };
}

/** Where the unquoted field from `i` ends: the next delimiter or line break, or `n`. */
function endOfField(bytes: Uint8Array, i: number, n: number, d: number): number {
  while (i < n) {
    const c = bytes[i] as number;
    if (c === d || c === LF || c === CR) return i;
    i++;
  }
  return n;
}

function grown(a: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(a);
  return bigger;
}
