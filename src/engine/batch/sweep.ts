import { round } from '../effects.js';

/** One swept parameter and the values it takes. */
export interface SweepAxis {
  readonly name: string;
  readonly values: readonly number[];
}

/** `steps` evenly spaced values from `from` to `to` inclusive (rounded to the state's precision). */
export function axisValues(from: number, to: number, steps: number): number[] {
  if (steps === 1) return [from];
  return Array.from({ length: steps }, (_, k) => round(from + ((to - from) * k) / (steps - 1)));
}

/** The most combinations a sweep may have: each is a compiled scenario and a tally of its own. */
export const MAX_COMBINATIONS = 10_000;

/** How many combinations the axes make, counted without making them. */
export function combinationCount(axes: readonly SweepAxis[]): number {
  return axes.reduce((product, axis) => product * axis.values.length, 1);
}

/**
 * Every combination of the axes' values (full factorial), the first axis
 * varying slowest, as parameter overrides.
 */
export function combinations(axes: readonly SweepAxis[]): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const axis of axes) {
    out = out.flatMap((partial) => axis.values.map((value) => ({ ...partial, [axis.name]: value })));
  }
  return out;
}
