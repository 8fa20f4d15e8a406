/**
 * The dependency rule of DESIGN.md §1, enforced on every .ts/.tsx file under src/.
 *
 * Imports are read with the TypeScript parser (import/export … from, import x = require(),
 * require(), import(), and `import('…')` types), so comments and strings never count and
 * type-only imports do. The same parse finds mentions of the Office.js globals (`Excel.…`,
 * `Office.…`, `OfficeExtension.…`, also in types such as `Excel.Range`).
 */
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import * as ts from 'typescript';

export interface SourceText {
  /** Repository-relative, `/`-separated, e.g. `src/core/money/cents.ts`. */
  readonly path: string;
  readonly text: string;
}

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

type Layer = 'core' | 'reports' | 'app' | 'excel' | 'cli' | 'taskpane' | 'commands';

/** Which other layers each layer may import (its own is always allowed). DESIGN.md §1. */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  core: [],
  reports: ['core'],
  app: ['core', 'reports'],
  excel: ['app', 'reports', 'core'],
  cli: ['app', 'reports', 'core'],
  taskpane: ['app', 'reports', 'core'],
  commands: ['app', 'reports', 'core', 'excel'],
};

/** The task pane's composition root, the one UI file that may wire in the Excel adapter. */
const TASKPANE_ROOT = 'src/taskpane/index.tsx';

/** Pure layers: no Office, UI, Node or file-format libraries (they also run in the browser bundle). */
const PURE_LAYERS: readonly Layer[] = ['core', 'reports', 'app'];
const PURE_FORBIDDEN_PACKAGES = [
  'office-js',
  '@microsoft/office-js',
  'react',
  'react-dom',
  '@fluentui',
  'exceljs',
  'papaparse',
];

/** Layers bundled for the browser: Node built-ins do not exist there (webpack 5 has no polyfills). */
const BROWSER_LAYERS: readonly Layer[] = ['excel', 'taskpane', 'commands'];

const OFFICE_GLOBALS = new Set(['Excel', 'Office', 'OfficeExtension']);

function isLayer(name: string | undefined): name is Layer {
  return name !== undefined && Object.prototype.hasOwnProperty.call(MAY_IMPORT, name);
}

/** `src/<layer>/…` (a file) or `src/<layer>` (a folder's index) → layer; undefined for anything else. */
function layerOf(file: string, isImportTarget = false): Layer | undefined {
  const parts = file.split('/');
  const deepEnough = parts.length >= (isImportTarget ? 2 : 3);
  return parts[0] === 'src' && deepEnough && isLayer(parts[1]) ? parts[1] : undefined;
}

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0] ?? spec);
}

/** Package name of a bare specifier: `@fluentui/react-components/x` → `@fluentui/react-components`. */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

function isForbiddenInPure(spec: string): boolean {
  const pkg = packageOf(spec);
  return (
    isNodeBuiltin(spec) ||
    PURE_FORBIDDEN_PACKAGES.some((p) => pkg === p || (p.startsWith('@') && !p.includes('/') && pkg.startsWith(`${p}/`)))
  );
}

interface Found {
  readonly kind: 'import' | 'global';
  readonly value: string;
  readonly line: number;
}

/** Module specifiers and Office.js global mentions in one file. */
function scan(file: SourceText): Found[] {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
  const found: Found[] = [];
  const lineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const addSpec = (node: ts.Node | undefined): void => {
    if (node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
      found.push({ kind: 'import', value: node.text, line: lineOf(node) });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      addSpec(node.moduleSpecifier);
    } else if (ts.isExternalModuleReference(node)) {
      addSpec(node.expression);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      addSpec(node.argument.literal);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) addSpec(node.arguments[0]);
    } else if (ts.isIdentifier(node) && OFFICE_GLOBALS.has(node.text)) {
      const p = node.parent;
      const used =
        (ts.isPropertyAccessExpression(p) && p.expression === node) ||
        (ts.isElementAccessExpression(p) && p.expression === node) ||
        (ts.isQualifiedName(p) && p.left === node) ||
        (ts.isTypeQueryNode(p) && p.exprName === node);
      if (used) found.push({ kind: 'global', value: node.text, line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every violation of the dependency rule in `files` (paths relative to the repository root). */
export function checkArchitecture(files: readonly SourceText[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    const report = (line: number, message: string): void => {
      violations.push({ file: file.path, line, message });
    };
    if (layer === undefined) {
      report(1, `not in a layer of DESIGN.md §1 (src/{${Object.keys(MAY_IMPORT).join(',')}}/…)`);
      continue;
    }
    for (const f of scan(file)) {
      if (f.kind === 'global') {
        const allowed = layer === 'excel' || layer === 'commands' || file.path === TASKPANE_ROOT;
        if (!allowed)
          report(f.line, `names the Office.js global ${f.value}; only src/excel (and the entry points) may`);
        continue;
      }
      const spec = f.value;
      if (spec.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), spec));
        const targetLayer = layerOf(target, true);
        if (targetLayer === undefined) {
          report(f.line, `imports '${spec}' (${target}), which is outside the layers under src/`);
        } else if (targetLayer !== layer) {
          const allowed =
            MAY_IMPORT[layer].includes(targetLayer) ||
            (targetLayer === 'excel' && layer === 'taskpane' && file.path === TASKPANE_ROOT);
          if (!allowed) {
            const hint = targetLayer === 'excel' && layer === 'taskpane' ? ` (only ${TASKPANE_ROOT} may)` : '';
            report(f.line, `${layer} may not import ${targetLayer}: '${spec}'${hint}`);
          }
        }
      } else if (PURE_LAYERS.includes(layer) && isForbiddenInPure(spec)) {
        report(f.line, `${layer} must stay pure but imports '${spec}'`);
      } else if (BROWSER_LAYERS.includes(layer) && isNodeBuiltin(spec)) {
        report(f.line, `${layer} runs in the browser but imports the Node module '${spec}'`);
      }
    }
  }
  return violations;
}

/** All .ts/.tsx files under `dir`, as repository-relative paths. */
function sourceFiles(root: string, dir: string): SourceText[] {
  const out: SourceText[] = [];
  const walk = (abs: string): void => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const p = path.join(abs, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry.name)) {
        out.push({ path: path.relative(root, p).split(path.sep).join('/'), text: fs.readFileSync(p, 'utf8') });
      }
    }
  };
  walk(path.join(root, dir));
  return out;
}

const format = (v: Violation): string => `${v.file}:${v.line}: ${v.message}`;

describe('architecture (DESIGN.md §1)', () => {
  it('src/ follows the dependency rule', () => {
    const root = path.resolve(__dirname, '..');
    const files = sourceFiles(root, 'src');
    expect(files.length).toBeGreaterThan(0);
    expect(checkArchitecture(files).map(format)).toEqual([]);
  });

  describe('the checker itself', () => {
    const check = (file: string, text: string): string[] =>
      checkArchitecture([{ path: file, text }]).map((v) => `${v.line}: ${v.message}`);

    it.each([
      ['core importing app', 'src/core/a.ts', "import { runAnalysis } from '../app/runAnalysis';"],
      ['core importing reports (type only)', 'src/core/a.ts', "import type { ReportModel } from '../reports/model';"],
      ['reports re-exporting app', 'src/reports/a.ts', "export * from '../app/ports';"],
      ['app importing excel', 'src/app/a.ts', "import { ExcelGridSource } from '../excel/gridSource';"],
      ['app importing the CLI via require', 'src/app/a.ts', "const cli = require('../cli/main');"],
      ['cli importing excel', 'src/cli/a.ts', "import '../excel/sink';"],
      ['excel importing the task pane', 'src/excel/a.ts', "import { App } from '../taskpane/App';"],
      ['a task pane component importing excel', 'src/taskpane/App.tsx', "import { run } from '../excel/run';"],
      ['core importing a Node module', 'src/core/a.ts', "import * as fs from 'fs';"],
      ['core importing node:path', 'src/core/a.ts', "import path from 'node:path';"],
      ['reports importing react', 'src/reports/a.ts', "import { useState } from 'react';"],
      ['app importing Fluent UI dynamically', 'src/app/a.ts', "const ui = import('@fluentui/react-components');"],
      ['core importing exceljs', 'src/core/a.ts', "import ExcelJS = require('exceljs');"],
      ['app importing papaparse in a type', 'src/app/a.ts', "let p: import('papaparse').ParseResult<string>;"],
      ['excel importing a Node module', 'src/excel/a.ts', "import { readFileSync } from 'fs';"],
      ['app naming Excel', 'src/app/a.ts', 'export const run = () => Excel.run(async () => undefined);'],
      ['core naming Office in a type', 'src/core/a.ts', 'export type T = Office.HostType;'],
      ['reports naming OfficeExtension', 'src/reports/a.ts', 'if (e instanceof OfficeExtension.Error) throw e;'],
      ['a task pane component naming Office', 'src/taskpane/App.tsx', 'const lang = Office.context.displayLanguage;'],
      ['an import that leaves src/', 'src/core/a.ts', "import { x } from '../../test/support/x';"],
      ['a file outside the layers', 'src/utils/a.ts', 'export const x = 1;'],
    ])('reports %s', (_name, file, text) => {
      expect(check(file, text)).toHaveLength(1);
    });

    it.each([
      [
        'core importing core',
        'src/core/money/a.ts',
        "import { cents } from '../money/cents';\nimport { x } from './x';",
      ],
      [
        'app importing core and reports',
        'src/app/a.ts',
        "import '../core';\nimport { build } from '../reports/build';",
      ],
      ['the task pane root wiring excel', TASKPANE_ROOT, "import { ExcelGridSource } from '../excel/gridSource';"],
      ['the task pane root using Office', TASKPANE_ROOT, 'Office.onReady(() => undefined);'],
      ['commands importing excel', 'src/commands/commands.ts', "import { refresh } from '../excel/refresh';"],
      ['the cli reading files', 'src/cli/a.ts', "import * as fs from 'node:fs';\nimport Papa from 'papaparse';"],
      [
        'the task pane using React and Fluent',
        'src/taskpane/App.tsx',
        "import { Button } from '@fluentui/react-components';",
      ],
      ['excel naming Excel', 'src/excel/a.ts', 'export const f = (r: Excel.Range) => r.load("values");'],
      [
        'Office in comments and strings',
        'src/core/a.ts',
        "// Excel.run(...)\n/* Office.x */\nconst s = 'Office.js in Excel. Done';",
      ],
      ['a local property named Office', 'src/core/a.ts', 'const o = { Office: 1 };\nexport const v = o.Office;'],
    ])('allows %s', (_name, file, text) => {
      expect(check(file, text)).toEqual([]);
    });

    it('names file and line', () => {
      const [v] = checkArchitecture([{ path: 'src/core/a.ts', text: "\n\nimport '../app/x';" }]);
      expect(v).toEqual({ file: 'src/core/a.ts', line: 3, message: "core may not import app: '../app/x'" });
    });
  });
});
