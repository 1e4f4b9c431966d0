import { advanceTo, startHistory, type History } from '../history.js';

/**
 * The baseline of a history: the same scenario and seed over the same turns,
 * with no choices, no injects and no other interventions of its own.
 */
export function baselineOf(history: History): History {
  return advanceTo(startHistory(history.segments[0].scenario, history.seed, history.kept.length - 1));
}

/** The first turn whose state hash differs between two histories, or null when none does. */
export function firstDifference(a: History, b: History): number | null {
  const turns = Math.min(a.kept.length, b.kept.length);
  for (let turn = 0; turn < turns; turn += 1) {
    if (a.kept[turn].hash !== b.kept[turn].hash) return turn;
  }
  return null;
}
