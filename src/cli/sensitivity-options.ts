import { InvalidArgumentError } from 'commander';
import { positiveInteger } from './options.js';

// Parsers of `sensitivity`'s own options. The program is built with these
// before any command runs, so this module loads nothing but commander.

/** Parse `--method`: morris or sobol. */
export function parseMethod(value: string): 'morris' | 'sobol' {
  if (value === 'morris' || value === 'sobol') return value;
  throw new InvalidArgumentError(`the method must be morris (elementary effects, for screening) or sobol (variance shares), not "${value}".`);
}

/** Parse `--trajectories` (at most STUDY_LIMITS.trajectories). */
export const parseTrajectories = positiveInteger('the number of trajectories', 10_000);
/** Parse `--samples` (at most STUDY_LIMITS.samples). */
export const parseSamples = positiveInteger('the number of base samples', 65_536);

/** Parse `--levels`: an even number of grid levels from 2 to 100. */
export function parseLevels(value: string): number {
  const levels = Number(value);
  if (!/^\d+$/.test(value.trim()) || levels < 2 || levels > 100 || levels % 2 !== 0) {
    throw new InvalidArgumentError(`the levels of a Morris grid must be an even number from 2 to 100, not "${value}".`);
  }
  return levels;
}
