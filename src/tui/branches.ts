import { advanceTo, branch as forkHistory, type History, type Turn } from '../engine/history.js';
import type { Intervention, Scenario } from '../engine/types.js';

/** A line of play: the main run or a what-if forked from another branch. */
export interface Branch {
  readonly id: number;
  /** `main`, `what-if 1`, ... */
  readonly name: string;
  readonly parent: number | null;
  /** The last turn shared with the parent (0 for main). */
  readonly forkTurn: number;
  /** What the what-if changed, in words (empty for main). */
  readonly change: string;
  readonly history: History;
}

/** The main branch of a new run. */
export function mainBranch(history: History): Branch {
  return { id: 0, name: 'main', parent: null, forkTurn: 0, change: '', history };
}

/** What a what-if changes when it forks a branch. */
export type Fork =
  | { readonly kind: 'interventions'; readonly interventions: readonly Intervention[]; readonly change: string }
  | { readonly kind: 'variant'; readonly variant: string; readonly scenario: Scenario; readonly change: string };

/** A new what-if branch forked from `parent` at `atTurn`; it shares the turns up to the fork. */
export function forkBranch(parent: Branch, id: number, atTurn: number, fork: Fork): Branch {
  const history = fork.kind === 'interventions'
    ? forkHistory(parent.history, atTurn, fork.interventions)
    : forkHistory(parent.history, atTurn, [], fork.scenario);
  return { id, name: `what-if ${id}`, parent: parent.id, forkTurn: atTurn, change: fork.change, history };
}

/** The branch with its history computed up to `turn` (or its horizon); kept turns are reused. */
export function reach(branch: Branch, turn: number): Branch {
  const target = Math.min(turn, branch.history.turns);
  if (branch.history.kept.length - 1 >= target) return branch;
  return { ...branch, history: advanceTo(branch.history, target) };
}

/** A kept turn of a branch (the branch must have reached it). */
export function keptTurn(branch: Branch, turn: number): Turn {
  return branch.history.kept[Math.min(turn, branch.history.kept.length - 1)]!;
}
