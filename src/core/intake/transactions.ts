/**
 * Accepted transactions in columnar form: typed arrays filled in one pass, strings interned to
 * small integers so every aggregate is a tight loop (DESIGN.md §4).
 */
export interface Transactions {
  readonly count: number;
  /** Day number (Excel 1900 serial semantics, see `periods/dayNumber`). */
  readonly date: Int32Array;
  /** Amount in cents of the reporting currency (integer-valued), after FX conversion. */
  readonly amount: Float64Array;
  /** Index into {@link Transactions.accounts}. */
  readonly account: Int32Array;
  /** Index into {@link Transactions.managers}. */
  readonly manager: Int32Array;
  /** Index into {@link Transactions.products}, or -1 when the row has no product. */
  readonly product: Int32Array;
  /** 1-based sheet row number the transaction came from. */
  readonly row: Int32Array;
  readonly accounts: readonly string[];
  readonly managers: readonly string[];
  readonly products: readonly string[];
}
