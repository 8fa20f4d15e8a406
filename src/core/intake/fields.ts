/** The fields of a transaction row (SPEC §1). */
export type Field = 'date' | 'account' | 'manager' | 'amount' | 'product' | 'currency' | 'id';

/**
 * Every field, in the order rows are checked: the first problem in this order is the one a
 * rejected row is reported with.
 */
export const FIELDS: readonly Field[] = ['date', 'account', 'manager', 'amount', 'currency', 'product', 'id'];

/** The fields without which a row is not a transaction. */
export const REQUIRED_FIELDS: readonly Field[] = ['date', 'account', 'manager', 'amount'];
