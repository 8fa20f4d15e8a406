/**
 * Adds the report sheets to the input's workbook part: a `<sheet>` per report sheet after the
 * input's own (new `sheetId`s, the given relationship ids) and the report's defined names
 * (print titles, scoped to the report sheets) into `<definedNames>`, which is created at its
 * place in CT_Workbook when the input has none. Element prefixes follow the input's (a
 * workbook written as `<x:workbook>` gets `<x:sheet>`). Everything else stays as written.
 */
import { InputError } from '../inputError';
import { xmlAttributes, xmlEscape } from './xml';
import { xmlChildren } from './xmlChildren';

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** CT_Workbook children that come after `<definedNames>` (ECMA-376 Part 1 §18.2.27). */
const AFTER_DEFINED_NAMES: ReadonlySet<string> = new Set(['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);

/** A defined name to add; `localSheetId` already counts the input's sheets. */
export interface ReportDefinedName {
  readonly name: string;
  readonly localSheetId?: number;
  /** The formula, as text (escaped here). */
  readonly formula: string;
}

/**
 * The workbook XML with the report sheets and names added.
 * @param sheets report sheets in order, each with its final name and its relationship id in the workbook's rels
 * @param where the input file and part, for error messages
 * @example addReportSheets(xml, [{ name: 'Commission (2)', relId: 'rId9' }], [], 'in.xlsx › xl/workbook.xml')
 */
export function addReportSheets(xml: string, sheets: readonly { name: string; relId: string }[], names: readonly ReportDefinedName[], where: string): string {
  const root = xmlChildren(xml).find((e) => e.local === 'workbook');
  if (root === undefined || root.selfClosing) throw new InputError(`${where}: no <workbook> element`);
  const p = root.prefix;
  const rootAttrs = xmlAttributes(xml.slice(root.start, root.openEnd));
  const rPrefix = Object.entries(rootAttrs).find(([k, v]) => k.startsWith('xmlns:') && v === R_NS)?.[0].slice('xmlns:'.length);
  const idAttr = rPrefix === undefined ? `xmlns:r="${R_NS}" r:id` : `${rPrefix}:id`;

  const children = xmlChildren(xml, root);
  const sheetsEl = children.find((c) => c.local === 'sheets');
  if (sheetsEl === undefined) throw new InputError(`${where}: no <sheets> element`);
  const existing = sheetsEl.selfClosing ? [] : xmlChildren(xml, sheetsEl).filter((s) => s.local === 'sheet');
  let sheetId = Math.max(0, ...existing.map((s) => Number(xmlAttributes(xml.slice(s.start, s.openEnd)).sheetId ?? 0) || 0));
  const newSheets = sheets.map((s) => `<${p}sheet name="${xmlEscape(s.name)}" sheetId="${++sheetId}" ${idAttr}="${xmlEscape(s.relId)}"/>`).join('');

  const edits: { at: number; end: number; text: string }[] = [];
  edits.push(
    sheetsEl.selfClosing
      ? { at: sheetsEl.start, end: sheetsEl.end, text: `${xml.slice(sheetsEl.start, sheetsEl.end - 2).trimEnd()}>${newSheets}</${sheetsEl.name}>` }
      : { at: sheetsEl.closeStart, end: sheetsEl.closeStart, text: newSheets },
  );

  if (names.length > 0) {
    const element = (n: ReportDefinedName): string => `<${p}definedName name="${xmlEscape(n.name)}"${n.localSheetId === undefined ? '' : ` localSheetId="${n.localSheetId}"`}>${xmlEscape(n.formula)}</${p}definedName>`;
    const namesEl = children.find((c) => c.local === 'definedNames');
    if (namesEl === undefined) {
      const next = children.find((c) => AFTER_DEFINED_NAMES.has(c.local));
      const at = next?.start ?? root.closeStart;
      edits.push({ at, end: at, text: `<${p}definedNames>${names.map(element).join('')}</${p}definedNames>` });
    } else {
      const current = namesEl.selfClosing ? [] : xmlChildren(xml, namesEl).filter((d) => d.local === 'definedName');
      const scope = (a: Record<string, string>): string => `${(a.name ?? '').toUpperCase()}\u0000${a.localSheetId ?? ''}`;
      const taken = new Set(current.map((d) => scope(xmlAttributes(xml.slice(d.start, d.openEnd)))));
      for (const n of names) {
        if (taken.has(scope({ name: n.name, ...(n.localSheetId !== undefined && { localSheetId: String(n.localSheetId) }) }))) {
          throw new Error(`defined name ${n.name} (sheet ${n.localSheetId ?? 'workbook'}) exists already`);
        }
      }
      if (namesEl.selfClosing) {
        edits.push({ at: namesEl.start, end: namesEl.end, text: `<${namesEl.name}>${names.map(element).join('')}</${namesEl.name}>` });
      } else {
        // Excel writes defined names sorted by name without its `_xlnm.` prefix, ignoring case
        // (as XlsxWriter, which mimics Excel, documents); insert each before the first greater
        // one, so a sorted list stays sorted.
        const sortKey = (name: string): string => name.replace(/^_xlnm\./i, '').toLowerCase();
        const byPosition = new Map<number, string[]>();
        for (const n of names) {
          const after = current.find((d) => sortKey(xmlAttributes(xml.slice(d.start, d.openEnd)).name ?? '') > sortKey(n.name));
          const at = after?.start ?? namesEl.closeStart;
          byPosition.set(at, [...(byPosition.get(at) ?? []), element(n)]);
        }
        for (const [at, elements] of byPosition) edits.push({ at, end: at, text: elements.join('') });
      }
    }
  }
  let out = xml;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}
