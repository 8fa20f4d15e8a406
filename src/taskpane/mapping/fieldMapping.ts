import { REQUIRED_FIELDS, type Field } from '../../core/intake/fields';
import { mapColumns, type ColumnMapping } from '../../core/intake/mapColumns';
import { TRANSACTION_HEADERS } from '../../core/intake/transactionHeaders';

/** Field → the column of the header row it is read from (`undefined`: not used / not found). */
export type FieldMapping = ColumnMapping<Field>;

/** The fields in the order the pane lists them: required first, as SPEC §1 does. */
export const PANE_FIELDS: readonly Field[] = ['date', 'account', 'manager', 'amount', 'product', 'currency', 'id'];

/** True for date, account, manager and amount. */
export function isRequiredField(field: Field): boolean {
  return REQUIRED_FIELDS.includes(field);
}

/**
 * The mapping the engine would detect for a header row (core `mapColumns`, SPEC §1.1), with
 * missing fields left `undefined` instead of failing, so the pane can show what is missing.
 * @example detectMapping(['Date', 'Customer', 'Owner', 'Amount']).amount // { column: 3, header: 'Amount' }
 */
export function detectMapping(headers: readonly string[]): FieldMapping {
  const result = mapColumns(headers, { ...TRANSACTION_HEADERS, required: [] });
  if (result.ok) return result.mapping;
  // Unreachable: without required fields and overrides mapColumns cannot fail.
  return emptyMapping();
}

/** A mapping with no field mapped. */
export function emptyMapping(): FieldMapping {
  return { date: undefined, account: undefined, manager: undefined, amount: undefined, product: undefined, currency: undefined, id: undefined };
}

/**
 * Maps `field` to `column` (or to nothing). A column serves one field only, so a field that
 * had that column loses it: the user moves a column, and a required field left without one is
 * reported as missing.
 * @example assignColumn(m, headers, 'date', 2) // date → column 2; whoever had column 2 → undefined
 */
export function assignColumn(
  mapping: FieldMapping,
  headers: readonly string[],
  field: Field,
  column: number | undefined,
): FieldMapping {
  const next: Record<Field, FieldMapping[Field]> = { ...mapping };
  if (column === undefined || column < 0 || column >= headers.length) {
    next[field] = undefined;
    return next;
  }
  for (const other of PANE_FIELDS) {
    if (other !== field && next[other]?.column === column) next[other] = undefined;
  }
  next[field] = { column, header: headers[column] ?? '' };
  return next;
}

/** The required fields without a column, in SPEC order. */
export function missingRequired(mapping: FieldMapping): Field[] {
  return REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
}

/**
 * The mapping as the engine's header overrides (`RunOptions.mapping`, CLI `--map`): the header
 * text of every mapped field, so intake reads exactly the columns the pane shows.
 * @example mappingOverrides(detectMapping(['Datum', 'Kunde'])) // { date: 'Datum', account: 'Kunde' }
 */
export function mappingOverrides(mapping: FieldMapping): Partial<Record<Field, string>> {
  const overrides: Partial<Record<Field, string>> = {};
  for (const field of PANE_FIELDS) {
    const m = mapping[field];
    if (m !== undefined && m.header.trim() !== '') overrides[field] = m.header;
  }
  return overrides;
}
