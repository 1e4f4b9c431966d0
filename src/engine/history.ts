import { SimulationError } from './errors.js';
import { hashOf } from './hash.js';
import { firstScenario, interventionsAt, partsOf, planRun, scenarioAt, type RunPlan } from './plan.js';
import { Streams } from './random.js';
import { step } from './step.js';
import type { Decision, FiredEvent, Intervention, Scenario, TurnChanges, WorldState } from './types.js';

/** One kept turn of a run: its state, what changed, and why. */
export interface Turn {
  readonly turn: number;
  readonly state: WorldState;
  readonly hash: string;
  /** What this turn changed in the state before it (nothing at turn 0). */
  readonly changes: TurnChanges;
  readonly events: readonly FiredEvent[];
  readonly decisions: readonly Decision[];
}

/**
 * A run on the interactive path: its plan and the turns computed so far
 * (index = turn). Histories are values: advancing or branching returns a new
 * history sharing the earlier turns with the old one.
 */
export interface History extends RunPlan {
  /** The scenario of the last segment (the one later turns are computed with). */
  readonly scenario: Scenario;
  readonly kept: readonly Turn[];
  readonly streams: Streams;
}

const NO_CHANGES: TurnChanges = Object.freeze({ values: [], flags: [], events: [], scheduled: false, actions: [] });

/** A new history at turn 0: of a plan, or of a scenario on a seed with the run's own interventions. */
export function startHistory(plan: RunPlan): History;
export function startHistory(scenario: Scenario, seed: number, turns: number, interventions?: readonly Intervention[]): History;
export function startHistory(
  from: RunPlan | Scenario,
  seed = 0,
  turns = 0,
  interventions: readonly Intervention[] = [],
): History {
  const plan = 'segments' in from ? from : planRun(from, { seed, turns, interventions });
  return historyOf(plan, [keptTurn(0, firstScenario(plan).initial, NO_CHANGES, [], [])]);
}

/** The history of `plan` with `kept` as its computed turns (they must be the plan's). */
function historyOf(plan: RunPlan, kept: readonly Turn[]): History {
  const { seed, turns, segments, interventions } = plan;
  return {
    seed,
    turns,
    segments,
    interventions,
    scenario: segments[segments.length - 1]!.scenario,
    kept,
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
  changes: TurnChanges,
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
    changes,
    events,
    decisions,
  };
}

/** The last kept turn. */
export function current(history: History): Turn {
  // A history always keeps turn 0.
  return history.kept[history.kept.length - 1]!;
}

/**
 * The history with one more turn computed. `added` act on that turn (a
 * person's choices, an instructor's injects) and join the run's own
 * interventions.
 */
export function advance(history: History, added: readonly Intervention[] = []): History {
  const last = current(history);
  const turn = last.turn + 1;
  const plan = added.length === 0 ? history : withAdded(history, last.turn, added);
  const result = step(scenarioAt(plan, turn), last.state, history.streams, interventionsAt(plan, turn));
  const kept = keptTurn(turn, result.state, result.changes, result.events, result.decisions);
  const next = plan === history ? history : historyOf(plan, history.kept);
  return { ...next, kept: [...history.kept, kept] };
}

/** The history advanced to its horizon (or to `turn`). */
export function advanceTo(history: History, turn = history.turns): History {
  let next = history;
  while (current(next).turn < turn) next = advance(next);
  return next;
}

/** The plan with interventions added that act after `atTurn`. */
function withAdded(plan: RunPlan, atTurn: number, added: readonly Intervention[]): RunPlan {
  const early = added.find((item) => (item.kind === 'block' ? item.from : item.turn) <= atTurn);
  if (early !== undefined) {
    throw new SimulationError(`a branch at turn ${atTurn} can only change turns after it`);
  }
  return planRun(firstScenario(plan), { ...partsOf(plan), interventions: [...plan.interventions, ...added] });
}

/**
 * A what-if branch at `atTurn`: it keeps turns 0..atTurn of the parent and
 * adds interventions that act from atTurn + 1 on. It draws the same random
 * numbers as the parent (the streams are keyed, not shared sequences).
 *
 * Passing a variant's scenario switches the branch to it from atTurn + 1 on
 * (see `planRun`); switches the parent made after atTurn belong to its
 * future, not the branch's.
 */
export function branch(
  history: History,
  atTurn: number,
  added: readonly Intervention[],
  scenario?: Scenario,
): History {
  const parts = partsOf(withAdded(history, atTurn, added));
  if (atTurn < 0 || atTurn > current(history).turn) {
    throw new SimulationError(`cannot branch at turn ${atTurn}: the run has reached turn ${current(history).turn}`);
  }
  const switches = parts.switches.filter((item) => (scenario === undefined ? item.turn <= atTurn : item.turn < atTurn));
  if (scenario !== undefined) switches.push({ turn: atTurn, scenario });
  const plan = planRun(firstScenario(history), { ...parts, switches });
  return historyOf(plan, history.kept.slice(0, atTurn + 1));
}

/**
 * The history as it was before its last turn: the interventions acting on
 * that turn dropped (the turns before cannot depend on them), the turns
 * before kept as computed.
 */
export function takeBackTurn(history: History): History {
  const last = current(history).turn;
  if (last === 0) return history;
  const interventions = history.interventions.filter((item) => (item.kind === 'block' ? item.from : item.turn) < last);
  const plan = planRun(firstScenario(history), { ...partsOf(history), interventions });
  return historyOf(plan, history.kept.slice(0, last));
}

/** The first turn whose state differs between two histories (up to `upTo` if given), or null when none does. */
export function firstDifference(a: History, b: History, upTo = Infinity): number | null {
  const turns = Math.min(a.kept.length - 1, b.kept.length - 1, upTo);
  for (let turn = 0; turn <= turns; turn += 1) {
    if (a.kept[turn]!.hash !== b.kept[turn]!.hash) return turn;
  }
  return null;
}
