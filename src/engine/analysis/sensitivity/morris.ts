import type { Interval } from '../../batch/interval.js';
import { eachResample, percentileInterval } from './bootstrap.js';
import type { Design } from './design.js';
import { pick, type Uniform } from './uniform.js';

// Morris' elementary effects (M. D. Morris, "Factorial sampling plans for
// preliminary computational experiments", Technometrics 33, 1991), with
// Campolongo, Cariboni and Saltelli's mu* (the mean absolute effect,
// Environ. Model. Softw. 22, 2007), which does not let effects of opposite
// signs cancel. Effects are measured in the unit cube (a step of `delta` is a
// step of delta of the parameter's quantile range), as SALib measures them,
// so parameters of different units compare.

/** A Morris design: `trajectories` one-at-a-time paths of dimensions + 1 points each. */
export interface MorrisDesign extends Design {
  readonly trajectories: number;
  readonly levels: number;
  /** The step, in the unit cube: levels / (2 (levels - 1)). */
  readonly delta: number;
  /** Step s (1..dimensions) of trajectory t moves parameter moves[t * dimensions + s - 1]... */
  readonly moves: Uint16Array;
  /** ...up (+1) or down (-1). */
  readonly signs: Int8Array;
}

/** The grid levels of a Morris design when none are asked for. */
export const DEFAULT_LEVELS = 4;

/**
 * `trajectories` random trajectories on a grid of `levels` (even) levels per
 * parameter: each starts at a random grid point and moves every parameter
 * once, in a random order, by delta up or down, staying on the grid.
 */
export function morrisDesign(dimensions: number, trajectories: number, random: Uniform, levels = DEFAULT_LEVELS): MorrisDesign {
  if (levels < 2 || levels % 2 !== 0) throw new RangeError(`a Morris grid has an even number of levels, not ${levels}`);
  const perPath = dimensions + 1;
  const unit = new Float64Array(trajectories * perPath * dimensions);
  const moves = new Uint16Array(trajectories * dimensions);
  const signs = new Int8Array(trajectories * dimensions);
  const half = levels / 2;
  const delta = half / (levels - 1);
  const level = new Int32Array(dimensions);
  for (let t = 0; t < trajectories; t += 1) {
    // Levels below the middle can only go up by delta, the others only down.
    for (let d = 0; d < dimensions; d += 1) level[d] = pick(random, levels);
    const direction = level.map((value) => (value < half ? 1 : -1));
    const order = Array.from({ length: dimensions }, (_, d) => d);
    for (let i = dimensions - 1; i > 0; i -= 1) {
      const j = pick(random, i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const write = (at: number) => {
      for (let d = 0; d < dimensions; d += 1) unit[at * dimensions + d] = level[d]! / (levels - 1);
    };
    const base = t * perPath;
    write(base);
    order.forEach((d, step) => {
      level[d]! += direction[d]! * half;
      moves[t * dimensions + step] = d;
      signs[t * dimensions + step] = direction[d]!;
      write(base + step + 1);
    });
  }
  return { dimensions, count: trajectories * perPath, unit, trajectories, levels, delta, moves, signs };
}

/** One parameter's Morris measures for one output. */
export interface MorrisIndex {
  /** The mean elementary effect: its sign says which way the parameter pushes. */
  readonly mu: number;
  /** The mean absolute elementary effect: how much the parameter matters. */
  readonly muStar: number;
  /** The standard deviation of the effects: interaction or non-linearity (0 for one trajectory). */
  readonly sigma: number;
  /** A bootstrap interval for mu* over the trajectories. */
  readonly muStarCi95: Interval;
}

/**
 * The Morris measures of every parameter from one output's value at each
 * point of the design; `random` draws the bootstrap resamples of trajectories.
 */
export function morrisIndices(design: MorrisDesign, values: ArrayLike<number>, random: Uniform, resamples: number): MorrisIndex[] {
  const { dimensions: k, trajectories: r, delta } = design;
  // effects[d * r + t]: parameter d's elementary effect on trajectory t.
  const effects = new Float64Array(k * r);
  for (let t = 0; t < r; t += 1) {
    for (let step = 0; step < k; step += 1) {
      const at = t * (k + 1) + step;
      const d = design.moves[t * k + step]!;
      effects[d * r + t] = (values[at + 1]! - values[at]!) / (design.signs[t * k + step]! * delta);
    }
  }
  const muStars = new Float64Array(k * resamples);
  eachResample(r, resamples, random, (indices, b) => {
    for (let d = 0; d < k; d += 1) {
      let sum = 0;
      for (let i = 0; i < r; i += 1) sum += Math.abs(effects[d * r + indices[i]!]!);
      muStars[d * resamples + b] = sum / r;
    }
  });
  return Array.from({ length: k }, (_, d) => {
    const own = effects.subarray(d * r, (d + 1) * r);
    let sum = 0;
    let absolute = 0;
    for (const effect of own) {
      sum += effect;
      absolute += Math.abs(effect);
    }
    const mu = sum / r;
    let squares = 0;
    for (const effect of own) squares += (effect - mu) ** 2;
    return {
      mu,
      muStar: absolute / r,
      sigma: r > 1 ? Math.sqrt(squares / (r - 1)) : 0,
      muStarCi95: percentileInterval(muStars.subarray(d * resamples, (d + 1) * resamples)),
    };
  });
}
