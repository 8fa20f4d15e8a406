import { decodeXmlText } from './xmlText';

const SLOTS = 1 << 14;
const MAX_LENGTH = 48;

/**
 * Decodes cell text like {@link decodeXmlText}, handing back the same string object for text
 * seen recently. Inline-string workbooks repeat accounts, managers, products and currencies on
 * every row; without this, a 1 M-row sheet holds ~4 M copies of a few thousand strings, which
 * costs memory and, above all, garbage-collector time (every one of them survives into the old
 * generation).
 *
 * A direct-mapped table: the slot is a hash of the bytes, a new text replaces the slot's old
 * one. Frequent values stay, unique ones (invoice numbers) pass through. Only short ASCII text
 * without entities or CRs is cached (its bytes are its characters); the rest is decoded as usual.
 * @example const cache = new TextCache(); cache.text(buf, s, e) === cache.text(buf, s, e) // true
 */
export class TextCache {
  private readonly table: (string | undefined)[] = Array.from({ length: SLOTS }, () => undefined);

  /** The text of the bytes `[start, end)` of character data. */
  text(buf: Buffer, start: number, end: number): string {
    const len = end - start;
    if (len > MAX_LENGTH || len === 0) return decodeXmlText(buf, start, end);
    // The slot from the length and the first and last bytes (where values of a column differ);
    // a hit is confirmed byte by byte, which also proves the text plain.
    let h = Math.imul(len, 0x9e3779b1) ^ (buf[start] as number);
    h = Math.imul(h ^ ((buf[end - 1] as number) << 8) ^ ((buf[end - 2 >= start ? end - 2 : start] as number) << 16), 0x85ebca6b);
    h ^= (buf[end - 3 >= start ? end - 3 : start] as number) << 4;
    h ^= (buf[end - 4 >= start ? end - 4 : start] as number) << 12;
    const slot = (h ^ (h >>> 13)) & (SLOTS - 1);
    const cached = this.table[slot] as string;
    if (cached !== undefined && cached.length === len) {
      let i = 0;
      while (i < len && cached.charCodeAt(i) === buf[start + i]) i++;
      if (i === len) return cached;
    }
    for (let i = start; i < end; i++) {
      const b = buf[i] as number;
      if (b === 0x26 || b === 0x0d || b >= 0x80) return decodeXmlText(buf, start, end);
    }
    // Plain ASCII (checked above): its bytes are its characters.
    const s = (buf as unknown as { latin1Slice(start: number, end: number): string }).latin1Slice(start, end);
    this.table[slot] = s;
    return s;
  }
}
