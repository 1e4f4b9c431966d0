import jStat from 'jstat';
import { round } from '../../effects.js';

/**
 * A parameter a study varies: its plausible range as the scenario declares it
 * and how plausible values spread over it.
 */
export interface StudyParameter {
  readonly name: string;
  readonly low: number;
  readonly high: number;
  /** uniform over [low, high]; triangular with its peak at `centre`; normal (mean `centre`, `sd`) cut to the range. */
  readonly distribution: 'uniform' | 'triangular' | 'normal';
  readonly centre: number;
  readonly sd?: number;
}

/**
 * The parameter's value at quantile `u` of its distribution (0 is the low end
 * of the range, 1 the high end), rounded to the state's precision like every
 * number a run reads. Designs are made in the unit cube and mapped through
 * this, so a uniform design samples each distribution as it is declared.
 */
export function valueAt(parameter: StudyParameter, u: number): number {
  const { low, high } = parameter;
  const clamp = (value: number) => Math.min(high, Math.max(low, round(value)));
  switch (parameter.distribution) {
    case 'uniform':
      return clamp(low + u * (high - low));
    case 'triangular': {
      const mode = Math.min(high, Math.max(low, parameter.centre));
      const width = high - low;
      const split = (mode - low) / width;
      return clamp(u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode)));
    }
    case 'normal': {
      const mean = parameter.centre;
      const sd = parameter.sd ?? (high - low) / 4;
      const below = jStat.normal.cdf(low, mean, sd);
      const above = jStat.normal.cdf(high, mean, sd);
      // A range far out in a tail leaves no probability to spread: uniform there.
      if (!(above - below > 1e-12)) return clamp(low + u * (high - low));
      return clamp(jStat.normal.inv(below + u * (above - below), mean, sd));
    }
  }
}

/** The parameters' values at one point of the unit cube, by name. */
export function valuesAt(parameters: readonly StudyParameter[], unit: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(parameters.map((parameter, index) => [parameter.name, valueAt(parameter, unit[index]!)]));
}
