import { FIELDS, REQUIRED_FIELDS, type Field } from './fields';
import { HEADER_SYNONYMS } from './headerSynonyms';
import type { HeaderSpec } from './mapColumns';

/** The header of a transaction table: the seven fields, four of them required, and their synonyms. */
export const TRANSACTION_HEADERS: HeaderSpec<Field> = {
  fields: FIELDS,
  required: REQUIRED_FIELDS,
  synonyms: HEADER_SYNONYMS,
};
