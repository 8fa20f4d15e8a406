/**
 * exceljs's `utils.xmlDecode`, which it applies to sheet names and to `t="str"` cell values on
 * top of the XML parser's own decoding: the five named entities, lower-case names only, decoded
 * once more. Replicated so that such text reads as before (`&amp;amp;` in the XML gives `&`).
 * @example xmlDecodeAgain('a &lt; b') // 'a < b'
 */
export function xmlDecodeAgain(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}
