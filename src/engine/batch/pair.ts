import { planAt, planInterventions } from '../interventions.js';
import { outcomeOf, type Outcome } from '../outcome.js';
import { Streams } from '../random.js';
import { cloneState } from '../run.js';
import { stepInPlace } from '../step.js';
import type { MutableState, Scenario, WorldState } from '../types.js';
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
 * path, and find the first turn at which their states differ. The turn
 * recipe is `runFast`'s, so each side's states are bit-identical to a run
 * of its own.
 */
export function runPair(base: Scenario, variant: Scenario, seed: number, turns: number): PairedRun {
  const left = cloneState(base.initial);
  const right = cloneState(variant.initial);
  const leftPlans = planInterventions(base.interventions, turns);
  const rightPlans = planInterventions(variant.interventions, turns);
  const leftStreams = new Streams(seed);
  const rightStreams = new Streams(seed);
  let divergedAt: number | null = sameData(left, right) ? null : 0;
  for (let turn = 1; turn <= turns; turn += 1) {
    stepInPlace(base, left, leftStreams, planAt(leftPlans, turn));
    stepInPlace(variant, right, rightStreams, planAt(rightPlans, turn));
    // Once apart is enough: later turns need no comparing.
    if (divergedAt === null && !sameData(left, right)) divergedAt = turn;
  }
  return { base: side(base, left), variant: side(variant, right), divergedAt };
}

function side(scenario: Scenario, working: MutableState): PairSide {
  const state = working as WorldState;
  const firstFired: Record<string, number> = {};
  for (const [id, tally] of Object.entries(state.events)) firstFired[id] = tally.first;
  return { state, firstFired, outcome: outcomeOf(scenario, state) };
}
