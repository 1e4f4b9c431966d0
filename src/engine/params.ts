import jStat from 'jstat';
import type { ParamRange } from './types.js';

/**
 * The value of a parameter at quantile `u` (0 to 1) of its declared
 * distribution over its range: what sensitivity analysis and calibration use
 * to turn a point of the unit cube into parameter values. Uniform is linear in
 * `u`; triangular peaks at the scenario's value; normal has the scenario's
 * value as its mean and is cut to the range.
 */
export function paramAt(range: ParamRange, u: number): number {
  const { low, high } = range;
  const p = Math.min(1, Math.max(0, u));
  if (range.distribution === 'triangular') {
    const mode = Math.min(high, Math.max(low, range.centre));
    const width = high - low;
    const split = (mode - low) / width;
    return p <= split
      ? low + Math.sqrt(p * width * (mode - low))
      : high - Math.sqrt((1 - p) * width * (high - mode));
  }
  if (range.distribution === 'normal' && range.sd !== undefined) {
    const below = jStat.normal.cdf(low, range.centre, range.sd);
    const above = jStat.normal.cdf(high, range.centre, range.sd);
    const value = jStat.normal.inv(below + p * (above - below), range.centre, range.sd);
    return Math.min(high, Math.max(low, value));
  }
  return low + p * (high - low);
}
