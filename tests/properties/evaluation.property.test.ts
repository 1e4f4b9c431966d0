import fc from 'fast-check';
import jsep from 'jsep';
import { describe, expect, it } from 'vitest';
import { newFrame } from '../../src/engine/frame.js';
import { stateOf } from '../../src/engine/frame-state.js';
import type { EvalContext } from '../../src/engine/types.js';
import { compileExpression } from '../../src/scenarios/expression.js';
import { builtinSpec } from '../../src/scenarios/load.js';
import { BINARY, MATH } from '../../src/scenarios/operators.js';
import { paramValues } from '../../src/scenarios/params.js';
import { ScenarioScope } from '../../src/scenarios/scope.js';

// The compiler specialises operators (a constant side, a plain read of a state
// value, the common function forms) so that batches run fast. Each form must
// compute exactly what the plain definition of its operator computes: this
// compares compiled expressions with a direct walk of the parsed expression,
// on random states, bit for bit.

const spec = builtinSpec('niger-2024');
const params = paramValues(spec.params);
const scope = new ScenarioScope(spec, params);
const { layout } = scope;
const names = [...layout.paths.filter((path, i) => i % 3 === 0 && !path.includes('-')), 'param.drawdownRate', 'param.residualPresence', 'turn', 'flag.flightsIllegal'];

/** The value of a name, read the plain way from a state. */
function valueOf(path: string, state: ReturnType<typeof stateOf>, ctx: EvalContext): number {
  // Every name comes from the scenario's own layout, so each lookup finds its value.
  const [head, a = '', b = ''] = path.split('.');
  switch (head) {
    case 'ind': return state.indicators[a]!;
    case 'coop': return state.coop[a]![b]!;
    case 'stance': case 'salience': return state.actors[a]![head][b]!;
    case 'attr': return state.actors[a]!.attrs[b]!;
    case 'param': return params[a]!;
    case 'flag': return state.flags[a] ? 1 : 0;
    default: return ctx.turn;
  }
}

/** The expression's value by the operators' plain definitions. */
function reference(node: jsep.Expression, state: ReturnType<typeof stateOf>, ctx: EvalContext): number {
  const at = (item: jsep.Expression) => reference(item, state, ctx);
  switch (node.type) {
    case 'Literal': return Number((node as jsep.Literal).value);
    case 'Identifier': return valueOf((node as jsep.Identifier).name, state, ctx);
    case 'MemberExpression': return valueOf(pathOf(node), state, ctx);
    case 'UnaryExpression': {
      const { operator, argument } = node as jsep.UnaryExpression;
      return operator === '-' ? -at(argument) : at(argument) === 0 ? 1 : 0;
    }
    case 'BinaryExpression': {
      const { operator, left, right } = node as jsep.BinaryExpression;
      if (operator === 'and') return at(left) !== 0 && at(right) !== 0 ? 1 : 0;
      if (operator === 'or') return at(left) !== 0 || at(right) !== 0 ? 1 : 0;
      return BINARY[operator]!(at(left), at(right));
    }
    case 'ConditionalExpression': {
      const { test, consequent, alternate } = node as jsep.ConditionalExpression;
      return at(test) !== 0 ? at(consequent) : at(alternate);
    }
    case 'CallExpression': {
      const { callee, arguments: args } = node as jsep.CallExpression;
      return MATH[(callee as jsep.Identifier).name]!.fn(args.map(at));
    }
    default: throw new Error(`unexpected ${node.type}`);
  }
}

function pathOf(node: jsep.Expression): string {
  if (node.type === 'Identifier') return (node as jsep.Identifier).name;
  const member = node as jsep.MemberExpression;
  return `${pathOf(member.object)}.${(member.property as jsep.Identifier).name}`;
}

const leaf = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom('0', '1', '0.5', '2', '0.1', '3'),
  fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }).map((x) => String(Math.round(x * 1000) / 1000)),
);
const { tree } = fc.letrec<{ tree: string }>((tie) => ({
  // Mostly arithmetic and comparisons, where the specialised forms are.
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leaf },
    {
      weight: 8,
      arbitrary: fc.tuple(tie('tree'), fc.constantFrom('+', '-', '*', '/', '<', '>', '<=', '>=', '==', '!=', 'and', 'or', '^', '%'), tie('tree'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
    },
    { weight: 1, arbitrary: tie('tree').map((a) => `-(${a})`) },
    { weight: 1, arbitrary: tie('tree').map((a) => `not (${a})`) },
    { weight: 1, arbitrary: fc.tuple(tie('tree'), tie('tree'), tie('tree')).map(([a, b, c]) => `(${a} ? ${b} : ${c})`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('min', 'max'), fc.array(tie('tree'), { minLength: 1, maxLength: 3 })).map(([f, xs]) => `${f}(${xs.join(', ')})`),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('abs', 'sqrt', 'round'), tie('tree')).map(([f, a]) => `${f}(${a})`) },
    { weight: 1, arbitrary: fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => `pow(${a}, ${b})`) },
    { weight: 1, arbitrary: fc.tuple(tie('tree'), tie('tree'), tie('tree')).map(([a, b, c]) => `clamp(${a}, ${b}, ${c})`) },
  ),
}));

/** A state with every value drawn at random within its range. */
const state = fc.tuple(
  // As in a real state, six decimals, and often a round value that the expressions' constants compare with.
  fc.array(
    fc.oneof(fc.constantFrom(0, 0.05, 0.1, 0.5, 0.55, 1), fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 1_000_000)),
    { minLength: layout.size, maxLength: layout.size },
  ),
  fc.array(fc.boolean(), { minLength: layout.flags.length, maxLength: layout.flags.length }),
  fc.integer({ min: 1, max: 24 }),
).map(([values, flags, turn]) => {
  const frame = newFrame(layout);
  values.forEach((value, i) => {
    frame.values[i] = layout.min[i]! + value * (layout.max[i]! - layout.min[i]!);
  });
  flags.forEach((on, i) => {
    frame.flags[i] = on ? 1 : 0;
  });
  frame.turn = turn;
  return stateOf(layout, frame);
});

describe('compiled expressions', () => {
  it('give exactly what the operators\' plain definitions give, on any state', () => {
    fc.assert(fc.property(tree, state, (source, world) => {
      const ctx: EvalContext = { choices: {}, turn: world.turn };
      const compiled = compileExpression(source, scope);
      expect(Object.is(compiled.evaluate(world, ctx), reference(jsep(source), world, ctx)), source).toBe(true);
    }), { numRuns: 10_000, seed: 7 });
  });
});
