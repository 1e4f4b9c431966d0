import { advanceTo, startHistory, type History } from '../history.js';
import { firstScenario, planRun } from '../plan.js';

/**
 * The baseline of a history: the same scenario and seed over the same turns,
 * with no choices, no injects and no other interventions of its own.
 */
export function baselineOf(history: History): History {
  return advanceTo(startHistory(planRun(firstScenario(history), { seed: history.seed, turns: history.kept.length - 1 })));
}
