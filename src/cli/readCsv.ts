import Papa from 'papaparse';
import type { Grid } from '../core/intake/cellValue';
import { InputError } from './inputError';

/**
 * Reads CSV text into a {@link Grid} of strings.
 *
 * The delimiter (`,` `;` or tab) is detected by papaparse from the first rows; a UTF-8 BOM is
 * dropped; quoted fields may hold newlines. Row numbers are record numbers (what a spreadsheet
 * shows when it opens the file), so a quoted newline does not shift the rows users look up.
 *
 * @example readCsvText('date,account\n2026-01-02,Acme\n', 'sales.csv').rows.length // 2
 */
export function readCsvText(text: string, fileName: string): Grid {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  });
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
