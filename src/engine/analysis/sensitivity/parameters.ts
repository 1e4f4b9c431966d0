import { round } from '../../effects.js';
import { paramAt } from '../../params.js';
import type { ParamRange } from '../../types.js';

/** A parameter a study varies: its name and its declared range. */
export interface StudyParameter extends ParamRange {
  readonly name: string;
}

/**
 * The parameter's value at quantile `u` of its distribution (0 is the low end
 * of the range, 1 the high end), rounded to the state's precision like every
 * number a run reads. Designs are made in the unit cube and mapped through
 * this, so a uniform design samples each distribution as it is declared.
 */
export function valueAt(parameter: StudyParameter, u: number): number {
  return Math.min(parameter.high, Math.max(parameter.low, round(paramAt(parameter, u))));
}

/** The parameters' values at one point of the unit cube, by name. */
export function valuesAt(parameters: readonly StudyParameter[], unit: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(parameters.map((parameter, index) => [parameter.name, valueAt(parameter, unit[index]!)]));
}
