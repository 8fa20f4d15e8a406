import type { Grid } from '../core/intake/cellValue';
import { decodeUtf8, textGrid, textRow } from '../core/intake/textTable';
import { scanCsv } from './csv/scanCsv';
import { InputError } from './inputError';
import { measurePhase } from './timings';

/** Where the header line of a CSV text ends, and the delimiter it shows. */
interface HeaderLine {
  readonly delimiter: string;
  /** False when the text ended before the first non-blank line did. */
  readonly complete: boolean;
}

function readHeaderLine(text: string): HeaderLine {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let seenContent = false;
  let complete = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) {
        complete = true;
        break;
      }
    } else if (!inQuotes && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
    if (ch.trim() !== '') seenContent = true;
  }
  let best = ',';
  for (const d of ['\t', ';']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return { delimiter: best, complete };
}

/**
 * The delimiter of a CSV text: whichever of tab, `;` and `,` occurs most often outside quotes in
 * the first non-blank line (the header). papaparse's own guess needs several rows and misses on
 * short files; a header line is the most reliable witness (`Datum;Betrag` vs `1.234,56`).
 * Ties go to `,`.
 * @example detectDelimiter('Datum;Betrag\n31.03.2026;"1.234,56"') // ';'
 */
export function detectDelimiter(text: string): string {
  return readHeaderLine(text).delimiter;
}

/** {@link detectDelimiter} of UTF-8 bytes from `from`, decoding only as much as the header line needs. */
function detectDelimiterOfBytes(bytes: Uint8Array, from: number): string {
  for (let size = 64 * 1024; ; size *= 4) {
    const end = Math.min(bytes.length, from + size);
    const line = readHeaderLine(decodeUtf8(bytes, from, end));
    if (line.complete || end === bytes.length) return line.delimiter;
  }
}

/** Options of {@link readCsvBytes}. */
export interface CsvReadOptions {
  /**
   * Tables of at least this many rows come as a text table (`grid.text`, rows made on demand);
   * smaller ones as plain arrays of strings. Default {@link COLUMNAR_FROM_ROWS}.
   */
  readonly columnarFromRows?: number;
}

/**
 * From this many rows a CSV grid is columnar: below it, arrays of strings cost little and every
 * consumer of a grid reads them directly; above it, intake reads the file's bytes itself.
 */
export const COLUMNAR_FROM_ROWS = 10_000;

/**
 * Reads a CSV file's bytes (UTF-8, with or without a byte-order mark) into a {@link Grid} of
 * strings.
 *
 * The delimiter (`,` `;` or tab) is detected from the header line; quoted fields may hold
 * newlines. Row numbers are record numbers (what a spreadsheet shows when it opens the file),
 * so a quoted newline does not shift the rows users look up. The bytes are split by
 * {@link scanCsv} in one pass; a large file becomes a columnar grid (`grid.text`, see
 * {@link CsvReadOptions}) that intake reads without a string per cell, with the same cells in
 * `grid.rows`.
 *
 * @throws InputError for a quoting error, naming the file and row
 * @example readCsvBytes(readFileSync('sales.csv'), 'sales.csv').rows[0] // the header cells
 */
export function readCsvBytes(bytes: Uint8Array, fileName: string, options: CsvReadOptions = {}): Grid {
  const started = performance.now();
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const scan = scanCsv(bytes, detectDelimiterOfBytes(bytes, from), from);
  if (!scan.ok) throw new InputError(`${fileName}: row ${scan.error.record + 1}: ${scan.error.message}.`);
  const { table } = scan;
  const grid: Grid =
    table.rowCount >= (options.columnarFromRows ?? COLUMNAR_FROM_ROWS)
      ? textGrid(fileName, 1, table)
      : { sheet: fileName, firstRow: 1, rows: Array.from({ length: table.rowCount }, (_, r) => textRow(table, r)) };
  measurePhase('parse', started);
  return grid;
}

/**
 * {@link readCsvBytes} of a text (encoded as UTF-8 first; a leading U+FEFF is a byte-order mark).
 * @example readCsvText('date,account\n2026-01-02,Acme\n', 'sales.csv').rows.length // 2
 */
export function readCsvText(text: string, fileName: string, options: CsvReadOptions = {}): Grid {
  return readCsvBytes(new TextEncoder().encode(text), fileName, options);
}
