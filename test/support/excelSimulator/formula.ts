/**
 * A small Excel formula engine for the simulator: tokenizer, parser, evaluator.
 *
 * Evaluated: numbers, strings, booleans, error literals, `+ - * / ^ & %`, comparisons,
 * cell references and ranges on the same or another sheet (`'Quarterly Results'!$B$5:$B$9`)
 * and the functions in {@link EVALUATED}. Other functions in {@link KNOWN_FUNCTIONS} are
 * parse-checked only: the formula is accepted and its value is left undefined (`null`).
 * Anything else (unbalanced parentheses, an unknown function, two operands in a row) is a
 * parse error; the simulator rejects writing such a formula with `InvalidArgument`
 * (labelled assumption; Excel's own reaction to a bad formula through the API is unverified).
 */

export interface FormulaError {
  readonly error: string;
}

export type Scalar = number | string | boolean | null | FormulaError;

/** Marker for "parsed, not evaluated here". */
export const UNSUPPORTED: unique symbol = Symbol('unsupported');
export type EvalResult = Scalar | typeof UNSUPPORTED;

export function isFormulaError(v: unknown): v is FormulaError {
  return typeof v === 'object' && v !== null && typeof (v as FormulaError).error === 'string';
}

const ERR = (error: string): FormulaError => ({ error });

/** Functions the evaluator computes. */
const EVALUATED = new Set([
  'SUM', 'MIN', 'MAX', 'AVERAGE', 'COUNT', 'COUNTA', 'SUBTOTAL', 'IF', 'IFERROR', 'ROUND', 'ABS', 'AND', 'OR', 'NOT',
  'ISNUMBER', 'ISERROR', 'ISBLANK', 'ISTEXT', 'SEARCH', 'FIND', 'LEFT', 'RIGHT', 'LEN', 'CONCATENATE', 'UPPER', 'LOWER',
]);

/** Functions accepted by the parse check (Excel has ~500; these are the ones a report could plausibly use). */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([
  ...EVALUATED,
  'HYPERLINK', 'SUMIF', 'SUMIFS', 'COUNTIF', 'COUNTIFS', 'AVERAGEIF', 'AVERAGEIFS', 'VLOOKUP', 'HLOOKUP', 'XLOOKUP',
  'INDEX', 'MATCH', 'DATE', 'YEAR', 'MONTH', 'DAY', 'TODAY', 'NOW', 'EOMONTH', 'EDATE', 'TEXT', 'VALUE', 'IFS',
  'SUMPRODUCT', 'ROUNDUP', 'ROUNDDOWN', 'INT', 'MOD', 'MEDIAN', 'STDEV', 'PRODUCT', 'TRIM', 'MID', 'SUBSTITUTE',
  'INDIRECT', 'OFFSET', 'ROW', 'COLUMN', 'ROWS', 'COLUMNS', 'LARGE', 'SMALL', 'RANK', 'NA', 'ISNA', 'CHOOSE',
  'SWITCH', 'LET', 'FILTER', 'SORT', 'UNIQUE', 'SEQUENCE', 'CEILING', 'FLOOR', 'POWER', 'SQRT', 'LN', 'EXP', 'LOG',
  'ISOWEEKNUM', 'WEEKDAY', 'NETWORKDAYS', 'DATEDIF', 'CONCAT', 'TEXTJOIN', 'EXACT', 'REPT', 'CHAR', 'CODE',
]);

// ---------------------------------------------------------------- tokens

type TokenKind = 'num' | 'str' | 'bool' | 'err' | 'ref' | 'func' | 'op' | 'lparen' | 'rparen' | 'comma' | 'ws';

export interface Token {
  readonly kind: TokenKind;
  /** The exact source text of the token. */
  readonly text: string;
  /** For refs: the sheet name as written (unquoted), if any. */
  readonly sheet?: string;
  /** For refs: the part after `!` (or the whole ref). */
  readonly ref?: string;
}

const ERROR_LITERALS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#GETTING_DATA'];
const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}/;
const BARE_SHEET = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*!/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_.]*/;

export class FormulaSyntaxError extends Error {}

/** Tokens of a formula (with or without the leading `=`). Throws {@link FormulaSyntaxError}. */
export function tokenize(formula: string): Token[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  const refAfter = (start: number, sheet: string | undefined, prefixLen: number): boolean => {
    const rest = s.slice(start + prefixLen);
    const m = CELL.exec(rest);
    if (m === null) return false;
    let text = m[0];
    const tail = rest.slice(text.length);
    const m2 = /^:(\$?[A-Za-z]{1,3}\$?\d{1,7})/.exec(tail);
    if (m2 !== null) text += m2[0];
    // A cell reference is not followed by a letter, digit or '(' (that would be a name or function).
    const after = rest.charAt(text.length);
    if (/[A-Za-z0-9_(]/.test(after)) return false;
    const full = s.slice(start, start + prefixLen + text.length);
    out.push(sheet === undefined ? { kind: 'ref', text: full, ref: text } : { kind: 'ref', text: full, sheet, ref: text });
    i = start + full.length;
    return true;
  };
  while (i < s.length) {
    const ch = s.charAt(i);
    const rest = s.slice(i);
    if (ch === ' ' || ch === '\n' || ch === '\r') {
      let j = i;
      while (j < s.length && /[ \n\r]/.test(s.charAt(j))) j++;
      out.push({ kind: 'ws', text: s.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= s.length) throw new FormulaSyntaxError('unterminated string');
        if (s.charAt(j) === '"') {
          if (s.charAt(j + 1) === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out.push({ kind: 'str', text: s.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // Quoted sheet name: 'It''s'!A1
      let j = i + 1;
      let name = '';
      for (;;) {
        if (j >= s.length) throw new FormulaSyntaxError('unterminated sheet name');
        if (s.charAt(j) === "'") {
          if (s.charAt(j + 1) === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += s.charAt(j);
        j++;
      }
      if (s.charAt(j + 1) !== '!') throw new FormulaSyntaxError('quoted name without !');
      if (!refAfter(i, name, j + 2 - i)) throw new FormulaSyntaxError(`bad reference after '${name}'!`);
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
      if (m === null) throw new FormulaSyntaxError(`bad number at ${i}`);
      // "1:1" style whole-row refs are not supported; digits followed by a letter are an error.
      if (/^[A-Za-z_(]/.test(rest.slice(m[0].length))) throw new FormulaSyntaxError(`bad number at ${i}`);
      out.push({ kind: 'num', text: m[0] });
      i += m[0].length;
      continue;
    }
    if (ch === '#') {
      const lit = ERROR_LITERALS.find((e) => rest.toUpperCase().startsWith(e));
      if (lit === undefined) throw new FormulaSyntaxError(`bad error literal at ${i}`);
      out.push({ kind: 'err', text: rest.slice(0, lit.length) });
      i += lit.length;
      continue;
    }
    const sheetM = BARE_SHEET.exec(rest);
    if (sheetM !== null) {
      const name = sheetM[0].slice(0, -1);
      if (!refAfter(i, name, sheetM[0].length)) throw new FormulaSyntaxError(`bad reference after ${name}!`);
      continue;
    }
    if (CELL.test(rest) && refAfter(i, undefined, 0)) continue;
    const id = IDENT.exec(rest);
    if (id !== null) {
      const word = id[0];
      let j = i + word.length;
      while (s.charAt(j) === ' ') j++;
      if (s.charAt(j) === '(') {
        out.push({ kind: 'func', text: word });
        i += word.length;
        continue;
      }
      if (/^(TRUE|FALSE)$/i.test(word)) {
        out.push({ kind: 'bool', text: word });
        i += word.length;
        continue;
      }
      throw new FormulaSyntaxError(`unknown name ${word}`);
    }
    const two = rest.slice(0, 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ kind: 'op', text: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%'.includes(ch)) {
      out.push({ kind: 'op', text: ch });
      i++;
      continue;
    }
    if (ch === '(') out.push({ kind: 'lparen', text: ch });
    else if (ch === ')') out.push({ kind: 'rparen', text: ch });
    else if (ch === ',') out.push({ kind: 'comma', text: ch });
    else throw new FormulaSyntaxError(`unexpected character ${JSON.stringify(ch)} at ${i}`);
    i++;
  }
  return out;
}

// ---------------------------------------------------------------- AST

export interface RefNode {
  readonly t: 'ref';
  readonly sheet: string | undefined;
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

export type Node =
  | { readonly t: 'num'; readonly v: number }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'err'; readonly v: string }
  | RefNode
  | { readonly t: 'func'; readonly name: string; readonly args: readonly (Node | null)[] }
  | { readonly t: 'bin'; readonly op: string; readonly l: Node; readonly r: Node }
  | { readonly t: 'un'; readonly op: string; readonly e: Node }
  | { readonly t: 'pct'; readonly e: Node };

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (m === null || m[1] === undefined || m[2] === undefined) throw new FormulaSyntaxError(`bad cell ${ref}`);
  const row = Number(m[2]) - 1;
  const col = colIndex(m[1]);
  if (row < 0 || row > 1048575 || col > 16383) throw new FormulaSyntaxError(`cell out of range ${ref}`);
  return { row, col };
}

function refNode(tok: Token): RefNode {
  const [a, b] = (tok.ref ?? '').split(':');
  const p = parseCell(a ?? '');
  const q = b === undefined ? p : parseCell(b);
  const row = Math.min(p.row, q.row);
  const col = Math.min(p.col, q.col);
  return { t: 'ref', sheet: tok.sheet, row, col, rowCount: Math.abs(q.row - p.row) + 1, colCount: Math.abs(q.col - p.col) + 1 };
}

/** Parses a formula (leading `=` optional). Throws {@link FormulaSyntaxError}. */
export function parseFormula(formula: string): Node {
  const raw = tokenize(formula);
  const tokens = raw.filter((t) => t.kind !== 'ws');
  // Whitespace between two operands (Excel's intersection operator) is not supported, so
  // "=+48 22 123" fails as it does when typed into Excel.
  for (let k = 1; k + 1 < raw.length; k++) {
    const prev = raw[k - 1];
    const next = raw[k + 1];
    if (raw[k]?.kind !== 'ws' || prev === undefined || next === undefined) continue;
    const endsOperand = ['num', 'str', 'bool', 'err', 'ref', 'rparen'].includes(prev.kind);
    const startsOperand = ['num', 'str', 'bool', 'err', 'ref', 'func', 'lparen'].includes(next.kind);
    if (endsOperand && startsOperand) throw new FormulaSyntaxError('two operands without an operator');
  }
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const t = tokens[pos++];
    if (t === undefined) throw new FormulaSyntaxError('unexpected end of formula');
    return t;
  };
  const isOp = (t: Token | undefined, ...ops: string[]): boolean => t?.kind === 'op' && ops.includes(t.text);

  const primary = (): Node => {
    const t = next();
    switch (t.kind) {
      case 'num':
        return { t: 'num', v: Number(t.text) };
      case 'str':
        return { t: 'str', v: t.text.slice(1, -1).replace(/""/g, '"') };
      case 'bool':
        return { t: 'bool', v: t.text.toUpperCase() === 'TRUE' };
      case 'err':
        return { t: 'err', v: t.text.toUpperCase() };
      case 'ref':
        return refNode(t);
      case 'func': {
        const name = t.text.toUpperCase();
        if (!KNOWN_FUNCTIONS.has(name)) throw new FormulaSyntaxError(`unknown function ${name}`);
        if (next().kind !== 'lparen') throw new FormulaSyntaxError('expected (');
        const args: (Node | null)[] = [];
        if (peek()?.kind === 'rparen') {
          next();
          return { t: 'func', name, args };
        }
        for (;;) {
          const k = peek()?.kind;
          args.push(k === 'comma' || k === 'rparen' ? null : expr());
          const sep = next();
          if (sep.kind === 'rparen') break;
          if (sep.kind !== 'comma') throw new FormulaSyntaxError('expected , or )');
        }
        return { t: 'func', name, args };
      }
      case 'lparen': {
        const e = expr();
        if (next().kind !== 'rparen') throw new FormulaSyntaxError('unbalanced parentheses');
        return e;
      }
      case 'op':
        if (t.text === '+' || t.text === '-') return { t: 'un', op: t.text, e: postfix() };
        throw new FormulaSyntaxError(`unexpected operator ${t.text}`);
      default:
        throw new FormulaSyntaxError(`unexpected ${t.text}`);
    }
  };
  const postfix = (): Node => {
    let e = primary();
    while (isOp(peek(), '%')) {
      next();
      e = { t: 'pct', e };
    }
    return e;
  };
  const power = (): Node => {
    let l = postfix();
    while (isOp(peek(), '^')) l = { t: 'bin', op: next().text, l, r: postfix() };
    return l;
  };
  const mult = (): Node => {
    let l = power();
    while (isOp(peek(), '*', '/')) l = { t: 'bin', op: next().text, l, r: power() };
    return l;
  };
  const add = (): Node => {
    let l = mult();
    while (isOp(peek(), '+', '-')) l = { t: 'bin', op: next().text, l, r: mult() };
    return l;
  };
  const concat = (): Node => {
    let l = add();
    while (isOp(peek(), '&')) l = { t: 'bin', op: next().text, l, r: add() };
    return l;
  };
  const expr = (): Node => {
    let l = concat();
    while (isOp(peek(), '=', '<>', '<', '>', '<=', '>=')) l = { t: 'bin', op: next().text, l, r: concat() };
    return l;
  };
  if (tokens.length === 0) throw new FormulaSyntaxError('empty formula');
  const root = expr();
  if (pos !== tokens.length) throw new FormulaSyntaxError(`unexpected ${tokens[pos]?.text ?? ''}`);
  return root;
}

/** True when the formula parses (balanced parentheses, known functions, well-formed references). */
export function isValidFormula(formula: string): boolean {
  try {
    parseFormula(formula);
    return true;
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return false;
    throw e;
  }
}

// ---------------------------------------------------------------- sheet renames and deletes

function quoteName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Rewrites sheet-qualified references as Excel does when a sheet is renamed (`rename` =
 * new name) or deleted (`rename` = null: the reference becomes `#REF!`). Names compare
 * case-insensitively. A formula that does not parse is returned unchanged.
 */
export function rewriteSheetRefs(formula: string, oldName: string, rename: string | null): string {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return formula;
    throw e;
  }
  const key = oldName.toUpperCase();
  let changed = false;
  const parts = tokens.map((t) => {
    if (t.kind !== 'ref' || t.sheet === undefined || t.sheet.toUpperCase() !== key) return t.text;
    changed = true;
    return rename === null ? '#REF!' : `${quoteName(rename)}!${t.ref ?? ''}`;
  });
  if (!changed) return formula;
  return (formula.startsWith('=') ? '=' : '') + parts.join('');
}

/** Sheet names referenced by a formula (as written). */
export function referencedSheets(formula: string): string[] {
  try {
    return tokenize(formula)
      .filter((t) => t.kind === 'ref' && t.sheet !== undefined)
      .map((t) => t.sheet ?? '');
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return [];
    throw e;
  }
}

// ---------------------------------------------------------------- evaluation

/** How the evaluator sees the workbook. */
export interface CellLookup {
  /** Value of a cell; `sheet` undefined = the formula's own sheet. Undefined sheet name → `#REF!`. */
  cell(sheet: string | undefined, row: number, col: number): EvalResult;
}

type Val = Scalar | Scalar[][];

class Unsupported extends Error {}

function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    if (v.trim() === '') return ERR('#VALUE!');
    const n = Number(v);
    return Number.isFinite(n) ? n : ERR('#VALUE!');
  }
  return v;
}

function toText(v: Scalar): string | FormulaError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

function toBool(v: Scalar): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    return ERR('#VALUE!');
  }
  return v;
}

function typeRank(v: Scalar): number {
  if (typeof v === 'number' || v === null) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compare(a: Scalar, b: Scalar): number {
  // Blank compares as 0 against numbers, "" against text, FALSE against booleans.
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toUpperCase();
    const y = b.toUpperCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const y = Math.abs(x) * f;
  // Excel rounds the 15-significant-digit value; nudge by a relative epsilon like Excel does.
  const r = Math.round(y + y * Number.EPSILON * 4) / f;
  return x < 0 ? -r : r;
}

function flatten(v: Val): Scalar[] {
  return Array.isArray(v) ? v.flat() : [v];
}

/**
 * Evaluates a parsed formula. Returns {@link UNSUPPORTED} when it uses a function the
 * simulator only parse-checks.
 */
export function evaluate(node: Node, lookup: CellLookup): EvalResult {
  try {
    const v = ev(node, lookup);
    const s = Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
    if (typeof s === 'number' && !Number.isFinite(s)) return ERR('#NUM!');
    return s;
  } catch (e) {
    if (e instanceof Unsupported) return UNSUPPORTED;
    throw e;
  }
}

function scalarOf(v: Val): Scalar {
  return Array.isArray(v) ? (v.length === 1 && v[0]?.length === 1 ? (v[0][0] ?? null) : ERR('#VALUE!')) : v;
}

function cellValue(lookup: CellLookup, sheet: string | undefined, r: number, c: number): Scalar {
  const v = lookup.cell(sheet, r, c);
  if (v === UNSUPPORTED) throw new Unsupported();
  return v;
}

function ev(node: Node, lookup: CellLookup): Val {
  switch (node.t) {
    case 'num':
    case 'str':
    case 'bool':
      return node.v;
    case 'err':
      return ERR(node.v);
    case 'ref': {
      if (node.rowCount * node.colCount > 1_000_000) throw new Unsupported();
      const out: Scalar[][] = [];
      for (let r = 0; r < node.rowCount; r++) {
        const line: Scalar[] = [];
        for (let c = 0; c < node.colCount; c++) line.push(cellValue(lookup, node.sheet, node.row + r, node.col + c));
        out.push(line);
      }
      return node.rowCount === 1 && node.colCount === 1 ? (out[0]?.[0] ?? null) : out;
    }
    case 'un': {
      const n = toNumber(scalarOf(ev(node.e, lookup)));
      if (isFormulaError(n)) return n;
      return node.op === '-' ? -n : n;
    }
    case 'pct': {
      const n = toNumber(scalarOf(ev(node.e, lookup)));
      return isFormulaError(n) ? n : n / 100;
    }
    case 'bin': {
      const a = scalarOf(ev(node.l, lookup));
      const b = scalarOf(ev(node.r, lookup));
      if (isFormulaError(a)) return a;
      if (isFormulaError(b)) return b;
      if (node.op === '&') {
        const x = toText(a);
        const y = toText(b);
        if (isFormulaError(x)) return x;
        if (isFormulaError(y)) return y;
        return x + y;
      }
      if (['=', '<>', '<', '>', '<=', '>='].includes(node.op)) {
        const c = compare(a, b);
        switch (node.op) {
          case '=':
            return c === 0;
          case '<>':
            return c !== 0;
          case '<':
            return c < 0;
          case '>':
            return c > 0;
          case '<=':
            return c <= 0;
          default:
            return c >= 0;
        }
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (isFormulaError(x)) return x;
      if (isFormulaError(y)) return y;
      switch (node.op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          return y === 0 ? ERR('#DIV/0!') : x / y;
        case '^':
          return x ** y;
        default:
          throw new FormulaSyntaxError(`operator ${node.op}`);
      }
    }
    case 'func':
      return callFunction(node.name, node.args, lookup);
  }
}

function numbersOf(args: readonly (Node | null)[], lookup: CellLookup): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (a === null) continue;
    const v = ev(a, lookup);
    if (Array.isArray(v)) {
      // In ranges only numbers count (text, booleans and blanks are ignored), as Excel does.
      for (const s of v.flat()) {
        if (isFormulaError(s)) return s;
        if (typeof s === 'number') out.push(s);
      }
    } else {
      if (isFormulaError(v)) return v;
      if (v === null) continue;
      const n = toNumber(v);
      if (isFormulaError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function arg(args: readonly (Node | null)[], i: number, lookup: CellLookup): Scalar {
  const a = args[i];
  return a === null || a === undefined ? null : scalarOf(ev(a, lookup));
}

function callFunction(name: string, args: readonly (Node | null)[], lookup: CellLookup): Val {
  if (!EVALUATED.has(name)) throw new Unsupported();
  switch (name) {
    case 'SUM':
    case 'MIN':
    case 'MAX':
    case 'AVERAGE':
    case 'COUNT': {
      const ns = numbersOf(args, lookup);
      if (isFormulaError(ns)) return name === 'COUNT' ? 0 : ns;
      if (name === 'SUM') return ns.reduce((s, n) => s + n, 0);
      if (name === 'COUNT') return ns.length;
      if (ns.length === 0) return name === 'AVERAGE' ? ERR('#DIV/0!') : 0;
      if (name === 'MIN') return Math.min(...ns);
      if (name === 'MAX') return Math.max(...ns);
      return ns.reduce((s, n) => s + n, 0) / ns.length;
    }
    case 'SUBTOTAL': {
      // 1/101 AVERAGE, 2/102 COUNT, 4/104 MAX, 5/105 MIN, 9/109 SUM (hidden rows: none in the simulator).
      const code = toNumber(arg(args, 0, lookup));
      if (isFormulaError(code)) return code;
      const fn = { 1: 'AVERAGE', 2: 'COUNT', 4: 'MAX', 5: 'MIN', 9: 'SUM' }[code % 100];
      if (fn === undefined) throw new Unsupported();
      return callFunction(fn, args.slice(1), lookup);
    }
    case 'COUNTA': {
      let n = 0;
      for (const a of args) if (a !== null) n += flatten(ev(a, lookup)).filter((v) => v !== null && v !== '').length;
      return n;
    }
    case 'IF': {
      const c = toBool(arg(args, 0, lookup));
      if (isFormulaError(c)) return c;
      if (c) return args.length > 1 ? arg(args, 1, lookup) ?? 0 : true;
      return args.length > 2 ? arg(args, 2, lookup) ?? 0 : false;
    }
    case 'IFERROR': {
      const v = arg(args, 0, lookup);
      return isFormulaError(v) ? arg(args, 1, lookup) ?? 0 : v;
    }
    case 'ROUND': {
      const x = toNumber(arg(args, 0, lookup));
      const d = toNumber(arg(args, 1, lookup));
      if (isFormulaError(x)) return x;
      if (isFormulaError(d)) return d;
      return roundHalfAway(x, Math.trunc(d));
    }
    case 'ABS': {
      const x = toNumber(arg(args, 0, lookup));
      return isFormulaError(x) ? x : Math.abs(x);
    }
    case 'AND':
    case 'OR': {
      const bs: boolean[] = [];
      for (const a of args) {
        if (a === null) continue;
        for (const s of flatten(ev(a, lookup))) {
          if (s === null || typeof s === 'string') continue;
          const b = toBool(s);
          if (isFormulaError(b)) return b;
          bs.push(b);
        }
      }
      if (bs.length === 0) return ERR('#VALUE!');
      return name === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
    }
    case 'NOT': {
      const b = toBool(arg(args, 0, lookup));
      return isFormulaError(b) ? b : !b;
    }
    case 'ISNUMBER':
      return typeof arg(args, 0, lookup) === 'number';
    case 'ISTEXT':
      return typeof arg(args, 0, lookup) === 'string';
    case 'ISERROR':
      return isFormulaError(arg(args, 0, lookup));
    case 'ISBLANK':
      return arg(args, 0, lookup) === null;
    case 'SEARCH':
    case 'FIND': {
      const needle = toText(arg(args, 0, lookup));
      const hay = toText(arg(args, 1, lookup));
      if (isFormulaError(needle)) return needle;
      if (isFormulaError(hay)) return hay;
      const idx = name === 'SEARCH' ? hay.toUpperCase().indexOf(needle.toUpperCase()) : hay.indexOf(needle);
      return idx < 0 ? ERR('#VALUE!') : idx + 1;
    }
    case 'LEFT':
    case 'RIGHT': {
      const t = toText(arg(args, 0, lookup));
      const n = args.length > 1 ? toNumber(arg(args, 1, lookup)) : 1;
      if (isFormulaError(t)) return t;
      if (isFormulaError(n)) return n;
      return name === 'LEFT' ? t.slice(0, n) : n === 0 ? '' : t.slice(-n);
    }
    case 'LEN': {
      const t = toText(arg(args, 0, lookup));
      return isFormulaError(t) ? t : t.length;
    }
    case 'UPPER':
    case 'LOWER': {
      const t = toText(arg(args, 0, lookup));
      if (isFormulaError(t)) return t;
      return name === 'UPPER' ? t.toUpperCase() : t.toLowerCase();
    }
    case 'CONCATENATE': {
      let s = '';
      for (let i = 0; i < args.length; i++) {
        const t = toText(arg(args, i, lookup));
        if (isFormulaError(t)) return t;
        s += t;
      }
      return s;
    }
    default:
      throw new Unsupported();
  }
}
