import { InvalidArgumentError } from 'commander';
import { MAX_SEED, MAX_TURNS } from '../engine/limits.js';

// Parsers of option values. The program is built with these before any
// command runs, so this module loads nothing but commander and the limits.

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

/** Collect a repeatable option's values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parse `--format`: md, html, or csv (the record's timeline as data). */
export function parseFormat(value: string): 'md' | 'html' | 'csv' {
  if (value === 'md' || value === 'html' || value === 'csv') return value;
  throw new InvalidArgumentError(`the report format must be md, html or csv, not "${value}".`);
}

/** Paired runs of a report's counterfactual when `--runs` is not given. */
export const DEFAULT_REPORT_RUNS = 500;
/** The most paired runs a report computes. */
export const MAX_REPORT_RUNS = 100_000;
/**
 * The most paired turns (runs × the record's turns) a report's counterfactual
 * computes: 100,000 runs of a 24-turn record, 4,000 of a 600-turn one. The
 * default 500 runs always fit.
 */
export const MAX_REPORT_PAIRED_TURNS = 2_400_000;

/** Parse a positive count such as `--runs`, up to `max`. */
export function positiveInteger(what: string, max: number): (value: string) => number {
  return (value: string) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > max) {
      throw new InvalidArgumentError(`${what} must be a whole number from 1 to ${max}, not "${value}".`);
    }
    return Number(value);
  };
}

/** Parse `report --runs`. */
export const parseReportRuns = positiveInteger('the number of runs', MAX_REPORT_RUNS);

/** Parse `host --deadline`: minutes a turn lasts, 0.05 (three seconds) to 1440 (a day). */
export function parseDeadline(value: string): number {
  const minutes = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(minutes >= 0.05 && minutes <= 1440)) {
    throw new InvalidArgumentError(`the deadline must be a number of minutes from 0.05 to 1440, not "${value}".`);
  }
  return minutes;
}
