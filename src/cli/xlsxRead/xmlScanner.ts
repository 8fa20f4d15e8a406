/**
 * A minimal, non-validating XML tokenizer over byte chunks, for the parts of an .xlsx: start
 * tags, end tags and text, with names and text handed over as byte ranges of the current buffer
 * so that the sheet reader decodes only what it keeps.
 *
 * Why not saxes (what exceljs uses): saxes decodes every character into JS strings and builds an
 * attribute object for every tag; for a 1 M-row sheet that is ~35 M objects and most of the 30 s
 * that exceljs takes. Here the inner loop is `Buffer.indexOf('<')` (native memchr) and a short
 * byte loop per tag.
 *
 * Element names are reported without their namespace prefix (`x:c` is `c`), which is how the
 * SpreadsheetML parts are meant to be read. A token cut by a chunk boundary is carried over to
 * the next chunk, so handlers always see a whole tag and a whole text run (text is cut only by
 * comments or CDATA sections, as in any SAX parser). Comments, processing instructions and
 * DOCTYPE are skipped; CDATA content is reported as text that has no entities to decode.
 */

/** Receives the tokens of a {@link XmlScanner}; every range is `[start, end)` in `buf`. */
export interface XmlHandler {
  /**
   * A start tag: local name in `[nameStart, nameEnd)`, attributes (raw) in `[attrStart, attrEnd)`;
   * `buf[attrEnd]` is `/` for an empty-element tag, else `>`. Returns -1, or — when the handler
   * read some of the element's content itself (the sheet reader's fast paths) — the position it
   * read up to: the scanner goes on from there, and sends no `close` for this tag (the handler
   * either read the end tag too, or the scanner will find it later in the content).
   */
  open(buf: Buffer, nameStart: number, nameEnd: number, attrStart: number, attrEnd: number): number;
  /** An end tag, or the end of an empty-element tag (`<c/>` gives `open` then `close`). */
  close(buf: Buffer, nameStart: number, nameEnd: number): void;
  /** Character data: raw bytes (entities not decoded) unless `cdata`. Never empty. */
  text(buf: Buffer, start: number, end: number, cdata: boolean): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

/** An XML scanner over chunks; see {@link XmlScanner}. */
export interface XmlChunkScanner {
  write(chunk: Buffer): void;
  end(): void;
}

/** The scanner class, as made by {@link freshXmlScanner}. */
export type XmlScannerClass = new (handler: XmlHandler) => XmlChunkScanner;

function defineXmlScanner(): XmlScannerClass {
  return class XmlScanner {
    private carry: Buffer | null = null;
    private started = false;

    constructor(private readonly handler: XmlHandler) {}

    /** Scans a chunk; an incomplete token at its end waits for the next chunk. */
    write(chunk: Buffer): void {
      let buf = chunk;
      let pos = 0;
      if (this.carry !== null) {
        // Join the carried token with only the head of the chunk that completes it (up to the
        // first '>'), rather than copying the whole chunk: most of the time that is enough.
        const carry = this.carry;
        this.carry = null;
        const gt = chunk.indexOf(GT);
        if (gt >= 0 && this.started) {
          const head = Buffer.concat([carry, chunk.subarray(0, gt + 1)]);
          const consumed = this.scan(head, 0, false);
          if (consumed === head.length) pos = gt + 1;
          else buf = Buffer.concat([head.subarray(consumed), chunk.subarray(gt + 1)]);
        } else buf = Buffer.concat([carry, chunk]);
      }
      if (!this.started) {
        if (buf.length < 3) {
          this.carry = Buffer.from(buf);
          return;
        }
        this.started = true;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
        else if ((buf[0] === 0xfe && buf[1] === 0xff) || (buf[0] === 0xff && buf[1] === 0xfe)) throw new Error('UTF-16 XML is not supported');
      }
      const consumed = this.scan(buf, pos, false);
      // Copied so that the (large) chunk it came from can be collected.
      if (consumed < buf.length) this.carry = Buffer.from(buf.subarray(consumed));
    }

    /** Ends the input: a token still incomplete is an error. */
    end(): void {
      const rest = this.carry;
      this.carry = null;
      if (rest !== null && rest.length > 0) this.scan(rest, 0, true);
    }

    /** Scans `buf` from `pos`; returns where the first incomplete token begins (or the length). */
    private scan(buf: Buffer, pos: number, final: boolean): number {
      const h = this.handler;
      const n = buf.length;
      while (pos < n) {
        // A byte loop rather than indexOf: text runs in sheets are a few bytes, shorter than the
        // cost of a call into the native search.
        let lt = pos;
        while (lt < n && buf[lt] !== LT) lt++;
        if (lt === n) {
          if (!final) return pos;
          h.text(buf, pos, n, false);
          return n;
        }
        if (lt > pos) h.text(buf, pos, lt, false);
        pos = lt;
        if (lt + 1 >= n) return this.incomplete(lt, final);
        const c1 = buf[lt + 1];
        if (c1 === SLASH) {
          let gt = lt + 2;
          while (gt < n && buf[gt] !== GT) gt++;
          if (gt === n) return this.incomplete(lt, final);
          let ne = gt;
          while (ne > lt + 2 && isSpace(buf[ne - 1] as number)) ne--;
          h.close(buf, localStart(buf, lt + 2, ne), ne);
          pos = gt + 1;
          continue;
        }
        if (c1 === 0x3f /* ? */) {
          const end = buf.indexOf('?>', lt + 2, 'latin1');
          if (end < 0) return this.incomplete(lt, final);
          pos = end + 2;
          continue;
        }
        if (c1 === 0x21 /* ! */) {
          if (lt + 9 > n && !final) return lt;
          if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) {
            const end = buf.indexOf('-->', lt + 4, 'latin1');
            if (end < 0) return this.incomplete(lt, final);
            pos = end + 3;
          } else if (buf.toString('latin1', lt + 2, lt + 9) === '[CDATA[') {
            const end = buf.indexOf(']]>', lt + 9, 'latin1');
            if (end < 0) return this.incomplete(lt, final);
            if (end > lt + 9) h.text(buf, lt + 9, end, true);
            pos = end + 3;
          } else {
            const end = buf.indexOf(GT, lt + 2);
            if (end < 0) return this.incomplete(lt, final);
            pos = end + 1;
          }
          continue;
        }
        // A start tag: find its '>' outside quoted attribute values.
        let i = lt + 1;
        let quote = 0;
        for (; i < n; i++) {
          const b = buf[i] as number;
          if (quote !== 0) {
            if (b === quote) quote = 0;
          } else if (b === GT) break;
          else if (b === 0x22 || b === 0x27) quote = b;
        }
        if (i >= n) return this.incomplete(lt, final);
        const selfClosing = buf[i - 1] === SLASH;
        const tagEnd = selfClosing ? i - 1 : i;
        let ne = lt + 1;
        let ns = ne;
        for (; ne < tagEnd; ne++) {
          const b = buf[ne] as number;
          if (b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d) break;
          if (b === COLON) ns = ne + 1;
        }
        const taken = h.open(buf, ns, ne, ne, tagEnd);
        if (taken >= 0) {
          pos = taken;
          continue;
        }
        if (selfClosing) h.close(buf, ns, ne);
        pos = i + 1;
      }
      return pos;
    }

    private incomplete(at: number, final: boolean): number {
      if (final) throw new Error('malformed XML: the part ends inside a tag');
      return at;
    }
  };
}

/**
 * Feeds byte chunks to an {@link XmlHandler}.
 * @example
 * const scanner = new XmlScanner(handler);
 * for await (const chunk of zip.chunks('xl/worksheets/sheet1.xml')) scanner.write(chunk);
 * scanner.end();
 */
export const XmlScanner: XmlScannerClass = defineXmlScanner();

/**
 * A separate copy of {@link XmlScanner} for one hot handler type. V8 keeps type feedback per
 * function: when one scanner class serves the handlers of all parts, its calls to `open`,
 * `close` and `text` see several handler types, go megamorphic and are not inlined. The sheet
 * reader uses its own copy, so those calls stay monomorphic (measured on the 1 M-row sheet, on
 * a busy machine: ~13 % less CPU).
 * @example const SheetScanner = freshXmlScanner(); new SheetScanner(handler)
 */
export function freshXmlScanner(): XmlScannerClass {
  return defineXmlScanner();
}

/** Start of the local part of a qualified name in `[start, end)` (after a `prefix:`). */
function localStart(buf: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) if (buf[i] === COLON) return i + 1;
  return start;
}

/**
 * True when the bytes `[start, end)` are the ASCII string `name`.
 * @example nameIs(buf, s, e, 'row')
 */
export function nameIs(buf: Buffer, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name.charCodeAt(i)) return false;
  return true;
}
