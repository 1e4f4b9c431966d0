import { firstDifference } from '../engine/history.js';
import { postureOf } from '../engine/outcome.js';
import { stripControl } from '../engine/text.js';
import type { FiredEvent, Scenario } from '../engine/types.js';
import { keptTurn, type Branch } from './branches.js';

/** One indicator in both branches. */
export interface IndicatorPair {
  readonly id: string;
  readonly title: string;
  readonly parent: readonly number[];
  readonly branch: readonly number[];
  readonly differs: boolean;
}

/** One actor's posture in both branches. */
export interface PosturePair {
  readonly actor: string;
  readonly name: string;
  readonly parent: string;
  readonly branch: string;
}

/** An event of the turn on one side, and whether the other side has it too. */
export interface ComparedEvent {
  readonly id: string;
  readonly title: string;
  readonly shared: boolean;
}

/** A branch beside its parent at one turn: what differs. */
export interface BranchComparison {
  readonly turn: number;
  /** Every indicator, with its values over turns 0..turn in each branch. */
  readonly indicators: readonly IndicatorPair[];
  /** Actors whose posture differs. */
  readonly postures: readonly PosturePair[];
  readonly parentEvents: readonly ComparedEvent[];
  readonly branchEvents: readonly ComparedEvent[];
  /** The first turn whose state differs, or null when none up to `turn` does. */
  readonly firstDifference: number | null;
}

/**
 * Compare a branch with its parent at `turn`. Both must have reached the
 * turn. Values are compared as the engine rounded them, so "differs" means
 * the states differ, not that they print differently.
 */
export function compareAt(scenario: Scenario, parent: Branch, branch: Branch, turn: number): BranchComparison {
  const series = (of: Branch, id: string) => of.history.kept.slice(0, turn + 1).map((kept) => kept.state.indicators[id]!);
  const indicators = scenario.indicators.map((indicator) => {
    const a = series(parent, indicator.id);
    const b = series(branch, indicator.id);
    return { id: indicator.id, title: stripControl(indicator.title), parent: a, branch: b, differs: a[a.length - 1] !== b[b.length - 1] };
  });
  const before = keptTurn(parent, turn);
  const after = keptTurn(branch, turn);
  const postures = scenario.actors
    .map((actor) => ({
      actor: actor.id,
      name: stripControl(actor.name),
      parent: stripControl(postureOf(parent.history.scenario, actor.id, before.state)),
      branch: stripControl(postureOf(branch.history.scenario, actor.id, after.state)),
    }))
    .filter((pair) => pair.parent !== pair.branch);
  const ids = (events: readonly FiredEvent[]) => new Set(events.map((event) => event.id));
  const parentIds = ids(before.events);
  const branchIds = ids(after.events);
  return {
    turn,
    indicators,
    postures,
    parentEvents: before.events.map((event) => compared(event, branchIds)),
    branchEvents: after.events.map((event) => compared(event, parentIds)),
    firstDifference: firstDifference(parent.history, branch.history, turn),
  };
}

function compared(event: FiredEvent, other: ReadonlySet<string>): ComparedEvent {
  return { id: event.id, title: stripControl(event.title), shared: other.has(event.id) };
}
