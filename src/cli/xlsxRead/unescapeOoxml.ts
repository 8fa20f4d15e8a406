/**
 * exceljs's `TextXform`: the text of a `<t>` with `_xHHHH_` escapes (upper-case hex, as Excel
 * writes them) turned into the character. Used for shared strings and rich-text runs — not for
 * plain inline strings, which exceljs takes as written.
 * @example unescapeOoxml('a_x000D_b') // 'a\rb'
 */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
