/**
 * Offline checks of manifest.xml, shared by `npm run validate` (scripts/validateManifest.js) and
 * test/manifest.test.ts. Microsoft's validator (`office-addin-manifest validate`) needs the network
 * and no XSD ships with the tools (OFFICE-JS.md §9), so this encodes what matters to us:
 *
 * - well-formed XML with the right namespaces;
 * - child elements present and in the order of the XSD sequences (OfficeAppManifestV1_1.xsd,
 *   TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd);
 * - identity: GUID Id, four-part Version, en-US, Workbook host, ReadWriteDocument, ExcelApi 1.12;
 * - every URL is https://localhost:3000/… and names a file the webpack `addin` build emits;
 *   icons are PNGs of the declared pixel size and are not one flat colour;
 * - every resid is defined in the right resource collection, ids are ≤ 32 characters and unique,
 *   nothing is defined but unused; string lengths and de-DE/es-ES/pl-PL overrides;
 * - every ExecuteFunction FunctionName is registered with Office.actions.associate in
 *   src/commands/commands.ts, and the other way round.
 *
 * Each problem is `{ rule, message }` so the test can report per rule. CommonJS, no build step.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { SaxesParser } = require('saxes');
const { PNG } = require('pngjs');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** Where the dev server (and so the manifest) serves the add-in from. */
const BASE_URL = 'https://localhost:3000/';
const LOCALES = ['de-DE', 'es-ES', 'pl-PL'];
const RIBBON_ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const REQUIRED_RIBBON_ICON_SIZES = [16, 32, 80];
const MAX_ID = 32;
const MAX_SHORT = 125;
const MAX_LONG = 250;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RULES = ['xml', 'structure', 'identity', 'requirements', 'urls', 'icons', 'resources', 'strings', 'commands'];

// ---------------------------------------------------------------------------------------------
// XML → small element tree

/**
 * @typedef {{ local: string, uri: string, attrs: Map<string, string>, children: XmlElement[],
 *   text: string, line: number, parent: XmlElement | null }} XmlElement
 * `attrs` is keyed `{uri}local` (plain attributes: `{}local`).
 */

/** Parses XML with a conforming, namespace-aware parser; throws with line:column on the first error. */
function parseXml(text, fileName) {
  const parser = new SaxesParser({ xmlns: true, position: true, fileName });
  /** @type {XmlElement | null} */
  let root = null;
  /** @type {XmlElement[]} */
  const stack = [];
  parser.on('opentag', (tag) => {
    const attrs = new Map();
    for (const a of Object.values(tag.attributes)) attrs.set(`{${a.uri}}${a.local}`, a.value);
    const parent = stack[stack.length - 1] ?? null;
    const el = { local: tag.local, uri: tag.uri, attrs, children: [], text: '', line: parser.line, parent };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(text).close();
  if (!root) throw new Error(`${fileName}: no root element`);
  return root;
}

function attr(el, local, uri = '') {
  return el.attrs.get(`{${uri}}${local}`);
}

/** Local part of an xsi:type value such as `bt:Workbook` or `Button`. */
function xsiType(el) {
  const t = attr(el, 'type', NS.xsi);
  return t === undefined ? undefined : t.slice(t.indexOf(':') + 1);
}

function pathOf(el) {
  const parts = [];
  for (let e = el; e; e = e.parent) {
    const id = attr(e, 'id');
    parts.unshift(id ? `${e.local}[${id}]` : e.local);
  }
  return parts.join('/');
}

function where(el) {
  return `${pathOf(el)} (line ${el.line})`;
}

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function childrenNamed(el, local, uri) {
  return el.children.filter((c) => c.local === local && c.uri === uri);
}

function child(el, local, uri) {
  return childrenNamed(el, local, uri)[0];
}

// ---------------------------------------------------------------------------------------------
// Structure: XSD sequences, with our own stricter minimums where the product needs an element

/**
 * A sequence entry: [local name, min, max, type of the child (key of TYPES or a function of the
 * child), namespace]. Namespace defaults to the parent type's namespace.
 * Minimums marked "ours" are stricter than the XSD because AccountDesk needs the element.
 */
const TYPES = {
  TaskPaneApp: {
    ns: NS.app,
    seq: [
      ['Id', 1, 1],
      ['AlternateId', 0, 1],
      ['Version', 1, 1],
      ['ProviderName', 1, 1],
      ['DefaultLocale', 1, 1],
      ['DisplayName', 1, 1, 'LocaleAware'],
      ['Description', 1, 1, 'LocaleAware'],
      ['IconUrl', 1, 1, 'LocaleAware'], // ours (XSD: 0)
      ['HighResolutionIconUrl', 1, 1, 'LocaleAware'], // ours
      ['SupportUrl', 1, 1, 'LocaleAware'], // ours
      ['AppDomains', 0, 1, 'AppDomains'],
      ['Hosts', 1, 1, 'AppHosts'], // ours
      ['Requirements', 1, 1, 'AppRequirements'], // ours: ExcelApi 1.12
      ['DefaultSettings', 1, 1, 'DefaultSettings'],
      ['Permissions', 1, 1],
      ['Dictionary', 0, 1],
      ['VersionOverrides', 1, 1, 'VersionOverrides', NS.ov], // ours: ribbon commands
    ],
  },
  LocaleAware: { ns: NS.app, seq: [['Override', 0, Infinity]] },
  AppDomains: { ns: NS.app, seq: [['AppDomain', 1, Infinity]] },
  AppHosts: { ns: NS.app, seq: [['Host', 1, Infinity]] },
  AppRequirements: {
    ns: NS.app,
    seq: [
      ['Sets', 0, 1, 'Sets'],
      ['Methods', 0, 1],
    ],
  },
  Sets: { ns: NS.app, seq: [['Set', 1, Infinity]] },
  DefaultSettings: {
    ns: NS.app,
    seq: [
      ['SourceLocation', 1, 1, 'LocaleAware'],
      ['RequestedWidth', 0, 1],
      ['RequestedHeight', 0, 1],
    ],
  },
  VersionOverrides: {
    ns: NS.ov,
    seq: [
      ['Description', 0, 1],
      ['Requirements', 0, 1],
      ['Hosts', 1, 1, 'OvHosts'],
      ['Resources', 1, 1, 'Resources'],
      ['WebApplicationInfo', 0, 1],
      ['EquivalentAddins', 0, 1],
    ],
  },
  OvHosts: { ns: NS.ov, seq: [['Host', 1, Infinity, 'OvHost']] },
  OvHost: {
    ns: NS.ov,
    seq: [
      ['AllFormFactors', 0, 1],
      ['DesktopFormFactor', 1, 1, 'FormFactor'],
    ],
  },
  FormFactor: {
    ns: NS.ov,
    seq: [
      ['GetStarted', 0, 1, 'GetStarted'],
      ['FunctionFile', 0, 1],
      ['ExtensionPoint', 1, Infinity, (el) => (xsiType(el) === 'PrimaryCommandSurface' ? 'CommandSurface' : null)],
    ],
  },
  GetStarted: {
    ns: NS.ov,
    seq: [
      ['Title', 1, 1],
      ['Description', 1, 1],
      ['LearnMoreUrl', 1, 1],
    ],
  },
  CommandSurface: {
    ns: NS.ov,
    seq: [
      ['OfficeTab', 0, Infinity, 'Tab'],
      ['CustomTab', 0, Infinity, 'CustomTab'],
    ],
  },
  Tab: { ns: NS.ov, seq: [['Group', 1, Infinity, 'Group']] },
  CustomTab: {
    ns: NS.ov,
    seq: [
      ['Group', 1, Infinity, 'Group'],
      ['Label', 1, 1],
    ],
  },
  Group: {
    ns: NS.ov,
    seq: [
      ['Label', 1, 1],
      ['Icon', 1, 1, 'Icon'],
      ['Control', 1, Infinity, (el) => (xsiType(el) === 'Button' ? 'Button' : null)],
    ],
  },
  Button: {
    ns: NS.ov,
    seq: [
      ['Label', 1, 1],
      ['Supertip', 1, 1, 'Supertip'],
      ['Icon', 1, 1, 'Icon'],
      [
        'Action',
        1,
        1,
        (el) => ({ ShowTaskpane: 'ShowTaskpane', ExecuteFunction: 'ExecuteFunction' })[xsiType(el)] ?? null,
      ],
    ],
  },
  Supertip: {
    ns: NS.ov,
    seq: [
      ['Title', 1, 1],
      ['Description', 1, 1],
    ],
  },
  Icon: { ns: NS.ov, seq: [['Image', 1, Infinity, null, NS.bt]] },
  ShowTaskpane: {
    ns: NS.ov,
    seq: [
      ['TaskpaneId', 0, 1],
      ['SourceLocation', 1, 1],
      ['Title', 0, 1],
      ['SupportsPinning', 0, 1],
    ],
  },
  ExecuteFunction: { ns: NS.ov, seq: [['FunctionName', 1, 1]] },
  Resources: {
    ns: NS.bt,
    seq: [
      ['Images', 0, 1, 'ImageList'],
      ['Urls', 0, 1, 'UrlList'],
      ['ShortStrings', 0, 1, 'StringList'],
      ['LongStrings', 0, 1, 'StringList'],
    ],
  },
  ImageList: { ns: NS.bt, seq: [['Image', 0, Infinity, 'Resource']] },
  UrlList: { ns: NS.bt, seq: [['Url', 0, Infinity, 'Resource']] },
  StringList: { ns: NS.bt, seq: [['String', 0, Infinity, 'Resource']] },
  Resource: { ns: NS.bt, seq: [['Override', 0, Infinity]] },
};

const SEQUENCE_KNOWN_TYPES = new Set(['PrimaryCommandSurface', 'Button', 'ShowTaskpane', 'ExecuteFunction']);

/** Checks `el`'s children against the type's sequence, then recurses. */
function checkStructure(el, typeName, problems) {
  const type = TYPES[typeName];
  const seq = type.seq.map(([name, min, max, childType, ns]) => ({ name, min, max, childType, ns: ns ?? type.ns }));
  const counts = seq.map(() => 0);
  let at = 0;
  for (const c of el.children) {
    const matches = (s) => s.name === c.local && s.ns === c.uri;
    let j = seq.findIndex((s, k) => k >= at && matches(s));
    if (j < 0) {
      const earlier = seq.findIndex(matches);
      if (earlier >= 0) {
        counts[earlier]++; // present, just misplaced: do not also report it missing
        const next = seq.slice(earlier + 1).find((s, k) => counts[earlier + 1 + k] > 0);
        problems.push(
          `${where(c)}: <${c.local}> is out of order; it must come before <${next ? next.name : '?'}> (XSD sequence)`,
        );
      } else {
        problems.push(`${where(c)}: <${c.local}> (${c.uri}) is not a valid child of <${el.local}>`);
      }
      continue;
    }
    at = j;
    counts[j]++;
    const s = seq[j];
    if (counts[j] > s.max) problems.push(`${where(c)}: more than ${s.max} <${c.local}> in <${el.local}>`);
    const childType = typeof s.childType === 'function' ? s.childType(c) : s.childType;
    if (typeof s.childType === 'function' && childType === null) {
      const t = xsiType(c);
      if (!SEQUENCE_KNOWN_TYPES.has(t))
        problems.push(`${where(c)}: xsi:type "${t}" is not checked by manifestChecks.js`);
      continue;
    }
    if (childType) checkStructure(c, childType, problems);
  }
  seq.forEach((s, k) => {
    if (counts[k] < s.min) problems.push(`${where(el)}: missing <${s.name}>`);
  });
}

// ---------------------------------------------------------------------------------------------
// Build outputs: which files `webpack --config-name addin` emits

/**
 * Maps each file the add-in build emits (path relative to dist/) to its source file on disk, or
 * to null when webpack generates it (HtmlWebpackPlugin). Read from webpack.config.js itself so a
 * renamed page or a dropped copy pattern shows up here.
 */
async function buildOutputs(root) {
  const configPath = path.join(root, 'webpack.config.js');
  delete require.cache[require.resolve(configPath)];
  let exported = require(configPath);
  if (typeof exported === 'function') exported = await exported({ WEBPACK_BUILD: true }, { mode: 'production' });
  const configs = Array.isArray(exported) ? exported : [exported];
  const addin = configs.find((c) => c.name === 'addin');
  if (!addin) throw new Error('webpack.config.js has no configuration named "addin"');
  const context = addin.context ?? root;
  /** @type {Map<string, string | null>} */
  const outputs = new Map();
  for (const plugin of addin.plugins ?? []) {
    if (plugin.userOptions && typeof plugin.userOptions.filename === 'string') {
      outputs.set(plugin.userOptions.filename, null); // HtmlWebpackPlugin
    }
    for (const pattern of plugin.patterns ?? []) {
      // CopyWebpackPlugin
      const p = typeof pattern === 'string' ? { from: pattern } : pattern;
      const from = path.resolve(context, p.from);
      const to = typeof p.to === 'string' ? p.to : '';
      if (!fs.existsSync(from)) continue;
      if (fs.statSync(from).isDirectory()) {
        for (const file of listFiles(from)) {
          outputs.set(path.posix.join(to, path.relative(from, file).split(path.sep).join('/')), file);
        }
      } else {
        const base = path.basename(from);
        const name = to === '' || to.includes('[name]') ? base : to.endsWith('/') ? to + base : to;
        outputs.set(name, from);
      }
    }
  }
  return outputs;
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(p) : [p];
  });
}

// ---------------------------------------------------------------------------------------------
// Icons

/** Problems with one PNG that the manifest shows at `size`×`size`, or [] when fine. */
function pngProblems(file, size) {
  let png;
  try {
    png = PNG.sync.read(fs.readFileSync(file));
  } catch (e) {
    return [`${file}: not a readable PNG (${e.message})`];
  }
  const problems = [];
  if (png.width !== size || png.height !== size) {
    problems.push(`${path.basename(file)} is ${png.width}×${png.height}, the manifest uses it as ${size}×${size}`);
  }
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const a = png.data[i + 3];
    const key = a === 0 ? 0 : png.data.readUInt32BE(i);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pixels = png.width * png.height;
  const dominant = Math.max(...counts.values());
  if (counts.size < 2 || dominant / pixels > 0.9) {
    problems.push(
      `${path.basename(file)} is (nearly) one flat colour: ${Math.round((100 * dominant) / pixels)}% of pixels`,
    );
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Checks

/**
 * Checks manifest text. `outputs` is {@link buildOutputs}; `commandsSource` the text of
 * src/commands/commands.ts (null to skip the function-name cross-check).
 * @returns {{ rule: string, message: string }[]}
 */
function checkManifestText(xml, { outputs, commandsSource = null, fileName = 'manifest.xml' }) {
  const found = [];
  const report = (rule) => (message) => found.push({ rule, message });
  let root;
  try {
    root = parseXml(xml, fileName);
  } catch (e) {
    report('xml')(e.message);
    return found;
  }

  // Root and structure
  if (root.local !== 'OfficeApp' || root.uri !== NS.app) {
    report('structure')(`root element is {${root.uri}}${root.local}, expected OfficeApp in ${NS.app}`);
    return found;
  }
  if (xsiType(root) !== 'TaskPaneApp')
    report('structure')(`OfficeApp xsi:type is "${xsiType(root)}", expected TaskPaneApp`);
  const structure = [];
  checkStructure(root, 'TaskPaneApp', structure);
  structure.forEach(report('structure'));

  const text = (el) => (el ? el.text.trim() : undefined);
  const app = (name) => child(root, name, NS.app);
  const vo = child(root, 'VersionOverrides', NS.ov);

  // Identity
  const identity = report('identity');
  if (!GUID.test(text(app('Id')) ?? '')) identity(`Id "${text(app('Id'))}" is not a GUID`);
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(text(app('Version')) ?? '')) {
    identity(`Version "${text(app('Version'))}" is not of the form n.n.n.n`);
  }
  if (text(app('DefaultLocale')) !== 'en-US')
    identity(`DefaultLocale is "${text(app('DefaultLocale'))}", expected en-US`);
  for (const name of ['ProviderName', 'DisplayName']) {
    const el = app(name);
    const v = name === 'ProviderName' ? text(el) : el && attr(el, 'DefaultValue');
    if (v !== 'AccountDesk') identity(`${name} is "${v}", expected AccountDesk`);
  }
  if (text(app('Permissions')) !== 'ReadWriteDocument') {
    identity(`Permissions is "${text(app('Permissions'))}", expected ReadWriteDocument`);
  }
  const hosts = app('Hosts') ? childrenNamed(app('Hosts'), 'Host', NS.app).map((h) => attr(h, 'Name')) : [];
  if (hosts.join() !== 'Workbook') identity(`Hosts are [${hosts}], expected [Workbook]`);
  if (vo) {
    if (xsiType(vo) !== 'VersionOverridesV1_0') identity(`VersionOverrides xsi:type is "${xsiType(vo)}"`);
    const ovHosts = child(vo, 'Hosts', NS.ov);
    const types = ovHosts ? childrenNamed(ovHosts, 'Host', NS.ov).map(xsiType) : [];
    if (types.join() !== 'Workbook') identity(`VersionOverrides hosts are [${types}], expected [Workbook]`);
  }

  // Requirements: ExcelApi 1.12 on OfficeApp (hides the add-in where unsupported); none on
  // VersionOverrides, where it would drop the ribbon commands instead (OFFICE-JS.md §8).
  const requirements = report('requirements');
  const sets = app('Requirements') && child(app('Requirements'), 'Sets', NS.app);
  const excelApi = sets && childrenNamed(sets, 'Set', NS.app).find((s) => attr(s, 'Name') === 'ExcelApi');
  const excelMin = excelApi && (attr(excelApi, 'MinVersion') ?? attr(sets, 'DefaultMinVersion'));
  if (excelMin !== '1.12') requirements(`OfficeApp/Requirements must ask for ExcelApi 1.12, found ${excelMin}`);
  if (sets && attr(sets, 'DefaultMinVersion') !== '1.1') {
    requirements(`Sets DefaultMinVersion is "${attr(sets, 'DefaultMinVersion')}", expected 1.1`);
  }
  if (vo && child(vo, 'Requirements', NS.ov)) {
    requirements('VersionOverrides/Requirements would hide the ribbon commands; keep requirements on OfficeApp');
  }

  // Resources
  const resources = report('resources');
  const res = vo && child(vo, 'Resources', NS.ov);
  /** @type {Record<string, Map<string, XmlElement>>} */
  const defined = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  for (const kind of Object.keys(defined)) {
    const list = res && child(res, kind, NS.bt);
    for (const item of list ? list.children : []) {
      const id = attr(item, 'id');
      if (!id) {
        resources(`${where(item)}: resource without id`);
        continue;
      }
      if (id.length > MAX_ID) resources(`${where(item)}: id "${id}" is longer than ${MAX_ID} characters`);
      if (defined[kind].has(id)) resources(`${where(item)}: id "${id}" defined twice in ${kind}`);
      defined[kind].set(id, item);
    }
  }
  const used = new Set();
  /** Which collection a resid points into, by the referring element. */
  const collectionOf = (el) => {
    if (el.uri === NS.bt && el.local === 'Image') return 'Images';
    if (['FunctionFile', 'SourceLocation', 'LearnMoreUrl'].includes(el.local)) return 'Urls';
    if (['Label', 'Title'].includes(el.local)) return 'ShortStrings';
    if (el.local === 'Description') return 'LongStrings';
    return null;
  };
  for (const el of vo ? walk(vo) : []) {
    const resid = attr(el, 'resid');
    if (resid === undefined) continue;
    if (resid.length > MAX_ID) resources(`${where(el)}: resid "${resid}" is longer than ${MAX_ID} characters`);
    const kind = collectionOf(el);
    if (!kind) {
      resources(`${where(el)}: unexpected resid on <${el.local}>`);
    } else if (!defined[kind].has(resid)) {
      resources(`${where(el)}: resid "${resid}" is not defined in bt:${kind}`);
    } else {
      used.add(`${kind}/${resid}`);
    }
  }
  for (const [kind, ids] of Object.entries(defined)) {
    for (const [id, item] of ids) if (!used.has(`${kind}/${id}`)) resources(`${where(item)}: "${id}" is never used`);
  }
  const controlIds = new Map();
  for (const el of vo ? walk(vo) : []) {
    if (!['Group', 'Control', 'OfficeTab', 'CustomTab'].includes(el.local)) continue;
    const id = attr(el, 'id');
    if (id === undefined) resources(`${where(el)}: missing id`);
    else if (controlIds.has(id)) resources(`${where(el)}: id "${id}" is used twice`);
    else controlIds.set(id, el);
  }

  // URLs and the files behind them
  const urls = report('urls');
  const icons = report('icons');
  /** Checks one URL; returns the source file behind it (or null). */
  const checkUrl = (el, url, label) => {
    if (!url.startsWith(BASE_URL)) {
      urls(`${where(el)}: ${label} "${url}" is not under ${BASE_URL}`);
      return null;
    }
    const rel = decodeURI(url.slice(BASE_URL.length).split(/[?#]/)[0]);
    if (!outputs.has(rel)) {
      urls(`${where(el)}: ${label} "${url}": the add-in build emits no ${rel}`);
      return null;
    }
    return outputs.get(rel);
  };
  const urlValues = (el) => [
    attr(el, 'DefaultValue'),
    ...el.children.filter((c) => c.local === 'Override').map((o) => attr(o, 'Value')),
  ];
  const iconUrl = (name, size) => {
    const el = app(name);
    if (!el) return;
    for (const url of urlValues(el)) {
      const file = url && checkUrl(el, url, name);
      if (file) pngProblems(file, size).forEach((m) => icons(`${name}: ${m}`));
    }
  };
  iconUrl('IconUrl', 32);
  iconUrl('HighResolutionIconUrl', 64);
  const source = app('DefaultSettings') && child(app('DefaultSettings'), 'SourceLocation', NS.app);
  if (source) for (const url of urlValues(source)) checkUrl(source, url, 'SourceLocation');
  for (const item of defined.Urls.values()) for (const url of urlValues(item)) checkUrl(item, url, 'bt:Url');
  const imageFiles = new Map();
  for (const item of defined.Images.values()) {
    const files = urlValues(item).map((url) => checkUrl(item, url, 'bt:Image'));
    imageFiles.set(attr(item, 'id'), files);
  }
  const support = app('SupportUrl');
  if (support && !String(attr(support, 'DefaultValue')).startsWith('https://')) urls('SupportUrl must be https');
  for (const d of app('AppDomains') ? childrenNamed(app('AppDomains'), 'AppDomain', NS.app) : []) {
    if (!text(d).startsWith('https://')) urls(`${where(d)}: AppDomain "${text(d)}" must be https`);
  }

  // Ribbon icons: sizes per Icon list, files of the declared size
  for (const el of vo ? walk(vo) : []) {
    if (el.local !== 'Icon' || el.uri !== NS.ov) continue;
    const sizes = [];
    for (const img of childrenNamed(el, 'Image', NS.bt)) {
      const size = Number(attr(img, 'size'));
      sizes.push(size);
      if (!RIBBON_ICON_SIZES.includes(size)) icons(`${where(img)}: size ${size} is not a ribbon icon size`);
      for (const file of imageFiles.get(attr(img, 'resid')) ?? []) {
        if (file) pngProblems(file, size).forEach((m) => icons(`${where(img)}: ${m}`));
      }
    }
    for (const size of REQUIRED_RIBBON_ICON_SIZES)
      if (!sizes.includes(size)) icons(`${where(el)}: no ${size} px image`);
    if (new Set(sizes).size !== sizes.length) icons(`${where(el)}: a size appears twice`);
  }

  // Strings: lengths and translations
  const strings = report('strings');
  const checkLocaleAware = (el, max, value = attr(el, 'DefaultValue')) => {
    if (!value || value.length > max)
      strings(`${where(el)}: value must be 1–${max} characters (has ${value?.length ?? 0})`);
    const overrides = el.children.filter((c) => c.local === 'Override');
    const locales = overrides.map((o) => attr(o, 'Locale'));
    for (const o of overrides) {
      const v = attr(o, 'Value') ?? '';
      if (!LOCALES.includes(attr(o, 'Locale'))) strings(`${where(o)}: unexpected locale "${attr(o, 'Locale')}"`);
      if (v.length === 0 || v.length > max)
        strings(`${where(o)}: ${attr(o, 'Locale')} value must be 1–${max} characters`);
    }
    if (overrides.length > 0 && LOCALES.some((l) => !locales.includes(l))) {
      strings(`${where(el)}: overrides [${locales}] — give all of [${LOCALES}] or none`);
    }
    if (new Set(locales).size !== locales.length) strings(`${where(el)}: a locale is overridden twice`);
    return locales;
  };
  if (app('ProviderName')) checkLocaleAware(app('ProviderName'), MAX_SHORT, text(app('ProviderName')));
  if (app('DisplayName')) checkLocaleAware(app('DisplayName'), MAX_SHORT);
  if (app('Description') && checkLocaleAware(app('Description'), MAX_LONG).length === 0) {
    strings('Description has no de-DE/es-ES/pl-PL overrides');
  }
  for (const item of defined.ShortStrings.values()) checkLocaleAware(item, MAX_SHORT);
  for (const item of defined.LongStrings.values()) checkLocaleAware(item, MAX_LONG);
  const translated = [...defined.ShortStrings.values(), ...defined.LongStrings.values()].filter((s) =>
    s.children.some((c) => c.local === 'Override'),
  );
  if (translated.length === 0) strings('no ribbon string has de-DE/es-ES/pl-PL overrides');

  // Commands: manifest function names ↔ Office.actions.associate
  const commands = report('commands');
  const functionNames = [];
  for (const el of vo ? walk(vo) : []) {
    if (el.local === 'Action' && xsiType(el) === 'ExecuteFunction') {
      const fn = text(child(el, 'FunctionName', NS.ov));
      if (fn) functionNames.push(fn);
    }
  }
  const formFactor = vo && [...walk(vo)].find((e) => e.local === 'DesktopFormFactor');
  if (functionNames.length > 0 && formFactor && !child(formFactor, 'FunctionFile', NS.ov)) {
    commands('ExecuteFunction buttons need a FunctionFile');
  }
  if (commandsSource !== null) {
    const associated = [...commandsSource.matchAll(/Office\.actions\.associate\(\s*(['"`])([^'"`]+)\1/g)].map(
      (m) => m[2],
    );
    for (const fn of functionNames) {
      if (!associated.includes(fn)) commands(`FunctionName "${fn}" is not registered with Office.actions.associate`);
    }
    for (const fn of associated) {
      if (!functionNames.includes(fn)) commands(`Office.actions.associate("${fn}") has no ExecuteFunction button`);
    }
  }
  return found;
}

/** Checks manifest.xml of the repository at `root` against the files of its build. */
async function checkManifest(root = path.resolve(__dirname, '..')) {
  const outputs = await buildOutputs(root);
  const commandsFile = path.join(root, 'src', 'commands', 'commands.ts');
  const commandsSource = fs.existsSync(commandsFile) ? fs.readFileSync(commandsFile, 'utf8') : '';
  const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  return checkManifestText(xml, { outputs, commandsSource });
}

module.exports = { checkManifest, checkManifestText, buildOutputs, parseXml, pngProblems, RULES, BASE_URL };
