import { PRECISION } from '../effects.js';

/**
 * Values in the state are rounded to 1e-6 every turn, so each is an integer
 * number of millionths ("micro-units"). Summing those integers instead of the
 * floats makes every sum exact, and so independent of the order runs arrive
 * in: the reason batch results do not depend on the number of workers.
 */
export function toMicro(value: number): number {
  return Math.round(value * PRECISION);
}

/** Back from micro-units to a value. */
export function fromMicro(micro: number): number {
  return micro / PRECISION;
}

/** Round a derived statistic for output to the state's precision. */
export function roundStat(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}
