/**
 * Where the elements of an XML document are, as string offsets — enough structure to edit
 * package parts (workbook, styles, content types, relationships) by splicing text, so that
 * everything we do not touch stays byte-for-byte as the input had it.
 */

/** An element's position in the document text. */
export interface XmlElementSpan {
  /** Qualified name as written, e.g. `sheet` or `x:sheet`. */
  readonly name: string;
  /** The name without its prefix. */
  readonly local: string;
  /** The prefix with its colon (`x:`), or `''`. */
  readonly prefix: string;
  /** Index of the `<` that starts the element. */
  readonly start: number;
  /** Index just after the start tag's `>`. */
  readonly openEnd: number;
  /** Index of the end tag's `<` (equal to `openEnd` and `end` for an empty-element tag). */
  readonly closeStart: number;
  /** Index just after the element. */
  readonly end: number;
  readonly selfClosing: boolean;
}

// A start, end or empty-element tag (attribute values may hold `>`), or a comment, CDATA
// section, processing instruction or declaration, which are skipped.
const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>/g;

/**
 * The direct child elements of `parent` (their spans in document order), or, without a parent,
 * the document's top-level element(s). Throws on unbalanced tags.
 * @example const [root] = xmlChildren(xml); const sheets = xmlChildren(xml, root).find((c) => c.local === 'sheets')
 */
export function xmlChildren(xml: string, parent?: XmlElementSpan): XmlElementSpan[] {
  const from = parent === undefined ? 0 : parent.openEnd;
  const to = parent === undefined ? xml.length : parent.closeStart;
  const out: XmlElementSpan[] = [];
  const open: { name: string; start: number; openEnd: number }[] = [];
  const re = new RegExp(TOKEN.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m !== null && m.index < to; m = re.exec(xml)) {
    const name = m[2];
    if (name === undefined) continue; // comment, CDATA, PI, declaration
    const end = m.index + m[0].length;
    if (m[1] === '/') {
      const top = open.pop();
      if (top === undefined || top.name !== name) throw new Error(`malformed XML: </${name}> at ${m.index} does not close ${top === undefined ? 'anything' : `<${top.name}>`}`);
      if (open.length === 0) out.push(span(name, top.start, top.openEnd, m.index, end, false));
    } else if (m[4] === '/') {
      if (open.length === 0) out.push(span(name, m.index, end, end, end, true));
    } else {
      open.push({ name, start: m.index, openEnd: end });
    }
  }
  const unclosed = open[0];
  if (unclosed !== undefined) throw new Error(`malformed XML: <${unclosed.name}> at ${unclosed.start} is not closed`);
  return out;
}

function span(name: string, start: number, openEnd: number, closeStart: number, end: number, selfClosing: boolean): XmlElementSpan {
  const colon = name.indexOf(':');
  return { name, local: colon < 0 ? name : name.slice(colon + 1), prefix: colon < 0 ? '' : name.slice(0, colon + 1), start, openEnd, closeStart, end, selfClosing };
}
