/**
 * Every user-visible text of the task pane comes from the message catalog (issue 8 §7): this test
 * parses src/taskpane/**\/*.tsx with the TypeScript parser and fails on JSX text with letters,
 * on string literals with letters as JSX children, and on such literals in the attributes people
 * see or hear (aria-label, title, placeholder, label, hint, …).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'alt',
  'title',
  'placeholder',
  'label',
  'hint',
  'header',
  'description',
  'content',
  'validationMessage',
]);
const LETTER = /\p{L}/u;

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return undefined;
}

/** `file:line: text` for each hard-coded text in a .tsx source. */
export function hardcodedTexts(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push(`${file}:${line}: ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression !== undefined && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== undefined && LETTER.test(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer !== undefined) {
      const init = node.initializer;
      const text = ts.isJsxExpression(init) ? (init.expression && literalText(init.expression)) : literalText(init);
      if (text !== undefined && LETTER.test(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsxFiles(p) : e.name.endsWith('.tsx') ? [p] : [];
  });
}

describe('no hard-coded user-visible text in task-pane components', () => {
  const root = path.resolve(__dirname, '../..');
  const files = tsxFiles(path.join(root, 'src/taskpane'));

  it('finds the components', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('every text comes from the catalog', () => {
    const found = files.flatMap((f) => hardcodedTexts(path.relative(root, f), fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  describe('the checker itself', () => {
    it.each([
      ['JSX text', '<Button>Save</Button>'],
      ['a literal child', "<p>{'Hello'}</p>"],
      ['a template child', '<p>{`Rows: ${n}`}</p>'],
      ['an aria-label', '<Button aria-label="Close" />'],
      ['a label in braces', "<Field label={'Date'} />"],
      ['a placeholder', '<Input placeholder="Type here" />'],
      ['Polish text', '<p>Zapisz</p>'],
    ])('flags %s', (_name, jsx) => {
      expect(hardcodedTexts('x.tsx', `const x = ${jsx};`)).toHaveLength(1);
    });

    it.each([
      ['a translated child', "<p>{t('pane.x')}</p>"],
      ['symbols and numbers', '<p> – 100 % → </p>'],
      ['class names and ids', '<div className="root" id="x" data-testid="missing" />'],
      ['a translated label', "<Field label={t('pane.label')} />"],
      ['a value attribute', '<Option value="quarter" />'],
      ['a unit symbol', '<Input contentAfter="%" />'],
    ])('allows %s', (_name, jsx) => {
      expect(hardcodedTexts('x.tsx', `const x = ${jsx};`)).toEqual([]);
    });
  });
});
