/**
 * Makes a worksheet part that exceljs wrote for the report workbook fit into the input
 * package: its shared-string cells become inline strings (the input's shared-string table
 * stays untouched), its style and differential-format indices point into the merged
 * `styles.xml`, and it no longer claims to be the selected tab (two selected tabs would open
 * grouped in Excel, where an edit changes every grouped sheet).
 *
 * Every rewrite is local to one element, so a large sheet can be grafted piece by piece,
 * cut after any `</row>`.
 */

/** What the report sheet's references map to in the merged package. */
export interface SheetGraft {
  /** The report's shared strings: the inner XML of each `<si>` (a CT_Rst, the same type `<is>` holds). */
  readonly strings: readonly string[];
  /** report cellXfs index → merged index */
  readonly xf: readonly number[];
  /** report dxfs index → merged index */
  readonly dxf: readonly number[];
}

function mapped(map: readonly number[], i: number, what: string): number {
  const v = map[i];
  if (v === undefined) throw new Error(`report sheet refers to ${what} ${i}, which the report styles do not have`);
  return v;
}

// The start-tag attribute that holds an index, per element (exceljs writes these unprefixed).
const INDEX_ATTRIBUTE: Readonly<Record<string, { re: RegExp; kind: 'xf' | 'dxf' }>> = {
  c: { re: /(\ss=")(\d+)(")/, kind: 'xf' },
  row: { re: /(\ss=")(\d+)(")/, kind: 'xf' },
  col: { re: /(\sstyle=")(\d+)(")/, kind: 'xf' },
  cfRule: { re: /(\sdxfId=")(\d+)(")/, kind: 'dxf' },
};

/**
 * The worksheet XML ready to be added to the input package.
 * @example graftSheetXml('<c r="A1" s="1" t="s"><v>0</v></c>', { strings: ['<t>Hi</t>'], xf: [0, 7], dxf: [] })
 * // '<c r="A1" s="7" t="inlineStr"><is><t>Hi</t></is></c>'
 */
export function graftSheetXml(xml: string, g: SheetGraft): string {
  return xml
    .replace(/<c(\s[^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_all, before: string, after: string, index: string) => {
      const si = g.strings[Number(index)];
      if (si === undefined) throw new Error(`report sheet refers to shared string ${index}, which does not exist`);
      return `<c${before} t="inlineStr"${after}><is>${si}</is></c>`;
    })
    .replace(/<(c|row|col|cfRule)(\s[^>]*)>/g, (all, name: string, attrs: string) => {
      const spec = INDEX_ATTRIBUTE[name];
      if (spec === undefined) return all;
      return `<${name}${attrs.replace(spec.re, (_m, a: string, v: string, b: string) => `${a}${mapped(spec.kind === 'xf' ? g.xf : g.dxf, Number(v), spec.kind)}${b}`)}>`;
    })
    .replace(/(<sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"/g, '$1');
}
