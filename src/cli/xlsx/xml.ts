/** XML text helpers for the parts we write ourselves (charts, drawings, relationships). */

// Characters XML 1.0 forbids (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for XML content and attribute values, dropping characters XML cannot hold.
 * @example xmlEscape('R&D <"Nord">') // "R&amp;D &lt;&quot;Nord&quot;&gt;"
 */
export function xmlEscape(s: string): string {
  return s
    .replace(ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Decodes the five predefined entities and numeric character references. */
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

/** Attributes of the first `<tag …>` in a fragment of XML, decoded. */
export function xmlAttributes(element: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of element.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = m[1];
    if (name !== undefined) out[name] = xmlUnescape(m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Every start tag `<name …>` / `<name …/>` of this element name (prefix included) in a document. */
export function xmlStartTags(xml: string, name: string): string[] {
  const re = new RegExp(`<${name.replace(/[.:]/g, '\\$&')}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}
