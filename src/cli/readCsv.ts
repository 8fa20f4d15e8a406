import Papa from 'papaparse';
import type { Grid } from '../core/intake/cellValue';
import { InputError } from './inputError';

/**
 * The delimiter of a CSV text: whichever of tab, `;` and `,` occurs most often outside quotes in
 * the first non-blank line (the header). papaparse's own guess needs several rows and misses on
 * short files; a header line is the most reliable witness (`Datum;Betrag` vs `1.234,56`).
 * Ties go to `,`.
 * @example detectDelimiter('Datum;Betrag\n31.03.2026;"1.234,56"') // ';'
 */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!inQuotes && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
    if (ch.trim() !== '') seenContent = true;
  }
  let best = ',';
  for (const d of ['\t', ';']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

/**
 * Reads CSV text into a {@link Grid} of strings.
 *
 * The delimiter (`,` `;` or tab) is detected from the header line; a UTF-8 BOM is
 * dropped; quoted fields may hold newlines. Row numbers are record numbers (what a spreadsheet
 * shows when it opens the file), so a quoted newline does not shift the rows users look up.
 *
 * @example readCsvText('date,account\n2026-01-02,Acme\n', 'sales.csv').rows.length // 2
 */
export function readCsvText(text: string, fileName: string): Grid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { delimiter: detectDelimiter(body), skipEmptyLines: false });
  const rows = parsed.data;
  // papaparse yields one empty record for the final newline; it is not a row of the file.
  const last = rows[rows.length - 1];
  if (rows.length > 0 && last !== undefined && last.length === 1 && last[0] === '') rows.pop();
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal !== undefined) {
    throw new InputError(`${fileName}: row ${fatal.row === undefined ? '?' : fatal.row + 1}: ${fatal.message}.`);
  }
  return { sheet: fileName, firstRow: 1, rows };
}
