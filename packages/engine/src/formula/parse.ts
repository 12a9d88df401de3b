/**
 * Indicator formulas: arithmetic over data elements, parsed into a tree (never evaluated as code).
 *
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := ('-' | '+') unary | primary
 *   primary    := number | element | '(' expression ')'
 *
 * Element codes start with a letter or '_' and continue with letters, digits, '_' or '.'.
 */
export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'element'; code: string }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

/** A formula that cannot be parsed; `position` is the 0-based character offset. */
export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly formula: string,
    readonly position: number,
  ) {
    super(`${message} at character ${position + 1} of "${formula}"`);
    this.name = 'FormulaSyntaxError';
  }
}

type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'element'; code: string; at: number }
  | { type: 'op'; op: string; at: number }
  | { type: 'end'; at: number };

const numberPattern = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const elementPattern = /^[A-Za-z_][A-Za-z0-9_.]*/;

function tokenise(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    const rest = formula.slice(i);
    const num = numberPattern.exec(rest);
    if (num) {
      tokens.push({ type: 'number', value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const el = elementPattern.exec(rest);
    if (el) {
      tokens.push({ type: 'element', code: el[0], at: i });
      i += el[0].length;
      continue;
    }
    if ('+-*/()'.includes(ch)) {
      tokens.push({ type: 'op', op: ch, at: i });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected character "${ch}"`, formula, i);
  }
  tokens.push({ type: 'end', at: formula.length });
  return tokens;
}

/** Parses `formula` into a tree; throws FormulaSyntaxError naming the position of the problem. */
export function parseFormula(formula: string): FormulaNode {
  const tokens = tokenise(formula);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const isOp = (t: Token, ops: string): t is Token & { type: 'op' } =>
    t.type === 'op' && ops.includes(t.op);

  function expression(): FormulaNode {
    let left = term();
    for (let t = peek(); isOp(t, '+-'); t = peek()) {
      pos++;
      left = { kind: 'binary', op: t.op as '+' | '-', left, right: term() };
    }
    return left;
  }
  function term(): FormulaNode {
    let left = unary();
    for (let t = peek(); isOp(t, '*/'); t = peek()) {
      pos++;
      left = { kind: 'binary', op: t.op as '*' | '/', left, right: unary() };
    }
    return left;
  }
  function unary(): FormulaNode {
    const t = peek();
    if (isOp(t, '-')) {
      pos++;
      return { kind: 'negate', operand: unary() };
    }
    if (isOp(t, '+')) {
      pos++;
      return unary();
    }
    return primary();
  }
  function primary(): FormulaNode {
    const t = peek();
    const at = t.at;
    pos++;
    if (t.type === 'number') return { kind: 'number', value: t.value };
    if (t.type === 'element') return { kind: 'element', code: t.code };
    if (isOp(t, '(')) {
      const inner = expression();
      const close = peek();
      if (!isOp(close, ')')) throw new FormulaSyntaxError('expected ")"', formula, close.at);
      pos++;
      return inner;
    }
    const what = at >= formula.length ? 'end of formula' : `"${formula.slice(at, at + 1)}"`;
    throw new FormulaSyntaxError(`unexpected ${what}`, formula, at);
  }

  const tree = expression();
  const last = peek();
  if (last.type !== 'end') {
    throw new FormulaSyntaxError('unexpected text after the formula', formula, last.at);
  }
  return tree;
}

/** The element codes a formula reads, each once, in order of first use. */
export function formulaElements(node: FormulaNode): string[] {
  const seen = new Set<string>();
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'element') seen.add(n.code);
    else if (n.kind === 'negate') walk(n.operand);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...seen];
}
