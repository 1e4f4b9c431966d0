import type { Interval } from '../../batch/interval.js';
import { eachResample, percentileInterval } from './bootstrap.js';
import type { Design } from './design.js';
import { MAX_SOBOL_DIMENSIONS, sobolPoints } from './sobol-sequence.js';
import type { Uniform } from './uniform.js';

// Variance-based sensitivity indices (I. M. Sobol', Math. Comput. Simul. 55,
// 2001) on Saltelli's design: two independent matrices A and B from one
// scrambled Sobol' sequence of 2k dimensions, and for each parameter i the
// matrix AB_i, which is A with column i taken from B (A. Saltelli, Comput.
// Phys. Commun. 145, 2002). First-order indices by the estimator of Saltelli
// et al. 2010 (Comput. Phys. Commun. 181, table 2 (b)), total indices by
// Jansen's (1999, table 2 (f) there), both as SALib computes them.

/** A Saltelli design: for each base sample j, the points A_j, AB_j^1 .. AB_j^k, B_j, in that order. */
export interface SaltelliDesign extends Design {
  /** Base samples N: the design has N (k + 2) points. */
  readonly samples: number;
}

/** The most parameters a Sobol' study can have: its base sequence has two dimensions for each. */
export const MAX_SOBOL_PARAMETERS = Math.floor(MAX_SOBOL_DIMENSIONS / 2);

/** Saltelli's design of `samples` base samples over `dimensions` parameters, on a sequence scrambled by `random`. */
export function saltelliDesign(dimensions: number, samples: number, random: Uniform): SaltelliDesign {
  const k = dimensions;
  const base = sobolPoints(2 * k, samples, random);
  const perSample = k + 2;
  const unit = new Float64Array(samples * perSample * k);
  for (let j = 0; j < samples; j += 1) {
    const a = base.subarray(j * 2 * k, j * 2 * k + k);
    const b = base.subarray(j * 2 * k + k, (j + 1) * 2 * k);
    const row = (point: number) => (j * perSample + point) * k;
    unit.set(a, row(0));
    for (let i = 0; i < k; i += 1) {
      unit.set(a, row(1 + i));
      unit[row(1 + i) + i] = b[i]!;
    }
    unit.set(b, row(k + 1));
  }
  return { dimensions: k, count: samples * perSample, unit, samples };
}

/** One parameter's Sobol' indices for one output. */
export interface SobolIndex {
  /** First-order index: the share of the output's variance the parameter causes alone. */
  readonly S1: number;
  readonly S1Ci95: Interval;
  /** Total index: the share it causes alone and with others; 1 - ST is what fixing it would leave. */
  readonly ST: number;
  readonly STCi95: Interval;
}

/**
 * The first-order and total index of each parameter, with bootstrap
 * intervals over the base samples; null when the output does not vary over
 * the design (no variance to share out).
 */
export function sobolIndices(design: SaltelliDesign, raw: ArrayLike<number>, random: Uniform, resamples: number): SobolIndex[] | null {
  const { dimensions: k, samples: n } = design;
  const perSample = k + 2;
  // Centred first, as SALib does: the indices do not change, but the
  // first-order estimator's error grows with the output's mean.
  let sum = 0;
  for (let index = 0; index < design.count; index += 1) sum += raw[index]!;
  const centre = sum / design.count;
  const values = Float64Array.from({ length: design.count }, (_, index) => raw[index]! - centre);
  const identity = Uint32Array.from({ length: n }, (_, j) => j);
  // For the base samples `rows`: the variance of A and B together, and for each parameter
  // the sums of B (AB_i - A) and (A - AB_i)^2 over them.
  const estimate = (rows: Uint32Array, first: Float64Array, total: Float64Array): boolean => {
    let sum = 0;
    for (const j of rows) sum += values[j * perSample]! + values[j * perSample + k + 1]!;
    const mean = sum / (2 * n);
    let squares = 0;
    for (const j of rows) squares += (values[j * perSample]! - mean) ** 2 + (values[j * perSample + k + 1]! - mean) ** 2;
    const variance = squares / (2 * n);
    if (!(variance > 0)) return false;
    for (let i = 0; i < k; i += 1) {
      let s1 = 0;
      let st = 0;
      for (const j of rows) {
        const a = values[j * perSample]!;
        const b = values[j * perSample + k + 1]!;
        const ab = values[j * perSample + 1 + i]!;
        s1 += b * (ab - a);
        st += (a - ab) ** 2;
      }
      first[i] = s1 / n / variance;
      total[i] = st / (2 * n) / variance;
    }
    return true;
  };
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  if (!estimate(identity, first, total)) return null;
  const firsts = new Float64Array(k * resamples);
  const totals = new Float64Array(k * resamples);
  const resampledFirst = new Float64Array(k);
  const resampledTotal = new Float64Array(k);
  eachResample(n, resamples, random, (rows, b) => {
    const varies = estimate(rows, resampledFirst, resampledTotal);
    for (let i = 0; i < k; i += 1) {
      firsts[i * resamples + b] = varies ? resampledFirst[i]! : Number.NaN;
      totals[i * resamples + b] = varies ? resampledTotal[i]! : Number.NaN;
    }
  });
  return Array.from({ length: k }, (_, i) => ({
    S1: first[i]!,
    S1Ci95: percentileInterval(firsts.subarray(i * resamples, (i + 1) * resamples)),
    ST: total[i]!,
    STCi95: percentileInterval(totals.subarray(i * resamples, (i + 1) * resamples)),
  }));
}
