import { newFrame } from '../engine/frame.js';
import { slotLayout } from '../engine/slot-layout.js';
import { formatNumber } from '../engine/format.js';
import { compileExpression, ExpressionError, MATH_FUNCTIONS, type Compiled, type Input, type Scope } from './expression.js';
import type { ScenarioSpec } from './format.js';
import type { Problem } from './problem.js';
import { suggest } from './suggest.js';

// A starting value (a stance, a cooperation level, an attribute or an
// indicator at turn 0) written as an expression of parameters, so that a
// variant or a sweep can change where a run starts. It is computed once, when
// the scenario is compiled with its parameters.

const NO_SLOTS = slotLayout({ indicators: [], issues: [], actors: [], flags: [], events: [] });
const FRAME = newFrame(NO_SLOTS);

/** The names a starting value may read: parameters only, since nothing has happened yet. */
class ParamScope implements Scope {
  readonly layout = NO_SLOTS;
  constructor(private readonly params: Readonly<Record<string, number>>) {}

  resolve(segments: readonly string[]): Input {
    const [head = '', name = ''] = segments;
    const path = segments.join('.');
    if (head !== 'param' || segments.length !== 2) {
      throw new ExpressionError(`a starting value can read only parameters (param.NAME), not \`${path}\``, head);
    }
    if (!Object.hasOwn(this.params, name)) {
      throw new ExpressionError(`unknown parameter \`${path}\`${suggest(name, Object.keys(this.params))}`, name);
    }
    const value = this.params[name]!;
    return { path, read: () => value, constant: value };
  }

  call(name: string, _args: readonly Compiled[]): Compiled | null {
    if (MATH_FUNCTIONS.includes(name)) return null;
    throw new ExpressionError(`a starting value can use only ${MATH_FUNCTIONS.join(', ')}, not ${name}()`, name);
  }
}

/** A starting value as written: a number, or an expression of parameters. */
export type StartingValue = number | string;

/**
 * The number a starting value stands for with these parameters, or null (and
 * a problem at `path`) when it cannot be computed or falls outside [min, max].
 */
export function startingValue(
  value: StartingValue,
  params: Readonly<Record<string, number>>,
  range: { readonly min: number; readonly max: number },
  path: (string | number)[],
  problems: Problem[],
): number | null {
  if (typeof value === 'number') return value;
  let result: number;
  try {
    result = compileExpression(value, new ParamScope(params)).at(FRAME);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    problems.push({ path, message: error.message, ...(error.focus === undefined ? {} : { focus: error.focus }) });
    return null;
  }
  if (!(result >= range.min && result <= range.max)) {
    problems.push({ path, message: `"${value}" gives ${formatNumber(result)} with these parameters; it must be from ${range.min} to ${range.max}` });
    return null;
  }
  return result;
}

/** Whether any starting value of the scenario is an expression (and so depends on parameters). */
export function hasStartingExpressions(spec: ScenarioSpec): boolean {
  const text = (values: Readonly<Record<string, unknown>>) => Object.values(values).some((value) => typeof value === 'string');
  return spec.indicators.some((indicator) => typeof indicator.initial === 'string')
    || spec.actors.some((actor) => text(actor.stance) || text(actor.salience) || text(actor.attrs))
    || Object.values(spec.cooperation.initial).some(text);
}
