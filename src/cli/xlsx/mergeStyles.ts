/**
 * Appends the report workbook's styles to the input workbook's `styles.xml`, so the report
 * sheets can be grafted into the input package: fonts, fills, borders, cell formats (xfs) and
 * differential formats (dxfs) are added after the input's own, number formats get ids that do
 * not clash (custom ids start at 164 in both files), and the result tells how the report's
 * xf and dxf indices map into the merged file. The input's existing entries and indices are
 * never changed; a report entry identical (as text) to one already there reuses it, so running
 * the report again on its own output does not grow the file.
 *
 * Report cell formats all derive from the "Normal" cell style; they are pointed at the input's
 * Normal style (builtinId 0) rather than copying the report's style records, which would add a
 * second "Normal".
 */
import { InputError } from '../inputError';
import { xmlAttributes, xmlEscape } from './xml';
import { xmlChildren, type XmlElementSpan } from './xmlChildren';

/** The merged part and the index maps for the report's `s="…"` and `dxfId="…"` references. */
export interface MergedStyles {
  readonly xml: string;
  /** report cellXfs index → merged index */
  readonly xf: readonly number[];
  /** report dxfs index → merged index */
  readonly dxf: readonly number[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** CT_Stylesheet's children in schema order (ECMA-376 Part 1 §18.8.39). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Section = (typeof ORDER)[number];

interface Parsed {
  readonly xml: string;
  readonly root: XmlElementSpan;
  readonly sections: Map<string, XmlElementSpan>;
  /** Children of each section, as text. */
  readonly children: Map<string, string[]>;
}

function parse(xml: string, where: string): Parsed {
  try {
    return parseStyles(xml, where);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${where}: ${(e as Error).message}; open the workbook in Excel and save it again.`);
  }
}

function parseStyles(xml: string, where: string): Parsed {
  const root = xmlChildren(xml).find((e) => e.local === 'styleSheet');
  if (root === undefined) throw new InputError(`${where}: no <styleSheet> element`);
  const rootTag = xml.slice(root.start, root.openEnd);
  const ns = xmlAttributes(rootTag)[root.prefix === '' ? 'xmlns' : `xmlns:${root.prefix.slice(0, -1)}`];
  if (ns !== MAIN_NS) throw new InputError(`${where}: styles in namespace ${ns ?? '(none)'} (Strict Open XML?) cannot be merged; save the workbook as an ordinary Excel Workbook (.xlsx) and run again.`);
  const sections = new Map<string, XmlElementSpan>();
  const children = new Map<string, string[]>();
  if (!root.selfClosing) {
    for (const s of xmlChildren(xml, root)) {
      if (s.prefix !== root.prefix || sections.has(s.local)) continue;
      sections.set(s.local, s);
      children.set(
        s.local,
        s.selfClosing ? [] : xmlChildren(xml, s).map((c) => xml.slice(c.start, c.end)),
      );
    }
  }
  return { xml, root, sections, children };
}

/** Puts the report's (unprefixed) element names into the input's prefix. */
function inPrefix(fragment: string, prefix: string): string {
  return prefix === '' ? fragment : fragment.replace(/<(\/?)(?![\w.-]*:)([A-Za-z_][\w.-]*)/g, `<$1${prefix}$2`);
}

const START_TAG = /^<[^\s/>]+(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/;

/** The attributes of an element's start tag (values may hold `>`). */
function attrsOf(element: string): Record<string, string> {
  return xmlAttributes(START_TAG.exec(element)?.[0] ?? '');
}

/** Rewrites numeric attributes of an element's start tag through `map`. */
function remapStartTag(element: string, map: Readonly<Record<string, (n: number) => number>>): string {
  const m = START_TAG.exec(element);
  if (m === null) return element;
  const tag = m[0].replace(/(\s)([A-Za-z]+)(\s*=\s*)"(\d+)"/g, (all, sp: string, name: string, eq: string, v: string) => {
    const f = map[name];
    return f === undefined ? all : `${sp}${name}${eq}"${f(Number(v))}"`;
  });
  return tag + element.slice(m[0].length);
}

/** Appends `items` to a list, reusing an identical existing entry; returns each item's index. */
function appendList(list: string[], items: readonly string[]): number[] {
  const index = new Map<string, number>();
  list.forEach((s, i) => {
    if (!index.has(s)) index.set(s, i);
  });
  return items.map((s) => {
    const found = index.get(s);
    if (found !== undefined) return found;
    list.push(s);
    index.set(s, list.length - 1);
    return list.length - 1;
  });
}

/**
 * The merged `styles.xml` and the report→merged index maps.
 * @param inputXml the input workbook's styles part
 * @param reportXml the styles part exceljs wrote for the report workbook
 * @param where the input file and part, for error messages
 * @example const { xml, xf, dxf } = mergeStyles(inputStyles, reportStyles, 'sales.xlsx › xl/styles.xml')
 */
export function mergeStyles(inputXml: string, reportXml: string, where: string): MergedStyles {
  const input = parse(inputXml, where);
  const report = parse(reportXml, 'report styles');
  const p = input.root.prefix;
  const lists = new Map<Section, string[]>();
  const list = (s: Section): string[] => {
    let l = lists.get(s);
    if (l === undefined) {
      l = [...(input.children.get(s) ?? [])];
      lists.set(s, l);
    }
    return l;
  };
  const reportList = (s: Section): string[] => (report.children.get(s) ?? []).map((c) => inPrefix(c, p));

  // Number formats: the same code reuses the input's id; another gets the next free id ≥ 164.
  const codeToId = new Map<string, number>();
  let nextId = 164;
  for (const nf of list('numFmts')) {
    const a = attrsOf(nf);
    const id = Number(a.numFmtId);
    if (Number.isFinite(id)) {
      nextId = Math.max(nextId, id + 1);
      if (a.formatCode !== undefined && !codeToId.has(a.formatCode)) codeToId.set(a.formatCode, id);
    }
  }
  const numFmtMap = new Map<number, number>();
  const numFmtOf = (code: string): number => {
    let id = codeToId.get(code);
    if (id === undefined) {
      id = nextId++;
      codeToId.set(code, id);
      list('numFmts').push(`<${p}numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    }
    return id;
  };
  for (const nf of reportList('numFmts')) {
    const a = attrsOf(nf);
    const id = Number(a.numFmtId);
    if (Number.isFinite(id) && a.formatCode !== undefined) numFmtMap.set(id, numFmtOf(a.formatCode));
  }
  // Built-in ids (below 164) mean the same in every workbook.
  const numFmt = (id: number): number => numFmtMap.get(id) ?? id;

  const font = appendList(list('fonts'), reportList('fonts'));
  const fill = appendList(list('fills'), reportList('fills'));
  const border = appendList(list('borders'), reportList('borders'));
  const via = (m: readonly number[], what: string) => (i: number): number => {
    const v = m[i];
    if (v === undefined) throw new Error(`report styles: ${what} ${i} does not exist`);
    return v;
  };

  // Cell style xfs: every report xf derives from Normal; use the input's Normal.
  let styleXf: (i: number) => number;
  if (list('cellStyleXfs').length > 0) {
    const normal = list('cellStyles')
      .map((cs) => attrsOf(cs))
      .find((a) => a.builtinId === '0');
    const normalXf = Number(normal?.xfId ?? 0);
    styleXf = () => normalXf;
  } else {
    // An input without cell style records (some generators): take the report's.
    const m = appendList(list('cellStyleXfs'), reportList('cellStyleXfs').map((x) => remapStartTag(x, { numFmtId: numFmt, fontId: via(font, 'font'), fillId: via(fill, 'fill'), borderId: via(border, 'border') })));
    if (list('cellStyles').length === 0) list('cellStyles').push(...reportList('cellStyles').map((cs) => remapStartTag(cs, { xfId: via(m, 'cell style xf') })));
    styleXf = via(m, 'cell style xf');
  }
  const xf = appendList(
    list('cellXfs'),
    reportList('cellXfs').map((x) => remapStartTag(x, { numFmtId: numFmt, fontId: via(font, 'font'), fillId: via(fill, 'fill'), borderId: via(border, 'border'), xfId: styleXf })),
  );
  // A dxf may carry its own number format; give it the merged id of its code.
  const dxf = appendList(
    list('dxfs'),
    reportList('dxfs').map((d) =>
      d.replace(/<((?:[\w.-]+:)?numFmt)(\s[^>]*?)(\/?)>/g, (all, name: string, attrs: string, close: string) => {
        const a = xmlAttributes(attrs);
        return a.formatCode === undefined ? all : `<${name} numFmtId="${numFmtOf(a.formatCode)}" formatCode="${xmlEscape(a.formatCode)}"${close}>`;
      }),
    ),
  );

  // Rebuild the changed sections; insert missing ones at their place in the schema order.
  let out = inputXml;
  const edits: { at: number; end: number; text: string }[] = [];
  for (const [name, items] of lists) {
    const original = input.children.get(name) ?? [];
    if (items.length === original.length) continue;
    const existing = input.sections.get(name);
    if (existing !== undefined) {
      let tag = inputXml.slice(existing.start, existing.openEnd).replace(/\s*\/>$/, '>');
      tag = /\scount\s*=\s*("[^"]*"|'[^']*')/.test(tag) ? tag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${items.length}"`) : tag.replace(/>$/, ` count="${items.length}">`);
      const inner = existing.selfClosing ? items.join('') : inputXml.slice(existing.openEnd, existing.closeStart) + items.slice(original.length).join('');
      edits.push({ at: existing.start, end: existing.end, text: `${tag}${inner}</${existing.name}>` });
    } else {
      const later = ORDER.slice(ORDER.indexOf(name) + 1)
        .map((n) => input.sections.get(n)?.start)
        .filter((i): i is number => i !== undefined);
      const at = later.length > 0 ? Math.min(...later) : input.root.closeStart;
      edits.push({ at, end: at, text: `<${p}${name} count="${items.length}">${items.join('')}</${p}${name}>` });
    }
  }
  if (input.root.selfClosing && edits.length > 0) throw new InputError(`${where}: empty <styleSheet/>; open the workbook in Excel and save it again.`);
  // Splice from the end so earlier offsets stay valid; insertions at the same point keep ORDER.
  edits.sort((a, b) => b.at - a.at || ORDER.indexOf(sectionAt(b.text)) - ORDER.indexOf(sectionAt(a.text)));
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { xml: out, xf, dxf };
}

function sectionAt(text: string): Section {
  const m = /^<(?:[\w.-]+:)?([A-Za-z]+)/.exec(text);
  return (m?.[1] ?? 'extLst') as Section;
}
