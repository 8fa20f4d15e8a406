/**
 * The package's `[Content_Types].xml`: what type a part has (its Override, else the Default
 * for its extension), and the edits the merge needs — an Override per new part, a changed or
 * removed one. Part names compare ignoring case, as OPC says. Edits splice text, so the rest
 * of the part stays as the input had it.
 */
import { xmlAttributes, xmlEscape } from './xml';
import { xmlChildren, type XmlElementSpan } from './xmlChildren';

/** The content types of a package. */
export class ContentTypes {
  private constructor(private text: string) {}

  /** @example ContentTypes.parse(xml).typeOf('xl/workbook.xml') */
  static parse(xml: string): ContentTypes {
    const [root] = xmlChildren(xml);
    if (root === undefined || root.local !== 'Types') throw new Error('[Content_Types].xml has no <Types> root');
    const types = new ContentTypes(xml);
    types.entries('Default'); // parse now, so a malformed part fails here and not halfway through a merge
    return types;
  }

  private root(): XmlElementSpan {
    const [root] = xmlChildren(this.text);
    if (root === undefined) throw new Error('[Content_Types].xml has no <Types> root');
    return root;
  }

  /** Parsed children, cached until the next edit (a package may have thousands of parts to look up). */
  private cache: { text: string; children: { span: XmlElementSpan; attrs: Record<string, string> }[] } | undefined;

  private entries(local: 'Override' | 'Default'): { span: XmlElementSpan; attrs: Record<string, string> }[] {
    if (this.cache?.text !== this.text) {
      const root = this.root();
      const children = root.selfClosing ? [] : xmlChildren(this.text, root).map((span) => ({ span, attrs: xmlAttributes(this.text.slice(span.start, span.openEnd)) }));
      this.cache = { text: this.text, children };
    }
    return this.cache.children.filter((c) => c.span.local === local);
  }

  private override(part: string): { span: XmlElementSpan; attrs: Record<string, string> } | undefined {
    const name = `/${part}`.toLowerCase();
    return this.entries('Override').find((o) => (o.attrs.PartName ?? '').toLowerCase() === name);
  }

  /** The content type of a part (name without leading slash), if the package declares one. */
  typeOf(part: string): string | undefined {
    const o = this.override(part);
    if (o !== undefined) return o.attrs.ContentType;
    const dot = part.lastIndexOf('.');
    const ext = dot < 0 || dot < part.lastIndexOf('/') ? '' : part.slice(dot + 1).toLowerCase();
    return this.entries('Default').find((d) => (d.attrs.Extension ?? '').toLowerCase() === ext)?.attrs.ContentType;
  }

  /** Whether there is a Default for this extension. */
  hasDefault(extension: string): boolean {
    return this.entries('Default').some((d) => (d.attrs.Extension ?? '').toLowerCase() === extension.toLowerCase());
  }

  /** Adds a Default for an extension (at the front, where Defaults conventionally are). */
  addDefault(extension: string, type: string): void {
    const root = this.root();
    const element = `<${root.prefix}Default Extension="${xmlEscape(extension)}" ContentType="${xmlEscape(type)}"/>`;
    this.insert(root, element, true);
  }

  /** Sets the Override of a part (adds one, or changes the type of the existing one). */
  setOverride(part: string, type: string): void {
    const o = this.override(part);
    if (o !== undefined) {
      const tag = this.text.slice(o.span.start, o.span.openEnd).replace(/(\sContentType\s*=\s*)("[^"]*"|'[^']*')/, `$1"${xmlEscape(type)}"`);
      this.text = this.text.slice(0, o.span.start) + tag + this.text.slice(o.span.openEnd);
      return;
    }
    const root = this.root();
    this.insert(root, `<${root.prefix}Override PartName="/${xmlEscape(part)}" ContentType="${xmlEscape(type)}"/>`, false);
  }

  /** Removes the Override of a part, if any. */
  removeOverride(part: string): void {
    const o = this.override(part);
    if (o !== undefined) this.text = this.text.slice(0, o.span.start) + this.text.slice(o.span.end);
  }

  private insert(root: XmlElementSpan, element: string, atFront: boolean): void {
    if (root.selfClosing) {
      this.text = `${this.text.slice(0, root.start)}${this.text.slice(root.start, root.end - 2).trimEnd()}>${element}</${root.name}>${this.text.slice(root.end)}`;
    } else {
      const at = atFront ? root.openEnd : root.closeStart;
      this.text = this.text.slice(0, at) + element + this.text.slice(at);
    }
  }

  /** The part text, with the edits made. */
  xml(): string {
    return this.text;
  }
}
