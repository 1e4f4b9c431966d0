import jsep from 'jsep';
import { formatNumber } from '../engine/format.js';
import { frameWith } from '../engine/frame-cache.js';
import type { Frame, SlotLayout } from '../engine/frame.js';
import type { Expr } from '../engine/types.js';
import { BINARY, MATH, PRECEDENCE, SHOWN, specialise } from './operators.js';

export { MATH_FUNCTIONS } from './operators.js';

// The grammar is jsep's; we only add the words instructors expect and make `^`
// a power (as in a spreadsheet) instead of a bitwise operator.
jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addUnaryOp('not');
jsep.removeBinaryOp('^');
jsep.addBinaryOp('^', 11, true);

/** Longest expression text accepted. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Deepest expression tree accepted. */
export const MAX_EXPRESSION_DEPTH = 48;

/** An expression that cannot be compiled, with a sentence saying why. */
export class ExpressionError extends Error {
  /** `focus`: the name as written in the expression that the error is about, so a column can point at it. */
  constructor(message: string, readonly focus?: string) {
    super(message);
  }
}

type Eval = (frame: Frame) => number;

/** A name an expression may read: its canonical path and how to read it. */
export interface Input {
  readonly path: string;
  readonly read: Eval;
  /** Set when the value is fixed for the compiled scenario (a parameter). */
  readonly constant?: number;
  /** Set when the name is a value of the state: its frame slot. */
  readonly slot?: number;
}

/** What names mean; provided by the scenario compiler. */
export interface Scope {
  /** The frame slots that names resolve to. */
  readonly layout: SlotLayout;
  /** Resolve `coop.niger.usa` (as segments) or throw ExpressionError. */
  resolve(segments: readonly string[]): Input;
  /** Resolve a call such as `fired("us-withdrawal-announced")` or throw ExpressionError. */
  call(name: string, args: readonly Compiled[]): Compiled | null;
}

/** A compiled node: its evaluator, how to print it, and what it reads. */
export interface Compiled {
  readonly evaluate: Eval;
  readonly print: (frame: Frame) => string;
  readonly precedence: number;
  readonly inputs: readonly Input[];
  /** The literal string value, for arguments such as event ids. */
  readonly text?: string;
  /** Set when the value is known at compile time, so callers can fold it. */
  readonly constant?: number;
  /** Set when the node reads one value of the state: its frame slot. */
  readonly slot?: number;
}

const ATOM = 100;
/** Compile expression text against a scope into an engine Expr. */
export function compileExpression(source: string | number | boolean, scope: Scope): Expr {
  const text = typeof source === 'string' ? source : String(source);
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`expression is ${text.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`);
  }
  let ast: jsep.Expression;
  try {
    ast = jsep(text);
  } catch (error) {
    throw new ExpressionError(`cannot parse "${text}": ${(error as Error).message}`);
  }
  if (ast.type === 'Compound' && !/[,;]/.test(text)) {
    throw new ExpressionError(`"${text}" is text, not a number or an expression; write a number such as 0.3 or an expression such as "0.1 + 0.5 * ind.NAME"`);
  }
  const root = withHyphenHint(text, () => compileNode(ast, scope, 0));
  if (root.text !== undefined) throw new ExpressionError(`"${text}" is a string; an expression must give a number`);
  const inputs = uniqueInputs(root.inputs);
  const { layout } = scope;
  const at = root.evaluate;
  const explainAt = (frame: Frame) => {
    const shown = root.print(frame);
    const value = formatNumber(at(frame));
    return shown === value ? value : `${shown} = ${value}`;
  };
  const inputsAt = (frame: Frame) => {
    const values: Record<string, number> = {};
    for (const input of inputs) values[input.path] = input.read(frame);
    return values;
  };
  return {
    source: text,
    at,
    explainAt,
    inputsAt,
    evaluate: (state, ctx) => at(frameWith(layout, state, ctx)),
    explain: (state, ctx) => explainAt(frameWith(layout, state, ctx)),
    inputs: (state, ctx) => inputsAt(frameWith(layout, state, ctx)),
  };
}

/**
 * `coop.jnim.is-sahel` parses as `coop.jnim.is - sahel`; when a name the
 * scope does not know is the start of such a hyphenated word, say how to
 * write it instead of only that `is` is unknown.
 */
function withHyphenHint<T>(text: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof ExpressionError) || error.focus === undefined) throw error;
    const focus = error.focus;
    const dotted = text.match(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$-]*)+/g) ?? [];
    const written = dotted.find((name) => name.split('.').some((part) => part.startsWith(`${focus}-`)));
    if (written === undefined) throw error;
    const bracketed = written.split('.').map((part, i) => (i === 0 ? part : part.includes('-') ? `[${JSON.stringify(part)}]` : `.${part}`)).join('');
    throw new ExpressionError(`${error.message}; an id with a hyphen is written in brackets and quotes: ${bracketed}`, focus);
  }
}

function uniqueInputs(inputs: readonly Input[]): Input[] {
  const seen = new Map<string, Input>();
  for (const input of inputs) if (!seen.has(input.path)) seen.set(input.path, input);
  return [...seen.values()];
}

function compileNode(node: jsep.Expression, scope: Scope, depth: number): Compiled {
  if (depth > MAX_EXPRESSION_DEPTH) {
    throw new ExpressionError(`expression is nested more than ${MAX_EXPRESSION_DEPTH} levels deep`);
  }
  switch (node.type) {
    case 'Literal':
      return literal(node as jsep.Literal);
    case 'Identifier':
    case 'MemberExpression':
      return reference(node, scope);
    case 'UnaryExpression':
      return unary(node as jsep.UnaryExpression, scope, depth);
    case 'BinaryExpression':
      return binary(node as jsep.BinaryExpression, scope, depth);
    case 'ConditionalExpression':
      return conditional(node as jsep.ConditionalExpression, scope, depth);
    case 'CallExpression':
      return call(node as jsep.CallExpression, scope, depth);
    default:
      throw new ExpressionError(`${describeNode(node)} is not allowed in an expression`);
  }
}

function describeNode(node: jsep.Expression): string {
  switch (node.type) {
    case 'Compound': return 'more than one expression (a comma, a semicolon, or words side by side)';
    case 'ArrayExpression': return 'a list';
    case 'ThisExpression': return '`this`';
    default: return `a ${node.type}`;
  }
}

function literal(node: jsep.Literal): Compiled {
  const { value } = node;
  if (typeof value === 'string') {
    return { evaluate: () => Number.NaN, print: () => JSON.stringify(value), precedence: ATOM, inputs: [], text: value };
  }
  if (typeof value === 'boolean') {
    const number = value ? 1 : 0;
    return { evaluate: () => number, print: () => String(value), precedence: ATOM, inputs: [], constant: number };
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { evaluate: () => value, print: () => formatNumber(value), precedence: ATOM, inputs: [], constant: value };
  }
  throw new ExpressionError(`${String(node.raw)} is not a number this language accepts`);
}

function reference(node: jsep.Expression, scope: Scope): Compiled {
  const segments = pathOf(node);
  const input = scope.resolve(segments);
  const read = input.read;
  return { evaluate: read, print: (f) => formatNumber(read(f)), precedence: ATOM, inputs: [input], constant: input.constant, slot: input.slot };
}

function pathOf(node: jsep.Expression): string[] {
  if (node.type === 'Identifier') return [(node as jsep.Identifier).name];
  if (node.type === 'MemberExpression') {
    const member = node as jsep.MemberExpression;
    const head = pathOf(member.object);
    const property = member.property;
    if (!member.computed && property.type === 'Identifier') return [...head, (property as jsep.Identifier).name];
    if (member.computed && property.type === 'Literal' && typeof (property as jsep.Literal).value === 'string') {
      return [...head, (property as jsep.Literal).value as string];
    }
    throw new ExpressionError('a name in brackets must be a quoted string, as in coop["is-sahel"].niger');
  }
  throw new ExpressionError(`${describeNode(node)} cannot be used as a name`);
}

function operand(node: jsep.Expression, scope: Scope, depth: number): Compiled {
  const compiled = compileNode(node, scope, depth + 1);
  if (compiled.text !== undefined) {
    throw new ExpressionError(`the string "${compiled.text}" can only be an argument of a function such as fired("…")`);
  }
  return compiled;
}

function unary(node: jsep.UnaryExpression, scope: Scope, depth: number): Compiled {
  const arg = operand(node.argument, scope, depth);
  const inner = arg.evaluate;
  const wrap = (f: Frame) => (arg.precedence < ATOM ? `(${arg.print(f)})` : arg.print(f));
  switch (node.operator) {
    case '-': {
      const constant = arg.constant === undefined ? undefined : -arg.constant;
      const evaluate: Eval = constant === undefined ? (f) => -inner(f) : () => constant;
      return { evaluate, print: (f) => `−${wrap(f)}`, precedence: ATOM, inputs: arg.inputs, constant };
    }
    case '+':
      return arg;
    case '!':
    case 'not':
      return { evaluate: (f) => (inner(f) === 0 ? 1 : 0), print: (f) => `not ${wrap(f)}`, precedence: ATOM, inputs: arg.inputs };
    default:
      throw new ExpressionError(`the operator ${node.operator} is not supported`);
  }
}

function binary(node: jsep.BinaryExpression, scope: Scope, depth: number): Compiled {
  const { operator } = node;
  const precedence = PRECEDENCE[operator];
  if (precedence === undefined) throw new ExpressionError(`the operator ${operator} is not supported`);
  const left = operand(node.left, scope, depth);
  const right = operand(node.right, scope, depth);
  const l = left.evaluate;
  const r = right.evaluate;
  let evaluate: Eval;
  let constant: number | undefined;
  if (operator === 'and' || operator === '&&') evaluate = (f) => (l(f) !== 0 && r(f) !== 0 ? 1 : 0);
  else if (operator === 'or' || operator === '||') evaluate = (f) => (l(f) !== 0 || r(f) !== 0 ? 1 : 0);
  else if (left.constant !== undefined && right.constant !== undefined) {
    // Folding gives the same IEEE result the run would compute, once.
    const fold = BINARY[operator];
    if (fold === undefined) throw new ExpressionError(`the operator ${operator} is not supported`);
    const value = fold(left.constant, right.constant);
    constant = value;
    evaluate = () => value;
  } else {
    evaluate = specialise(operator, left, right);
  }
  const shown = SHOWN[operator] ?? operator;
  // Parenthesise a side that binds more loosely (or equally, on the right).
  const print = (f: Frame) => {
    const a = left.precedence < precedence ? `(${left.print(f)})` : left.print(f);
    const b = right.precedence <= precedence ? `(${right.print(f)})` : right.print(f);
    return `${a} ${shown} ${b}`;
  };
  return { evaluate, print, precedence, inputs: [...left.inputs, ...right.inputs], constant };
}

function conditional(node: jsep.ConditionalExpression, scope: Scope, depth: number): Compiled {
  const test = operand(node.test, scope, depth);
  const yes = operand(node.consequent, scope, depth);
  const no = operand(node.alternate, scope, depth);
  const t = test.evaluate;
  const a = yes.evaluate;
  const b = no.evaluate;
  return {
    evaluate: (f) => (t(f) !== 0 ? a(f) : b(f)),
    print: (f) => `(${test.print(f)} ? ${yes.print(f)} : ${no.print(f)})`,
    precedence: ATOM,
    inputs: [...test.inputs, ...yes.inputs, ...no.inputs],
  };
}

function call(node: jsep.CallExpression, scope: Scope, depth: number): Compiled {
  if (node.callee.type !== 'Identifier') throw new ExpressionError('only named functions can be called, as in max(a, b)');
  const name = (node.callee as jsep.Identifier).name;
  const args = node.arguments.map((arg) => compileNode(arg, scope, depth + 1));
  const special = scope.call(name, args);
  if (special !== null) return special;
  const math = Object.hasOwn(MATH, name) ? MATH[name] : undefined;
  if (math === undefined) throw new ExpressionError(`unknown function ${name}()`, name);
  const [least, most] = math.arity;
  if (args.length < least || args.length > most) {
    throw new ExpressionError(`${name}() takes ${least === most ? least : `${least} to ${most}`} arguments, not ${args.length}`);
  }
  for (const arg of args) {
    if (arg.text !== undefined) throw new ExpressionError(`${name}() takes numbers, not the string "${arg.text}"`);
  }
  const evals = args.map((arg) => arg.evaluate);
  const fn = math.fn;
  let evaluate: Eval = (f) => fn(evals.map((e) => e(f)));
  // The common forms without an array per call; each computes exactly what `fn` does.
  // Each form below runs only where `args.length` guarantees the slots it reads.
  const [a, b, c] = evals as [Eval, Eval, Eval];
  if (evals.length === 2 && (name === 'min' || name === 'max')) {
    evaluate = name === 'min' ? (f) => Math.min(a(f), b(f)) : (f) => Math.max(a(f), b(f));
  } else if (name === 'clamp') {
    evaluate = (f) => Math.min(Math.max(a(f), b(f)), c(f));
  } else if (evals.length === 1 && math.one !== undefined) {
    const one = math.one;
    evaluate = (f) => one(a(f));
  }
  return {
    evaluate,
    print: (f) => `${name}(${args.map((arg) => arg.print(f)).join(', ')})`,
    precedence: ATOM,
    inputs: args.flatMap((arg) => arg.inputs),
  };
}
