import { InvalidArgumentError } from 'commander';
import { MAX_TURNS } from '../engine/record.js';
import { MAX_SEED } from '../engine/random.js';

/** Parse `--seed`: an integer from 0 to 4294967295. */
export function parseSeed(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new InvalidArgumentError(`the seed must be a whole number from 0 to ${MAX_SEED}, not "${value}".`);
  }
  const seed = Number(value);
  if (seed > MAX_SEED) throw new InvalidArgumentError(`the seed must be at most ${MAX_SEED}, not ${value}.`);
  return seed;
}

/** Parse `--turns`: how many months to simulate, 1 to MAX_TURNS. */
export function parseTurns(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > MAX_TURNS) {
    throw new InvalidArgumentError(`the number of turns must be a whole number from 1 to ${MAX_TURNS}, not "${value}".`);
  }
  return Number(value);
}

/** Parse a positive count such as `--runs`, up to `max`. */
export function positiveInteger(what: string, max: number): (value: string) => number {
  return (value: string) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > max) {
      throw new InvalidArgumentError(`${what} must be a whole number from 1 to ${max}, not "${value}".`);
    }
    return Number(value);
  };
}
