import { sameFrame, sameShape } from '../frame.js';
import { outcomeAt, type Outcome } from '../outcome.js';
import { firstFiredOf, stepper, type Stepper } from '../run.js';
import type { Scenario, WorldState } from '../types.js';
import { sameData } from './equal.js';

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
 * path, and find the first turn at which their states differ. Each side is
 * a `stepper`, as in `runFast`, so its states are bit-identical to a run of
 * its own.
 */
export function runPair(base: Scenario, variant: Scenario, seed: number, turns: number): PairedRun {
  const left = stepper(base, { seed, turns });
  const right = stepper(variant, { seed, turns });
  // A scenario and its variants share a layout, and their frames compare slot
  // by slot; two scenario files may order (or name) things differently, and
  // their states are compared by name, as data.
  const same = sameShape(base.layout, variant.layout)
    ? () => sameFrame(left.frame, right.frame)
    : () => sameData(left.state(), right.state());
  let divergedAt: number | null = same() ? null : 0;
  for (let turn = 1; turn <= turns; turn += 1) {
    left.step();
    right.step();
    // Once apart is enough: later turns need no comparing.
    if (divergedAt === null && !same()) divergedAt = turn;
  }
  return { base: side(base, left), variant: side(variant, right), divergedAt };
}

function side(scenario: Scenario, run: Stepper): PairSide {
  const state = run.state();
  return { state, firstFired: firstFiredOf(state), outcome: outcomeAt(scenario, run.frame) };
}
