/**
 * manifest.xml, checked offline (Microsoft's validator needs the network; OFFICE-JS.md §9).
 * The checks live in scripts/manifestChecks.js so that `npm run validate` runs the same ones;
 * here each rule is its own test, and broken copies of the manifest prove that each rule fires.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PNG } from 'pngjs';

interface Problem {
  readonly rule: string;
  readonly message: string;
}

interface ManifestChecks {
  checkManifest(root?: string): Promise<Problem[]>;
  checkManifestText(
    xml: string,
    options: { outputs: Map<string, string | null>; commandsSource?: string | null },
  ): Problem[];
  buildOutputs(root: string): Promise<Map<string, string | null>>;
  pngProblems(file: string, size: number): string[];
  readonly RULES: readonly string[];
}

// A CommonJS script shared with `npm run validate`; typed by the interface above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const checks = require('../scripts/manifestChecks') as ManifestChecks;

const root = path.resolve(__dirname, '..');
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const commandsSource = fs.readFileSync(path.join(root, 'src', 'commands', 'commands.ts'), 'utf8');

let outputs: Map<string, string | null>;
let problems: Problem[];

beforeAll(async () => {
  outputs = await checks.buildOutputs(root);
  problems = await checks.checkManifest(root);
});

/** Problems of a manifest made from ours by replacing `from` with `to`. */
function problemsAfter(from: string | RegExp, to: string): Problem[] {
  const broken = manifest.replace(from, to);
  if (broken === manifest) throw new Error(`test setup: ${String(from)} not found in manifest.xml`);
  return checks.checkManifestText(broken, { outputs, commandsSource });
}

describe('manifest.xml', () => {
  it.each(checks.RULES)('passes the %s checks', (rule) => {
    expect(problems.filter((p) => p.rule === rule).map((p) => p.message)).toEqual([]);
  });

  it('is served from the files the add-in build emits', () => {
    expect([...outputs.keys()]).toEqual(
      expect.arrayContaining(['taskpane.html', 'commands.html', 'manifest.xml', 'assets/icon-16.png']),
    );
  });

  it('names the ribbon function that commands.ts registers', () => {
    expect(manifest).toContain('<FunctionName>refreshReports</FunctionName>');
    expect(commandsSource).toMatch(/Office\.actions\.associate\('refreshReports'/);
  });

  describe('icons', () => {
    const assets = path.join(root, 'assets');
    it.each([16, 20, 24, 32, 40, 48, 64, 80, 128])('icon-%i.png has its size and a picture on it', (size) => {
      expect(checks.pngProblems(path.join(assets, `icon-${size}.png`), size)).toEqual([]);
    });

    it('rejects a flat square', () => {
      const png = new PNG({ width: 16, height: 16 });
      for (let i = 0; i < png.data.length; i += 4) png.data.set([0x10, 0x7c, 0x41, 0xff], i);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accountdesk-')), 'flat.png');
      fs.writeFileSync(file, PNG.sync.write(png));
      try {
        expect(checks.pngProblems(file, 16)).toEqual(['flat.png is (nearly) one flat colour: 100% of pixels']);
      } finally {
        fs.rmSync(path.dirname(file), { recursive: true });
      }
    });
  });

  describe('catches a broken manifest', () => {
    const rulesOf = (found: Problem[]): string[] => [...new Set(found.map((p) => p.rule))];

    it.each<[string, string | RegExp, string, string]>([
      ['malformed XML', '</Hosts>\n  <!--', '</Host>\n  <!--', 'xml'],
      [
        'elements out of XSD order',
        '<Version>1.0.0.0</Version>\n  <ProviderName>AccountDesk</ProviderName>',
        '<ProviderName>AccountDesk</ProviderName>\n  <Version>1.0.0.0</Version>',
        'structure',
      ],
      ['a missing required element', /\s*<DefaultSettings>[^]*?<\/DefaultSettings>/, '', 'structure'],
      ['an element the schema does not know', '<Permissions>', '<Colour>green</Colour>\n  <Permissions>', 'structure'],
      ['an Id that is not a GUID', /<Id>[^<]+<\/Id>/, '<Id>accountdesk</Id>', 'identity'],
      ['a lower Excel requirement', 'MinVersion="1.12"', 'MinVersion="1.7"', 'requirements'],
      ['a resid that is not defined', 'resid="Taskpane.Url"', 'resid="Taskpane.Page"', 'resources'],
      ['a resid longer than 32 characters', /"Commands\.Url"/g, '"Commands.Url.For.The.Ribbon.Buttons"', 'resources'],
      ['an http URL', 'https://localhost:3000/commands.html', 'http://localhost:3000/commands.html', 'urls'],
      [
        'a page the build does not emit',
        'https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
        'https://localhost:3000/pane.html"/>\n  </DefaultSettings>',
        'urls',
      ],
      [
        'an icon of the wrong size',
        'assets/icon-32.png"/>\n  <HighResolutionIconUrl',
        'assets/icon-16.png"/>\n  <HighResolutionIconUrl',
        'icons',
      ],
      ['a ribbon icon list without 80 px', /\s*<bt:Image size="80" resid="Icon.80x80"\/>/, '', 'icons'],
      ['a missing translation', /\s*<bt:Override Locale="pl-PL" Value="Odśwież raporty"\/>/, '', 'strings'],
      [
        'a ribbon label over 125 characters',
        'DefaultValue="Refresh reports"',
        `DefaultValue="${'x'.repeat(126)}"`,
        'strings',
      ],
      [
        'a function commands.ts does not register',
        '<FunctionName>refreshReports',
        '<FunctionName>refreshAll',
        'commands',
      ],
    ])('%s', (_name, from, to, rule) => {
      expect(rulesOf(problemsAfter(from, to))).toEqual([rule]);
    });
  });
});
