/**
 * A package relationships part (`_rels/*.rels`, OPC): read, extended, and the part-name
 * arithmetic that goes with it (where a part's rels live, what a relative target means).
 * Edits splice new elements in before the end tag, so existing ones stay as written.
 */
import { xmlAttributes, xmlEscape } from './xml';
import { xmlChildren } from './xmlChildren';

/** One `<Relationship>`. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** As written (relative to the owner's folder unless it starts with `/`). */
  readonly target: string;
  readonly external: boolean;
}

const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The relationships of one part. */
export class Relationships {
  private constructor(
    private xmlText: string,
    readonly list: Relationship[],
  ) {}

  /**
   * Parses a rels part; `undefined` (a part without rels) gives an empty set.
   * @example Relationships.parse(relsXml).byType(WORKSHEET)
   */
  static parse(xml: string | undefined): Relationships {
    if (xml === undefined) return new Relationships(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`, []);
    const [root] = xmlChildren(xml);
    if (root === undefined || root.local !== 'Relationships') throw new Error('not a relationships part');
    const list = xmlChildren(xml, root)
      .filter((c) => c.local === 'Relationship')
      .map((c) => {
        const a = xmlAttributes(xml.slice(c.start, c.openEnd));
        return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' };
      });
    return new Relationships(xml, list);
  }

  /** The rels part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
  static pathOf(part: string): string {
    const i = part.lastIndexOf('/');
    return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
  }

  /** The part a target of `owner` names (`owner` '' for the package's own rels). */
  static resolve(owner: string, target: string): string {
    if (target.startsWith('/')) return target.slice(1);
    const parts = owner.split('/').slice(0, -1);
    for (const seg of target.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg !== '.' && seg !== '') parts.push(seg);
    }
    return parts.join('/');
  }

  /** The relative target from `owner` to `part`: (`xl/worksheets/sheet1.xml`, `xl/tables/table2.xml`) → `../tables/table2.xml`. */
  static relative(owner: string, part: string): string {
    const from = owner.split('/').slice(0, -1);
    const to = part.split('/');
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  }

  byId(id: string): Relationship | undefined {
    return this.list.find((r) => r.id === id);
  }

  /** An id not used yet: `rId<n>` above the largest numbered one. */
  freeId(): string {
    let max = 0;
    for (const r of this.list) {
      const m = /^rId(\d+)$/.exec(r.id);
      if (m?.[1] !== undefined) max = Math.max(max, Number(m[1]));
    }
    let n = max + 1;
    while (this.list.some((r) => r.id === `rId${n}`)) n++;
    return `rId${n}`;
  }

  /** Adds a relationship (internal target) at the end. */
  add(rel: Omit<Relationship, 'external'>): void {
    if (this.byId(rel.id) !== undefined) throw new Error(`relationship id ${rel.id} is taken`);
    const [root] = xmlChildren(this.xmlText);
    if (root === undefined) throw new Error('not a relationships part');
    const element = `<${root.prefix}Relationship Id="${xmlEscape(rel.id)}" Type="${xmlEscape(rel.type)}" Target="${xmlEscape(rel.target)}"/>`;
    this.xmlText = root.selfClosing
      ? `${this.xmlText.slice(0, root.start)}${this.xmlText.slice(root.start, root.end - 2).trimEnd()}>${element}</${root.name}>${this.xmlText.slice(root.end)}`
      : this.xmlText.slice(0, root.closeStart) + element + this.xmlText.slice(root.closeStart);
    this.list.push({ ...rel, external: false });
  }

  /** Removes the relationship with this id (its element only). */
  remove(id: string): void {
    const [root] = xmlChildren(this.xmlText);
    if (root === undefined) return;
    for (const c of xmlChildren(this.xmlText, root)) {
      if (c.local === 'Relationship' && xmlAttributes(this.xmlText.slice(c.start, c.openEnd)).Id === id) {
        this.xmlText = this.xmlText.slice(0, c.start) + this.xmlText.slice(c.end);
        break;
      }
    }
    const i = this.list.findIndex((r) => r.id === id);
    if (i >= 0) this.list.splice(i, 1);
  }

  /** The part text, with the edits made. */
  xml(): string {
    return this.xmlText;
  }
}
