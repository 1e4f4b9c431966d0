import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import type { Shard } from '../engine/batch/shard.js';
import { axisValues, type SweepAxis } from '../engine/batch/sweep.js';
import { positiveInteger } from './options.js';

/** The most runs a batch may have (indicator histograms count in 32 bits). */
export const MAX_RUNS = 100_000_000;
/** The most worker threads a command starts. */
export const MAX_WORKERS = 256;
/** The most shards a batch may be split into. */
export const MAX_SHARDS = 100_000;
/** The most values one swept parameter may take. */
export const MAX_STEPS = 1000;
/**
 * The largest magnitude of a swept value. Values are rounded to millionths
 * like every number of the state; past about 10^9 that rounding is no longer
 * exact, and far past it a value (or the distance between FROM and TO) is not
 * a finite number at all.
 */
export const MAX_SWEPT_VALUE = 1e9;

/** Parse `--runs`. */
export const parseRuns = positiveInteger('the number of runs', MAX_RUNS);
/** Parse `--workers`. */
export const parseWorkers = positiveInteger('the number of workers', MAX_WORKERS);

/**
 * The worker threads a command plans for: `--workers` (by default, all the
 * cores this process may use), but never more than those cores. A thread per
 * core keeps every core busy; more only add memory (each has its own heap and
 * compiled scenario) and switching, never speed: 256 threads for 300 runs
 * took 11 s and 1.7 GB, against 0.7 s and 120 MB for two.
 */
export function workerCount(requested?: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(requested ?? MAX_WORKERS, MAX_WORKERS, cores));
}

/** Parse `--shard I/N`: shard I (from 1) of N. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (match === null) throw new InvalidArgumentError(`a shard is written I/N, such as 2/4 (shard 2 of 4), not "${value}".`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) throw new InvalidArgumentError(`the shard count N in I/N must be from 1 to ${MAX_SHARDS}, not ${match[2]}.`);
  if (index < 1 || index > count) throw new InvalidArgumentError(`the shard number I in I/N must be from 1 to N (${count}), not ${match[1]}.`);
  return { index, count };
}

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;

/**
 * Parse one `--set NAME=FROM:TO:STEPS` (STEPS evenly spaced values from FROM
 * to TO) or `--set NAME=VALUE` (one value), adding it to the axes so far.
 */
export function parseSet(value: string, previous: SweepAxis[] = []): SweepAxis[] {
  const form = `write --set NAME=FROM:TO:STEPS, such as talksChance=0:0.4:5, or NAME=VALUE`;
  const equals = value.indexOf('=');
  const name = equals < 0 ? '' : value.slice(0, equals).trim();
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new InvalidArgumentError(`"${value}" names no parameter; ${form}.`);
  if (previous.some((axis) => axis.name === name)) throw new InvalidArgumentError(`parameter ${name} is set twice.`);
  const parts = value.slice(equals + 1).split(':').map((part) => part.trim());
  const isNumber = (part: string) => new RegExp(`^${NUMBER}$`).test(part);
  const inRange = (part: string) => {
    const number = Number(part);
    if (!(Math.abs(number) <= MAX_SWEPT_VALUE)) {
      throw new InvalidArgumentError(`${part} in "${value}" is out of range; a swept value is a number from -${MAX_SWEPT_VALUE} to ${MAX_SWEPT_VALUE}.`);
    }
    return number;
  };
  const [first = '', second = '', third = ''] = parts;
  if (parts.length === 1 && isNumber(first)) return [...previous, { name, values: [inRange(first)] }];
  if (parts.length !== 3 || !isNumber(first) || !isNumber(second)) {
    throw new InvalidArgumentError(`"${value}" is not a range; ${form}.`);
  }
  const [from, to] = [inRange(first), inRange(second)];
  if (!/^\d+$/.test(third) || Number(third) < 1 || Number(third) > MAX_STEPS) {
    throw new InvalidArgumentError(`the number of steps in "${value}" must be a whole number from 1 to ${MAX_STEPS}, not "${third}".`);
  }
  const steps = Number(parts[2]);
  if (steps === 1 && from !== to) throw new InvalidArgumentError(`"${value}" goes from ${from} to ${to} in 1 step; give at least 2 steps, or one value.`);
  return [...previous, { name, values: axisValues(from, to, steps) }];
}
