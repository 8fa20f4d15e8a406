import type { CellValue } from '../../core/intake/cellValue';
import { AttributeCursor } from './attributeCursor';
import { parseNumberBytes } from './parseNumberBytes';
import { TextCache } from './textCache';
import { unescapeOoxml } from './unescapeOoxml';
import { decodeXmlAttribute, decodeXmlText } from './xmlText';
import { xmlDecodeAgain } from './xmlDecodeAgain';
import { freshXmlScanner, nameIs, type XmlHandler } from './xmlScanner';

/** The sheet reader's own scanner class (monomorphic calls into {@link SheetScan}). */
const SheetScanner = freshXmlScanner();

/** What a sheet's cells need from the rest of the package. */
export interface SheetContext {
  /** The shared-string table, or undefined when the package has none. */
  readonly sharedStrings: readonly (string | null)[] | undefined;
  /** Per cell format: 1 when numbers in it read as dates (see `parseDateStyles`); undefined without styles. */
  readonly dateStyles: Uint8Array | undefined;
  readonly date1904: boolean;
  /** The sheet's relationship targets by id (hyperlinks name theirs with `r:id`). */
  readonly relTargets: ReadonlyMap<string, string>;
}

/** Excel's row limit; a larger row number is a damaged file, not a reason to allocate millions of rows. */
const MAX_ROW = 1048576;
const MAX_COL = 16384;

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;

const NODE_NONE = 0;
const NODE_VALUE = 1;
const NODE_FORMULA = 2;

/** exceljs's `utils.excelToDate`, operation for operation, so every date is the same instant. */
function excelToDate(v: number, date1904: boolean): Date {
  const millisecondSinceEpoch = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return new Date(millisecondSinceEpoch);
}

/**
 * Dates by serial number, so that a column of dates holds one `Date` per distinct day rather
 * than one per cell (a 1 M-row sheet has a few thousand days). The objects are shared: cell
 * values are read, never changed (nothing in src mutates a Date). Cleared when it grows large.
 */
class DateCache {
  private readonly byValue = new Map<number, Date>();
  constructor(private readonly date1904: boolean) {}

  date(v: number): Date {
    let d = this.byValue.get(v);
    if (d === undefined) {
      if (this.byValue.size >= 65536) this.byValue.clear();
      d = excelToDate(v, this.date1904);
      this.byValue.set(v, d);
    }
    return d;
  }
}

/** `fromExcelJs` of a formula result or hyperlink text (a value exceljs has already typed). */
function fromResult(v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object' && !(v instanceof Date)) return { error: String((v as { error: unknown }).error) };
  return v as CellValue;
}

/**
 * The column of a cell reference the way exceljs's `colCache.decodeAddress` reads it: upper-case
 * letters before the first digit (anything else before the digits is skipped); 0 when there are
 * no letters.
 */
function columnOf(ref: string): number {
  let col = 0;
  let hasRow = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 48 && c <= 57) hasRow = true;
    else if (hasRow && col > 0 && c !== 36) break;
  }
  return col;
}

/** A `A1` or `A1:C3` range of a `<mergeCell ref>`: [top, left, bottom, right], 1-based. */
function parseRange(ref: string): [number, number, number, number] | undefined {
  const [a, b = a] = ref.split(':');
  const corner = (s: string | undefined): [number, number] | undefined => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec((s ?? '').trim());
    if (!m) return undefined;
    return [parseInt(m[2] as string, 10), columnOf(m[1] as string)];
  };
  const p = corner(a);
  const q = corner(b);
  if (!p || !q) return undefined;
  return [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])];
}

/**
 * One pass over a worksheet part, building the rows as exceljs's full load followed by
 * `fromExcelJs` would give them (the rules are in the comments of `finishCell`).
 */
class SheetScan implements XmlHandler {
  readonly rows: (CellValue[] | undefined)[] = [];
  readonly merges: string[] = [];
  /** `<hyperlink ref>` of the external links (with an `r:id` whose target is not empty). */
  readonly linkRefs = new Set<string>();
  /** A cell with an `r` attribute whose value a hyperlink would change (see `finishCell`). */
  sawLinkSensitive = false;

  private readonly at = new AttributeCursor();
  private readonly texts = new TextCache();
  private readonly dates: DateCache;
  /** Whether {@link plainCells} is worth trying (see there). */
  private fastRows = true;
  private fastHits = 0;
  private fastMisses = 0;
  private inSheetData = false;
  private inMergeCells = false;
  private inHyperlinks = false;
  private inRow = false;
  /**
   * The open row's cells (undefined: not there), reused from row to row; each finished row is
   * copied out at its exact length (an array grown cell by cell keeps a 16-slot backing store:
   * ~70 MB of empty slots over a million 7-cell rows).
   */
  private readonly scratch: CellValue[] = [];
  private width = 0;
  private rowNumber = 0;
  private lastRowNumber = 0;
  /** Column of the previous cell that exceljs placed (its `previousAddress`), 0 for none. */
  private prevCol = 0;
  /** Shared-formula masters seen so far (`si` → the master had an `r`): exceljs's `options.formulae`. */
  private readonly masters = new Map<string | undefined, boolean>();

  // The cell being read.
  private inCell = false;
  private refCol = 0;
  private ref: string | undefined;
  private type = T_NUMBER;
  private style = 0;
  private node = NODE_NONE;
  private pieces = 0;
  private pieceBuf: Buffer = Buffer.alloc(0);
  private pieceStart = 0;
  private pieceEnd = 0;
  private pieceCdata = false;
  private joined = '';
  private formulaText = false;
  private shareType: string | undefined;
  private si: string | undefined;
  private formulaRef: string | undefined;
  private runs: string[] | null = null;
  private inRun = false;
  private inRunText = false;
  private runParts: string[] = [];
  private runText: string | undefined;

  constructor(
    private readonly ctx: SheetContext,
    /** Hyperlinked cell references from a first pass, or null on the first pass. */
    private readonly links: ReadonlySet<string> | null,
  ) {
    this.dates = new DateCache(ctx.date1904);
  }

  open(buf: Buffer, ns: number, ne: number, as: number, ae: number): number {
    const len = ne - ns;
    const b0 = buf[ns];
    if (this.inCell) {
      if (this.inRun) {
        if (len === 1 && b0 === 0x74 /* t */) {
          this.inRunText = true;
          this.runParts = [];
        }
        return -1;
      }
      if (len === 1) {
        if (b0 === 0x76 /* v */ || b0 === 0x74 /* t */) this.node = NODE_VALUE;
        else if (b0 === 0x66 /* f */) this.openFormula(buf, as, ae);
        else if (b0 === 0x72 /* r */) {
          this.inRun = true;
          this.runText = undefined;
        }
      }
      return -1;
    }
    if (this.inRow) {
      if (len === 1 && b0 === 0x63 /* c */) {
        this.openCell(buf, as, ae);
        if (buf[ae] === 0x3e /* > */) return this.plainCell(buf, ae + 1);
      }
      return -1;
    }
    if (this.inSheetData) {
      if (len === 3 && nameIs(buf, ns, ne, 'row')) {
        this.openRow(buf, as, ae);
        if (buf[ae] === 0x3e /* > */ && this.fastRows) return this.plainCells(buf, ae + 1);
      }
      return -1;
    }
    if (this.inMergeCells) {
      if (nameIs(buf, ns, ne, 'mergeCell')) {
        const ref = this.attribute(buf, as, ae, 'ref', false);
        if (ref !== undefined) this.merges.push(ref);
      }
      return -1;
    }
    if (this.inHyperlinks) {
      if (nameIs(buf, ns, ne, 'hyperlink')) {
        const ref = this.attribute(buf, as, ae, 'ref', false);
        const relId = this.attribute(buf, as, ae, 'id', true);
        // exceljs links only hyperlinks with an r:id, to their relationship's target; a missing
        // relationship made it fail, here the link is just not one.
        const target = relId ? this.ctx.relTargets.get(relId) : undefined;
        if (ref !== undefined && target) this.linkRefs.add(ref);
      }
      return -1;
    }
    if (nameIs(buf, ns, ne, 'sheetData')) this.inSheetData = true;
    else if (nameIs(buf, ns, ne, 'mergeCells')) this.inMergeCells = true;
    else if (nameIs(buf, ns, ne, 'hyperlinks')) this.inHyperlinks = true;
    return -1;
  }

  close(buf: Buffer, ns: number, ne: number): void {
    const len = ne - ns;
    const b0 = buf[ns];
    if (this.inCell) {
      if (len === 1) {
        if (b0 === 0x63 /* c */) this.finishCell();
        else if (b0 === 0x72 /* r */) {
          if (this.inRun) {
            this.inRun = false;
            (this.runs ??= []).push(this.runText ?? '');
          }
        } else if (b0 === 0x74 /* t */) {
          if (this.inRunText) {
            this.inRunText = false;
            this.runText = unescapeOoxml(this.runParts.join(''));
          } else if (!this.inRun) this.node = NODE_NONE;
        } else if (b0 === 0x76 /* v */ || b0 === 0x66 /* f */) this.node = NODE_NONE;
      } else if (len === 2 && nameIs(buf, ns, ne, 'is')) this.node = NODE_NONE;
      return;
    }
    if (this.inRow) {
      if (len === 3 && nameIs(buf, ns, ne, 'row')) this.finishRow();
      return;
    }
    if (nameIs(buf, ns, ne, 'sheetData')) this.inSheetData = false;
    else if (nameIs(buf, ns, ne, 'mergeCells')) this.inMergeCells = false;
    else if (nameIs(buf, ns, ne, 'hyperlinks')) this.inHyperlinks = false;
  }

  text(buf: Buffer, start: number, end: number, cdata: boolean): void {
    if (!this.inCell) return;
    if (this.inRun) {
      if (this.inRunText) this.runParts.push(cdata ? buf.toString('utf8', start, end) : decodeXmlText(buf, start, end));
      return;
    }
    if (this.node === NODE_VALUE) {
      // After rich-text runs, exceljs puts further plain text on a property nobody reads.
      if (this.runs !== null) return;
      if (this.pieces === 0) {
        this.pieceBuf = buf;
        this.pieceStart = start;
        this.pieceEnd = end;
        this.pieceCdata = cdata;
      } else {
        if (this.pieces === 1) this.joined = this.valueText();
        this.joined += cdata ? buf.toString('utf8', start, end) : decodeXmlText(buf, start, end);
      }
      this.pieces++;
    } else if (this.node === NODE_FORMULA) this.formulaText = true;
  }

  /**
   * The fast path for a row's usual cells — `<c r s t>` with a plain `<v>` or nothing, in the
   * unprefixed form every writer uses — read straight from the bytes after `<row …>`, one tight
   * loop per cell instead of the scanner's five events. It stops at the first thing it does not
   * handle (a formula, an inline string, whitespace, an entity, the end of the chunk) and returns
   * that position: the scanner goes on from there with the row open, so the general path reads
   * the rest. Returns the position after `</row>` when it read the whole row. Cells are only
   * committed once read completely, so stopping never leaves half a cell behind.
   */
  private plainCells(buf: Buffer, p: number): number {
    const n = buf.length;
    let misses = 0;
    for (;;) {
      if (p + 6 > n || buf[p] !== 0x3c) break;
      const b1 = buf[p + 1];
      if (b1 === 0x2f /* </ */) {
        if (buf[p + 2] === 0x72 && buf[p + 3] === 0x6f && buf[p + 4] === 0x77 && buf[p + 5] === 0x3e) {
          this.finishRow();
          this.fastHits++;
          return p + 6;
        }
        break;
      }
      const next = b1 === 0x63 /* c */ ? this.plainCellAt(buf, p + 2) : -1;
      if (next < 0) {
        misses++;
        break;
      }
      p = next;
    }
    // Rows this path cannot read (formulas, inline strings, pretty-printed XML): stop trying
    // after a while, so such sheets do not pay for the attempt on every row.
    if (misses > 0 && ++this.fastMisses > 1000 && this.fastMisses > this.fastHits) this.fastRows = false;
    else this.fastHits++;
    return p;
  }

  /** One cell for {@link plainCells} from just after `<c`; the position after it, or -1. */
  private plainCellAt(buf: Buffer, i: number): number {
    const n = buf.length;
    let refCol = 0;
    let hasRef = false;
    let refStart = 0;
    let refEnd = 0;
    let type = T_NUMBER;
    let style = 0;
    let b = buf[i] as number;
    if (b !== 0x20 && b !== 0x3e && b !== 0x2f) return -1;
    for (;;) {
      while (i < n && isSpaceByte(buf[i] as number)) i++;
      if (i >= n) return -1;
      b = buf[i] as number;
      if (b === 0x3e || b === 0x2f) break;
      const nameStart = i;
      while (i < n && buf[i] !== 0x3d && !isSpaceByte(buf[i] as number)) i++;
      const nameLen = i - nameStart;
      while (i < n && buf[i] !== 0x3d) i++;
      i++;
      while (i < n && isSpaceByte(buf[i] as number)) i++;
      const q = buf[i];
      if (i >= n || (q !== 0x22 && q !== 0x27)) return -1;
      const vs = i + 1;
      let ve = vs;
      while (ve < n && buf[ve] !== q) {
        if (buf[ve] === 0x26) return -1;
        ve++;
      }
      if (ve >= n) return -1;
      if (nameLen === 1 && ve > vs) {
        const name = buf[nameStart];
        if (name === 0x72 /* r */) {
          refCol = columnOfBytes(buf, vs, ve);
          if (refCol > MAX_COL) return -1;
          hasRef = true;
          refStart = vs;
          refEnd = ve;
        } else if (name === 0x73 /* s */) {
          style = digitsOf(buf, vs, ve);
          if (style < 0) return -1;
        } else if (name === 0x74 /* t */) type = typeOfBytes(buf, vs, ve);
      }
      i = ve + 1;
    }
    let end: number;
    let vs = 0;
    let ve = 0;
    if (b === 0x2f) {
      if (i + 1 >= n || buf[i + 1] !== 0x3e) return -1;
      end = i + 2;
    } else if (i + 4 < n && buf[i + 1] === 0x3c && buf[i + 2] === 0x2f && buf[i + 3] === 0x63 && buf[i + 4] === 0x3e) {
      end = i + 5;
    } else {
      if (i + 3 >= n || buf[i + 1] !== 0x3c || buf[i + 2] !== 0x76 || buf[i + 3] !== 0x3e) return -1;
      vs = i + 4;
      ve = vs;
      while (ve < n && buf[ve] !== 0x3c) ve++;
      if (ve + 8 > n || buf[ve + 1] !== 0x2f || buf[ve + 2] !== 0x76 || buf[ve + 3] !== 0x3e || buf[ve + 4] !== 0x3c || buf[ve + 5] !== 0x2f || buf[ve + 6] !== 0x63 || buf[ve + 7] !== 0x3e) return -1;
      end = ve + 8;
    }
    this.beginCell();
    this.refCol = refCol;
    if (hasRef) this.ref = this.links !== null ? buf.toString('latin1', refStart, refEnd) : '';
    this.type = type;
    this.style = style;
    if (ve > vs) {
      this.pieces = 1;
      this.pieceBuf = buf;
      this.pieceStart = vs;
      this.pieceEnd = ve;
      this.pieceCdata = false;
    }
    this.finishCell();
    return end;
  }

  /**
   * The fast path for the usual cell, `<c …><v>text</v></c>` with all of it in this buffer:
   * read at once, without the scanner's four further events. Returns the position after
   * `</c>`, or -1 to let the scanner go on (anything else, or a cell cut by the chunk's end).
   */
  private plainCell(buf: Buffer, p: number): number {
    const n = buf.length;
    if (p + 3 > n || buf[p] !== 0x3c || buf[p + 1] !== 0x76 || buf[p + 2] !== 0x3e) return -1;
    const vs = p + 3;
    let q = vs;
    while (q < n && buf[q] !== 0x3c) q++;
    if (q + 8 > n || buf[q + 1] !== 0x2f || buf[q + 2] !== 0x76 || buf[q + 3] !== 0x3e || buf[q + 4] !== 0x3c || buf[q + 5] !== 0x2f || buf[q + 6] !== 0x63 || buf[q + 7] !== 0x3e) return -1;
    if (q > vs) {
      this.pieces = 1;
      this.pieceBuf = buf;
      this.pieceStart = vs;
      this.pieceEnd = q;
      this.pieceCdata = false;
    }
    this.finishCell();
    return q + 8;
  }

  private attribute(buf: Buffer, as: number, ae: number, name: string, prefixed: boolean): string | undefined {
    const at = this.at;
    at.reset(buf, as, ae);
    while (at.next()) if (at.prefixed === prefixed && at.is(name)) return decodeXmlAttribute(buf, at.valueStart, at.valueEnd);
    return undefined;
  }

  private openRow(buf: Buffer, as: number, ae: number): void {
    let n: number | undefined;
    const at = this.at;
    at.reset(buf, as, ae);
    while (at.next()) {
      if (at.prefixed || !at.is('r')) continue;
      if (at.valueEnd > at.valueStart) {
        const digits = at.hasEntity ? -1 : digitsOf(buf, at.valueStart, at.valueEnd);
        n = digits >= 0 ? digits : parseInt(decodeXmlAttribute(buf, at.valueStart, at.valueEnd), 10);
      }
      break;
    }
    // exceljs fails on a <row> without r; the format says it follows the previous row.
    if (n === undefined) n = this.lastRowNumber + 1;
    if (n > MAX_ROW) throw new Error(`row number ${n} is beyond Excel's ${MAX_ROW} rows`);
    this.rowNumber = n;
    this.inRow = true;
    this.prevCol = 0;
  }

  private finishRow(): void {
    this.inRow = false;
    const scratch = this.scratch;
    // exceljs's row.values: a cell that is not there (or only styled) is a hole, read as null;
    // the row ends at its last cell that is there.
    let len = this.width;
    while (len > 0 && scratch[len - 1] === undefined) len--;
    const row = scratch.slice(0, len);
    for (let i = 0; i < len; i++) if (row[i] === undefined) row[i] = null;
    for (let i = 0; i < this.width; i++) scratch[i] = undefined;
    this.width = 0;
    // Rows numbered 0 or below (or unreadable) have no place in exceljs's row array.
    if (this.rowNumber >= 1) {
      this.rows[this.rowNumber - 1] = row;
      this.lastRowNumber = this.rowNumber;
    }
  }

  private beginCell(): void {
    this.inCell = true;
    this.refCol = 0;
    this.ref = undefined;
    this.type = T_NUMBER;
    this.style = 0;
    this.node = NODE_NONE;
    this.pieces = 0;
    this.formulaText = false;
    this.shareType = undefined;
    this.si = undefined;
    this.formulaRef = undefined;
    this.runs = null;
    this.inRun = false;
    this.inRunText = false;
  }

  private openCell(buf: Buffer, as: number, ae: number): void {
    this.beginCell();
    const at = this.at;
    at.reset(buf, as, ae);
    while (at.next()) {
      if (at.prefixed || at.nameEnd - at.nameStart !== 1) continue;
      const name = buf[at.nameStart];
      const vs = at.valueStart;
      const ve = at.valueEnd;
      if (ve === vs) continue;
      // The three attributes are read from the bytes; an entity (never written by Excel) takes
      // the decoding path.
      const plain = !at.hasEntity;
      if (name === 0x72 /* r */) {
        if (plain) {
          this.refCol = columnOfBytes(buf, vs, ve);
          // The text itself is needed only to match hyperlinks; that a master had one is enough otherwise.
          this.ref = this.links !== null ? buf.toString('latin1', vs, ve) : '';
        } else {
          this.ref = decodeXmlAttribute(buf, vs, ve);
          this.refCol = columnOf(this.ref);
        }
        if (this.refCol > MAX_COL) throw new Error(`cell reference ${buf.toString('utf8', vs, ve)} is beyond column XFD`);
      } else if (name === 0x73 /* s */) {
        // `if (node.attributes.s) styleId = parseInt(s, 10)`; 0 and NaN count as no style.
        const digits = plain ? digitsOf(buf, vs, ve) : -1;
        this.style = digits >= 0 ? digits : parseInt(decodeXmlAttribute(buf, vs, ve), 10) || 0;
      } else if (name === 0x74 /* t */) {
        this.type = plain ? typeOfBytes(buf, vs, ve) : typeOf(decodeXmlAttribute(buf, vs, ve));
      }
    }
  }

  private openFormula(buf: Buffer, as: number, ae: number): void {
    this.node = NODE_FORMULA;
    // Each <f> sets these three, present or not (exceljs's model.si / shareType / ref).
    this.shareType = undefined;
    this.si = undefined;
    this.formulaRef = undefined;
    const at = this.at;
    at.reset(buf, as, ae);
    while (at.next()) {
      if (at.prefixed) continue;
      if (at.is('t')) this.shareType = decodeXmlAttribute(buf, at.valueStart, at.valueEnd);
      else if (at.is('si')) this.si = decodeXmlAttribute(buf, at.valueStart, at.valueEnd);
      else if (at.is('ref')) this.formulaRef = decodeXmlAttribute(buf, at.valueStart, at.valueEnd);
    }
  }

  private valueText(): string {
    if (this.pieces !== 1) return this.joined;
    return this.pieceCdata ? this.pieceBuf.toString('utf8', this.pieceStart, this.pieceEnd) : this.texts.text(this.pieceBuf, this.pieceStart, this.pieceEnd);
  }

  private valueNumber(): number {
    if (this.pieces === 1 && !this.pieceCdata) return parseNumberBytes(this.pieceBuf, this.pieceStart, this.pieceEnd);
    return parseFloat(this.valueText());
  }

  private isDate(): boolean {
    // exceljs: `model.styleId && styles.getStyleModel(styleId)` — style 0 is never looked up.
    const flags = this.ctx.dateStyles;
    return this.style > 0 && flags !== undefined && flags[this.style] === 1;
  }

  /**
   * The cell's value by exceljs's `CellXform.parseClose` + `reconcile`, `Row.model`,
   * `Cell.value` and `fromExcelJs`:
   * - a formula (`<f>` with text, or with a `t` attribute) is always there; its value is the
   *   cached `<v>` typed by `t` (`str`, `b`, `e`, else a number), turned into a Date when the
   *   style is a date format (whatever the result's type), and then kept only when it is truthy,
   *   0 or false and the formula has text or is a shared-formula child of a known master —
   *   exceljs's `_copyModel` drops a 0, false or NaN result (we keep 0 and false on purpose: they
   *   are the cell's value), and `fromExcelJs` drops a formula value with neither `formula` nor
   *   `sharedFormula` (an array formula's empty followers);
   * - otherwise a `<v>`/`<t>` text makes a value by `t`; a styled cell without one is not there
   *   (but takes its column); an unstyled one is ignored entirely;
   * - a cell whose `r` is a hyperlink's `ref` is there even when empty, and a formula's result
   *   is then kept even when falsy (exceljs moves it into the hyperlink's text).
   */
  private finishCell(): void {
    this.inCell = false;
    this.node = NODE_NONE;
    const hasValue = this.pieces > 0 || this.runs !== null;
    const linked = this.links !== null && this.ref !== undefined && this.links.has(this.ref);
    let value: CellValue;
    let present = true;
    if (this.formulaText || this.shareType) {
      let result: unknown;
      if (hasValue) {
        const t = this.type;
        if (t === T_STR) result = xmlDecodeAgain(this.stringValue());
        else if (t === T_BOOL) result = parseInt(this.stringValue(), 10) !== 0;
        else if (t === T_ERROR) result = { error: this.stringValue() };
        else result = this.runs !== null ? NaN : this.valueNumber(); // parseFloat of exceljs's rich-text object
      }
      if (result !== undefined && this.isDate()) result = excelToDate(Number(result), this.ctx.date1904);
      let named = this.formulaText;
      if (this.shareType === 'shared') {
        if (this.formulaRef) this.masters.set(this.si, this.ref !== undefined);
        else named ||= this.masters.get(this.si) === true;
      }
      // A cached 0 or FALSE is what the cell shows (and what Excel's own API gives the pane), so it
      // is kept — exceljs drops it, which would turn a formula amount of 0 into "missing".
      const kept = named && (Boolean(result) || result === 0 || result === false);
      if (linked) value = fromResult(result);
      else value = kept ? fromResult(result) : null;
      if (this.ref !== undefined && !kept) this.sawLinkSensitive = true;
    } else if (hasValue) {
      switch (this.type) {
        case T_SHARED: {
          // parseInt of the text; read from the bytes when they are plain digits (always, in practice).
          const digits = this.pieces === 1 && !this.pieceCdata ? digitsOf(this.pieceBuf, this.pieceStart, this.pieceEnd) : -1;
          const index = digits >= 0 ? digits : parseInt(this.stringValue(), 10);
          const table = this.ctx.sharedStrings;
          if (table === undefined) value = index;
          else {
            const s = table[index];
            if (s === undefined) throw new Error(`a cell refers to shared string ${index}, the table has ${table.length}`);
            value = s;
          }
          break;
        }
        case T_STR:
          value = xmlDecodeAgain(this.stringValue());
          break;
        case T_INLINE:
          value = this.stringValue();
          break;
        case T_BOOL:
          value = parseInt(this.stringValue(), 10) !== 0;
          break;
        case T_ERROR:
          value = { error: this.stringValue() };
          break;
        default: {
          const n = this.runs !== null ? NaN : this.valueNumber(); // parseFloat of exceljs's rich-text object
          value = this.isDate() ? this.dates.date(n) : n;
        }
      }
    } else {
      if (this.ref !== undefined) this.sawLinkSensitive = true;
      value = null;
      present = linked;
      // Unstyled and empty (exceljs's "Merge" type): not placed at all, not even as the
      // previous cell of a following cell without `r`.
      if (this.style === 0 && !linked) return;
    }
    // exceljs places a cell without `r` (or without a column in it) after the previous one; it
    // fails on a first such cell, which here goes to column 1.
    const col = this.refCol > 0 ? this.refCol : this.prevCol + 1;
    if (col > MAX_COL) throw new Error(`a row has cells beyond column XFD`);
    this.prevCol = col;
    const row = this.scratch;
    while (row.length < col) row.push(undefined);
    row[col - 1] = present ? value : undefined;
    if (col > this.width) this.width = col;
  }

  /** The cell's text: rich-text runs joined, else its `<v>`/`<t>` text. */
  private stringValue(): string {
    return this.runs !== null ? this.runs.join('') : this.valueText();
  }
}

function isSpaceByte(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;
}

/** The column letters of a plain `r` (bytes), as {@link columnOf} reads them. */
function columnOfBytes(buf: Buffer, start: number, end: number): number {
  let col = 0;
  let hasRow = false;
  for (let i = start; i < end; i++) {
    const c = buf[i] as number;
    if (!hasRow && c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 48 && c <= 57) hasRow = true;
    else if (hasRow && col > 0 && c !== 36) break;
  }
  return col;
}

/** The value of an all-digit attribute (a style index), or -1 when it is not all digits. */
function digitsOf(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i] as number;
    if (c < 48 || c > 57) return -1;
    n = n * 10 + c - 48;
  }
  return n;
}

/** {@link typeOf} from the bytes of a `t` attribute. */
function typeOfBytes(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  const b = buf[start];
  if (len === 1) return b === 0x73 ? T_SHARED : b === 0x62 ? T_BOOL : b === 0x65 ? T_ERROR : T_NUMBER;
  if (len === 3 && b === 0x73 && buf[start + 1] === 0x74 && buf[start + 2] === 0x72) return T_STR;
  if (len === 9 && nameIs(buf, start, end, 'inlineStr')) return T_INLINE;
  return T_NUMBER;
}

function typeOf(t: string): number {
  switch (t) {
    case 's':
      return T_SHARED;
    case 'str':
      return T_STR;
    case 'inlineStr':
      return T_INLINE;
    case 'b':
      return T_BOOL;
    case 'e':
      return T_ERROR;
    default:
      // `n`, `d` and anything else: exceljs reads the text with parseFloat.
      return T_NUMBER;
  }
}

async function scan(chunks: AsyncIterable<Buffer>, handler: SheetScan): Promise<void> {
  const scanner = new SheetScanner(handler);
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.end();
}

/**
 * Reads a worksheet part into the rows of its grid (row `i` is sheet row `i + 1`), streaming:
 * memory holds the cell values and one chunk of XML. `open` is called once, or twice when the
 * sheet has hyperlinks on cells whose value a link changes (the links come after the cells in
 * the XML, so such a sheet is read again knowing them).
 *
 * Merged ranges repeat the top-left cell's value in every other cell of the range (exceljs's
 * merge cells read their master's value). A sheet with no cell that is there gives no rows.
 * @example const rows = await readSheetRows(() => zip.chunks('xl/worksheets/sheet1.xml'), ctx);
 */
export async function readSheetRows(open: () => AsyncIterable<Buffer>, ctx: SheetContext): Promise<CellValue[][]> {
  let pass = new SheetScan(ctx, null);
  await scan(open(), pass);
  if (pass.linkRefs.size > 0 && pass.sawLinkSensitive) {
    const links = pass.linkRefs;
    pass = new SheetScan(ctx, links);
    await scan(open(), pass);
  }
  const rows = pass.rows;
  let anyCell = rows.some((r) => r !== undefined && r.length > 0);
  for (const ref of pass.merges) {
    const range = parseRange(ref);
    if (range === undefined) continue;
    const [top, left, bottom, right] = range;
    if (bottom > MAX_ROW || right > MAX_COL) throw new Error(`merged range ${ref} is beyond the sheet's limits`);
    const master = rows[top - 1]?.[left - 1] ?? null;
    for (let r = top; r <= bottom; r++) {
      const row = (rows[r - 1] ??= []);
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        while (row.length < c - 1) row.push(null);
        row[c - 1] = master;
        anyCell = true;
      }
    }
  }
  if (!anyCell) return [];
  const out: CellValue[][] = new Array<CellValue[]>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i] ?? [];
  return out;
}
