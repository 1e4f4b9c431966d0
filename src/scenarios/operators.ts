import type { Frame } from '../engine/frame.js';

// The operators and functions of the expression language: how each
// evaluates, binds and prints.

type Eval = (frame: Frame) => number;

/** How tightly each binary operator binds (higher binds tighter), as in jsep. */
export const PRECEDENCE: Record<string, number> = {
  or: 1, '||': 1, and: 2, '&&': 2,
  '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '^': 11, '**': 11,
};
/** How an operator is printed in an explanation. */
export const SHOWN: Record<string, string> = { '*': '×', '-': '−', '&&': 'and', '||': 'or', '**': '^' };

/** Each binary operator's arithmetic; comparisons give 1 or 0. */
export const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '^': (a, b) => a ** b,
  '**': (a, b) => a ** b,
  '<': (a, b) => (a < b ? 1 : 0),
  '>': (a, b) => (a > b ? 1 : 0),
  '<=': (a, b) => (a <= b ? 1 : 0),
  '>=': (a, b) => (a >= b ? 1 : 0),
  '==': (a, b) => (a === b ? 1 : 0),
  '!=': (a, b) => (a !== b ? 1 : 0),
};


/** One side of a binary operator: how to evaluate it, and its value or slot when it is that simple. */
export interface Operand {
  readonly evaluate: Eval;
  /** The value, when known at compile time. */
  readonly constant?: number;
  /** The frame slot, when the side is a plain read of a state value. */
  readonly slot?: number;
}

/**
 * A closure per operator, with a constant side or a plain read of a state
 * value inlined: expressions run hundreds of times per simulated run, so one
 * call less per node matters in batches. Every form computes the same
 * operation on the same two numbers, so the results are identical.
 */
export function specialise(operator: string, left: Operand, right: Operand): Eval {
  const { evaluate: l, constant: lk, slot: ls } = left;
  const { evaluate: r, constant: rk, slot: rs } = right;
  switch (operator) {
    case '+':
      if (ls !== undefined && rs !== undefined) return (f) => f.values[ls]! + f.values[rs]!;
      if (ls !== undefined && rk !== undefined) return (f) => f.values[ls]! + rk;
      if (lk !== undefined && rs !== undefined) return (f) => lk + f.values[rs]!;
      if (ls !== undefined) return (f) => f.values[ls]! + r(f);
      if (rs !== undefined) return (f) => l(f) + f.values[rs]!;
      if (lk !== undefined) return (f) => lk + r(f);
      if (rk !== undefined) return (f) => l(f) + rk;
      return (f) => l(f) + r(f);
    case '-':
      if (ls !== undefined && rs !== undefined) return (f) => f.values[ls]! - f.values[rs]!;
      if (ls !== undefined && rk !== undefined) return (f) => f.values[ls]! - rk;
      if (lk !== undefined && rs !== undefined) return (f) => lk - f.values[rs]!;
      if (ls !== undefined) return (f) => f.values[ls]! - r(f);
      if (rs !== undefined) return (f) => l(f) - f.values[rs]!;
      if (lk !== undefined) return (f) => lk - r(f);
      if (rk !== undefined) return (f) => l(f) - rk;
      return (f) => l(f) - r(f);
    case '*':
      if (ls !== undefined && rs !== undefined) return (f) => f.values[ls]! * f.values[rs]!;
      if (ls !== undefined && rk !== undefined) return (f) => f.values[ls]! * rk;
      if (lk !== undefined && rs !== undefined) return (f) => lk * f.values[rs]!;
      if (ls !== undefined) return (f) => f.values[ls]! * r(f);
      if (rs !== undefined) return (f) => l(f) * f.values[rs]!;
      if (lk !== undefined) return (f) => lk * r(f);
      if (rk !== undefined) return (f) => l(f) * rk;
      return (f) => l(f) * r(f);
    case '/':
      return (f) => l(f) / r(f);
    case '<':
      if (ls !== undefined && rk !== undefined) return (f) => (f.values[ls]! < rk ? 1 : 0);
      return (f) => (l(f) < r(f) ? 1 : 0);
    case '>':
      if (ls !== undefined && rk !== undefined) return (f) => (f.values[ls]! > rk ? 1 : 0);
      return (f) => (l(f) > r(f) ? 1 : 0);
    case '<=':
      if (ls !== undefined && rk !== undefined) return (f) => (f.values[ls]! <= rk ? 1 : 0);
      return (f) => (l(f) <= r(f) ? 1 : 0);
    case '>=':
      if (ls !== undefined && rk !== undefined) return (f) => (f.values[ls]! >= rk ? 1 : 0);
      return (f) => (l(f) >= r(f) ? 1 : 0);
    default: {
      const op = BINARY[operator];
      if (op === undefined) throw new Error(`no arithmetic for the operator ${operator}`);
      return (f) => op(l(f), r(f));
    }
  }
}

/** The built-in functions and how many arguments each takes. */
export const MATH: Record<string, { arity: [number, number]; fn: (args: number[]) => number; one?: (x: number) => number }> = {
  min: { arity: [1, 16], fn: (args) => Math.min(...args), one: (x) => Math.min(x) },
  max: { arity: [1, 16], fn: (args) => Math.max(...args), one: (x) => Math.max(x) },
  abs: { arity: [1, 1], fn: ([x]) => Math.abs(x!), one: Math.abs },
  sqrt: { arity: [1, 1], fn: ([x]) => Math.sqrt(x!), one: Math.sqrt },
  pow: { arity: [2, 2], fn: ([x, y]) => x! ** y! },
  clamp: { arity: [3, 3], fn: ([x, lo, hi]) => Math.min(Math.max(x!, lo!), hi!) },
  round: { arity: [1, 1], fn: ([x]) => Math.round(x!), one: Math.round },
};

/** The names of the built-in math functions, for suggestions. */
export const MATH_FUNCTIONS = Object.keys(MATH);
