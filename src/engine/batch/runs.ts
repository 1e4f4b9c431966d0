import type { Frame } from '../frame.js';
import { outcomeAt, type Outcome } from '../outcome.js';
import { deriveSeed, type SeedStates } from '../random.js';
import { planRun, stepper, withSeed } from '../plan.js';
import { SimulationError } from '../errors.js';
import type { Scenario, WorldState } from '../types.js';
import type { BatchTally } from './tally.js';

/** Where a batch's runs come from: a seed, a horizon, and a range of run indices. */
export interface RunRange {
  readonly seed: number;
  readonly turns: number;
  /** First run index (inclusive). */
  readonly from: number;
  /** Last run index (exclusive). */
  readonly to: number;
  /**
   * Seeded generators kept across calls, for callers that run the same run
   * indices at many points (sweeps, studies, calibrations): see SeedStates.
   */
  readonly seeds?: SeedStates;
}

/** Hooks for what a caller records besides the tally (e.g. CSV rows). */
export interface RunHooks {
  /** Every state of a run as its frame, turn 0 included. */
  readonly onTurn?: (frame: Frame) => void;
  /** The end of run `index`, seeded `seed`. */
  readonly onRun?: (index: number, seed: number, outcome: Outcome, final: WorldState) => void;
}

/**
 * Run the batch's runs `from` to `to` one after another on the batch path and
 * count them into `tally`. Run i is seeded `deriveSeed(seed, i)`, so any split
 * of the indices over workers or shards runs exactly the same runs.
 */
export function tallyRuns(scenario: Scenario, range: RunRange, tally: BatchTally, hooks: RunHooks = {}): void {
  const { onTurn, onRun } = hooks;
  const observe = (frame: Frame) => {
    tally.observe(frame);
    onTurn?.(frame);
  };
  const plan = planRun(scenario, { seed: range.seed, turns: range.turns });
  for (let index = range.from; index < range.to; index += 1) {
    const seed = deriveSeed(range.seed, index);
    const run = stepper(withSeed(plan, seed), undefined, range.seeds ?? null);
    const { frame } = run;
    observe(frame);
    inRun(index, seed, () => {
      for (let turn = 1; turn <= range.turns; turn += 1) {
        run.step();
        observe(frame);
      }
    });
    const outcome = outcomeAt(run.scenario(), frame);
    tally.finish(frame, outcome);
    onRun?.(index, seed, outcome, run.state());
  }
}

/**
 * Run `work` for run `index` of a batch; a scenario error says which run and
 * seed it happened in, so `sandtable run --seed` can show it turn by turn.
 */
export function inRun<T>(index: number, seed: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SimulationError) throw new SimulationError(`run ${index} (seed ${seed}), ${error.message}`);
    throw error;
  }
}
