import { AttributeCursor } from './attributeCursor';
import { decodeXmlAttribute } from './xmlText';
import { nameIs, XmlScanner } from './xmlScanner';

/** One `<Relationship>` of a `.rels` part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/**
 * The relationships of a `.rels` part, by id.
 * @example parseRelationships(await zip.read('xl/_rels/workbook.xml.rels')).get('rId1')?.target
 */
export function parseRelationships(xml: Buffer): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const at = new AttributeCursor();
  const scanner = new XmlScanner({
    open(buf, ns, ne, as, ae) {
      if (!nameIs(buf, ns, ne, 'Relationship')) return -1;
      let id = '';
      let type = '';
      let target = '';
      let external = false;
      at.reset(buf, as, ae);
      while (at.next()) {
        if (at.prefixed) continue;
        const v = (): string => decodeXmlAttribute(buf, at.valueStart, at.valueEnd);
        if (at.is('Id')) id = v();
        else if (at.is('Type')) type = v();
        else if (at.is('Target')) target = v();
        else if (at.is('TargetMode')) external = v() === 'External';
      }
      // A repeated id: the last one wins, as in exceljs.
      out.set(id, { id, type, target, external });
      return -1;
    },
    close() {},
    text() {},
  });
  scanner.write(xml);
  scanner.end();
  return out;
}

/**
 * The part a relationship target names, resolved against the part that holds the relationship
 * (`xl/workbook.xml` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`); absolute targets
 * (`/xl/worksheets/sheet1.xml`) start from the package root.
 * @example resolveTarget('xl/workbook.xml', '../customXml/item1.xml') // 'customXml/item1.xml'
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/**
 * Where the relationships of `part` are stored.
 * @example relationshipsPartOf('xl/workbook.xml') // 'xl/_rels/workbook.xml.rels'
 */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
