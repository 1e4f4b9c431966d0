import { monthLabel, isoMonth } from './calendar.js';
import { hashOf } from './hash.js';
import { advanceTo, current, startHistory, type History } from './history.js';
import type { Frame } from './frame.js';
import { outcomeOf, type Outcome } from './outcome.js';
import { planRun, stepper, type RunOptions } from './plan.js';
import type { Decision, FiredEvent, Intervention, Scenario, WorldState } from './types.js';

/** A whole run on the interactive path: every state, change and explanation kept. */
export function run(scenario: Scenario, options: RunOptions): History {
  return advanceTo(startHistory(planRun(scenario, options)));
}

/** A run's summary on the batch path: no history, no per-turn hashing. */
export interface FastRun {
  readonly state: WorldState;
  /** Turn at which each event first fired. */
  readonly firstFired: Readonly<Record<string, number>>;
}

/** The turn at which each event first fired, from a state's tallies. */
export function firstFiredOf(state: WorldState): Record<string, number> {
  const firstFired: Record<string, number> = {};
  for (const [id, tally] of Object.entries(state.events)) firstFired[id] = tally.first;
  return firstFired;
}

/**
 * The batch path: the same turn recipe on one private frame, so it gives
 * bit-identical states to `run` without keeping anything. `onTurn` sees the
 * frame after every turn.
 */
export function runFast(scenario: Scenario, options: RunOptions, onTurn?: (frame: Frame) => void): FastRun {
  const run = stepper(planRun(scenario, options));
  for (let turn = 1; turn <= options.turns; turn += 1) {
    run.step();
    onTurn?.(run.frame);
  }
  const state = run.state();
  return { state, firstFired: firstFiredOf(state) };
}

/** The JSON shape of `sandtable run --json`. */
export interface RunResult {
  readonly seed: number;
  readonly turns: number;
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly version: string;
    readonly variant: string | null;
    readonly hash: string;
  };
  readonly interventions: readonly Intervention[];
  readonly timeline: readonly {
    readonly turn: number;
    readonly date: string;
    readonly month: string;
    readonly hash: string;
    readonly decisions: readonly Decision[];
    readonly events: readonly FiredEvent[];
  }[];
  readonly final: WorldState;
  readonly outcome: Outcome;
  readonly finalHash: string;
}

/** Summarise a finished history for output. */
export function resultOf(history: History): RunResult {
  const { scenario } = history;
  const last = current(history);
  return {
    seed: history.seed,
    turns: history.turns,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      version: scenario.version,
      variant: scenario.variant,
      hash: scenario.hash,
    },
    interventions: history.interventions,
    timeline: history.kept.map((turn) => ({
      turn: turn.turn,
      date: isoMonth(scenario.start, turn.turn),
      month: monthLabel(scenario.start, turn.turn),
      hash: turn.hash,
      decisions: turn.decisions,
      events: turn.events,
    })),
    final: last!.state,
    outcome: outcomeOf(scenario, last!.state),
    finalHash: hashOf(last!.state),
  };
}
