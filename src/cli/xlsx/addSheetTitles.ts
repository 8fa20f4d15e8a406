/**
 * Keeps `docProps/app.xml` consistent with the workbook after report sheets are added. Its
 * `TitlesOfParts` lists the sheet names group by group, and `HeadingPairs` says how many
 * belong to each group ("Worksheets", "Named Ranges" … — in the language of the Excel that
 * saved the file, so groups are recognised by their titles, not their names). The report
 * names are added to the group that lists exactly the input's worksheets; when no group
 * does, both elements are removed: they are optional, and Excel writes them anew on save,
 * whereas counts that disagree with the titles are an inconsistency.
 */
import { xmlEscape, xmlUnescape } from './xml';
import { xmlChildren, type XmlElementSpan } from './xmlChildren';

function child(xml: string, parent: XmlElementSpan | undefined, local: string): XmlElementSpan | undefined {
  if (parent === undefined || parent.selfClosing) return undefined;
  return xmlChildren(xml, parent).find((c) => c.local === local);
}

function inner(xml: string, e: XmlElementSpan): string {
  return e.selfClosing ? '' : xml.slice(e.openEnd, e.closeStart);
}

/**
 * The app.xml text with `added` sheet titles after the input's worksheets.
 * @param worksheets the input workbook's worksheet names, in order
 * @example addSheetTitles(appXml, ['Sales'], ['Quarterly Results', 'Commission'])
 */
export function addSheetTitles(xml: string, worksheets: readonly string[], added: readonly string[]): string {
  const root = xmlChildren(xml).find((e) => e.local === 'Properties');
  const pairs = child(xml, root, 'HeadingPairs');
  const titles = child(xml, root, 'TitlesOfParts');
  if (pairs === undefined && titles === undefined) return xml;
  const remove = (): string => {
    const spans = [pairs, titles].filter((s): s is XmlElementSpan => s !== undefined).sort((a, b) => b.start - a.start);
    let out = xml;
    for (const s of spans) out = out.slice(0, s.start) + out.slice(s.end);
    return out;
  };
  const pairVector = child(xml, pairs, 'vector');
  const titleVector = child(xml, titles, 'vector');
  if (pairVector === undefined || titleVector === undefined) return remove();

  const variants = pairVector.selfClosing ? [] : xmlChildren(xml, pairVector);
  const groups: { count: number; countSpan: XmlElementSpan }[] = [];
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const countVariant = variants[i + 1];
    const value = countVariant === undefined || countVariant.selfClosing ? undefined : xmlChildren(xml, countVariant)[0];
    const count = value === undefined ? NaN : Number(inner(xml, value));
    if (value === undefined || !Number.isInteger(count)) return remove();
    groups.push({ count, countSpan: value });
  }
  const titleSpans = titleVector.selfClosing ? [] : xmlChildren(xml, titleVector);
  const names = titleSpans.map((t) => xmlUnescape(inner(xml, t)));
  if (groups.reduce((n, g) => n + g.count, 0) !== names.length) return remove();

  let offset = 0;
  for (const g of groups) {
    const slice = names.slice(offset, offset + g.count);
    if (slice.length === worksheets.length && slice.every((n, i) => n === worksheets[i])) {
      const lastTitle = titleSpans[offset + g.count - 1];
      const insertAt = lastTitle?.end ?? (titleSpans[offset]?.start ?? titleVector.closeStart);
      const lp = titleSpans[0]?.prefix ?? titleVector.prefix;
      const edits = [
        { at: insertAt, end: insertAt, text: added.map((n) => `<${lp}lpstr>${xmlEscape(n)}</${lp}lpstr>`).join('') },
        { at: g.countSpan.openEnd, end: g.countSpan.closeStart, text: String(g.count + added.length) },
        sizeEdit(xml, titleVector, names.length + added.length),
      ];
      let out = xml;
      for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
      return out;
    }
    offset += g.count;
  }
  return remove();
}

function sizeEdit(xml: string, vector: XmlElementSpan, size: number): { at: number; end: number; text: string } {
  const tag = xml.slice(vector.start, vector.openEnd);
  const text = /\ssize\s*=\s*("[^"]*"|'[^']*')/.test(tag) ? tag.replace(/(\ssize\s*=\s*)("[^"]*"|'[^']*')/, `$1"${size}"`) : tag.replace(/\s*(\/?)>$/, ` size="${size}"$1>`);
  return { at: vector.start, end: vector.openEnd, text };
}
