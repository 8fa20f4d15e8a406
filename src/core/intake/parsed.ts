/**
 * Why a value was refused: a stable machine `code` (the message catalog is keyed by it) and a
 * `reason` in plain English words for the Data Issues sheet.
 */
export interface Rejection {
  readonly code: string;
  readonly reason: string;
}

/**
 * The result of a value parser: the value, or why there is none. Parsers never throw on cell
 * content; a refused value becomes an issue, not an exception.
 */
export type Parsed<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Rejection);

/**
 * A reusable, mutable {@link Rejection} that the allocation-free `read*` functions fill in when
 * they refuse a value, so the hot loop over a million rows creates no result objects.
 * @internal
 */
export interface RejectionSlot {
  code: string;
  reason: string;
}

/**
 * A fresh, empty {@link RejectionSlot}.
 * @example const slot = rejectionSlot(); // { code: '', reason: '' }
 * @internal
 */
export function rejectionSlot(): RejectionSlot {
  return { code: '', reason: '' };
}

/**
 * Fills the slot and returns `failed`, so a reader can `return refuse(slot, …, NaN)` in one line.
 * @example refuse(slot, 'amount.dash', 'a dash is not an amount', NaN) // NaN, slot filled
 * @internal
 */
export function refuse<T>(slot: RejectionSlot, code: string, reason: string, failed: T): T {
  slot.code = code;
  slot.reason = reason;
  return failed;
}

/**
 * Turns a reader's output into a {@link Parsed} value (for the public, one-value parsers).
 * @example toParsed(101, false, slot) // { ok: true, value: 101 }
 * @internal
 */
export function toParsed<T>(value: T, failed: boolean, slot: RejectionSlot): Parsed<T> {
  return failed ? { ok: false, code: slot.code, reason: slot.reason } : { ok: true, value };
}
