import type { Interval } from '../../batch/interval.js';
import { pick, type Uniform } from './uniform.js';

/** Bootstrap resamples behind every interval of a study. */
export const RESAMPLES = 1000;

/**
 * Call `visit` with each of `resamples` bootstrap resamples of `n` items
 * (indices drawn with replacement). The caller passes a fresh stream for the
 * same key to every output, so all outputs see the same resamples.
 */
export function eachResample(n: number, resamples: number, random: Uniform, visit: (indices: Uint32Array, resample: number) => void): void {
  const indices = new Uint32Array(n);
  for (let b = 0; b < resamples; b += 1) {
    for (let i = 0; i < n; i += 1) indices[i] = pick(random, n);
    visit(indices, b);
  }
}

/**
 * The 95% percentile interval of bootstrap estimates (the 2.5th and 97.5th
 * percentiles, interpolated between order statistics); estimates that are
 * not numbers (a resample with no variance) are left out.
 */
export function percentileInterval(estimates: ArrayLike<number>): Interval {
  const sorted = Float64Array.from(estimates).filter((value) => Number.isFinite(value)).sort();
  if (sorted.length === 0) return [Number.NaN, Number.NaN];
  const at = (q: number) => {
    const position = q * (sorted.length - 1);
    const below = Math.floor(position);
    const above = Math.min(sorted.length - 1, below + 1);
    return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
  };
  return [at(0.025), at(0.975)];
}
