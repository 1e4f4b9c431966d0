import type { Patch } from 'immer';
import { SimulationError } from './errors.js';
import { hashOf } from './hash.js';
import { planAt, planInterventions, segmentInterventions, type InterventionPlan, type Segment } from './interventions.js';
import { Streams } from './random.js';
import { step } from './step.js';
import type { Decision, FiredEvent, Intervention, Scenario, WorldState } from './types.js';

/** One kept turn of a run: its state, what changed, and why. */
export interface Turn {
  readonly turn: number;
  readonly state: WorldState;
  readonly hash: string;
  readonly patches: readonly Patch[];
  readonly events: readonly FiredEvent[];
  readonly decisions: readonly Decision[];
}

/**
 * A run as a list of kept turns (index = turn). Histories are values: advancing
 * or branching returns a new history sharing the earlier turns with the old one.
 */
export interface History {
  /** The scenario the next turns are computed with (the last segment's). */
  readonly scenario: Scenario;
  /**
   * The scenarios the run was computed with: the first from turn 0, then one
   * for every switch to a variant part-way through (a what-if branch).
   */
  readonly segments: readonly Segment[];
  readonly seed: number;
  readonly turns: number;
  /** The run's own interventions (the scenario's are applied as well). */
  readonly interventions: readonly Intervention[];
  readonly kept: readonly Turn[];
  readonly plans: readonly InterventionPlan[];
  readonly streams: Streams;
}

/** A new history at turn 0. */
export function startHistory(
  scenario: Scenario,
  seed: number,
  turns: number,
  interventions: readonly Intervention[] = [],
): History {
  const initial = scenario.initial;
  const segments = [{ from: 0, scenario }];
  return {
    scenario,
    segments,
    seed,
    turns,
    interventions,
    kept: [keptTurn(0, initial, [], [], [])],
    plans: planInterventions([...segmentInterventions(segments), ...interventions], turns),
    streams: new Streams(seed),
  };
}

/**
 * A kept turn whose hash is worked out the first time it is read: stepping
 * through a run in the UI needs no hashes; records and replays read them all.
 */
function keptTurn(
  turn: number,
  state: WorldState,
  patches: readonly Patch[],
  events: readonly FiredEvent[],
  decisions: readonly Decision[],
): Turn {
  let hash: string | undefined;
  return {
    turn,
    state,
    get hash() {
      hash ??= hashOf(state);
      return hash;
    },
    patches,
    events,
    decisions,
  };
}

/** The last kept turn. */
export function current(history: History): Turn {
  return history.kept[history.kept.length - 1];
}

/** The history with one more turn computed. */
export function advance(history: History): History {
  const last = current(history);
  const turn = last.turn + 1;
  const result = step(history.scenario, last.state, history.streams, planAt(history.plans, turn));
  const kept = keptTurn(turn, result.state, result.patches, result.events, result.decisions);
  return { ...history, kept: [...history.kept, kept] };
}

/** The history advanced to its horizon (or to `turn`). */
export function advanceTo(history: History, turn = history.turns): History {
  let next = history;
  while (current(next).turn < turn) next = advance(next);
  return next;
}

/**
 * A what-if branch at `atTurn`: it keeps turns 0..atTurn of the parent and
 * adds interventions that act from atTurn + 1 on. It draws the same random
 * numbers as the parent (the streams are keyed, not shared sequences).
 *
 * Passing a variant's scenario switches the branch to it from atTurn + 1 on:
 * its parameters apply from then, and its own interventions count their turns
 * from the switch (a variant that forces an event at turn 1 forces it at
 * atTurn + 1), so a switch at turn 0 is the same as running the variant.
 */
export function branch(
  history: History,
  atTurn: number,
  added: readonly Intervention[],
  scenario?: Scenario,
): History {
  const early = added.find((item) => (item.kind === 'block' ? item.from : item.turn) <= atTurn);
  if (early !== undefined) {
    throw new SimulationError(`a branch at turn ${atTurn} can only change turns after it`);
  }
  if (atTurn < 0 || atTurn > current(history).turn) {
    throw new SimulationError(`cannot branch at turn ${atTurn}: the run has reached turn ${current(history).turn}`);
  }
  const interventions = [...history.interventions, ...added];
  // Segments that start after the fork belong to the parent's future, not the branch's.
  const kept = history.segments.filter((segment) => segment.from <= atTurn);
  const segments = scenario === undefined
    ? kept
    : [...kept.filter((segment) => segment.from < atTurn), { from: atTurn, scenario }];
  return {
    ...history,
    scenario: segments[segments.length - 1].scenario,
    segments,
    interventions,
    kept: history.kept.slice(0, atTurn + 1),
    plans: planInterventions([...segmentInterventions(segments), ...interventions], history.turns),
    streams: new Streams(history.seed),
  };
}
