import { LANGUAGES, type SynonymTable } from './headerSynonyms';
import { headerKey, withoutTrailingNote } from './normaliseHeader';

/** The column a field was found in: its 0-based index in the row, and its header as found. */
export interface MappedColumn {
  readonly column: number;
  readonly header: string;
}

/** Every field of a table, with its column or `undefined` when the table has none. */
export type ColumnMapping<F extends string> = { readonly [K in F]: MappedColumn | undefined };

/** What a table's header must provide: its fields in order, which are required, their synonyms. */
export interface HeaderSpec<F extends string> {
  readonly fields: readonly F[];
  readonly required: readonly F[];
  readonly synonyms: SynonymTable<F>;
}

/**
 * Why a header row cannot be used, as a value (never thrown):
 * - `header.missing`: required fields have no column (`missing` lists them; `field` is the first);
 * - `mapping.notFound`: a user override names a header that is not in the row;
 * - `mapping.conflict`: two overrides name the same column.
 * The message names the field(s) and lists the headers found; hints about how to map a column
 * (CLI flag, task pane dropdown) are the front end's to add.
 */
export interface HeaderFailure<F extends string> {
  readonly ok: false;
  readonly code: 'header.missing' | 'mapping.notFound' | 'mapping.conflict';
  readonly field: F;
  readonly missing: readonly F[];
  readonly headersFound: readonly string[];
  readonly message: string;
}

/** A successful mapping of a header row. */
export interface MappedHeader<F extends string> {
  readonly ok: true;
  readonly mapping: ColumnMapping<F>;
}

interface SynonymEntry<F extends string> {
  readonly field: F;
  readonly rank: number;
}

const INDEXES = new WeakMap<object, Map<string, SynonymEntry<string>>>();

/** Folded synonym → field and priority, built once per table. */
function synonymIndex<F extends string>(synonyms: SynonymTable<F>): Map<string, SynonymEntry<F>> {
  let index = INDEXES.get(synonyms) as Map<string, SynonymEntry<F>> | undefined;
  if (index === undefined) {
    index = new Map();
    for (const field of Object.keys(synonyms) as F[]) {
      for (const language of LANGUAGES) {
        synonyms[field][language].forEach((synonym, rank) => {
          const key = headerKey(synonym);
          const known = index?.get(key);
          // The same word in two languages (German and Polish "netto") keeps its best rank.
          if (known === undefined || (known.field === field && rank < known.rank)) index?.set(key, { field, rank });
        });
      }
    }
    INDEXES.set(synonyms, index);
  }
  return index;
}

/** Passes of header matching: the header as it is, then without a trailing "(EUR)" note. */
const NOTE_PASS_PENALTY = 1_000_000;

/**
 * The field a header names and the priority of the match (lower is better), or `undefined`.
 * Whole-header match only: no substring guessing.
 */
function matchWithRank<F extends string>(header: string, synonyms: SynonymTable<F>): SynonymEntry<F> | undefined {
  const index = synonymIndex(synonyms);
  const exact = index.get(headerKey(header));
  if (exact !== undefined) return exact;
  const stripped = withoutTrailingNote(header);
  if (stripped === null) return undefined;
  const noted = index.get(headerKey(stripped));
  return noted === undefined ? undefined : { field: noted.field, rank: noted.rank + NOTE_PASS_PENALTY };
}

/**
 * The field a header names, or `undefined`: case-, accent- and whitespace-insensitive, `_ - .`
 * ignored, and a trailing note in parentheses or brackets tried without it.
 * @example matchHeader(' Menedżer  Konta ', HEADER_SYNONYMS) // 'manager'
 * @example matchHeader('Kwota [PLN]', HEADER_SYNONYMS) // 'amount'
 * @example matchHeader('Account Manager', HEADER_SYNONYMS) // 'manager' (not 'account')
 */
export function matchHeader<F extends string>(header: string, synonyms: SynonymTable<F>): F | undefined {
  return matchWithRank(header, synonyms)?.field;
}

/** Index of the header an override names: exact folded match first, then ignoring notes; leftmost. */
function findOverride(headers: readonly string[], wanted: string): number {
  const key = headerKey(wanted);
  if (key === '') return -1;
  const exact = headers.findIndex((h) => headerKey(h) === key);
  if (exact >= 0) return exact;
  return headers.findIndex((h) => {
    const stripped = withoutTrailingNote(h);
    return stripped !== null && headerKey(stripped) === key;
  });
}

/** "Date, Customer, Amount" (blank header cells left out), or "(none)". */
function listHeaders(headers: readonly string[]): string {
  return headers.length === 0 ? '(none)' : headers.join(', ');
}

/**
 * Maps a header row to fields (SPEC §1.1). User overrides (`overrides[field]` = the header
 * text, matched with the same folding) are applied first and take their column away from
 * automatic detection; every other field takes the column whose header is its synonym of
 * highest priority (ties: leftmost). Each column serves at most one field and each field at most
 * one column. Returns a {@link HeaderFailure} when a required field has no column or an override
 * cannot be applied.
 * @example mapColumns(['Date', 'Customer', 'Sales Rep', 'Amount (EUR)'], TRANSACTION_HEADERS).ok // true
 */
export function mapColumns<F extends string>(
  headers: readonly string[],
  spec: HeaderSpec<F>,
  overrides: Partial<Record<F, string>> = {},
): MappedHeader<F> | HeaderFailure<F> {
  const headersFound = headers.filter((h) => h !== '');
  const columnOf = new Map<F, number>();
  const fieldOf = new Map<number, F>();

  for (const field of spec.fields) {
    const wanted = overrides[field];
    if (wanted === undefined) continue;
    const column = findOverride(headers, wanted);
    if (column < 0) {
      return {
        ok: false,
        code: 'mapping.notFound',
        field,
        missing: [field],
        headersFound,
        message: `The column "${wanted}" chosen for "${field}" is not among the headers. Headers found: ${listHeaders(headersFound)}.`,
      };
    }
    const taken = fieldOf.get(column);
    if (taken !== undefined) {
      return {
        ok: false,
        code: 'mapping.conflict',
        field,
        missing: [field],
        headersFound,
        message: `The column "${headers[column] ?? ''}" is chosen for both "${taken}" and "${field}"; a column can hold only one field. Headers found: ${listHeaders(headersFound)}.`,
      };
    }
    columnOf.set(field, column);
    fieldOf.set(column, field);
  }

  // Automatic detection for the fields without an override, on the columns still free.
  const best = new Map<F, { column: number; rank: number }>();
  headers.forEach((header, column) => {
    if (header === '' || fieldOf.has(column)) return;
    const match = matchWithRank(header, spec.synonyms);
    if (match === undefined || columnOf.has(match.field)) return;
    const current = best.get(match.field);
    if (current === undefined || match.rank < current.rank) best.set(match.field, { column, rank: match.rank });
  });
  for (const [field, { column }] of best) columnOf.set(field, column);

  const missing = spec.required.filter((f) => !columnOf.has(f));
  const [first] = missing;
  if (first !== undefined) {
    const names = missing.map((f) => `"${f}"`).join(', ');
    return {
      ok: false,
      code: 'header.missing',
      field: first,
      missing,
      headersFound,
      message: `Missing required column${missing.length > 1 ? 's' : ''} ${names}. Headers found: ${listHeaders(headersFound)}.`,
    };
  }

  const mapping = {} as Record<F, MappedColumn | undefined>;
  for (const field of spec.fields) {
    const column = columnOf.get(field);
    mapping[field] = column === undefined ? undefined : { column, header: headers[column] ?? '' };
  }
  return { ok: true, mapping };
}
