import { deriveSeed } from '../random.js';
import type { Scenario } from '../types.js';
import { summarizeComparison, type Comparison } from './comparison.js';
import { layoutOf } from './batch-layout.js';
import { runPair } from './pair.js';
import { PairedTally, pairedLayoutOf } from './paired.js';
import { inRun, tallyRuns } from './runs.js';
import { scenarioInfo, summarizeBatch, type BatchSummary } from './summary.js';
import { BatchTally } from './tally.js';
import { evaluateExpectations, type ExpectationResult } from '../analysis/expectations.js';

// Batches and comparisons on the calling thread, for a library user. The
// command line spreads the same runs over worker threads; because a batch's
// result depends only on (scenario, seed, runs, turns), both give the same
// summary.

/** What a batch or comparison runs: run i is seeded `deriveSeed(seed, i)`. */
export interface BatchOptions {
  readonly seed: number;
  /** How many runs (a whole number, at least 1). */
  readonly runs: number;
  /** Turns per run; the scenario's default when omitted. */
  readonly turns?: number;
}

function checkRuns(runs: number): void {
  if (!Number.isSafeInteger(runs) || runs < 1) throw new RangeError(`the number of runs must be a whole number from 1, not ${runs}`);
}

/**
 * Run a scenario `runs` times on derived seeds and summarise the distribution:
 * the same summary as `sandtable batch --json` for the same scenario, seed,
 * runs and turns.
 */
export function batch(scenario: Scenario, options: BatchOptions): BatchSummary {
  checkRuns(options.runs);
  const turns = options.turns ?? scenario.defaultTurns;
  const tally = new BatchTally(layoutOf(scenario, turns));
  tallyRuns(scenario, { seed: options.seed, turns, from: 0, to: options.runs }, tally);
  return summarizeBatch(options.seed, scenarioInfo(scenario), tally);
}

/**
 * Paired runs of two scenarios on the same seeds (so on the same random
 * numbers): the difference a what-if makes. The same comparison as
 * `sandtable compare BASE VARIANT --json`; turns default to the base's.
 */
export function compare(base: Scenario, variant: Scenario, options: BatchOptions): Comparison {
  checkRuns(options.runs);
  const turns = options.turns ?? base.defaultTurns;
  const tally = new PairedTally(pairedLayoutOf(base, variant, turns));
  for (let index = 0; index < options.runs; index += 1) {
    const seed = deriveSeed(options.seed, index);
    tally.addPair(inRun(index, seed, () => runPair(base, variant, seed, turns)));
  }
  return summarizeComparison(options.seed, scenarioInfo(base), scenarioInfo(variant), tally);
}

/**
 * Test a scenario against its expectations: each one's estimate, 95%
 * interval and verdict over a batch of its own turns, the results of
 * `sandtable check --json` for the same seed and runs.
 */
export function check(scenario: Scenario, options: Omit<BatchOptions, 'turns'>): ExpectationResult[] {
  checkRuns(options.runs);
  const turns = scenario.defaultTurns;
  const tally = new BatchTally(layoutOf(scenario, turns));
  tallyRuns(scenario, { seed: options.seed, turns, from: 0, to: options.runs }, tally);
  return evaluateExpectations(scenario.expectations, { layout: tally.layout, data: tally.data() });
}
