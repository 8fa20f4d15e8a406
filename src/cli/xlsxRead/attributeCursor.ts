/**
 * Walks the attributes of a start tag in place — name and value as byte ranges — so the hot
 * path (a `<c r="B7" s="3" t="s">` per cell) allocates nothing. One cursor is reused for every
 * tag.
 */
export class AttributeCursor {
  /** Start of the current attribute's local name (after any `prefix:`). */
  nameStart = 0;
  nameEnd = 0;
  /** True when the name had a prefix (`r:id`). */
  prefixed = false;
  /** The raw value (entities not decoded), without its quotes. */
  valueStart = 0;
  valueEnd = 0;
  /** True when the raw value holds a `&` (an entity to decode). */
  hasEntity = false;
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private end = 0;

  /**
   * Starts on the attribute bytes of a tag.
   * @example cursor.reset(buf, attrStart, attrEnd); while (cursor.next()) { … }
   */
  reset(buf: Buffer, start: number, end: number): void {
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }

  /** Moves to the next attribute; false when there is none. */
  next(): boolean {
    const buf = this.buf;
    const end = this.end;
    let p = this.pos;
    while (p < end && isSpace(buf[p] as number)) p++;
    if (p >= end) return false;
    const ns = p;
    let local = p;
    while (p < end) {
      const b = buf[p] as number;
      if (b === 0x3d /* = */ || isSpace(b)) break;
      if (b === 0x3a /* : */) local = p + 1;
      p++;
    }
    this.nameStart = local;
    this.nameEnd = p;
    this.prefixed = local !== ns;
    while (p < end && buf[p] !== 0x3d) p++;
    p++;
    while (p < end && isSpace(buf[p] as number)) p++;
    const quote = buf[p];
    if (quote !== 0x22 && quote !== 0x27) {
      // Not well-formed; stop rather than guess.
      this.pos = end;
      return false;
    }
    const vs = p + 1;
    // A byte loop, not indexOf: values are a few bytes, shorter than the cost of a native call.
    let ve = vs;
    let amp = false;
    while (ve < end && buf[ve] !== quote) {
      if (buf[ve] === 0x26) amp = true;
      ve++;
    }
    this.hasEntity = amp;
    this.valueStart = vs;
    this.valueEnd = ve;
    this.pos = ve + 1;
    return true;
  }

  /** True when the current attribute's local name is the ASCII `name`. */
  is(name: string): boolean {
    const s = this.nameStart;
    if (this.nameEnd - s !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (this.buf[s + i] !== name.charCodeAt(i)) return false;
    return true;
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}
