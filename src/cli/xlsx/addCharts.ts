/**
 * Adds DrawingML charts to an .xlsx package that exceljs wrote: per sheet with charts, a
 * drawing part with one two-cell anchor per chart, the chart parts, the relationships
 * (sheet → drawing → charts), the `<drawing r:id>` element in the sheet at its place in the
 * CT_Worksheet sequence, and the content-type overrides. When the sheet already has a
 * drawing (exceljs writes one for images), the charts are appended to it.
 */
import JSZip from 'jszip';
import { chartXml, type ResolvedChart } from './chartXml';
import { xmlAttributes, xmlEscape, xmlStartTags } from './xml';

export interface ChartPlacement {
  readonly chart: ResolvedChart;
  /** 0-based top-left cell. */
  readonly from: { readonly row: number; readonly col: number };
  /** 0-based cell whose top-left corner is the chart's bottom-right corner. */
  readonly to: { readonly row: number; readonly col: number };
}

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = `${R_NS}/drawing`;
const REL_CHART = `${R_NS}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/**
 * Elements that follow `<drawing>` in CT_Worksheet (ECMA-376 Part 1 §18.3.1.99); the
 * drawing element goes before the first of them that is present.
 */
const AFTER_DRAWING: ReadonlySet<string> = new Set(['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f === null ? undefined : f.async('string');
}

/** Resolves a relationship target against the folder of the part that owns the rels. */
function resolveTarget(ownerPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPath.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPath(partPath: string): string {
  const i = partPath.lastIndexOf('/');
  return `${partPath.slice(0, i)}/_rels/${partPath.slice(i + 1)}.rels`;
}

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function parseRels(xml: string | undefined): Rel[] {
  if (xml === undefined) return [];
  return xmlStartTags(xml, 'Relationship').map((tag) => {
    const a = xmlAttributes(tag);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' };
  });
}

function nextRelId(rels: readonly Rel[]): string {
  let max = 0;
  for (const r of rels) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m?.[1] !== undefined) max = Math.max(max, Number(m[1]));
  }
  return `rId${max + 1}`;
}

function addRel(xml: string | undefined, rel: Rel): string {
  const element = `<Relationship Id="${xmlEscape(rel.id)}" Type="${rel.type}" Target="${xmlEscape(rel.target)}"/>`;
  if (xml === undefined) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${element}</Relationships>`;
  }
  return xml.replace(/<\/Relationships>\s*$/, `${element}</Relationships>`);
}

function nextPartNumber(zip: JSZip, folder: string, stem: string): number {
  let max = 0;
  const re = new RegExp(`^${folder}/${stem}(\\d+)\\.xml$`);
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m?.[1] !== undefined) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

function anchorXml(p: ChartPlacement, shapeId: number, relId: string): string {
  const pos = (tag: string, c: { row: number; col: number }): string =>
    `<xdr:${tag}><xdr:col>${c.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${pos('from', p.from)}${pos('to', p.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${xmlEscape(`Chart ${shapeId - 1}`)}" descr="${xmlEscape(p.chart.title)}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R_NS}" r:id="${relId}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

function emptyDrawing(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>'
  );
}

function maxShapeId(drawing: string): number {
  let max = 1;
  for (const tag of xmlStartTags(drawing, 'xdr:cNvPr')) max = Math.max(max, Number(xmlAttributes(tag).id ?? 0));
  return max;
}

/**
 * Index of the first top-level child of `<worksheet>` named in `names`, else of
 * `</worksheet>`. Scans tags from the end of `<sheetData>` (which holds none of them), keeping
 * track of depth, so an `<extLst>` nested in a conditional-format rule is not mistaken for
 * the worksheet's own.
 */
function topLevelPosition(sheetXml: string, names: ReadonlySet<string>): number {
  let from = sheetXml.lastIndexOf('</sheetData>');
  let depth = 2; // inside <worksheet><sheetData>, about to read </sheetData>
  if (from === -1) {
    const empty = /<sheetData\s*\/>/.exec(sheetXml);
    if (empty === null) throw new Error('worksheet XML without <sheetData>');
    from = empty.index;
    depth = 1;
  }
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  tag.lastIndex = from;
  for (let m = tag.exec(sheetXml); m !== null; m = tag.exec(sheetXml)) {
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const name = m[2] ?? '';
    if (closing) {
      depth--;
      if (depth === 0) return m.index; // </worksheet>
      continue;
    }
    if (depth === 1 && names.has(name)) return m.index;
    if (!selfClosing) depth++;
  }
  throw new Error('worksheet XML without </worksheet>');
}

function insertDrawingElement(sheetXml: string, relId: string): string {
  const rootTag = xmlStartTags(sheetXml, 'worksheet')[0] ?? '';
  const declared = rootTag.includes(`xmlns:r="${R_NS}"`);
  const element = declared ? `<drawing r:id="${relId}"/>` : `<drawing xmlns:r="${R_NS}" r:id="${relId}"/>`;
  const at = topLevelPosition(sheetXml, AFTER_DRAWING);
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

function addOverride(contentTypes: string, partName: string, contentType: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  return contentTypes.replace(/<\/Types>\s*$/, `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
}

/** Maps sheet names to their part paths via `xl/workbook.xml` and its relationships. */
export async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, 'xl/workbook.xml');
  if (workbook === undefined) throw new Error('not an xlsx package: xl/workbook.xml is missing');
  const rels = parseRels(await text(zip, 'xl/_rels/workbook.xml.rels'));
  const out = new Map<string, string>();
  for (const tag of xmlStartTags(workbook, 'sheet')) {
    const a = xmlAttributes(tag);
    const rel = rels.find((r) => r.id === a['r:id']);
    if (a.name !== undefined && rel !== undefined) out.set(a.name, resolveTarget('xl/workbook.xml', rel.target));
  }
  return out;
}

/**
 * Adds the charts to the package in place.
 * @param chartsBySheet sheet name → charts to place on it
 */
export async function addCharts(zip: JSZip, chartsBySheet: ReadonlyMap<string, readonly ChartPlacement[]>): Promise<void> {
  if (chartsBySheet.size === 0) return;
  const sheets = await worksheetParts(zip);
  let contentTypes = (await text(zip, '[Content_Types].xml')) ?? '';
  let chartNo = nextPartNumber(zip, 'xl/charts', 'chart');
  let drawingNo = nextPartNumber(zip, 'xl/drawings', 'drawing');
  for (const [sheetName, placements] of chartsBySheet) {
    if (placements.length === 0) continue;
    const sheetPath = sheets.get(sheetName);
    if (sheetPath === undefined) throw new Error(`addCharts: no worksheet named ${sheetName}`);
    let sheetXml = (await text(zip, sheetPath)) ?? '';
    const sheetRelsPath = relsPath(sheetPath);
    let sheetRels = await text(zip, sheetRelsPath);
    const existing = /<drawing\s[^>]*>/.exec(sheetXml);
    let drawingPath: string;
    let drawing: string;
    if (existing !== null) {
      const id = xmlAttributes(existing[0])['r:id'];
      const rel = parseRels(sheetRels).find((r) => r.id === id);
      if (rel === undefined) throw new Error(`addCharts: ${sheetName} has a drawing without relationship`);
      drawingPath = resolveTarget(sheetPath, rel.target);
      drawing = (await text(zip, drawingPath)) ?? emptyDrawing();
    } else {
      drawingPath = `xl/drawings/drawing${drawingNo++}.xml`;
      drawing = emptyDrawing();
      const relId = nextRelId(parseRels(sheetRels));
      sheetRels = addRel(sheetRels, { id: relId, type: REL_DRAWING, target: `../drawings/${drawingPath.split('/').pop() ?? ''}` });
      sheetXml = insertDrawingElement(sheetXml, relId);
      contentTypes = addOverride(contentTypes, `/${drawingPath}`, CT_DRAWING);
    }
    const drawingRelsPath = relsPath(drawingPath);
    let drawingRels = await text(zip, drawingRelsPath);
    let shapeId = maxShapeId(drawing);
    let anchors = '';
    for (const p of placements) {
      const chartPath = `xl/charts/chart${chartNo++}.xml`;
      const relId = nextRelId(parseRels(drawingRels));
      drawingRels = addRel(drawingRels, { id: relId, type: REL_CHART, target: `../charts/${chartPath.split('/').pop() ?? ''}` });
      anchors += anchorXml(p, ++shapeId, relId);
      zip.file(chartPath, chartXml(p.chart));
      contentTypes = addOverride(contentTypes, `/${chartPath}`, CT_CHART);
    }
    if (!drawing.includes('</xdr:wsDr>')) {
      // A self-closing empty drawing root.
      drawing = drawing.replace(/<xdr:wsDr([^>]*)\/>/, '<xdr:wsDr$1></xdr:wsDr>');
    }
    if (!/xmlns:a=/.test(xmlStartTags(drawing, 'xdr:wsDr')[0] ?? '')) {
      drawing = drawing.replace(/<xdr:wsDr(?=[\s>])/, '<xdr:wsDr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"');
    }
    drawing = drawing.replace(/<\/xdr:wsDr>\s*$/, `${anchors}</xdr:wsDr>`);
    zip.file(drawingPath, drawing);
    zip.file(drawingRelsPath, drawingRels ?? '');
    zip.file(sheetRelsPath, sheetRels ?? '');
    zip.file(sheetPath, sheetXml);
  }
  zip.file('[Content_Types].xml', contentTypes);
}

