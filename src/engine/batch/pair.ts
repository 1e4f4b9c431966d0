import { sameFrame } from '../frame.js';
import { sameShape } from '../slot-layout.js';
import { outcomeAt, type Outcome } from '../outcome.js';
import { planRun, stepper, type RunPlan, type Stepper } from '../plan.js';
import { firstFiredOf } from '../run.js';
import type { Scenario, WorldState } from '../types.js';
import { sameData } from './equal.js';
import type { BatchTally } from './tally.js';

/** One side of a paired run. */
export interface PairSide {
  readonly state: WorldState;
  readonly firstFired: Readonly<Record<string, number>>;
  readonly outcome: Outcome;
}

/** A baseline run and a variant run on the same seed, and where they parted. */
export interface PairedRun {
  readonly base: PairSide;
  readonly variant: PairSide;
  /** The first turn whose states differ (0 when the initial states do), or null if none does. */
  readonly divergedAt: number | null;
}

/**
 * Run `base` and `variant` side by side on the same seed, so on the same
 * random streams (common random numbers), one turn at a time on the batch
 * path, and find the first turn at which their states differ.
 */
export function runPair(base: Scenario, variant: Scenario, seed: number, turns: number): PairedRun {
  return runPlans(planRun(base, { seed, turns }), planRun(variant, { seed, turns }));
}

/**
 * Two plans of one horizon stepped side by side, each a `stepper` as in
 * `runFast` (so its states are bit-identical to a run of its own), with the
 * first turn at which their states differ. With `tallies`, each side's
 * frames (turn 0 included) and end are counted into its own tally.
 */
export function runPlans(base: RunPlan, variant: RunPlan, tallies?: readonly [BatchTally, BatchTally]): PairedRun {
  const left = stepper(base);
  const right = stepper(variant);
  // A scenario and its variants share a layout, and their frames compare slot
  // by slot; two scenario files may order (or name) things differently, and
  // their states are compared by name, as data.
  const same = sameShape(left.scenario().layout, right.scenario().layout)
    ? () => sameFrame(left.frame, right.frame)
    : () => sameData(left.state(), right.state());
  tallies?.[0].observe(left.frame);
  tallies?.[1].observe(right.frame);
  let divergedAt: number | null = same() ? null : 0;
  for (let turn = 1; turn <= base.turns; turn += 1) {
    left.step();
    right.step();
    tallies?.[0].observe(left.frame);
    tallies?.[1].observe(right.frame);
    // Once apart is enough: later turns need no comparing.
    if (divergedAt === null && !same()) divergedAt = turn;
  }
  return { base: sideOf(left, tallies?.[0]), variant: sideOf(right, tallies?.[1]), divergedAt };
}

function sideOf(run: Stepper, tally: BatchTally | undefined): PairSide {
  const state = run.state();
  const outcome = outcomeAt(run.scenario(), run.frame);
  tally?.finish(run.frame, outcome);
  return { state, firstFired: firstFiredOf(state), outcome };
}
