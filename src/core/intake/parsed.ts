import { englishReason, type IssueMessage } from '../issues/messages';

/**
 * Why a value was refused: a stable machine `code`, the `message` (sentence key and values, which
 * the reports translate) and its `reason` in plain English words.
 */
export interface Rejection {
  readonly code: string;
  readonly reason: string;
  readonly message: IssueMessage;
}

/**
 * The result of a value parser: the value, or why there is none. Parsers never throw on cell
 * content; a refused value becomes an issue, not an exception.
 */
export type Parsed<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Rejection);

const NONE: IssueMessage = { key: 'value.notANumber', params: {} };

/**
 * A reusable, mutable record of why a value was refused, which the allocation-free `read*`
 * functions fill in, so the hot loop over a million rows creates no result objects. The English
 * reason is made from `message` only when an issue is recorded.
 * @internal
 */
export interface RejectionSlot {
  code: string;
  message: IssueMessage;
}

/**
 * A fresh, empty {@link RejectionSlot}.
 * @example const slot = rejectionSlot(); // { code: '', message: … }
 * @internal
 */
export function rejectionSlot(): RejectionSlot {
  return { code: '', message: NONE };
}

/**
 * Fills the slot and returns `failed`, so a reader can `return refuse(slot, …, NaN)` in one line.
 * @example refuse(slot, 'amount.dash', issueMessage('amount.dash'), NaN) // NaN, slot filled
 * @internal
 */
export function refuse<T>(slot: RejectionSlot, code: string, message: IssueMessage, failed: T): T {
  slot.code = code;
  slot.message = message;
  return failed;
}

/**
 * Turns a reader's output into a {@link Parsed} value (for the public, one-value parsers).
 * @example toParsed(101, false, slot) // { ok: true, value: 101 }
 * @internal
 */
export function toParsed<T>(value: T, failed: boolean, slot: RejectionSlot): Parsed<T> {
  return failed ? { ok: false, code: slot.code, reason: englishReason(slot.message), message: slot.message } : { ok: true, value };
}
