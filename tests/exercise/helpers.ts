import { startHistory } from '../../src/engine/history.js';
import type { Scenario } from '../../src/engine/types.js';
import { injectTimeline, rolesFor } from '../../src/cli/commands/exercise.js';
import { builtinSpec, loadScenario } from '../../src/scenarios/load.js';
import { reduce, startExercise, type ExerciseAction, type ExerciseSession } from '../../src/tui/exercise/session.js';
import type { Inject, Role } from '../../src/tui/exercise/types.js';

/** The built-in scenario exercises are played on. */
export const scenario: Scenario = loadScenario('niger-2024');

/** The roles of niger-2024 for these actors, with their briefs. */
export function roles(...actors: string[]): Role[] {
  return rolesFor(scenario, builtinSpec('niger-2024').roles, actors);
}

/** niger-2024's default inject timeline. */
export function injects(): Inject[] {
  return injectTimeline(scenario, builtinSpec('niger-2024').injects, null);
}

/** An exercise of `turns` turns on seed 42, past the opening brief. */
export function exercise(actors: string[], options: { turns?: number; injects?: Inject[] } = {}): ExerciseSession {
  const session = startExercise(startHistory(scenario, 42, options.turns ?? 6), roles(...actors), options.injects ?? injects());
  return reduce(session, { type: 'close' });
}

/** The session after these actions, in order. */
export function play(session: ExerciseSession, ...actions: ExerciseAction[]): ExerciseSession {
  return actions.reduce(reduce, session);
}

/** Highlight action `index` and choose it. */
export function pickAction(index: number): ExerciseAction[] {
  return [{ type: 'select', index }, { type: 'choose' }];
}
