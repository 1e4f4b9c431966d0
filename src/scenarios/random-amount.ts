import { SimulationError } from '../engine/errors.js';
import { formatNumber } from '../engine/format.js';
import type { Frame } from '../engine/frame.js';
import { drawAt } from '../engine/random.js';
import type { Expr } from '../engine/types.js';
import type { RandomAmountSpec } from './format.js';

// Random quantities of effects: an effect's size (`add: { ind.x: { uniform:
// [0.02, 0.08] } }`) or a schedule's delay (`in: { uniform: [2, 6] }`). Each
// draws from a stream of its own, keyed by what owns it (the rule, the action
// or the dynamics) and its place among the owner's random quantities, so the
// number a run draws for it at a turn depends on nothing else: a what-if
// elsewhere does not shift it, and neither does whether it was drawn before.

/** The random quantities of a scenario being compiled: their stream keys, by index. */
export class RandomSites {
  readonly keys: string[] = [];
  private readonly counts = new Map<string, number>();

  /** A new quantity of `owner` (`rule:<id>`, `action:<actor>/<action>` or `dynamics`): its index. */
  add(owner: string): number {
    const n = this.counts.get(owner) ?? 0;
    this.counts.set(owner, n + 1);
    this.keys.push(`${owner}/${n}`);
    return this.keys.length - 1;
  }
}

/** Largest Poisson mean accepted (beyond it exp(-mean) is too small to sum). */
const MAX_POISSON_MEAN = 600;

/**
 * A random quantity as an expression evaluated on a frame during a step.
 * `whole` makes a uniform draw a whole number from lo to hi inclusive (a delay
 * in months); otherwise it is any number from lo up to hi. `compile` compiles
 * the bounds, options or mean, which may themselves be expressions.
 */
export function randomAmount(
  spec: RandomAmountSpec,
  index: number,
  whole: boolean,
  compile: (key: string | number, source: string | number | boolean) => Expr,
): Expr {
  const roll = (f: Frame) => {
    const streams = f.random;
    if (streams === undefined) throw new SimulationError('a random quantity can only be drawn while a turn is computed');
    return drawAt(streams[index]!, f.turn);
  };
  let sample: (f: Frame) => number;
  let source: string;
  if ('uniform' in spec) {
    const lo = compile(0, spec.uniform[0]);
    const hi = compile(1, spec.uniform[1]);
    source = `uniform(${lo.source}, ${hi.source})`;
    sample = whole
      ? (f) => {
        const a = Math.round(lo.at(f));
        const b = Math.round(hi.at(f));
        const [low, high] = a <= b ? [a, b] : [b, a];
        return low + Math.floor(roll(f) * (high - low + 1));
      }
      : (f) => {
        const a = lo.at(f);
        return a + roll(f) * (hi.at(f) - a);
      };
  } else if ('choice' in spec) {
    const options = spec.choice.map((item, i) => compile(i, item));
    source = `choice(${options.map((item) => item.source).join(', ')})`;
    sample = (f) => options[Math.min(options.length - 1, Math.floor(roll(f) * options.length))]!.at(f);
  } else {
    const mean = compile('poisson', spec.poisson);
    source = `poisson(${mean.source})`;
    sample = (f) => poisson(mean.at(f), roll(f));
  }
  const unavailable = () => {
    throw new SimulationError(`${source} is drawn only while a turn is computed`);
  };
  return {
    source,
    at: sample,
    explainAt: (f) => `${source} = ${formatNumber(sample(f))}`,
    inputsAt: () => ({}),
    evaluate: unavailable,
    explain: unavailable,
    inputs: unavailable,
  };
}

/** The Poisson count whose cumulative probability first exceeds `u` (inverse transform). */
function poisson(mean: number, u: number): number {
  if (!(mean >= 0 && mean <= MAX_POISSON_MEAN)) {
    throw new SimulationError(`a Poisson mean must be from 0 to ${MAX_POISSON_MEAN}, not ${mean}`);
  }
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  while (u >= cumulative && k < 10 * MAX_POISSON_MEAN) {
    k += 1;
    p *= mean / k;
    cumulative += p;
    if (p === 0 && k > mean) break;
  }
  return k;
}
