import { layoutOf } from '../../engine/batch/batch-layout.js';
import { BatchTally } from '../../engine/batch/tally.js';
import type { Scenario } from '../../engine/types.js';
import { execute } from './execute.js';
import { interruptible } from './interrupt.js';
import type { ScenarioSource } from './protocol.js';
import { planTasks } from './tasks.js';

/**
 * The tally of `runs` runs of a scenario (with indicator histograms) on
 * worker threads, on the batch's derived seeds: the same counts as `batch
 * --seed SEED --runs N` whatever the number of workers. Ctrl+C stops it cleanly.
 */
export async function tallyOnWorkers(
  scenario: Scenario,
  source: ScenarioSource,
  options: { readonly seed: number; readonly runs: number; readonly turns: number; readonly workers: number },
): Promise<BatchTally> {
  const tally = new BatchTally(layoutOf(scenario, options.turns));
  await interruptible(async (signal) => {
    const results = await execute({
      workers: options.workers,
      job: { kind: 'tally', scenario: source, combinations: [{}], seed: options.seed, turns: options.turns, quantiles: true, csv: false },
      tasks: planTasks(0, options.runs, options.runs, options.workers),
      signal,
    });
    for (const result of results) {
      if (result.type === 'tallies') for (const { data } of result.tallies) tally.add(data);
    }
  });
  return tally;
}
