import { fileURLToPath } from 'node:url';
import { layoutOf } from '../../src/engine/batch/batch-layout.js';
import { tallyRuns } from '../../src/engine/batch/runs.js';
import { scenarioInfo, summarizeBatch, type BatchSummary } from '../../src/engine/batch/summary.js';
import { BatchTally } from '../../src/engine/batch/tally.js';
import type { Scenario } from '../../src/engine/types.js';
import { loadScenario } from '../../src/scenarios/load.js';

/** The synthetic coin scenario: one rule with chance param.p = 0.3 per turn. */
export const COIN = fileURLToPath(new URL('./fixtures/coin.yaml', import.meta.url));

/** Load the coin, optionally a variant and parameter overrides. */
export function coin(variant: string | null = null, overrides: Record<string, number> = {}): Scenario {
  return loadScenario(COIN, variant, overrides);
}

/** A tally of runs `from`..`to` of a batch, run one after another in this thread. */
export function tallyOf(scenario: Scenario, seed: number, turns: number, from: number, to: number, quantiles = true): BatchTally {
  const tally = new BatchTally(layoutOf(scenario, turns, quantiles));
  tallyRuns(scenario, { seed, turns, from, to }, tally);
  return tally;
}

/** The summary of a whole batch run one run after another: the reference the CLI must match. */
export function oneByOne(scenario: Scenario, seed: number, runs: number, turns = scenario.defaultTurns): BatchSummary {
  return summarizeBatch(seed, scenarioInfo(scenario), tallyOf(scenario, seed, turns, 0, runs));
}
