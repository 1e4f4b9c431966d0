import { InvalidArgumentError } from 'commander';
import { positiveInteger } from './options.js';

// Parsers of `calibrate`'s own options. The program is built with these
// before any command runs, so this module loads nothing but commander.

/** Parse `calibrate --samples` (at most CALIBRATION_LIMITS.samples). */
export const parseCalibrationSamples = positiveInteger('the number of candidates', 65_536);

/** Parse `--refine`: the refinement round's candidates, 0 for none. */
export function parseRefine(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 65_536) {
    throw new InvalidArgumentError(`the refinement round's candidates must be a whole number from 0 to 65536, not "${value}".`);
  }
  return Number(value);
}
